// The claim as weighted terms, each with what it stands for: a fact (`July 1`, `#date:07-01`), a
// named entity (`Anthropic`, `@anthropic`) or the rest — what the claim says happened. Support
// needs the passage to share enough of all of them; "the same event" (the ground for a
// contradiction) needs it to share the non-fact terms, whatever values the facts have.
import { attributesView } from '../attribution';
import type { Corpus } from '../corpus';
import type { EntityCatalog, Mention } from '../entities';
import { attributions } from './actors';
import { extractFacts, type Fact } from '../facts';
import { JA_TITLE_WORDS } from '../katakana';
import { claimWords, type ClaimWord } from '../dictionary/concepts';
import { ownQuery } from '../retrieval';
import { lemmasOf } from '../dictionary/wordnet';
import { queryTokens } from '../tokenize';

export type TermRole = 'fact' | 'entity' | 'event';

export interface ClaimTerms {
  /** Term → query weight × idf. */
  weight: Map<string, number>;
  role: Map<string, TermRole>;
  facts: Fact[];
  mentions: Mention[];
  /** The claim's content words with their meanings (dictionary glosses, synonyms, antonyms). */
  words: ClaimWord[];
  /**
   * Term → the meaning keys of the words it is part of: a passage that lacks the term but says
   * the same in other words or in the other language (`交渉` for `negotiations`) holds it too.
   */
  meaning: Map<string, Set<string>>;
  /**
   * A name's own tokens → its entity's bridge token (`アモデイ` → `@dario-amodei`): a passage naming
   * the entity in another spelling or script holds the name.
   */
  nameOf: Map<string, string>;
  /** Tokens of names, known to the catalog or capitalised inside the sentence (`Corvex Labs`). */
  names: Set<string>;
  /** The claim reports an opinion as someone's (`the editorial comment argues…`, `筆者は…と論じる`). */
  opinion: boolean;
}


// Kana-only bigrams (`した`, `てい`, `によ`) are grammar, not content: they match almost anything.
export const KANA_ONLY = /^[\u3040-\u309fー]+$/;

/** A capitalised word inside a sentence: a name, whether or not the catalog knows it. */
const PROPER_NAME = /(?<![.!?:]\s)(?<=\s|^)[A-Z][A-Za-z0-9-]*[A-Za-z0-9]/g;

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
  // The claim's own terms: not the dictionary and synonym expansions retrieval adds to its query
  // (those are how a passage may say a term, see `meaning`, not terms a passage must hold).
  for (const [term, w] of ownQuery(corpus, claim)) {
    if (KANA_ONLY.test(term)) continue;
    weight.set(term, w * corpus.index.idf(term));
    const r: TermRole =
      term.startsWith('#') || factWords.has(term) ? 'fact' : term.startsWith('@') || entityWords.has(term) ? 'entity' : 'event';
    role.set(term, r);
  }
  // The words of a value (`午後 5 時 21 分`, `June 2`) are the value, compared as a fact: not words a passage must say.
  const words = claimWords(claim).filter((w) => !facts.some((f) => w.start < f.end && f.start < w.end));
  const meaning = new Map<string, Set<string>>();
  for (const w of words) {
    for (const t of queryTokens(w.text)) {
      if (role.get(t) !== 'event') continue;
      const keys = meaning.get(t) ?? new Set<string>();
      for (const k of w.own) keys.add(k);
      for (const k of w.synonyms) keys.add(k);
      meaning.set(t, keys);
    }
  }
  const nameOf = new Map<string, string>();
  for (const m of mentions) for (const t of queryTokens(m.text)) if (role.get(t) === 'entity' && !nameOf.has(t)) nameOf.set(t, `@${m.entity.id}`);
  const nameTokens = new Set([...role].filter(([, r]) => r === 'entity').map(([t]) => t));
  // The first word of the claim only when it is no English word (`Corvex`, not `The`).
  for (const m of claim.matchAll(PROPER_NAME)) if (m.index! > 0 || !lemmasOf(m[0]).length) for (const t of queryTokens(m[0])) if (role.get(t) === 'event') nameTokens.add(t);
  return { weight, role, facts, mentions, words, meaning, nameOf, names: nameTokens, opinion: attributesView(claim) };
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
