// The corpus: documents, their passages, and the ranked-retrieval index over them.
import { alignPassages } from './align';
import { append, numbersFrom } from './arrays';
import { PassageRange } from './passageRange';
import { assignKeys, inferCatalog, type CatalogSidecar } from './catalog';
import { parseDocument, type ParsedDocument } from './parse';
import { IndexBuilder, type SearchIndex } from './searchIndex';
import { indexTokens } from './tokenize';
import type { CatalogEntry, Passage, Role, SourceDocument } from './types';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to its corpus folder. */
  name: string;
  /** Absolute path of the corpus folder. */
  folder: string;
  content: string;
  /** Size, modification time and content hash as read from disk (absent for in-memory files). */
  stamp?: FileStamp;
}

/** What tells a saved document from a changed file: size and mtime first, the content hash if they differ. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

/**
 * Where a document came from, kept so that a saved or updated index can redo the cheap
 * corpus-wide steps (the folder's catalog corrections, unique keys) without re-parsing.
 */
export interface DocumentOrigin {
  /** The catalog fields the text itself gave, before corrections and key assignment. */
  inferred: Omit<CatalogEntry, 'key'>;
  stamp?: FileStamp;
}

/** Extra retrieval tokens for a text: normalised facts and entity ids bridge the two languages. */
export type Annotator = (text: string) => string[];

/** How much each role counts as evidence when ranking (analysis is opinion, related is another article). */
export const ROLE_BOOST: Record<Role, number> = {
  original: 1,
  translation: 0.97,
  summary: 0.85,
  related: 0.6,
  analysis: 0.5,
};

export interface CorpusOptions {
  sidecars?: Map<string, CatalogSidecar>;
  annotators?: Annotator[];
}

export class Corpus {
  private constructor(
    readonly documents: SourceDocument[],
    readonly passages: Passage[],
    readonly index: SearchIndex,
    readonly boost: Float32Array,
    readonly annotators: Annotator[],
    /** One per document: what an incremental update or a saved index needs to redo the corpus-wide steps. */
    readonly origins: DocumentOrigin[],
  ) {}

  /** For the builder below, a saved index and an incremental update; everyone else calls `build` or `buildAsync`. */
  static assemble(documents: SourceDocument[], passages: Passage[], index: SearchIndex, annotators: Annotator[], origins: DocumentOrigin[]): Corpus {
    return new Corpus(documents, passages, index, roleBoost(passages), annotators, origins);
  }

