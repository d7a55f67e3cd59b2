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
  const { corpus, bridges } = await ctx.workspace.indexed();
  const result = findSources(corpus, claim.text, { top: params.top ?? 8, entities: bridges.entities, languages: ctx.workspace.settings.languages });
  return { ...result, claimRange: claim.range, uris: result.sources.map((s) => fileUri(s.path)) };
}

function claimOf(ctx: ServerContext, params: FindSourcesParams) {
  if (params.text?.trim()) return { text: params.text.trim(), range: params.range };
  if (!params.uri) return undefined;
  const doc = ctx.documents.get(params.uri);
  if (!doc) return undefined;
  if (params.range && (params.range.start.line !== params.range.end.line || params.range.start.character !== params.range.end.character)) {
    return { text: doc.getText(params.range).trim(), range: params.range };
  }
  const at = params.position ?? params.range?.start;
  if (!at) return undefined;
  const sentence = sentenceAt(doc.getText(), at.line, at.character);
  return sentence ? { text: sentence.text, range: sentence.range } : undefined;
}
