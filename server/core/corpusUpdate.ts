// Incremental indexing: a corpus brought up to date with the files on disk by parsing and
// tokenising only the files added or changed (size and mtime first, then the content hash, so a
// touched file is not re-indexed), and merging their postings with the unchanged documents'
// instead of re-tokenising those. The result is the corpus a fresh build of the same files gives:
// the same documents, passages, keys and postings in the same order (term ids aside).
import { lowerBound, upperBound } from './arrays';
import { Corpus, byPath, catalogEntries, type Annotator, type DocumentOrigin, type SourceFile } from './corpus';
import type { CatalogSidecar } from './catalog';
import type { ListedFile } from './sourceText';
import { SearchIndex, type IndexParts } from './searchIndex';
import type { Passage, SourceDocument } from './types';

export interface CorpusChanges {
  added: number;
  changed: number;
  removed: number;
  /** Files whose mtime moved but whose content did not: nothing re-indexed, only their stamps. */
  touched: number;
}

export interface UpdatedCorpus {
  corpus: Corpus;
  changes: CorpusChanges;
}

export interface UpdateOptions {
  annotators: Annotator[];
  sidecars?: Map<string, CatalogSidecar>;
  /** Reads a listed file (with its stamp); undefined when it cannot be used (the reader warns). */
  read: (file: ListedFile) => Promise<SourceFile | undefined>;
}

/** `previous` brought up to date with `listed` (every corpus file now on disk); `previous` itself is left as it was. */
export async function updateCorpus(previous: Corpus, listed: ListedFile[], options: UpdateOptions): Promise<UpdatedCorpus> {
  // By folder and path: a file under two configured folders (one inside the other) is two documents.
  const where = (f: { folder: string; path: string }) => `${f.folder}\0${f.path}`;
  const before = new Map(previous.documents.map((d) => [where(d), d.id]));
  const keep = new Array<boolean>(previous.documents.length).fill(false);
  const origins = [...previous.origins];
  const toRead: ListedFile[] = [];
  for (const file of listed) {
    const id = before.get(where(file));
    const stamp = id === undefined ? undefined : previous.origins[id].stamp;
    if (id !== undefined && stamp && stamp.size === file.size && stamp.mtimeMs === file.mtimeMs) keep[id] = true;
    else toRead.push(file);
  }
  const changes: CorpusChanges = { added: 0, changed: 0, removed: 0, touched: 0 };
  const fresh: SourceFile[] = [];
  for (let i = 0; i < toRead.length; i += 64) {
    const batch = await Promise.all(toRead.slice(i, i + 64).map((f) => options.read(f)));
    for (const file of batch) {
      if (!file) continue;
      const id = before.get(where(file));
      if (id !== undefined && file.stamp && origins[id].stamp?.hash === file.stamp.hash) {
        keep[id] = true;
        origins[id] = { ...origins[id], stamp: file.stamp };
        changes.touched++;
        continue;
      }
      fresh.push(file);
      if (id === undefined) changes.added++;
      else changes.changed++;
    }
  }
  changes.removed = keep.filter((k) => !k).length - changes.changed;
  if (!fresh.length && keep.every(Boolean)) {
    // No text changed; the folders' catalog corrections or the files' stamps may have.
    const catalogs = catalogEntries(
      previous.documents.map((doc) => ({ file: doc, inferred: origins[doc.id].inferred })),
      options.sidecars,
    );
    const recatalogued = previous.documents.some((doc) => JSON.stringify(doc.catalog) !== JSON.stringify(catalogs[doc.id]));
    if (!changes.touched && !recatalogued) return { corpus: previous, changes };
    const documents = recatalogued ? previous.documents.map((doc) => ({ ...doc, catalog: catalogs[doc.id] })) : previous.documents;
    return { corpus: Corpus.assemble(documents, previous.passages, previous.index, options.annotators, origins), changes };
  }
  const added = Corpus.build(fresh, { annotators: options.annotators });
  return { corpus: mergeCorpora({ corpus: previous, keep, origins }, added, options), changes };
}

