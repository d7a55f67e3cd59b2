// Japanese words and their English meaning from JMdict/EDICT (server/data/edict.txt, built by
// server/data/build-edict.mjs). Words are found by longest match against the dictionary's
// headwords, with the inflected endings of verbs and adjectives taken back to their dictionary
// form (`下回った` → `下回る`), the way dictionary look-up tools read running text.
import data from '../../data/edict.txt';
import { finish } from '../slices';
import { lineTableSteps } from './lines';
import { wordKey } from './stem';

interface Entry {
  english: string[];
  common: boolean;
}

// Headword → the rest of its line (`*` for common, tab, English words), parsed on first use.
let table: Map<string, string> | undefined;
let byEnglish: Map<string, string[]> | undefined;

function load(): Map<string, string> {
  return (table ??= finish(tableSteps()));
}

function* tableSteps(): Generator<void, Map<string, string>> {
  // A common word's headword ends in `*` (the dictionary's (P) mark): moved to the front of its rest.
  const out = new Map<string, string>();
  let n = 0;
  for (const [head, rest] of yield* lineTableSteps(data)) {
    if (head.endsWith('*')) out.set(head.slice(0, -1), `*\t${rest}`);
    else out.set(head, `\t${rest}`);
    if (++n % ENTRIES_PER_STEP === 0) yield;
  }
  return out;
}

/** Entries handled between two yields of a sliced load (a few milliseconds). */
const ENTRIES_PER_STEP = 5_000;

/**
 * Loads the dictionary and its English index in slices, for a background warm-up; a look-up
 * meanwhile loads what it needs at once (the same tables).
 */
export function* preloadSteps(): Generator<void> {
  if (!table) {
    const loaded = yield* tableSteps();
    table ??= loaded;
  }
  if (!byEnglish) {
    const index = yield* reverseTableSteps();
    byEnglish ??= index;
  }
}

const parsed = new Map<string, Entry>();

function entryOf(head: string): Entry | undefined {
  let e = parsed.get(head);
  if (e) return e;
  const rest = load().get(head);
  if (rest === undefined) return undefined;
  const common = rest.startsWith('*');
  e = { common, english: rest.slice(common ? 2 : 1).split(' ') };
  parsed.set(head, e);
  return e;
}

/** English words of a Japanese headword (first sense), or undefined when EDICT lacks it. */
export function englishOf(word: string): string[] | undefined {
  return entryOf(word)?.english;
}

/** A katakana loanword of three or more characters (`ボトルネック`), not a kana particle or suffix. */
const LOANWORD = /^[\u30a1-\u30fa\u30fc]{3,}$/;
/** Japanese words kept per English word. */
const PER_WORD = 4;
/** Candidates kept per English word, for a caller that picks those its corpus uses. */
export const CANDIDATES = 12;

/**
 * Japanese words whose first English words name `english` (`negotiating` → 交渉, by stem): for
 * turning an English query into Japanese bigrams. Only words with a kanji, or loanwords written in
 * katakana (`innovation` → イノベーション), and at most four, the likeliest first: the word is the
 * headword's first English word rather than a later one, the same word rather than one sharing its
 * stem (`department` is not `depart`), a common word (the dictionary's (P) mark), then the headword
 * with the fewest other meanings — `government` → 政府, not 倒閣 ("overthrow of government").
 */
export function japaneseOf(english: string, limit = PER_WORD): string[] {
  return rankedJapanese(english).slice(0, limit);
}

function rankedJapanese(english: string): string[] {
  const word = english.toLowerCase();
  let heads = chosen.get(word);
  if (heads) return heads;
  byEnglish ??= reverseTable();
  const key = wordKey(word);
  const candidates = (byEnglish.get(key) ?? []).map((head) => candidate(head, key, word));
  heads = candidates.sort(byLikelihood).slice(0, CANDIDATES).map((c) => c.head);
  if (chosen.size > 10_000) chosen.clear();
  chosen.set(word, heads);
  return heads;
}

interface Candidate {
  head: string;
  /** How likely the headword means the English word, best first: see japaneseOf. */
  rank: number[];
}

function candidate(head: string, key: string, word: string): Candidate {
  const rest = load().get(head)!;
  const common = rest.startsWith('*');
  const words = rest.slice(common ? 2 : 1).split(' ');
  const position = words.findIndex((w) => wordKey(w) === key);
  const exact = words[position]?.toLowerCase() === word;
  return { head, rank: [position, common ? 0 : 1, exact ? 0 : 1, words.length, head.length] };
}

function byLikelihood(a: Candidate, b: Candidate): number {
  for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
  return 0;
}

