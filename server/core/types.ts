// Shared data shapes of the pure core. Ranges follow LSP: 0-based lines, UTF-16 characters.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** What a passage is within its page (named for people by ROLE_LABELS in text/labels.ts). Boilerplate is never indexed. */
export type Role = 'original' | 'translation' | 'summary' | 'analysis' | 'related';
export const ROLES: readonly Role[] = ['original', 'translation', 'summary', 'analysis', 'related'];

/** How a citation is written in a memo: Pandoc `[@key]`, a Markdown footnote, or plain text. */
export type CitationStyle = 'pandoc' | 'footnote' | 'plain';
export const CITATION_STYLES: readonly CitationStyle[] = ['pandoc', 'footnote', 'plain'];

export interface Passage {
  /** Index of the passage in `Corpus.passages`. */
  id: number;
  /** Index of the document in `Corpus.documents`. */
  doc: number;
  role: Role;
  lang: Lang;
  /** Exact text of the passage, as it appears in the file at `range`. */
  text: string;
  range: Range;
  /** 1-based paragraph number within the document (content lines, in file order), for `¶N` pinpoints. */
  paragraph: number;
  /** A heading: structure for display, never a statement (not ranked, not a fact). */
  heading?: boolean;
  /** Person quoted, when the passage is someone's quote (`Alex Stamos: …`). */
  speaker?: string;
  /** Ids of passages in the other language that this one translates or is translated by. */
  aligned: number[];
}

export interface CatalogEntry {
  title: string;
  /** Stable citation key, e.g. `verge2026mythos`. */
  key: string;
  outlet?: string;
  author?: string;
  /** ISO date (YYYY-MM-DD) or partial (YYYY-MM). */
  date?: string;
  url?: string;
}

export interface SourceDocument {
  id: number;
  /** Absolute path of the file. */
  path: string;
  /** Path relative to its corpus folder (what the CLI prints as `doc`). */
  name: string;
  /** Absolute path of the corpus folder the document came from. */
  folder: string;
  /** `seed` when the file follows the aggregator layout, `plain` otherwise. */
  layout: 'seed' | 'plain';
  catalog: CatalogEntry;
  /** Passage ids of this document, in file order. */
  passages: number[];
}

/** A logger passed into the core; tests pass `silentLogger`. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** The CLI's logger: warnings and errors always; progress lines on a terminal or with AIPC_VERBOSE=1. */
export const stderrLogger: Logger = {
  info: (m) => {
    if (process.stderr.isTTY || process.env.AIPC_VERBOSE === '1') process.stderr.write(`${m}\n`);
  },
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  error: (m) => process.stderr.write(`error: ${m}\n`),
};

export type EntityKind = 'model' | 'agency' | 'company' | 'person' | 'program' | 'benchmark' | 'other';

export const ENTITY_KINDS: readonly EntityKind[] = ['model', 'agency', 'company', 'person', 'program', 'benchmark', 'other'];

/** An entity of the catalog (core/entities.ts). */
export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  description: string;
  descriptionJa?: string;
  aliases: string[];
  /** Set on model names found by pattern rather than by the catalog. */
  detected?: boolean;
  /** The id or name of what this is part of, as the entity file gives it. */
  partOf?: string;
}
