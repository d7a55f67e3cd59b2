// Incremental indexing: a corpus brought up to date with the files on disk by parsing and
// tokenising only the files added or changed (size and mtime first, then the content hash, so a
// touched file is not re-indexed), and merging their postings with the unchanged documents'
// instead of re-tokenising those. The result is the corpus a fresh build of the same files gives:
// the same documents, passages, keys and postings in the same order (term ids aside).
import { Corpus, byPath, catalogEntries, type Annotator, type DocumentOrigin, type SourceFile } from './corpus';
import type { CatalogSidecar } from './catalog';
import type { ListedFile } from './loader';
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
  const mapA = new Int32Array(a.corpus.passages.length).fill(-1);
  const mapB = new Int32Array(b.passages.length).fill(-1);
  const catalogs = catalogEntries(
    docs.map(({ doc, origin }) => ({ file: doc, inferred: origin.inferred })),
    options.sidecars,
  );
  const documents: SourceDocument[] = [];
  const passages: Passage[] = [];
  for (const [id, { from, doc }] of docs.entries()) {
    const map = from === b ? mapB : mapA;
    const first = passages.length;
    const shift = first - (doc.passages[0] ?? 0);
    for (const old of doc.passages) {
      const p = from.passages[old];
      map[old] = old + shift;
      // A passage that keeps its number (those before the first change) is shared, not copied:
      // neither corpus ever modifies a passage.
      passages.push(shift === 0 && p.doc === id ? p : { ...p, id: old + shift, doc: id, aligned: p.aligned.map((x) => x + shift) });
    }
    documents.push({ ...doc, id, catalog: catalogs[id], passages: shift === 0 ? doc.passages : doc.passages.map((x) => x + shift) });
  }
  const index = mergeIndexes(a.corpus.index, mapA, b.index.parts(), mapB, passages.length);
  return Corpus.assemble(
    documents,
    passages,
    index,
    options.annotators,
    docs.map(({ origin }) => origin),
  );
}

/**
 * Two indexes as one, their passages renumbered by `mapA` / `mapB` (-1 drops a passage; each
 * map must keep its own index's order, as whole documents moving together do). `a` keeps its
 * term ids and dictionary, which `b`'s new terms extend: no term string of `a` is touched, so the
 * cost is one pass over the postings arrays, not a new dictionary of every term. Each term's
 * postings come out ascending: `a`'s are written first, `b`'s merged into them from the back.
 * A term left without postings keeps its id and is no longer one of the index's terms.
 */
export function mergeIndexes(a: SearchIndex, mapA: Int32Array, b: IndexParts, mapB: Int32Array, passageCount: number): SearchIndex {
  const { terms, idCount, offsets: aOffsets, ids: aIds, tfs: aTfs, lengths: aLengths } = a.extensible();
  const idOfB = new Int32Array(b.terms.length);
  let termCount = idCount;
  for (let t = 0; t < b.terms.length; t++) {
    let id = terms.get(b.terms[t]);
    if (id === undefined) terms.set(b.terms[t], (id = termCount++));
    idOfB[t] = id;
  }
  const counts = new Int32Array(termCount);
  for (let t = 0; t < idCount; t++) {
    let n = 0;
    for (let p = aOffsets[t]; p < aOffsets[t + 1]; p++) if (mapA[aIds[p]] >= 0) n++;
    counts[t] = n;
  }
  for (let t = 0; t < b.terms.length; t++) counts[idOfB[t]] += b.offsets[t + 1] - b.offsets[t];
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t] + counts[t];
  const ids = new Int32Array(offsets[termCount]);
  const tfs = new Uint8Array(ids.length);
  const filled = offsets.slice(0, termCount);
  for (let t = 0; t < idCount; t++) {
    let k = filled[t];
    for (let p = aOffsets[t]; p < aOffsets[t + 1]; p++) {
      const id = mapA[aIds[p]];
      if (id < 0) continue;
      ids[k] = id;
      tfs[k++] = aTfs[p];
    }
    filled[t] = k;
  }
  for (let t = 0; t < b.terms.length; t++) {
    const m = idOfB[t];
    const start = offsets[m];
    let i = filled[m] - 1;
    let j = b.offsets[t + 1] - 1;
    let k = filled[m] + (b.offsets[t + 1] - b.offsets[t]) - 1;
    filled[m] = k + 1;
    for (; j >= b.offsets[t]; k--) {
      const id = mapB[b.ids[j]];
      if (i >= start && ids[i] > id) {
        ids[k] = ids[i];
        tfs[k] = tfs[i--];
      } else {
        ids[k] = id;
        tfs[k] = b.tfs[j--];
      }
    }
  }
  const lengths = new Int32Array(passageCount);
  for (let id = 0; id < aLengths.length; id++) if (mapA[id] >= 0) lengths[mapA[id]] = aLengths[id];
  for (let id = 0; id < b.lengths.length; id++) if (mapB[id] >= 0) lengths[mapB[id]] = b.lengths[id];
  return new SearchIndex(terms, offsets, ids, tfs, lengths);
}
