// The language server: wires the LSP connection to the workspace and the feature handlers.
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection, type ServerCapabilities } from 'vscode-languageserver/node';
import type { Logger } from './core/types';
import type { ServerContext } from './lsp/context';
import { FEATURES } from './lsp/features';
import { GetIndexStatusRequest, IndexStatusNotification, ReindexRequest, type InitializationOptions } from './protocol';
import { needsReindex, readSettings } from './settings';
import { Workspace } from './workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// Logs go to the client's output channel (stdout is the protocol stream).
const logger: Logger = {
  info: (m) => connection.console.info(m),
  warn: (m) => connection.console.warn(m),
  error: (m) => connection.console.error(m),
};

const workspace = new Workspace(logger, (status) => void connection.sendNotification(IndexStatusNotification, status));
const ctx: ServerContext = { connection, documents, workspace, logger };
let canPullConfiguration = false;

connection.onInitialize((params) => {
  workspace.roots = (params.workspaceFolders ?? []).flatMap((f) => (f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : []));
  if (!workspace.roots.length && params.rootUri?.startsWith('file:')) workspace.roots = [fileURLToPath(params.rootUri)];
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  const options = params.initializationOptions as InitializationOptions | undefined;
  workspace.settings = readSettings(options?.settings);
  if (typeof options?.storageDir === 'string' && options.storageDir) workspace.indexDir = options.storageDir;
  const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const f of FEATURES) Object.assign(capabilities, f.capabilities);
  return { capabilities, serverInfo: { name: 'ai-policy-claims' } };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    try {
      workspace.settings = readSettings(await connection.workspace.getConfiguration('aiPolicyClaims'));
    } catch (e) {
      logger.warn(`could not read settings: ${(e as Error).message}`);
    }
  }
  void workspace.reindex();
});

connection.onDidChangeConfiguration(async (change) => {
  const previous = workspace.settings;
  const raw = canPullConfiguration ? await connection.workspace.getConfiguration('aiPolicyClaims') : (change.settings as { aiPolicyClaims?: unknown })?.aiPolicyClaims;
  workspace.settings = readSettings(raw);
  if (needsReindex(previous, workspace.settings)) void workspace.reindex();
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
