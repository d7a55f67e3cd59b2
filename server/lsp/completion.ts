// textDocument/completion after `[@`: the corpus documents' citation keys (title as detail, the
// source as documentation), then the keys of the memo's bibliography file the corpus lacks.
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { escapeMarkdown, oneLine } from '../core/citations/markdown';
import { readBibliographyEntries, type BibliographyEntry } from '../host/bibliography';
import { keyPrefixAt } from '../core/citationKeys';
import { splitLines } from '../core/text';
import type { Feature } from './context';
import { memoBibliography, memoPath } from './memos';

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: ['@'] } },
  register(ctx) {
    ctx.connection.onCompletion(async (params): Promise<CompletionItem[] | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const line = splitLines(doc.getText())[params.position.line] ?? '';
      const typed = keyPrefixAt(line, params.position.character);
      if (!typed) return null;
      const { corpus } = await ctx.workspace.indexed();
      const range = { start: { line: params.position.line, character: typed.start }, end: params.position };
      const items: CompletionItem[] = corpus.documents.map((d, i) => {
        const c = d.catalog;
        const about = [c.author, c.outlet, c.date].filter((x): x is string => !!x).map((x) => escapeMarkdown(oneLine(x)));
        return {
          label: c.key,
          kind: CompletionItemKind.Reference,
          detail: oneLine(c.title),
          documentation: { kind: MarkupKind.Markdown, value: [`**${escapeMarkdown(oneLine(c.title))}**`, about.join(', '), escapeMarkdown(d.name)].filter(Boolean).join('\n\n') },
          filterText: c.key,
          sortText: `0${String(i).padStart(6, '0')}`,
          textEdit: { range, newText: c.key },
        };
      });
      const known = new Set(items.map((i) => i.label));
      const file = memoBibliography(ctx, doc);
      if (file && file !== memoPath(doc)) {
        for (const entry of await entriesOrNone(file)) {
          if (known.has(entry.id)) continue;
          known.add(entry.id);
          items.push({
            label: entry.id,
            kind: CompletionItemKind.Reference,
            detail: entry.title ? oneLine(entry.title) : 'bibliography entry',
            sortText: `1${entry.id}`,
            textEdit: { range, newText: entry.id },
          });
        }
      }
      return items;
    });
  },
};

/** Completion must not fail: a bibliography that is not CSL-JSON, unreadable or malformed offers no keys. */
async function entriesOrNone(file: string): Promise<BibliographyEntry[]> {
  try {
    return await readBibliographyEntries(file);
  } catch {
    return [];
  }
}
