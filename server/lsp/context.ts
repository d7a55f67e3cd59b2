// What every LSP feature handler gets: the connection, the open documents and the workspace.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MemoFinding } from '../core/check';
import type { Logger } from '../core/types';
import type { Workspace } from '../workspace';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  logger: Logger;
  /** The latest check of each open memo: the diagnostics write it, the code actions read it. */
  checked: Map<string, CheckedMemo>;
  /** Calls `listener` after the client's settings were read again. */
  onSettings(listener: () => void): void;
}

/** One check of a memo, valid for its `version` only. */
export interface CheckedMemo {
  version: number;
  findings: MemoFinding[];
  /** Index generation and check settings the findings were made with. */
  state: string;
}

/** One LSP feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
