// The corpus: documents, their passages, and the ranked-retrieval index over them.
import { alignPassages } from './align';
import { assignKeys, inferCatalog, type CatalogSidecar } from './catalog';
import { parseDocument } from './parse';
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
  ) {}

  static build(files: SourceFile[], options: CorpusOptions = {}): Corpus {
    const annotators = options.annotators ?? [];
    const sorted = [...files].sort((a, b) => (a.folder + '/' + a.name).localeCompare(b.folder + '/' + b.name));
    const parsed = sorted.map((file) => {
      const doc = parseDocument(file.content, file.name);
      const inferred = inferCatalog(doc, file.content);
      const override = options.sidecars?.get(file.folder)?.[file.name] ?? {};
      return { file, doc, entry: { ...inferred, ...override } };
    });
    const keys = assignKeys(parsed.map(({ file, entry }) => ({ entry, name: file.name })));
    const documents: SourceDocument[] = [];
    const passages: Passage[] = [];
    const builder = new IndexBuilder();
    parsed.forEach(({ file, doc, entry }, docId) => {
      const catalog: CatalogEntry = { ...entry, key: keys[docId] };
      const first = passages.length;
      for (const p of doc.passages) {
        const id = passages.length;
        passages.push({ id, doc: docId, aligned: [], ...p });
        // Headings are structure, not statements: kept for display, never ranked.
        builder.add(p.heading ? [] : passageTokens(p.text, annotators));
      }
      for (const [ja, en] of alignPassages(doc.passages)) {
        passages[first + ja].aligned.push(first + en);
        passages[first + en].aligned.push(first + ja);
      }
      documents.push({
        id: docId,
        path: file.path,
        name: file.name,
        folder: file.folder,
        layout: doc.layout,
        catalog,
        passages: doc.passages.map((_, i) => first + i),
      });
    });
    const boost = new Float32Array(passages.length);
    for (const p of passages) boost[p.id] = ROLE_BOOST[p.role];
    return new Corpus(documents, passages, builder.finish(), boost, annotators);
  }

  documentOf(passage: Passage): SourceDocument {
    return this.documents[passage.doc];
  }

  /** Passages that state something (not headings), in corpus order: what the claim search lists. */
  claims(): Passage[] {
    return this.passages.filter((p) => !p.heading);
  }
}

export function passageTokens(text: string, annotators: Annotator[]): string[] {
  const tokens = indexTokens(text);
  for (const annotate of annotators) tokens.push(...annotate(text));
  return tokens;
}