const chosen = new Map<string, string[]>();
/** English words of a headword that lead to it: the first two carry its meaning (商務省: department, commerce). */
const LEADING = 2;

/** English key → headwords whose leading English words have it; ranked per query (candidate). */
function reverseTable(): Map<string, string[]> {
  return finish(reverseTableSteps());
}

function* reverseTableSteps(): Generator<void, Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let n = 0;
  for (const [head, rest] of load()) {
    if (++n % ENTRIES_PER_STEP === 0) yield;
    if (head.length < 2 || !(HAS_KANJI.test(head) || LOANWORD.test(head))) continue;
    const common = rest.charCodeAt(0) === 42; // `*`
    let from = common ? 2 : 1;
    for (let position = 0; position < LEADING && from < rest.length; position++) {
      const space = rest.indexOf(' ', from);
      const key = wordKey(rest.slice(from, space < 0 ? undefined : space));
      const list = out.get(key);
      if (list) list.push(head);
      else out.set(key, [head]);
      if (space < 0) break;
      from = space + 1;
    }
  }
  return out;
}

const HAS_KANJI = /[\u3400-\u9fff]/;

// Inflected ending → dictionary ending, longest first (a small deinflection table of the kind
// rikaichan and yomichan use): past, te-form, negative, polite, passive, and the masu stem.
const DEINFLECT: Array<[string, string[]]> = [
  ['ませんでした', ['る']], ['かった', ['い']], ['くない', ['い']], ['ません', ['る']], ['ました', ['る']],
  ['された', ['す']], ['させ', ['する']], ['される', ['する']],
  ['った', ['う', 'つ', 'る']], ['って', ['う', 'つ', 'る']], ['んだ', ['む', 'ぶ', 'ぬ']], ['んで', ['む', 'ぶ', 'ぬ']],
  ['いた', ['く']], ['いて', ['く']], ['いだ', ['ぐ']], ['いで', ['ぐ']], ['した', ['す']], ['して', ['す']],
  ['れた', ['る']], ['れる', ['る']], ['ない', ['る']], ['ます', ['る']], ['たい', ['る']],
  ['た', ['る']], ['て', ['る']], ['く', ['い']], ['さ', ['い']],
  ['り', ['る']], ['い', ['う']], ['き', ['く']], ['し', ['す']], ['み', ['む']], ['ち', ['つ']], ['び', ['ぶ']], ['ぎ', ['ぐ']],
];

const KANJI_OR_KATAKANA = /[\u3400-\u9fff\u30a1-\u30fa\u30fc々]/;
const HIRAGANA_ONLY = /^[\u3040-\u309f]+$/;
const MAX_WORD = 8;

export interface JapaneseWord {
  /** The text as written (`下回った`) and its dictionary form (`下回る`). */
  text: string;
  lemma: string;
  start: number;
  end: number;
  english: string[];
}

function lookUp(candidate: string): { lemma: string; entry: Entry } | undefined {
  const entry = entryOf(candidate);
  // A hiragana-only match is grammar far more often than a word: only the common ones count.
  if (entry && (KANJI_OR_KATAKANA.test(candidate) || (entry.common && candidate.length >= 3))) return { lemma: candidate, entry };
  if (!KANJI_OR_KATAKANA.test(candidate) || !/[\u3040-\u309f]$/.test(candidate)) return undefined;
  for (const [ending, bases] of DEINFLECT) {
    if (!candidate.endsWith(ending) || candidate.length <= ending.length) continue;
    for (const base of bases) {
      const lemma = candidate.slice(0, -ending.length) + base;
      const e = entryOf(lemma);
      if (e) return { lemma, entry: e };
    }
  }
  return undefined;
}

/** The dictionary words of a Japanese text, left to right, longest match first. */
export function japaneseWords(text: string): JapaneseWord[] {
  const out: JapaneseWord[] = [];
  const RUN = /[\u3040-\u30ff\u3400-\u9fff々〆ー]+/g;
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    for (let i = 0; i < run.length; ) {
      let found: JapaneseWord | undefined;
      for (let len = Math.min(MAX_WORD, run.length - i); len >= 1 && !found; len--) {
        const candidate = run.slice(i, i + len);
        if (len === 1 && HIRAGANA_ONLY.test(candidate)) break;
        const hit = lookUp(candidate);
        if (hit) found = { text: candidate, lemma: hit.lemma, start: m.index! + i, end: m.index! + i + len, english: hit.entry.english };
      }
      if (found) {
        out.push(found);
        i += found.text.length;
      } else i++;
    }
  }
  return out;
}
