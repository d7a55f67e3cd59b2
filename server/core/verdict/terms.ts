// The claim as weighted terms, each with what it stands for: a fact (`July 1`, `#date:07-01`), a
// named entity (`Anthropic`, `@anthropic`) or the rest — what the claim says happened. Support
// needs the passage to share enough of all of them; "the same event" (the ground for a
// contradiction) needs it to share the non-fact terms, whatever values the facts have.
import type { Corpus } from '../corpus';
import type { EntityCatalog, Mention } from '../entities';
import { attributions } from './actors';
import { extractFacts, type Fact } from '../facts';
import { JA_TITLE_WORDS } from '../katakana';
import { claimQuery } from '../retrieval';
import { queryTokens } from '../tokenize';

export type TermRole = 'fact' | 'entity' | 'event';

export interface ClaimTerms {
  /** Term → query weight × idf. */
  weight: Map<string, number>;
  role: Map<string, TermRole>;
  facts: Fact[];
  mentions: Mention[];
}

// A lexicon concept (`~negotiate`) repeats, in both languages, a word the claim already has: in
// the claim's own language it would count the word twice, so it counts for less. 0.75 was the best
// of 0.25 / 0.5 / 0.75 / 1 on the held-out claims (test/fixtures/claims-heldout.jsonl), dev set unchanged.
const CONCEPT_SHARE = 0.75;

// Kana-only bigrams (`した`, `てい`, `によ`) are grammar, not content: they match almost anything.
export const KANA_ONLY = /^[\u3040-\u309fー]+$/;

export function claimTerms(corpus: Corpus, claim: string, entities: EntityCatalog): ClaimTerms {
  const facts = extractFacts(claim);
  const mentions = entities.findMentions(claim);
  const factWords = new Set(facts.flatMap((f) => queryTokens(f.text)));
  // A person's title (`Commerce Secretary`, `商務長官`) describes who, not what happened.
  const titles = attributions(claim, entities).map((a) => a.role);
  const names = [...mentions.map((m) => m.text), ...titles, ...japaneseTitles(claim, mentions), ...katakanaNames(claim).map((k) => k.titled)];
  const entityWords = new Set(names.flatMap((t) => queryTokens(t)));
  const weight = new Map<string, number>();
  const role = new Map<string, TermRole>();
  for (const [term, w] of claimQuery(corpus, claim)) {
    if (KANA_ONLY.test(term)) continue;
    weight.set(term, w * corpus.index.idf(term) * (term.startsWith('~') ? CONCEPT_SHARE : 1));
    const r: TermRole =
      term.startsWith('#') || factWords.has(term) ? 'fact' : term.startsWith('@') || entityWords.has(term) ? 'entity' : 'event';
    role.set(term, r);
  }
  return { weight, role, facts, mentions };
}

// A Japanese title written against a person's name, after it (`ルットニック商務長官`) or before it
// with or without の (`商務長官のルットニック`): a few kanji or katakana ending in a title word.
const JA_TITLE = `[\\u4e00-\\u9fffァ-ヶー]{0,8}?(?:${JA_TITLE_WORDS}|長)`;
const TITLE_AFTER = new RegExp(`^${JA_TITLE}`);
const TITLE_BEFORE = new RegExp(`${JA_TITLE}の?$`);

function japaneseTitles(claim: string, mentions: Mention[]): string[] {
  const out: string[] = [];
  for (const m of mentions) {
    if (m.entity.kind !== 'person') continue;
    const after = TITLE_AFTER.exec(claim.slice(m.end, m.end + 12));
    const before = TITLE_BEFORE.exec(claim.slice(Math.max(0, m.start - 12), m.start));
    if (after) out.push(after[0]);
    if (before) out.push(before[0]);
  }
  return out;
}

// A foreign name in katakana, its parts joined by a middle dot, with a title or 氏 glued after it
// (`ジョン・ラトクリフ長官`): who, not what happened, even when the catalog does not know the
// spelling. Without the title it may be a compound noun (`ウェルネス・リトリート`).
const KATAKANA_NAME = new RegExp(`([ァ-ヶー]{2,}(?:[・=][ァ-ヶー]{2,})+)(?:${JA_TITLE}|氏)`, 'g');

export interface KatakanaName {
  /** The name without its title (`ジョン・ラトクリフ`), and where it is. */
  name: string;
  start: number;
  end: number;
  /** With the title (`ジョン・ラトクリフ長官`). */
  titled: string;
}

export function katakanaNames(text: string): KatakanaName[] {
  return [...text.matchAll(KATAKANA_NAME)].map((m) => ({ name: m[1], start: m.index!, end: m.index! + m[1].length, titled: m[0] }));
}

/** Share (0–1) of the claim's weight, restricted to some roles, that `has` finds. */
export function share(terms: ClaimTerms, has: (term: string) => boolean, roles: readonly TermRole[]): number {
  let total = 0;
  let found = 0;
  for (const [term, w] of terms.weight) {
    if (!roles.includes(terms.role.get(term)!)) continue;
    total += w;
    if (has(term)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** Whether the claim has any term in these roles. */
export function hasRole(terms: ClaimTerms, role: TermRole): boolean {
  for (const r of terms.role.values()) if (r === role) return true;
  return false;
}
