// Registers the extension's commands; each command's logic lives in its own module.
import * as vscode from 'vscode';
import { ReindexRequest } from '../server/protocol';
import type { ExtensionApi } from './extension';

export function registerCommands(context: vscode.ExtensionContext, api: ExtensionApi, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('aiPolicyClaims.showLog', () => output.show()),
    vscode.commands.registerCommand('aiPolicyClaims.reindex', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Re-indexing the corpus…') }, () =>
        api.client.sendRequest(ReindexRequest),
      ),
    ),
  );
}