interface Part {
  corpus: Corpus;
  keep: boolean[];
  origins: DocumentOrigin[];
}

/** The kept documents of `a` and every document of `b`, in corpus order, as one corpus. */
function mergeCorpora(a: Part, b: Corpus, options: UpdateOptions): Corpus {
  // Both lists are in corpus order already: merged, not sorted (a sort compares paths n log n times).
  const kept = a.corpus.documents.filter((d) => a.keep[d.id]).map((doc) => ({ from: a.corpus, doc, origin: a.origins[doc.id] }));
  const docs: typeof kept = [];
  let next = 0;
  for (const doc of b.documents) {
    while (next < kept.length && byPath(kept[next].doc, doc) <= 0) docs.push(kept[next++]);
    docs.push({ from: b, doc, origin: b.origins[doc.id] });
  }
  while (next < kept.length) docs.push(kept[next++]);
  const runs: Run[] = [];
  const mapB = new Int32Array(b.passages.length).fill(-1);
  const catalogs = catalogEntries(
    docs.map(({ doc, origin }) => ({ file: doc, inferred: origin.inferred })),
    options.sidecars,
  );
  const documents: SourceDocument[] = [];
  const passages: Passage[] = [];
  for (const [id, { from, doc }] of docs.entries()) {
    const first = passages.length;
    const shift = first - (doc.passages[0] ?? 0);
    if (from === a.corpus && doc.passages.length) {
      const [start, end] = [doc.passages[0], doc.passages[doc.passages.length - 1] + 1];
      const last = runs[runs.length - 1];
      if (last && last.end === start && last.shift === shift) last.end = end;
      else runs.push({ start, end, shift });
    }
    for (const old of doc.passages) {
      const p = from.passages[old];
      if (from === b) mapB[old] = old + shift;
      // A passage that keeps its number (those before the first change) is shared, not copied:
      // neither corpus ever modifies a passage.
      passages.push(shift === 0 && p.doc === id ? p : { ...p, id: old + shift, doc: id, aligned: p.aligned.map((x) => x + shift) });
    }
    documents.push({ ...doc, id, catalog: catalogs[id], passages: shift === 0 ? doc.passages : doc.passages.map((x) => x + shift) });
  }
  const index = mergeIndexes(a.corpus.index, runs, b.index.parts(), mapB, passages.length);
  return Corpus.assemble(
    documents,
    passages,
    index,
    options.annotators,
    docs.map(({ origin }) => origin),
  );
}

/** Passages `start`…`end - 1` of the earlier corpus are kept, renumbered by `shift`. */
export interface Run {
  start: number;
  end: number;
  shift: number;
}

/** Beyond this many runs of kept passages, each posting is renumbered through a map instead of each run copied whole. */
const MAX_RUNS = 8;

/**
 * Two indexes as one: the passages of `a` kept in `runs` (ascending, renumbered by their shifts)
 * and `b`'s renumbered by `mapB`. `a` keeps its term ids and dictionary, which `b`'s new terms
 * extend, so no term string of `a` is touched. A few changed files leave a few runs: each term's
 * postings in a run are found by binary search and copied whole (a shift added where the run
 * moved), so the cost is a few searches per term and a copy of memory, not a lookup per
 * posting. Each term's postings come out ascending: `a`'s are written first, `b`'s inserted
 * among them from the back. A term left without postings keeps its id and is no longer one of the
 * index's terms.
 */
