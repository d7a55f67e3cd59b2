// Custom LSP methods, declared once with their types; the client imports this module too.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { FindSourcesResult, SourceView } from './core/findSources';
import type { ClaimRequest } from './core/searchClaims';
import type { CitationStyle, Range } from './core/types';

export type { CitationStyle, FindSourcesResult, SourceView };

export interface IndexStatus {
  state: 'indexing' | 'ready' | 'error';
  documents: number;
  claims: number;
  passages: number;
  folders: string[];
  ms?: number;
  message?: string;
  /** Folders (or parts of them) that could not be read and were left out, one line each. */
  skipped?: string[];
  /** Increases with every re-index, so a client can wait for a fresh one. */
  generation: number;
  /**
   * While indexing: what is being done — `loading` the saved index (no counts), or `reading`,
   * `parsing` and `indexing` the files (`done` of `total` files) — and, when `answering` is set,
   * that Find Source and Search Claims answer from the `answering` documents indexed so far.
   */
  progress?: { phase: 'loading' | 'reading' | 'parsing' | 'indexing'; done: number; total: number; answering?: number };
  /** When ready: indexed from the text, loaded from the saved index, or updated for changed files. */
  from?: 'built' | 'loaded' | 'updated';
}

/** What a client may send as `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /** The `aiPolicyClaims` settings section. */
  settings?: unknown;
  /**
   * A folder the server may keep its saved index in (VS Code: the extension's workspace storage,
   * else its global storage). Without it: $AIPC_INDEX_DIR, else $XDG_CACHE_HOME/ai-policy-claims.
   */
  storageDir?: string;
  /** False in VS Code's Restricted Mode: the server then ignores paths written in memos. */
  trusted?: boolean;
}

/** Sent when indexing starts, finishes or fails. Tests and the status bar wait for `ready`. */
export const IndexStatusNotification = new NotificationType<IndexStatus>('aiPolicyClaims/indexStatus');

export const GetIndexStatusRequest = new RequestType0<IndexStatus, void>('aiPolicyClaims/indexStatus');

export interface FindSourcesParams {
  /** The claim; when absent, the sentence of `uri` at `position` (or the text of `range`). */
  text?: string;
  uri?: string;
  position?: { line: number; character: number };
  range?: Range;
  top?: number;
}

/** An answer given while the first index is built: from the first `documents` of `total` documents. */
export interface PartialAnswer {
  documents: number;
  total: number;
}

export interface FindSourcesResponse extends FindSourcesResult {
  /** Set when the answer comes from the documents indexed so far, not the whole corpus. */
  partial?: PartialAnswer;
  /** Where the claim sits in the memo, when it came from one. */
  claimRange?: Range;
  /** file: URI of each source's document, in `sources` order. */
  uris: string[];
}

export const FindSourcesRequest = new RequestType<FindSourcesParams, FindSourcesResponse | null, void>('aiPolicyClaims/findSources');

/** The query, with filters as parameters or typed as prefixes (`entity:`, `lang:`…); parameters win. */
export interface SearchClaimsParams extends Omit<ClaimRequest, 'languages'> {
  limit?: number;
}

export interface ClaimItem extends SourceView {
  uri: string;
  /** Canonical names of the entities the passage mentions. */
  entities: string[];
}

export const SearchClaimsRequest = new RequestType<SearchClaimsParams, ClaimItem[], void>('aiPolicyClaims/searchClaims');

export const ReindexRequest = new RequestType0<IndexStatus, void>('aiPolicyClaims/reindex');

/**
 * Sent by the VS Code client when the user trusts the workspace (it starts untrusted in
 * Restricted Mode: `initializationOptions.trusted` false). Untrusted, the server follows no path
 * a memo names (front matter `bibliography:`); other editors have no workspace trust and are
 * trusted unless they say otherwise.
 */
export const WorkspaceTrustedNotification = new NotificationType<{ trusted: boolean }>('aiPolicyClaims/workspaceTrusted');

export interface CheckMemoParams {
  uri: string;
}

/** Counts of one memo check; its findings are published as the memo's diagnostics. */
export interface CheckMemoResult {
  checked: number;
  supported: number;
  contradicted: number;
  unsupported: number;
}

/** Checks an open memo now (no debounce), publishes its diagnostics and returns the counts. */
export const CheckMemoRequest = new RequestType<CheckMemoParams, CheckMemoResult, void>('aiPolicyClaims/checkMemo');

export interface CitationParams {
  /** The open memo the citation goes into. */
  uri: string;
  /** Where the citation marker is inserted. */
  position: { line: number; character: number };
  /** The cited passage (`SourceView.id` / `ClaimItem.id` of the current index). */
  passageId: number;
  /**
   * Where that passage was when its id was handed out (`SourceView.path` and `range.start`): if the
   * corpus was re-indexed since, the passage is found again there, or the citation is refused.
   */
  source?: { path: string; start: { line: number; character: number } };
  /** Defaults to the `aiPolicyClaims.citation.style` setting. */
  style?: CitationStyle;
}

export interface CitationResponse {
  style: CitationStyle;
  /** Edits to the memo: the marker, and for footnotes the definition at the end. */
  edits: Array<{ range: Range; newText: string }>;
  /** Version of the memo the edits were computed against; apply them to that version only. */
  version: number;
  /** Pandoc style: the CSL-JSON file the source was added to (`added` false when already there). */
  bibliography?: { path: string; added: boolean; error?: string };
  /** Said to the user when something is worth knowing (no bibliography file, write failed). */
  message?: string;
}

/** Computes a citation for an open memo and, in Pandoc style, adds the source to the bibliography. */
export const CitationRequest = new RequestType<CitationParams, CitationResponse, void>('aiPolicyClaims/citation');

/**
 * `workspace/executeCommand` command with one argument `{uri, position, passageId}`: the same as
 * CitationRequest, with the edits applied through `workspace/applyEdit`. Code actions use it.
 */
export const INSERT_CITATION_COMMAND = 'aiPolicyClaims.server.insertCitation';
