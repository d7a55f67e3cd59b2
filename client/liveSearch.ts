// A quick pick whose items come from the server as the person types: each keystroke waits a
// moment, a newer query cancels the request still running, the pick shows busy meanwhile, and
// a failed search shows as an item rather than an error dialog.
import * as vscode from 'vscode';

export const SEARCH_DELAY_MS = 150;

export interface LiveSearch {
  /** Searches now (the first listing, or after the filters changed). */
  refresh(query: string): Promise<void>;
  /** Stops the pending and running searches (call when the pick hides). */
  stop(): void;
}

export function liveSearch<T extends vscode.QuickPickItem>(
  pick: vscode.QuickPick<T | vscode.QuickPickItem>,
  search: (query: string, token: vscode.CancellationToken) => Promise<Array<T | vscode.QuickPickItem>>,
): LiveSearch {
  let request: vscode.CancellationTokenSource | undefined;
  let timer: NodeJS.Timeout | undefined;
  const refresh = async (query: string) => {
    request?.cancel();
    const mine = (request = new vscode.CancellationTokenSource());
    pick.busy = true;
    try {
      const items = await search(query, mine.token);
      if (!mine.token.isCancellationRequested) pick.items = items;
    } catch (e) {
      if (!mine.token.isCancellationRequested) pick.items = [{ label: vscode.l10n.t('Search failed: {0}', (e as Error).message), alwaysShow: true }];
    } finally {
      if (request === mine) pick.busy = false;
    }
  };
  pick.onDidChangeValue((value) => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(value), SEARCH_DELAY_MS);
  });
  return {
    refresh,
    stop() {
      clearTimeout(timer);
      request?.cancel();
    },
  };
}
