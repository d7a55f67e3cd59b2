// The main thread's half of a build in worker threads: analysed batches (fileAnalysis.ts), taken
// in corpus order, become the documents, passages and postings a single-threaded build of the
// same files gives — the same passage numbers, the same term ids (terms are numbered where the
// corpus first uses them, whichever thread met them first), the same catalog keys.
import { numbersFrom } from './arrays';
import { PassageRange } from './passageRange';
import { catalogEntries, Corpus, type CorpusOptions, type DocumentOrigin, type SourceFile } from './corpus';
import { HEADING, SPOKEN, type AnalysedBatch } from './fileAnalysis';
import { IndexBuilder } from './searchIndex';
import { LANGS, ROLES, type Passage, type SourceDocument } from './types';

/** One thread's terms as the main thread knows them: their strings and, once used, their ids in the index. */
interface Source {
  terms: string[];
  indexId: Int32Array;
}

export class CorpusAssembler {
  private readonly documents: Array<Omit<SourceDocument, 'catalog'>> = [];
  private readonly passages: Passage[] = [];
  private readonly origins: DocumentOrigin[] = [];
  private readonly builder = new IndexBuilder();
  private readonly sources = new Map<number, Source>();
  private scratch = new Int32Array(1024);

  /** `files` in corpus order (sorted by `byPath`): the batches must come in that order too. */
  constructor(
    private readonly files: SourceFile[],
    private readonly options: CorpusOptions = {},
  ) {}

  /** How many files are in so far. */
  get done(): number {
    return this.documents.length;
  }

  /** Adds the next `batch` (its files are the next ones in corpus order), analysed by the thread numbered `source`. */
  add(batch: AnalysedBatch, source: number): void {
    const terms = this.termsOf(source, batch);
    let passageAt = 0;
    let tokenAt = 0;
    let spokenAt = 0;
    let pairAt = 0;
    for (let f = 0; f < batch.layouts.length; f++) {
      const docId = this.documents.length;
      const file = this.files[docId];
      const first = this.passages.length;
      for (let k = 0; k < batch.passageCounts[f]; k++, passageAt++) {
        const r = passageAt * 4;
        // The same fields in the same order as a single-threaded build's passages.
        const p: Passage = {
          id: this.passages.length,
          doc: docId,
          aligned: [],
          role: ROLES[batch.roles[passageAt]],
          lang: LANGS[batch.langs[passageAt]],
          text: batch.texts[passageAt],
          range: new PassageRange(batch.ranges[r], batch.ranges[r + 1], batch.ranges[r + 2], batch.ranges[r + 3]),
          paragraph: batch.paragraphs[passageAt],
        };
        if (batch.flags[passageAt] & HEADING) p.heading = true;
        if (batch.flags[passageAt] & SPOKEN) p.speaker = batch.speakers[spokenAt++];
        this.passages.push(p);
        const count = batch.tokenCounts[passageAt];
        if (count > this.scratch.length) this.scratch = new Int32Array(count * 2);
        for (let t = 0; t < count; t++) {
          const local = batch.tokens[tokenAt++];
          let id = terms.indexId[local];
          if (id < 0) id = terms.indexId[local] = this.builder.termId(terms.terms[local]);
          this.scratch[t] = id;
        }
        this.builder.addTermIds(this.scratch, 0, count);
      }
      for (let k = 0; k < batch.pairCounts[f]; k++, pairAt += 2) {
        const ja = first + batch.pairs[pairAt];
        const en = first + batch.pairs[pairAt + 1];
        this.passages[ja].aligned.push(en);
        this.passages[en].aligned.push(ja);
      }
      for (let id = first; id < this.passages.length; id++) if (this.passages[id].aligned.length) this.passages[id].aligned = numbersFrom(this.passages[id].aligned);
      const passages: number[] = [];
      for (let id = first; id < this.passages.length; id++) passages.push(id);
      this.documents.push({ id: docId, path: file.path, name: file.name, folder: file.folder, layout: batch.layouts[f] ? 'seed' : 'plain', passages });
      this.origins.push({ inferred: batch.inferred[f], ...(file.stamp ? { stamp: file.stamp } : {}) });
    }
  }

  /**
   * A corpus of the files added so far, to answer from while the rest is analysed. Its catalog
   * keys are unique among those files: a key another file shares later gets its suffix then.
   */
  partial(): Corpus {
    return this.corpus(this.documents.length, this.builder.snapshot(this.passages.length), this.passages.slice());
  }

  /** The corpus, once every file is in. */
  finish(): Corpus {
    if (this.documents.length !== this.files.length) throw new Error(`${this.documents.length} of ${this.files.length} files analysed`);
    return this.corpus(this.documents.length, this.builder.finish(), this.passages);
  }

  private corpus(count: number, index: ReturnType<IndexBuilder['finish']>, passages: Passage[]): Corpus {
    const docs = this.documents.slice(0, count);
    const origins = this.origins.slice(0, count);
    const catalogs = catalogEntries(
      docs.map((d, i) => ({ file: d, inferred: origins[i].inferred })),
      this.options.sidecars,
    );
    const documents: SourceDocument[] = docs.map((d, i) => ({ id: d.id, path: d.path, name: d.name, folder: d.folder, layout: d.layout, catalog: catalogs[i], passages: d.passages }));
    return Corpus.assemble(documents, passages, index, this.options.annotators ?? [], origins);
  }

  private termsOf(source: number, batch: AnalysedBatch): Source {
    let s = this.sources.get(source);
    if (!s) this.sources.set(source, (s = { terms: [], indexId: new Int32Array(0) }));
    if (batch.firstTerm !== s.terms.length) throw new Error(`thread ${source}: terms from ${batch.firstTerm}, expected ${s.terms.length}`);
    for (const t of batch.newTerms) s.terms.push(t);
    if (s.indexId.length < s.terms.length) {
      const grown = new Int32Array(Math.max(s.terms.length, s.indexId.length * 2)).fill(-1);
      grown.set(s.indexId);
      s.indexId = grown;
    }
    return s;
  }
}
