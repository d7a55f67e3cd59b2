// The status bar item: indexing progress, then "N documents, M claims".
import * as vscode from 'vscode';
import type { IndexStatus } from '../server/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiPolicyClaims.status', vscode.StatusBarAlignment.Left, 10);
  // Ends the window progress indicator shown while the server indexes.
  private endProgress?: () => void;

  constructor() {
    this.item.name = 'AI Policy Claims';
    this.item.command = 'aiPolicyClaims.searchClaims';
    this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing sources…')}`;
    this.item.show();
  }

  show(status: IndexStatus): void {
    if (status.state === 'indexing') this.startProgress(status);
    else this.stopProgress();
    if (status.state === 'indexing') {
      this.item.text = `$(sync~spin) ${progressText(status)}`;
      const answering = status.progress?.answering;
      const partial = answering ? [vscode.l10n.t('Find Source and Search Claims answer from the {0} documents indexed so far.', answering)] : [];
      this.item.tooltip = [...partial, ...status.folders].join('\n');
      this.item.backgroundColor = undefined;
    } else if (status.state === 'ready') {
      // Folders that could not be read were left out: the icon says so, the tooltip says which.
      const icon = status.skipped?.length ? '$(warning)' : '$(book)';
      this.item.text = `${icon} ${vscode.l10n.t('AI Policy Claims: {0} documents, {1} claims', status.documents, status.claims)}`;
      this.item.tooltip = [...status.folders, ...(status.skipped ?? []), `${status.ms ?? 0} ms`].join('\n');
      this.item.backgroundColor = status.skipped?.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } else {
      this.item.text = `$(error) AI Policy Claims`;
      this.item.tooltip = status.message;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
  }

  private startProgress(status: IndexStatus): void {
    if (this.endProgress) return;
    // Created before withProgress runs its task, so an early `ready` still ends it.
    const done = new Promise<void>((resolve) => (this.endProgress = resolve));
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing {0} folder(s)…', status.folders.length) }, () => done);
  }

  private stopProgress(): void {
    this.endProgress?.();
    this.endProgress = undefined;
  }

  stopped(): void {
    this.stopProgress();
    this.item.text = `$(debug-disconnect) AI Policy Claims`;
    this.item.tooltip = vscode.l10n.t('The language server stopped; restarting…');
  }

  dispose(): void {
    this.stopProgress();
    this.item.dispose();
  }
}

/** Loading the saved index, or reading, parsing and indexing the files, with counts. */
export function progressText(status: IndexStatus): string {
  const p = status.progress;
  if (!p) return vscode.l10n.t('Indexing sources…');
  if (p.phase === 'loading') return vscode.l10n.t('Loading the saved index…');
  const counts = `${p.done.toLocaleString()}/${p.total.toLocaleString()}`;
  if (p.phase === 'reading') return vscode.l10n.t('Reading sources… {0} files', counts);
  if (p.phase === 'parsing') return vscode.l10n.t('Parsing sources… {0} documents', counts);
  return vscode.l10n.t('Indexing sources… {0} documents', counts);
}
