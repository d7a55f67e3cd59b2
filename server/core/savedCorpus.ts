// A corpus as saved-index sections and back. Column per field: typed arrays for numbers and
// enums, one string list for the passages' text; the search index's own arrays as they are.
// What is cheap is re-derived on load instead of stored: role boosts, catalog keys (the folder's
// corrections are re-read at every start), the annotators (they are code; the fingerprint
// says which). A passage or document field this file does not know yet is still saved, as JSON
// beside the columns, so that a new per-passage field survives a save and load before anyone
// gives it a column (the round-trip test compares every field).
import { numbersFrom } from './arrays';
import { PassageRange } from './passageRange';
import { Corpus, catalogEntries, type Annotator, type DocumentOrigin } from './corpus';
import type { CatalogSidecar } from './catalog';
import type { IndexSections, SectionValue } from './indexFile';
import { SearchIndex } from './searchIndex';
import { LANGS, ROLES, type Passage, type SourceDocument } from './types';

const PASSAGE_FIELDS = new Set(['id', 'doc', 'role', 'lang', 'text', 'range', 'paragraph', 'heading', 'speaker', 'aligned']);
const DOCUMENT_FIELDS = new Set(['id', 'path', 'name', 'folder', 'layout', 'catalog', 'passages']);

const HEADING = 1;
const SPOKEN = 2;

export function corpusSections(corpus: Corpus): Record<string, SectionValue> {
  const { documents, passages, origins } = corpus;
  const n = passages.length;
  const role = new Uint8Array(n);
  const lang = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const paragraph = new Int32Array(n);
  const range = new Int32Array(n * 4);
  const speakers: string[] = [];
  const alignedStart = new Int32Array(n + 1);
  const aligned: number[] = [];
  const passageExtra: Array<[number, Record<string, unknown>]> = [];
  for (let i = 0; i < n; i++) {
    const p = passages[i];
    role[i] = ROLES.indexOf(p.role);
    lang[i] = LANGS.indexOf(p.lang);
    flags[i] = (p.heading ? HEADING : 0) | (p.speaker !== undefined ? SPOKEN : 0);
    if (p.speaker !== undefined) speakers.push(p.speaker);
    paragraph[i] = p.paragraph;
    range.set([p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character], i * 4);
    aligned.push(...p.aligned);
    alignedStart[i + 1] = aligned.length;
    const extra = extraFields(p, PASSAGE_FIELDS);
    if (extra) passageExtra.push([i, extra]);
  }
  const docFirst = new Int32Array(documents.length + 1);
  const docExtra: Array<[number, Record<string, unknown>]> = [];
  for (const d of documents) {
    docFirst[d.id] = d.passages[0] ?? passages.length;
    docFirst[d.id + 1] = d.passages.length ? d.passages[d.passages.length - 1] + 1 : docFirst[d.id];
    if (d.passages.some((id, k) => id !== docFirst[d.id] + k)) throw new Error(`document ${d.name}: passages are not contiguous`);
    const extra = extraFields(d, DOCUMENT_FIELDS);
    if (extra) docExtra.push([d.id, extra]);
  }
  const index = corpus.index.parts();
  return {
    'doc.path': { strings: documents.map((d) => d.path) },
    'doc.name': { strings: documents.map((d) => d.name) },
    'doc.folder': { strings: documents.map((d) => d.folder) },
    'doc.layout': Uint8Array.from(documents, (d) => (d.layout === 'seed' ? 1 : 0)),
    'doc.first': docFirst,
    'doc.inferred': { json: origins.map((o) => o.inferred) },
    'doc.size': Float64Array.from(origins, (o) => o.stamp?.size ?? -1),
    'doc.mtime': Float64Array.from(origins, (o) => o.stamp?.mtimeMs ?? -1),
    'doc.hash': { strings: origins.map((o) => o.stamp?.hash ?? '') },
    'doc.extra': { json: docExtra },
    'passage.role': role,
    'passage.lang': lang,
    'passage.flags': flags,
    'passage.paragraph': paragraph,
    'passage.range': range,
    'passage.text': { strings: passages.map((p) => p.text) },
    'passage.speaker': { strings: speakers },
    'passage.alignedStart': alignedStart,
    'passage.aligned': Int32Array.from(aligned),
    'passage.extra': { json: passageExtra },
    'index.terms': { strings: index.terms },
    'index.offsets': index.offsets,
    'index.ids': index.ids,
    'index.tfs': index.tfs,
    'index.lengths': index.lengths,
  };
}