  static build(files: SourceFile[], options: CorpusOptions = {}): Corpus {
    const steps = buildSteps(files, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The same as `build`, in slices of about `sliceMs`, yielding to the event loop between them so
   * that a server stays responsive (and answers from its previous index) while a large corpus is
   * indexed; `onProgress` hears what is being done, how far it is, and — once documents are
   * indexed — how to get a corpus of those documents to answer from before the whole is ready.
   */
  static async buildAsync(files: SourceFile[], options: CorpusOptions = {}, onProgress?: (progress: BuildProgress) => void, sliceMs = 20): Promise<Corpus> {
    const state: BuildState = { phase: 'parsing', done: 0 };
    const steps = buildSteps(files, options, state);
    let sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart >= sliceMs) {
        onProgress?.({ phase: state.phase, done: state.done, total: files.length, ...(state.partial ? { partial: state.partial } : {}) });
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  documentOf(passage: Passage): SourceDocument {
    return this.documents[passage.doc];
  }

  /** Passages that state something (not headings), in corpus order: what the claim search lists. */
  claims(): Passage[] {
    return this.passages.filter((p) => !p.heading);
  }
}

/** Where a first build is: reading the files, parsing them, indexing them (`done` of `total` files each). */
export interface BuildProgress {
  phase: 'reading' | 'parsing' | 'indexing';
  done: number;
  total: number;
  /**
   * While indexing: the corpus of the documents indexed so far (the first `done`, in corpus
   * order). Each call costs a pass over their postings; the build goes on unchanged.
   */
  partial?: () => Corpus;
}

interface BuildState {
  phase: 'parsing' | 'indexing';
  done: number;
  partial?: () => Corpus;
}

const PASSAGES_PER_STEP = 256;

/** Builds the corpus one document at a time (parsed, then indexed), keeping `state` up to date at every yield. */
function* buildSteps(files: SourceFile[], options: CorpusOptions, state: BuildState = { phase: 'parsing', done: 0 }): Generator<void, Corpus> {
  const annotators = options.annotators ?? [];
  const sorted = [...files].sort(byPath);
  const parsed: Array<{ file: SourceFile; doc: ParsedDocument; inferred: DocumentOrigin['inferred'] }> = [];
  for (const file of sorted) {
    const doc = parseDocument(file.content, file.name);
    parsed.push({ file, doc, inferred: inferCatalog(doc, file.content) });
    state.done = parsed.length;
    yield;
  }
  const catalogs = catalogEntries(parsed, options.sidecars);
  const documents: SourceDocument[] = [];
  const passages: Passage[] = [];
  const builder = new IndexBuilder();
  const originOf = ({ file, inferred }: (typeof parsed)[number]): DocumentOrigin => ({ inferred, ...(file.stamp ? { stamp: file.stamp } : {}) });
  // Whole documents only: the one being indexed has neither all its passages nor its alignment yet.
  let indexedPassages = 0;
  state.phase = 'indexing';
  state.done = 0;
  state.partial = () => {
    const docs = documents.slice();
    return Corpus.assemble(docs, passages.slice(0, indexedPassages), builder.snapshot(indexedPassages), annotators, parsed.slice(0, docs.length).map(originOf));
  };
  for (const [docId, { file, doc }] of parsed.entries()) {
    const catalog = catalogs[docId];
    const first = passages.length;
    for (const [i, p] of doc.passages.entries()) {
      const id = passages.length;
      passages.push({ id, doc: docId, aligned: [], ...p, range: PassageRange.of(p.range) });
      // Headings are structure, not statements: kept for display, never ranked.
      builder.add(p.heading ? [] : passageTokens(p.text, annotators));
      // One document can hold 100,000 passages (a huge line): a chance to yield inside it too.
      if (i % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
    }
    for (const [ja, en] of alignPassages(doc.passages)) {
      passages[first + ja].aligned.push(first + en);
      passages[first + en].aligned.push(first + ja);
    }
    for (let id = first; id < passages.length; id++) if (passages[id].aligned.length) passages[id].aligned = numbersFrom(passages[id].aligned);
    documents.push({
      id: docId,
      path: file.path,
      name: file.name,
      folder: file.folder,
      layout: doc.layout,
      catalog,
      passages: doc.passages.map((_, i) => first + i),
    });
    indexedPassages = passages.length;
    state.done = documents.length;
    yield;
  }
  return Corpus.assemble(documents, passages, builder.finish(), annotators, parsed.map(originOf));
}

/** Corpus order of documents: by folder, then path within it. */
export function byPath(a: { folder: string; name: string }, b: { folder: string; name: string }): number {
  return (a.folder + '/' + a.name).localeCompare(b.folder + '/' + b.name);
}

/**
 * Each document's catalog entry: what its text gave, corrected by its folder's sidecar, with a
 * key unique in the corpus (which is why this runs over every document, in corpus order).
 */
export function catalogEntries(docs: Array<{ file: { folder: string; name: string }; inferred: Omit<CatalogEntry, 'key'> }>, sidecars?: Map<string, CatalogSidecar>): CatalogEntry[] {
  const entries = docs.map(({ file, inferred }) => ({ ...inferred, ...(sidecars?.get(file.folder)?.[file.name] ?? {}) }));
  const keys = assignKeys(docs.map(({ file }, i) => ({ entry: entries[i], name: file.name })));
  return entries.map((entry, i) => ({ ...entry, key: keys[i] }));
}

/** How much each passage counts as evidence, by its role. */
function roleBoost(passages: Passage[]): Float32Array {
  const boost = new Float32Array(passages.length);
  for (const p of passages) boost[p.id] = ROLE_BOOST[p.role];
  return boost;
}

export function passageTokens(text: string, annotators: Annotator[]): string[] {
  const tokens = indexTokens(text);
  for (const annotate of annotators) append(tokens, annotate(text));
  return tokens;
}
