// "Where do the sources say this?": ranked passages plus a verdict, in the one shape that the
// CLI prints, the language server returns and the client shows.
import type { Corpus } from './corpus';
import { rankPassages, type RankOptions, type RankedPassage } from './retrieval';
import type { Lang, Range, Role } from './types';
import type { EntityCatalog } from './entities';
import { judge, type Conflict, type Judgement, type Verdict } from './verdict';

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
  /** The document's outlet and date (catalog), for the pickers' "where from" line. */
  outlet?: string;
  date?: string;
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
    ...(doc.catalog.outlet ? { outlet: doc.catalog.outlet } : {}),
    ...(doc.catalog.date ? { date: doc.catalog.date } : {}),
    key: doc.catalog.key,
    paragraph: p.paragraph,
    ...(r.via !== undefined ? { via: r.via } : {}),
  };
}

export interface FindSourcesOptions extends RankOptions {
  /** Entity catalog for the verdict's names and roles (the shipped one when absent). */
  entities?: EntityCatalog;
  /** Show only sources in these languages (the verdict still weighs every passage). */
  languages?: Lang[];
}

export function findSources(corpus: Corpus, claim: string, options: FindSourcesOptions = {}): FindSourcesResult {
  const top = options.top ?? 5;
  // A name in any spelling the hover understands finds the passages that mention it.
  const named = options.entities?.namedIn(claim).map((e) => e.id);
  const ranked = rankPassages(corpus, claim, { ...options, top: Math.max(top * 2, 10), ...(named?.length ? { named } : {}) });
  const judgement = judge(corpus, claim, ranked, { entities: options.entities });
  const shown = verdictFirst(corpus, ranked, judgement).filter((r) => !options.languages?.length || options.languages.includes(r.passage.lang));
  return {
    claim,
    ...judgement,
    sources: shown.slice(0, top).map((r) => sourceView(corpus, r)),
  };
}

/**
 * The passages the verdict rests on — the conflicting ones of a contradiction, the evidence of a
 * support — lead the list, so that what the verdict says is what the writer sees first.
 */
function verdictFirst(corpus: Corpus, ranked: RankedPassage[], judgement: Judgement): RankedPassage[] {
  const lead = judgement.verdict === 'contradicted' ? judgement.conflicts.map((c) => c.passage) : judgement.evidence !== undefined ? [judgement.evidence] : [];
  const first: RankedPassage[] = [];
  for (const id of new Set(lead)) {
    const own = ranked.find((r) => r.passage.id === id);
    // A translation the verdict used through its original: listed with its original's score.
    const original = own ? undefined : ranked.find((r) => r.passage.aligned.includes(id));
    if (own) first.push(own);
    else if (original) first.push({ ...original, passage: corpus.passages[id], via: original.passage.id });
  }
  const taken = new Set(first.map((r) => r.passage.id));
  return [...first, ...ranked.filter((r) => !taken.has(r.passage.id))];
}
