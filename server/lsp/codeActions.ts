// Code actions on memos: "Replace `June 30` with the source's `July 1`" on a contradiction (a
// plain edit, the preferred quick fix) and "Insert citation for the best source" on a claim the
// last check found a source for (the server's insertCitation command writes it in the writer's
// style). Both read what the diagnostics already computed: no retrieval runs here.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INSERT_CITATION_COMMAND } from '../protocol';
import type { Feature } from './context';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.connection.onCodeAction((params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const actions = params.context.diagnostics.flatMap((d) => replaceValue(doc, d));
      const checked = ctx.checked.get(doc.uri);
      if (checked?.version === doc.version) {
        const finding = checked.findings.find((f) => overlaps(f.range, params.range));
        if (finding?.evidence && !finding.citations.length) {
          actions.push({
            title: `Insert citation for the best source (${finding.evidence.doc}, ¶${finding.evidence.paragraph})`,
            kind: CodeActionKind.QuickFix,
            command: {
              title: 'Insert citation for the best source',
              command: INSERT_CITATION_COMMAND,
              arguments: [{ uri: doc.uri, position: finding.citeAt, passageId: finding.evidence.id, source: { path: finding.evidence.path, start: finding.evidence.range.start } }],
            },
          });
        }
      }
      return actions;
    });
  },
};

/** The quick fix of a contradiction, when the memo still holds the claimed value where it was. */
function replaceValue(doc: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || data?.kind !== 'contradicted' || !data.memoRange) return [];
  if (doc.getText(data.memoRange) !== data.claimValue) return [];
  return [
    {
      title: `Replace \`${data.claimValue}\` with the source's \`${data.sourceValue}\``,
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [diagnostic],
      edit: { changes: { [doc.uri]: [{ range: data.memoRange, newText: data.sourceValue }] } },
    },
  ];
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
