// "Where do the sources say this?": ranked passages plus a verdict, in the one shape that the
// CLI prints, the language server returns and the client shows.
import type { Corpus } from './corpus';
import { rankPassages, type RankOptions, type RankedPassage } from './retrieval';
import type { Lang, Range, Role } from './types';
import type { EntityCatalog } from './entities';
import { judge, type Conflict, type Verdict } from './verdict';

export interface SourceView {
  id: number;
  /** File name relative to its corpus folder. */
  doc: string;
  path: string;
  range: Range;
  text: string;
  lang: Lang;
  role: Role;
  score: number;
  coverage: number;
  matched: string[];
  speaker?: string;
  title: string;
  key: string;
  paragraph: number;
  /** Id of the ranked passage this one translates (or is translated by). */
  via?: number;
}

export interface FindSourcesResult {
  claim: string;
  verdict: Verdict;
  explanation: string;
  conflicts: Conflict[];
  evidence?: number;
  sources: SourceView[];
}

export function sourceView(corpus: Corpus, r: Pick<RankedPassage, 'passage' | 'score'> & Partial<RankedPassage>): SourceView {
  const p = r.passage;
  const doc = corpus.documents[p.doc];
  return {
    id: p.id,
    doc: doc.name,
    path: doc.path,
    range: p.range,
    text: p.text,
    lang: p.lang,
    role: p.role,
    score: Math.round(r.score * 1000) / 1000,
    coverage: Math.round((r.coverage ?? 0) * 1000) / 1000,
    matched: r.matched ?? [],
    ...(p.speaker ? { speaker: p.speaker } : {}),
    title: doc.catalog.title,
    key: doc.catalog.key,
    paragraph: p.paragraph,
    ...(r.via !== undefined ? { via: r.via } : {}),
  };
}

export interface FindSourcesOptions extends RankOptions {
  /** Entity catalog for the verdict's names and roles (the shipped one when absent). */
  entities?: EntityCatalog;
}

export function findSources(corpus: Corpus, claim: string, options: FindSourcesOptions = {}): FindSourcesResult {
  const ranked = rankPassages(corpus, claim, { ...options, top: Math.max(options.top ?? 5, 10) });
  const judgement = judge(corpus, claim, ranked, { entities: options.entities });
  return {
    claim,
    ...judgement,
    sources: ranked.slice(0, options.top ?? 5).map((r) => sourceView(corpus, r)),
  };
}
