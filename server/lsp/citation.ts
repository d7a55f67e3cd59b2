// aiPolicyClaims/citation and the `aiPolicyClaims.server.insertCitation` command: the citation of
// a passage for an open memo, in the writer's style; Pandoc citations also add the source to the
// CSL-JSON bibliography (the memo's front matter names it, else the setting).
import { ResponseError, ErrorCodes, TextDocumentEdit } from 'vscode-languageserver/node';
import { addToBibliography } from '../host/bibliography';
import { citationEdits, citedPassage, cslEntry } from '../core/citations';
import { inertLinks } from '../core/citations/markdown';
import { CITATION_STYLES } from '../core/types';
import {
  CitationRequest,
  INSERT_CITATION_COMMAND,
  type CitationParams,
  type CitationResponse,
} from '../protocol';
import type { Feature, ServerContext } from './context';
import { memoBibliography } from './memos';


export const citationFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: [INSERT_CITATION_COMMAND] } },
  register(ctx) {
    ctx.connection.onRequest(CitationRequest, (params) => citation(ctx, params));
    ctx.connection.onExecuteCommand(async (params) => {
      if (params.command !== INSERT_CITATION_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${params.command}`);
      const arg = (params.arguments?.[0] ?? {}) as Partial<CitationParams>;
      return insertCitation(ctx, arg);
    });
  },
};

/** The citation's edits against the memo as the server has it, with the bibliography updated. */
export async function citation(ctx: ServerContext, params: Partial<CitationParams>): Promise<CitationResponse> {
  const doc = typeof params.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `the memo is not open: ${String(params.uri)}`);
  if (!isPosition(params.position)) throw new ResponseError(ErrorCodes.InvalidParams, 'position must be {line, character}');
  const { corpus } = await ctx.workspace.indexed();
  const passage = citedPassage(corpus, params.passageId, params.source);
  if (!passage) throw new ResponseError(ErrorCodes.InvalidParams, `no passage ${String(params.passageId)} in the current index; search again`);
  const style = params.style && CITATION_STYLES.includes(params.style) ? params.style : ctx.workspace.settings.citation.style;
  const text = doc.getText();
  // Normalise an out-of-range position to the nearest place in the document.
  const at = doc.positionAt(doc.offsetAt(params.position));
  const catalog = corpus.documentOf(passage).catalog;
  const response: CitationResponse = { style, edits: citationEdits(style, text, at, catalog, passage), version: doc.version };
  if (style !== 'pandoc') return response;
  const file = memoBibliography(ctx, doc);
  if (!file) {
    return { ...response, message: 'No bibliography file: add `bibliography: references.json` to the memo front matter or open a workspace folder.' };
  }
  try {
    const result = await addToBibliography(file, [cslEntry(catalog)]);
    return { ...response, bibliography: { path: file, added: result.added.length > 0 } };
  } catch (e) {
    // The message names the file, and a notification would render `[x](command:…)` in it as a link.
    const error = inertLinks((e as Error).message);
    ctx.logger.warn(`bibliography not updated: ${error}`);
    return { ...response, bibliography: { path: file, added: false, error }, message: error };
  }
}

/** The executeCommand path: computes the citation and applies it through `workspace/applyEdit`. */
async function insertCitation(ctx: ServerContext, params: Partial<CitationParams>): Promise<CitationResponse & { applied: boolean }> {
  const response = await citation(ctx, params);
  const edit = { documentChanges: [TextDocumentEdit.create({ uri: params.uri as string, version: response.version }, response.edits)] };
  const result = await ctx.connection.workspace.applyEdit({ label: 'Insert citation', edit });
  const applied = result?.applied === true;
  if (!applied) ctx.logger.warn(`citation not inserted: ${result?.failureReason ?? 'the editor refused the edit'}`);
  if (response.message) void ctx.connection.window.showWarningMessage(response.message);
  return { ...response, applied };
}

function isPosition(p: unknown): p is { line: number; character: number } {
  const q = p as { line?: unknown; character?: unknown } | null | undefined;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
}
