// What every LSP feature handler gets: the connection, the open documents and the workspace.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../core/types';
import type { Workspace } from '../workspace';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  logger: Logger;
}

/** One LSP feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