export function mergeIndexes(a: SearchIndex, runs: Run[], b: IndexParts, mapB: Int32Array, passageCount: number): SearchIndex {
  const { terms, idCount, offsets: aOffsets, ids: aIds, tfs: aTfs, lengths: aLengths } = a.extensible();
  const idOfB = new Int32Array(b.terms.length);
  let termCount = idCount;
  for (let t = 0; t < b.terms.length; t++) {
    let id = terms.get(b.terms[t]);
    if (id === undefined) terms.set(b.terms[t], (id = termCount++));
    idOfB[t] = id;
  }
  const kept = keptPostings(aIds, runs);
  const counts = new Int32Array(termCount);
  for (let t = 0; t < idCount; t++) counts[t] = kept.count(aOffsets[t], aOffsets[t + 1]);
  for (let t = 0; t < b.terms.length; t++) counts[idOfB[t]] += b.offsets[t + 1] - b.offsets[t];
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t] + counts[t];
  const ids = new Int32Array(offsets[termCount]);
  const tfs = new Uint8Array(ids.length);
  const filled = offsets.slice(0, termCount);
  for (let t = 0; t < idCount; t++) filled[t] = kept.copy(aOffsets[t], aOffsets[t + 1], aTfs, ids, tfs, filled[t]);
  for (let t = 0; t < b.terms.length; t++) {
    // From the back: `a`'s postings above each of `b`'s move up as one block (a changed file's
    // postings sit together, so a common term's long list moves once, not posting by posting).
    const m = idOfB[t];
    const start = offsets[m];
    let i = filled[m];
    let k = filled[m] + (b.offsets[t + 1] - b.offsets[t]);
    filled[m] = k;
    for (let j = b.offsets[t + 1] - 1; j >= b.offsets[t]; j--) {
      const id = mapB[b.ids[j]];
      const lo = upperBound(ids, id, start, i);
      if (lo < i) {
        ids.copyWithin(k - (i - lo), lo, i);
        tfs.copyWithin(k - (i - lo), lo, i);
        k -= i - lo;
        i = lo;
      }
      ids[--k] = id;
      tfs[k] = b.tfs[j];
    }
  }
  const lengths = new Int32Array(passageCount);
  for (const { start, end, shift } of runs) lengths.set(aLengths.subarray(start, end), start + shift);
  for (let id = 0; id < b.lengths.length; id++) if (mapB[id] >= 0) lengths[mapB[id]] = b.lengths[id];
  return new SearchIndex(terms, offsets, ids, tfs, lengths);
}

interface KeptPostings {
  /** How many of the postings `from`…`to - 1` are kept. */
  count(from: number, to: number): number;
  /** Writes the kept ones, renumbered, at `at`; returns where the next goes. */
  copy(from: number, to: number, tfsIn: Uint8Array, ids: Int32Array, tfs: Uint8Array, at: number): number;
}

function keptPostings(aIds: Int32Array, runs: Run[]): KeptPostings {
  if (runs.length > MAX_RUNS) {
    const map = new Int32Array(runs.reduce((n, r) => Math.max(n, r.end), 0)).fill(-1);
    for (const { start, end, shift } of runs) for (let id = start; id < end; id++) map[id] = id + shift;
    return {
      count(from, to) {
        let n = 0;
        for (let p = from; p < to; p++) if (aIds[p] < map.length && map[aIds[p]] >= 0) n++;
        return n;
      },
      copy(from, to, tfsIn, ids, tfs, at) {
        for (let p = from; p < to; p++) {
          const id = aIds[p] < map.length ? map[aIds[p]] : -1;
          if (id < 0) continue;
          ids[at] = id;
          tfs[at++] = tfsIn[p];
        }
        return at;
      },
    };
  }
  return {
    count(from, to) {
      let n = 0;
      for (const r of runs) {
        const lo = lowerBound(aIds, r.start, from, to);
        from = lowerBound(aIds, r.end, lo, to);
        n += from - lo;
      }
      return n;
    },
    copy(from, to, tfsIn, ids, tfs, at) {
      for (const r of runs) {
        const lo = lowerBound(aIds, r.start, from, to);
        from = lowerBound(aIds, r.end, lo, to);
        const n = from - lo;
        // Long lists are copied as memory; a view per short one would cost more than the loop.
        if (n > 64) {
          ids.set(aIds.subarray(lo, from), at);
          tfs.set(tfsIn.subarray(lo, from), at);
          if (r.shift) for (let k = at; k < at + n; k++) ids[k] += r.shift;
        } else {
          for (let p = lo; p < from; p++) {
            ids[at + p - lo] = aIds[p] + r.shift;
            tfs[at + p - lo] = tfsIn[p];
          }
        }
        at += n;
      }
      return at;
    },
  };
}
