// The status bar item: indexing progress, then "N documents, M claims".
import * as vscode from 'vscode';
import type { IndexStatus } from '../server/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiPolicyClaims.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'AI Policy Claims';
    this.item.command = 'aiPolicyClaims.searchClaims';
    this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing sources…')}`;
    this.item.show();
  }

  show(status: IndexStatus): void {
    if (status.state === 'indexing') {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing sources…')}`;
      this.item.tooltip = status.folders.join('\n');
      this.item.backgroundColor = undefined;
    } else if (status.state === 'ready') {
      this.item.text = `$(book) ${vscode.l10n.t('AI Policy Claims: {0} documents, {1} claims', status.documents, status.claims)}`;
      this.item.tooltip = `${status.folders.join('\n')}\n${status.ms ?? 0} ms`;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = `$(error) AI Policy Claims`;
      this.item.tooltip = status.message;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
  }

  stopped(): void {
    this.item.text = `$(debug-disconnect) AI Policy Claims`;
    this.item.tooltip = vscode.l10n.t('The language server stopped; restarting…');
  }

  dispose(): void {
    this.item.dispose();
  }
}
