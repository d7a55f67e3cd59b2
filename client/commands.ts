// Registers the extension's commands; each command's logic lives in its own module. Commands
// take an optional options object that skips the picker (the editor tests use it); without one
// they show the same pickers a person uses.
import * as vscode from 'vscode';
import { ReindexRequest } from '../server/protocol';
import { checkMemoCommand } from './checkMemo';
import type { ExtensionApi } from './extension';
import { findSourcesCommand, type FindSourcesOptions } from './findSources';
import { insertCitationCommand, type InsertCitationOptions } from './insertCitation';
import { PassageHighlighter } from './preview';
import { searchClaimsCommand, type SearchClaimsOptions } from './searchClaims';

export function registerCommands(context: vscode.ExtensionContext, api: ExtensionApi, output: vscode.LogOutputChannel): void {
  const highlighter = new PassageHighlighter();
  context.subscriptions.push(
    highlighter,
    vscode.commands.registerCommand('aiPolicyClaims.showLog', () => output.show()),
    vscode.commands.registerCommand('aiPolicyClaims.reindex', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Re-indexing the corpus…') }, () =>
        api.client.sendRequest(ReindexRequest),
      ),
    ),
    guarded('aiPolicyClaims.insertCitation', (options?: InsertCitationOptions) => insertCitationCommand(api, options ?? {}), output),
    guarded('aiPolicyClaims.findSources', (options?: FindSourcesOptions) => findSourcesCommand(api, highlighter, options ?? {}), output),
    guarded('aiPolicyClaims.searchClaims', (options?: SearchClaimsOptions) => searchClaimsCommand(api, highlighter, options ?? {}), output),
    guarded('aiPolicyClaims.checkMemo', () => checkMemoCommand(api), output),
  );
}

/**
 * A command whose failure is logged and shown to the user once (a rejected command would make
 * VS Code show a second, less helpful message); it then returns undefined. Menus and keybindings pass the editor's URI as the first argument,
 * which is not an options object, so anything but a plain object counts as none.
 */
function guarded<T, R>(id: string, run: (options?: T) => Promise<R>, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown) => {
    const options = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as T) : undefined;
    try {
      return await run(options);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      output.error(`${id}: ${message}`);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  });
}
