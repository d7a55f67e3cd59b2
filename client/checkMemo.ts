// Check Memo: asks the server to check the active memo now (its findings arrive as diagnostics),
// reports the counts and shows the Problems view. Saves nothing.
import * as vscode from 'vscode';
import { CheckMemoRequest, type CheckMemoResult } from '../server/protocol';
import type { ExtensionApi } from './extension';

export async function checkMemoCommand(api: ExtensionApi): Promise<CheckMemoResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a memo to check it.'));
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking memo…') },
    () => api.client.sendRequest(CheckMemoRequest, { uri: editor.document.uri.toString() }),
  );
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Checked {0} sentences: {1} supported, {2} contradicted, {3} unsupported.',
      result.checked,
      result.supported,
      result.contradicted,
      result.unsupported,
    ),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}
