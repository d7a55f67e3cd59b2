// The language server: wires the LSP connection to the workspace and the feature handlers.
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection, type ServerCapabilities } from 'vscode-languageserver/node';
import type { Logger } from './core/types';
import type { ServerContext } from './lsp/context';
import { FEATURES } from './lsp/features';
import { answerInvalidParams, guardParams } from './paramsGuard';
import { GetIndexStatusRequest, IndexStatusNotification, ReindexRequest, WorkspaceTrustedNotification, type InitializationOptions } from './protocol';
import { needsReindex, readSettings } from './settings';
import { Workspace } from './workspace';

const connection = createConnection(ProposedFeatures.all, { messageStrategy: guardParams() });
answerInvalidParams(connection);
const documents = new TextDocuments(TextDocument);

// Logs go to the client's output channel (stdout is the protocol stream).
const logger: Logger = {
  info: (m) => connection.console.info(m),
  warn: (m) => connection.console.warn(m),
  error: (m) => connection.console.error(m),
};

const workspace = new Workspace(logger, (status) => void connection.sendNotification(IndexStatusNotification, status));
const settingsListeners: Array<() => void> = [];
const ctx: ServerContext = { connection, documents, workspace, logger, checked: new Map(), onSettings: (listener) => settingsListeners.push(listener) };
let canPullConfiguration = false;

/** Reads the settings the client sent; values of the wrong type fall back to defaults, said in one line. */
function applySettings(raw: unknown): void {
  const ignored: string[] = [];
  workspace.settings = readSettings(raw, ignored);
  if (ignored.length) logger.warn(`ignored settings of the wrong type, using their defaults: ${ignored.map((k) => (k.startsWith('aiPolicyClaims') ? k : `aiPolicyClaims.${k}`)).join(', ')}`);
}

/** The settings the client holds now; undefined (and one log line) when it cannot say. */
async function pullSettings(): Promise<unknown> {
  try {
    return await connection.workspace.getConfiguration('aiPolicyClaims');
  } catch (e) {
    logger.warn(`could not read settings: ${(e as Error).message}`);
    return undefined;
  }
}

connection.onInitialize((params) => {
  workspace.roots = (params.workspaceFolders ?? []).flatMap((f) => (f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : []));
  if (!workspace.roots.length && params.rootUri?.startsWith('file:')) workspace.roots = [fileURLToPath(params.rootUri)];
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  const options = params.initializationOptions as InitializationOptions | null | undefined;
  applySettings(options?.settings);
  workspace.trusted = options?.trusted !== false;
  if (typeof options?.storageDir === 'string' && options.storageDir) workspace.indexDir = options.storageDir;
  const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const f of FEATURES) Object.assign(capabilities, f.capabilities);
  return { capabilities, serverInfo: { name: 'ai-policy-claims' } };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    const raw = await pullSettings();
    if (raw !== undefined) applySettings(raw);
  }
  void workspace.reindex();
});

connection.onDidChangeConfiguration(async (change) => {
  const previous = workspace.settings;
  // A client that fails the pull keeps the settings it had; a pushed value of any shape is read.
  const raw = canPullConfiguration ? await pullSettings() : (change?.settings as { aiPolicyClaims?: unknown } | null | undefined)?.aiPolicyClaims;
  if (canPullConfiguration && raw === undefined) return;
  applySettings(raw);
  if (needsReindex(previous, workspace.settings)) void workspace.reindex();
  for (const listener of settingsListeners) listener();
});

connection.onNotification(WorkspaceTrustedNotification, (params) => {
  workspace.trusted = params?.trusted !== false;
});

connection.onRequest(GetIndexStatusRequest, () => workspace.status);
connection.onRequest(ReindexRequest, async () => {
  // The user asked: everything from the text, whatever the saved index says.
  await workspace.reindex(true);
  return workspace.status;
});

for (const f of FEATURES) f.register(ctx);

connection.onShutdown(() => workspace.dispose());
documents.listen(connection);
connection.listen();
