// An open memo as the core takes it: its file, its bibliography, whether it is a memo at all.
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bibliographyPath, isInside } from '../core/citations/bibliographyPath';
import type { ServerContext } from './context';

/** The memo's file, when it is saved as one. */
export function memoPath(doc: TextDocument): string | undefined {
  return doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined;
}

/** The CSL-JSON file the memo's citations go to (core/citations/bibliographyPath.ts). */
export function memoBibliography(ctx: ServerContext, doc: TextDocument): string | undefined {
  const { workspace } = ctx;
  return bibliographyPath({ memoPath: memoPath(doc), memoText: doc.getText(), roots: workspace.roots, trusted: workspace.trusted, setting: workspace.settings.citation.bibliography });
}

/** Markdown and plain-text documents outside the corpus folders (a source is not a memo). */
export function isMemo(ctx: ServerContext, doc: TextDocument): boolean {
  if (doc.languageId !== 'markdown' && doc.languageId !== 'plaintext') return false;
  const file = memoPath(doc);
  return !file || !ctx.workspace.folders().some((folder) => isInside(file, folder));
}
