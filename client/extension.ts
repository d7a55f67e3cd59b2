// The VS Code side: starts the bundled language server, shows the corpus state in the status
// bar, and registers the commands. Features live in the server; this stays thin.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { IndexStatusNotification, WorkspaceTrustedNotification, type IndexStatus, type InitializationOptions } from '../server/protocol';
import { registerCommands } from './commands';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

// A server that dies is restarted, up to this many times in this window; then the user decides.
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export interface ExtensionApi {
  client: LanguageClient;
  /** Resolves with the next `ready` status whose generation is at least `generation`. */
  whenIndexed(generation?: number): Promise<IndexStatus>;
  status(): IndexStatus | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi | undefined> {
  const output = vscode.window.createOutputChannel('AI Policy Claims', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    synchronize: { configurationSection: 'aiPolicyClaims' },
    outputChannel: output,
    errorHandler: restartingErrorHandler(output, () => client),
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('aiPolicyClaims'),
      // The saved index: per workspace when there is one, else shared by windows without a folder.
      storageDir: (context.storageUri ?? context.globalStorageUri).fsPath,
      // In Restricted Mode VS Code itself hands over only the user's values of the settings that
      // name files (package.json `restrictedConfigurations`); the server is told so that it also
      // ignores paths written in memos.
      trusted: vscode.workspace.isTrusted,
    } satisfies InitializationOptions,
  };
  client = new LanguageClient('aiPolicyClaims', 'AI Policy Claims', serverOptions, clientOptions);
  const statusBar = new StatusBar();
  context.subscriptions.push(statusBar);
  let last: IndexStatus | undefined;
  const waiters: Array<{ generation: number; resolve: (s: IndexStatus) => void }> = [];
  context.subscriptions.push(
    client.onNotification(IndexStatusNotification, (status) => {
      last = status;
      statusBar.show(status);
      for (const w of [...waiters]) {
        if (status.state === 'ready' && status.generation >= w.generation) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(status);
        }
      }
    }),
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) statusBar.stopped();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustedNotification, { trusted: true })),
  );
  try {
    await client.start();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.error(`failed to start the language server: ${message}`);
    const show = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(vscode.l10n.t('AI Policy Claims failed to start: {0}', message), show).then((choice) => {
      if (choice === show) output.show();
    });
    return undefined;
  }
  const api: ExtensionApi = {
    client,
    status: () => last,
    whenIndexed(generation = 1) {
      if (last?.state === 'ready' && last.generation >= generation) return Promise.resolve(last);
      return new Promise((resolve) => waiters.push({ generation, resolve }));
    },
  };
  registerCommands(context, api, output);
  return api;
}

/** Restarts a server that closed, with a message, at most MAX_RESTARTS times in RESTART_WINDOW_MS. */
function restartingErrorHandler(output: vscode.LogOutputChannel, current: () => LanguageClient | undefined): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (error) => {
      output.error(`language server connection error: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length < MAX_RESTARTS) {
        restarts.push(now);
        output.warn(`the language server stopped; restart ${restarts.length} of ${MAX_RESTARTS}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('The language server stopped; restarting…'));
        return { action: CloseAction.Restart, handled: true };
      }
      output.error(`the language server stopped ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes; not restarting`);
      const restart = vscode.l10n.t('Restart');
      const show = vscode.l10n.t('Show Log');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The AI Policy Claims language server keeps stopping and was not restarted.'), restart, show)
        .then((choice) => {
          if (choice === show) output.show();
          if (choice === restart) {
            restarts.length = 0;
            void current()?.start();
          }
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
