// Diagnostics in a real editor: a memo whose dates the sources contradict gets warnings that
// show both values and point at the source; the quick fix puts the source's date in, and the
// warning goes away. Waits on VS Code's diagnostics events, never on a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexedApi, openMemo } from './helpers';

const SOURCE = 'AI Policy Claims';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Our diagnostics of `uri` as soon as `ok` holds for them (now, or after a later publish). */
function diagnosticsWhen(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  if (ok(ours(uri))) return Promise.resolve(ours(uri));
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const now = ours(uri);
      if (!ok(now)) return;
      subscription.dispose();
      resolve(now);
    });
  });
}

const contradictions = (ds: vscode.Diagnostic[]) => ds.filter((d) => /^Contradicted/.test(d.message));
const onLine = (ds: vscode.Diagnostic[], line: number) => ds.filter((d) => d.range.start.line === line);

function lineOf(doc: vscode.TextDocument, text: string): number {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is not in ${doc.uri.path}`);
  return doc.positionAt(at).line;
}

describe('diagnostics', () => {
  afterEach(async () => {
    // The quick-fix test edits the memo; leave it as it is on disk for the tests after this one.
    if (vscode.window.activeTextEditor?.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('warn on contradicted dates in English and Japanese, with both values and a link to the source', async () => {
    await indexedApi();
    const editor = await openMemo('memo-contradiction.md');
    const doc = editor.document;
    const en = lineOf(doc, 'issued on June 30');
    const ja = lineOf(doc, '6月30日');
    const mythos = lineOf(doc, "Anthropic's Mythos");
    const found = await diagnosticsWhen(doc.uri, (ds) => onLine(contradictions(ds), en).length > 0 && onLine(contradictions(ds), ja).length > 0);

    const [english] = onLine(contradictions(found), en);
    assert.equal(english.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(doc.getText(english.range), /June 30/);
    assert.match(english.message, /the memo says June 30, the source says June 12/);
    const related = english.relatedInformation ?? [];
    assert.ok(related.some((r) => /\/seeds\/\d{3}_[0-9a-f]+\.txt$/.test(r.location.uri.path)), `no link to a seed passage: ${related.map((r) => r.location.uri.toString()).join(', ')}`);

    const [japanese] = onLine(contradictions(found), ja);
    assert.match(doc.getText(japanese.range), /6月30日/);
    assert.match(japanese.message, /6月12日/);

    assert.equal(onLine(contradictions(found), mythos).length, 0, 'the Mythos sentence is flagged as contradicted');
  });

  it("quick fix: replacing the date with the source's clears the warning", async () => {
    await indexedApi();
    const editor = await openMemo('memo-contradiction.md');
    const doc = editor.document;
    const en = lineOf(doc, 'issued on June 30');
    const [warning] = onLine(contradictions(await diagnosticsWhen(doc.uri, (ds) => onLine(contradictions(ds), en).length > 0)), en);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /Replace `June 30` with the source's `June 12`/.test(a.title));
    assert.ok(fix?.edit, `no quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(en).text, /issued on June 12\./);
    await diagnosticsWhen(doc.uri, (ds) => onLine(contradictions(ds), en).length === 0);
  });
});
