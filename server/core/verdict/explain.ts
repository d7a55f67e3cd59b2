// Every verdict says why: the claim terms a passage holds, the conflicting values and where they
// are, and what kind of passage the evidence is (the article, its translation, a summary, or
// another article's blurb).
import type { Corpus } from '../corpus';
import { LANGUAGE_NAMES, ROLE_LABELS } from '../text';
import { stem } from '../tokenize';
import type { Passage, Role } from '../types';
import type { Conflict } from '../verdict';
import type { Fact } from '../facts';
import type { FactConflict } from './conflicts';
import type { EvidenceUnit } from './evidence';

const phrase = (role: Role): string => ROLE_LABELS.en[role].phrase;

function where(corpus: Corpus, p: Passage): string {
  const doc = corpus.documents[p.doc];
  return `${doc.name}:${p.range.start.line + 1} (${phrase(p.role)}${p.speaker ? `, quoting ${p.speaker}` : ''})`;
}

/** Matched terms as a reader sees them: words, `date 07-01`, `entity anthropic`. */
function readable(terms: string[], unit?: EvidenceUnit): string {
  const texts = (unit?.members ?? []).map((p) => p.text.normalize('NFKC'));
  const words = surfaceWords(texts);
  const shown = joinBigrams(terms, texts).map((t) => words.get(t) ?? t).map(shownTerm);
  return shown.slice(0, 12).join(', ') + (shown.length > 12 ? ', …' : '');
}

/** A bridge token as a reader sees it: `#date:06-12` → `date 06-12`, `@mythos` → `entity mythos`. */
function shownTerm(t: string): string {
  if (t.startsWith('#')) return t.slice(1).replace(':', ' ');
  if (t.startsWith('@')) return `entity ${t.slice(1)}`;
  return t;
}

/** Stemmed English tokens back to a word of the source: `restor` → `restored`. */
function surfaceWords(texts: string[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const text of texts) {
    for (const [word] of text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
      const lower = word.toLowerCase();
      const stemmed = stem(lower);
      if (stemmed !== lower && !words.has(stemmed)) words.set(stemmed, lower);
    }
  }
  return words;
}

/** Japanese bigrams back into the words of the source they came from: `デー, ータ, ター` → `データー`. */
function joinBigrams(terms: string[], texts: string[]): string[] {
  const out: string[] = [];
  const cjk = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]{2}$/u;
  let chain: string | undefined;
  for (const t of terms) {
    if (chain !== undefined && cjk.test(t) && chain.endsWith(t[0]) && texts.some((x) => x.includes(chain + t[1]))) {
      chain += t[1];
      out[out.length - 1] = chain;
      continue;
    }
    chain = cjk.test(t) ? t : undefined;
    out.push(t);
  }
  return out;
}

export function explainConflicts(corpus: Corpus, conflicts: Conflict[], unit: EvidenceUnit): string {
  const parts = conflicts.map((c) => `the claim says ${c.claimValue}, ${where(corpus, corpus.passages[c.passage])} says ${c.sourceValue} (${c.kind})`);
  return `${parts.join('; ')}; same event: ${Math.round(unit.subject * 100)}% of the claim's names and terms match (${readable(unit.matched, unit)})`;
}

export function explainSupport(corpus: Corpus, unit: EvidenceUnit, shown: Passage): string {
  const via = shown.id !== unit.lead.id ? `, matched through ${phrase(unit.lead.role)} in ${LANGUAGE_NAMES.en[unit.lead.lang]}` : '';
  const reworded = unit.meaningCoverage > unit.coverage + 0.005 ? ` (${Math.round(unit.coverage * 100)}% in its own words, the rest in other words or the other language)` : '';
  return `${Math.round(unit.meaningCoverage * 100)}% of the claim's terms found${reworded} in ${where(corpus, shown)}${via}: ${readable(unit.matched, unit)}`;
}

/** `background` > 0: that many passages hold the same matched terms, so they are common ground. */
export interface UnsupportedWhy {
  /** The claim says what happened (it has event terms). */
  needsEvent: boolean;
  /** How many other passages hold exactly the matched terms (0: distinctive). */
  background: number;
  /** A value the closest passage gives differently. */
  clash?: FactConflict;
  /** A value of the claim the closest passage does not give. */
  absent?: Fact;
}

export function explainUnsupported(best: EvidenceUnit | undefined, why: UnsupportedWhy): string {
  if (!best) return 'no evidence-grade passage shares terms with the claim';
  const because = why.clash
    ? `; it gives ${why.clash.sourceFact.text} where the claim says ${why.clash.claimFact.text}, and too little of the rest to be about the same event`
    : why.needsEvent && best.event === 0
      ? '; it shares only names and values, not what the claim says happened'
      : why.background
        ? `; ${why.background} passages share exactly these terms, so they are background, not what the claim adds`
        : why.absent
          ? `; it does not give the claim's ${why.absent.text}`
          : '';
  return `no passage holds enough of the claim: the closest holds ${Math.round(best.coverage * 100)}% of its terms (${readable(best.matched, best)})${because}`;
}
