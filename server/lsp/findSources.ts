// aiPolicyClaims/findSources: the claim is given, or taken from the memo at the cursor.
import { findSources } from '../core/findSources';
import { sentenceAt } from '../core/memo';
import { FindSourcesRequest, type FindSourcesParams, type FindSourcesResponse } from '../protocol';
import { fileUri } from '../workspace';
import type { Feature, ServerContext } from './context';

export const findSourcesFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(FindSourcesRequest, (params) => answer(ctx, params));
  },
};

async function answer(ctx: ServerContext, params: FindSourcesParams): Promise<FindSourcesResponse | null> {
  const claim = claimOf(ctx, params);
  if (!claim) return null;
  // While the first index is built, from the documents indexed so far (and the answer says so).
  const { corpus, bridges, partial } = await ctx.workspace.answerable();
  const top = Number.isInteger(params.top) && (params.top as number) > 0 ? Math.min(params.top as number, 100) : 8;
  const result = findSources(corpus, claim.text, { top, entities: bridges.entities, languages: ctx.workspace.settings.languages });
  return { ...result, ...(partial ? { partial } : {}), claimRange: claim.range, uris: result.sources.map((s) => fileUri(s.path)) };
}

function claimOf(ctx: ServerContext, params: FindSourcesParams) {
  // Params come from any client: each field is used only when it has the declared shape.
  const range = isRange(params.range) ? params.range : undefined;
  if (typeof params.text === 'string' && params.text.trim()) return { text: params.text.trim(), range };
  if (typeof params.uri !== 'string') return undefined;
  const doc = ctx.documents.get(params.uri);
  if (!doc) return undefined;
  if (range && (range.start.line !== range.end.line || range.start.character !== range.end.character)) {
    return { text: doc.getText(range).trim(), range };
  }
  const at = isPosition(params.position) ? params.position : range?.start;
  if (!at) return undefined;
  const sentence = sentenceAt(doc.getText(), at.line, at.character);
  return sentence ? { text: sentence.text, range: sentence.range } : undefined;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  const q = p as { line?: unknown; character?: unknown } | null | undefined;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
}

function isRange(r: unknown): r is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const q = r as { start?: unknown; end?: unknown } | null | undefined;
  return !!q && isPosition(q.start) && isPosition(q.end);
}