/** The corpus the sections hold, with today's catalog corrections applied. Throws on inconsistent sections. */
export function corpusFromSections(s: IndexSections, annotators: Annotator[], sidecars?: Map<string, CatalogSidecar>): Corpus {
  const paths = s.strings('doc.path');
  const names = s.strings('doc.name');
  const folders = s.strings('doc.folder');
  const layout = s.u8('doc.layout');
  const docFirst = s.i32('doc.first');
  const inferred = s.json<Array<DocumentOrigin['inferred']>>('doc.inferred');
  const size = s.f64('doc.size');
  const mtime = s.f64('doc.mtime');
  const hash = s.strings('doc.hash');
  const texts = s.strings('passage.text');
  const n = texts.length;
  const role = s.u8('passage.role');
  const lang = s.u8('passage.lang');
  const flags = s.u8('passage.flags');
  const paragraph = s.i32('passage.paragraph');
  const range = s.i32('passage.range');
  const speakers = s.strings('passage.speaker');
  const alignedStart = s.i32('passage.alignedStart');
  const aligned = s.i32('passage.aligned');
  const d = paths.length;
  const consistent =
    names.length === d && folders.length === d && layout.length === d && docFirst.length === d + 1 && inferred.length === d && size.length === d && mtime.length === d && hash.length === d &&
    role.length === n && lang.length === n && flags.length === n && paragraph.length === n && range.length === 4 * n && alignedStart.length === n + 1 && docFirst[d] === n;
  if (!consistent) throw new Error('sections disagree on the number of documents or passages');

  const origins: DocumentOrigin[] = inferred.map((entry, i) => ({ inferred: entry, ...(size[i] >= 0 ? { stamp: { size: size[i], mtimeMs: mtime[i], hash: hash[i] } } : {}) }));
  const catalogs = catalogEntries(
    origins.map((o, i) => ({ file: { folder: folders[i], name: names[i] }, inferred: o.inferred })),
    sidecars,
  );
  const passages = new Array<Passage>(n);
  let spoken = 0;
  const documents: SourceDocument[] = new Array(d);
  for (let doc = 0; doc < d; doc++) {
    const ids: number[] = [];
    for (let id = docFirst[doc]; id < docFirst[doc + 1]; id++) {
      ids.push(id);
      const r = id * 4;
      // A copy exactly as long, not Array.from(subarray): a typed-array view per passage costs more.
      const counterparts = numbersFrom(aligned, alignedStart[id], alignedStart[id + 1]);
      // The same fields in the same order as a fresh build's passages.
      const p: Passage = {
        id,
        doc,
        aligned: counterparts,
        role: ROLES[role[id]],
        lang: LANGS[lang[id]],
        text: texts[id],
        range: new PassageRange(range[r], range[r + 1], range[r + 2], range[r + 3]),
        paragraph: paragraph[id],
      };
      if (flags[id] & HEADING) p.heading = true;
      if (flags[id] & SPOKEN) p.speaker = speakers[spoken++];
      passages[id] = p;
    }
    documents[doc] = { id: doc, path: paths[doc], name: names[doc], folder: folders[doc], layout: layout[doc] ? 'seed' : 'plain', catalog: catalogs[doc], passages: ids };
  }
  for (const [id, extra] of s.json<Array<[number, Record<string, unknown>]>>('passage.extra')) Object.assign(passages[id], extra);
  for (const [id, extra] of s.json<Array<[number, Record<string, unknown>]>>('doc.extra')) Object.assign(documents[id], extra);
  // Copies, not views: a view would keep the whole file's buffer (the text's UTF-16 too, already
  // decoded into strings) alive as long as the index; a copy costs milliseconds.
  const index = SearchIndex.fromParts({
    terms: s.strings('index.terms'),
    offsets: s.i32('index.offsets').slice(),
    ids: s.i32('index.ids').slice(),
    tfs: s.u8('index.tfs').slice(),
    lengths: s.i32('index.lengths').slice(),
  });
  if (index.size !== n) throw new Error('the search index and the passages disagree');
  return Corpus.assemble(documents, passages, index, annotators, origins);
}

function extraFields(object: object, known: Set<string>): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (known.has(key) || value === undefined) continue;
    (extra ??= {})[key] = value;
  }
  return extra;
}
