// The per-document half of a first build — parsing, the catalog the text gives, index tokens
// with every annotator's, and the alignment of the two languages — for a batch of files, in a
// form that crosses between threads cheaply: passage fields in columns and tokens as numbers.
// A worker thread runs it over its share of the files; corpusAssembler.ts merges the batches,
// in corpus order, into the corpus a single-threaded build gives.
import { alignPassages } from './align';
import { GrowableInt32 } from './arrays';
import { inferCatalog } from './catalog';
import { passageTokens, type Annotator, type DocumentOrigin } from './corpus';
import { parseDocument } from './parse';
import { LANGS, ROLES } from './types';

/** A file as a worker needs it: its name (the parser and the catalog look at it) and its text. */
export interface FileText {
  name: string;
  content: string;
}

/** The analysed files of one batch, in the batch's order: per file, then per passage in file order. */
export interface AnalysedBatch {
  /** Per file: 1 for the seed layout. */
  layouts: Uint8Array;
  /** Per file: the catalog fields its text gives. */
  inferred: Array<DocumentOrigin['inferred']>;
  /** Per file: how many passages, and how many aligned (Japanese, English) pairs. */
  passageCounts: Int32Array;
  pairCounts: Int32Array;
  /** Per passage. */
  roles: Uint8Array;
  langs: Uint8Array;
  flags: Uint8Array;
  paragraphs: Int32Array;
  /** Start line, start character, end line, end character. */
  ranges: Int32Array;
  texts: string[];
  /** The speakers of the passages flagged SPOKEN, in order. */
  speakers: string[];
  /** Per passage: how many tokens (none for headings); the tokens, as ids of the batch's encoder. */
  tokenCounts: Int32Array;
  tokens: Int32Array;
  /** Aligned pairs, as passage numbers within their file: ja, en, ja, en… */
  pairs: Int32Array;
  /** The encoder's terms that this batch is the first to use: ids `firstTerm`, `firstTerm + 1`… */
  firstTerm: number;
  newTerms: string[];
}

export const HEADING = 1;
export const SPOKEN = 2;

/**
 * Numbers for terms, kept across the batches of one thread so that a term's string crosses to
 * the main thread once, not once per use.
 */
export class TermEncoder {
  private readonly ids = new Map<string, number>();
  private sent = 0;
  private readonly terms: string[] = [];

  encode(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The terms added since the last call, and the id of the first of them. */
  takeNew(): { firstTerm: number; newTerms: string[] } {
    const firstTerm = this.sent;
    this.sent = this.terms.length;
    return { firstTerm, newTerms: this.terms.slice(firstTerm) };
  }
}


/** Analyses `files` as a single-threaded build would, each file on its own. */
export function analyseFiles(files: FileText[], annotators: Annotator[], encoder: TermEncoder): AnalysedBatch {
  const layouts = new Uint8Array(files.length);
  const inferred: AnalysedBatch['inferred'] = [];
  const passageCounts = new Int32Array(files.length);
  const pairCounts = new Int32Array(files.length);
  const roles: number[] = [];
  const langs: number[] = [];
  const flags: number[] = [];
  const paragraphs = new GrowableInt32();
  const ranges = new GrowableInt32();
  const texts: string[] = [];
  const speakers: string[] = [];
  const tokenCounts = new GrowableInt32();
  const tokens = new GrowableInt32();
  const pairs = new GrowableInt32();
  for (const [i, file] of files.entries()) {
    const doc = parseDocument(file.content, file.name);
    layouts[i] = doc.layout === 'seed' ? 1 : 0;
    inferred.push(inferCatalog(doc, file.content));
    passageCounts[i] = doc.passages.length;
    for (const p of doc.passages) {
      roles.push(ROLES.indexOf(p.role));
      langs.push(LANGS.indexOf(p.lang));
      flags.push((p.heading ? HEADING : 0) | (p.speaker !== undefined ? SPOKEN : 0));
      if (p.speaker !== undefined) speakers.push(p.speaker);
      paragraphs.push(p.paragraph);
      ranges.push(p.range.start.line);
      ranges.push(p.range.start.character);
      ranges.push(p.range.end.line);
      ranges.push(p.range.end.character);
      texts.push(p.text);
      // Headings are structure, not statements: kept for display, never ranked.
      const terms = p.heading ? [] : passageTokens(p.text, annotators);
      tokenCounts.push(terms.length);
      for (const t of terms) tokens.push(encoder.encode(t));
    }
    const aligned = alignPassages(doc.passages);
    pairCounts[i] = aligned.length;
    for (const [ja, en] of aligned) {
      pairs.push(ja);
      pairs.push(en);
    }
  }
  return {
    layouts,
    inferred,
    passageCounts,
    pairCounts,
    roles: Uint8Array.from(roles),
    langs: Uint8Array.from(langs),
    flags: Uint8Array.from(flags),
    paragraphs: paragraphs.take(),
    ranges: ranges.take(),
    texts,
    speakers,
    tokenCounts: tokenCounts.take(),
    tokens: tokens.take(),
    pairs: pairs.take(),
    ...encoder.takeNew(),
  };
}

/** The typed arrays of a batch, to hand over to another thread instead of copying them. */
export function transferables(batch: AnalysedBatch): ArrayBuffer[] {
  const arrays = [batch.layouts, batch.passageCounts, batch.pairCounts, batch.roles, batch.langs, batch.flags, batch.paragraphs, batch.ranges, batch.tokenCounts, batch.tokens, batch.pairs];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
