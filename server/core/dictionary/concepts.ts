// Words as meanings, the same in both languages: every word is read as English keys (Porter stems)
// — an English word as itself, a Japanese word as its dictionary glosses — so that `誇張`,
// `exaggerated` and (through WordNet) `overstated` meet, and a claim's word can be looked for in a
// passage of either language. Antonym keys let the verdict see a reversal (`understates` where the
// source says `overstates`).
import { STOPWORDS, stem } from '../tokenize';
import { CANDIDATES, englishOf, japaneseOf, japaneseWords } from './edict';
import { wordKey } from './stem';
import { antonyms, lemmasOf, synonyms } from './wordnet';

export interface ClaimWord {
  text: string;
  start: number;
  end: number;
  lang: 'ja' | 'en';
  /** Keys of the word itself: its stem, or the stems of its English glosses. */
  own: Set<string>;
  /** Keys of what else means the same: WordNet synonyms. */
  synonyms: Set<string>;
  /** Keys of its opposites. */
  antonyms: Set<string>;
  /**
   * The word's own WordNet lemmas (a Japanese word's glosses), unstemmed: what another word's
   * antonyms are matched against (stems collide: `generator` and `generous` are both `gener`).
   */
  lemmas: Set<string>;
}

/** Japanese equivalents an English word brings into a query. */
const EQUIVALENTS = 4;

const LATIN_WORD = /[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]/g;

function isContentWord(word: string): boolean {
  return word.length > 2 && !STOPWORDS.has(word.toLowerCase());
}

function keysOf(words: string[]): Set<string> {
  return new Set(words.filter(isContentWord).map(wordKey));
}

/**
 * Keys of a word's opposites, leaving out those that share its root: `employer` is the antonym of
 * `employee`, but a passage that says `employed` does not reverse a claim about employees.
 */
function opposites(word: string, list: string[]): Set<string> {
  const root = wordKey(word).slice(0, 5);
  return new Set([...keysOf(list)].filter((k) => !k.startsWith(root) && !root.startsWith(k.slice(0, 5))));
}

const opposedLemmas = new Map<string, Set<string>>();
/** Words whose opposites are kept; past it the cache starts again (a server reads many passages). */
const OPPOSED_LIMIT = 50_000;

/** An English word's opposites as WordNet lemmas (cached: a passage's words are asked again and again). */
export function antonymLemmas(word: string): Set<string> {
  const w = word.toLowerCase();
  let lemmas = opposedLemmas.get(w);
  if (!lemmas) {
    if (opposedLemmas.size >= OPPOSED_LIMIT) opposedLemmas.clear();
    opposedLemmas.set(w, (lemmas = new Set(isContentWord(w) ? antonyms(w) : [])));
  }
  return lemmas;
}

/** Whether two sets of keys share one. */
export const overlaps = (a: Set<string>, b: Set<string>): boolean => [...a].some((k) => b.has(k));

/** How far around a place in a text words are taken to stand beside it, in characters (Japanese says more per character). */
const NEAR = { en: 60, ja: 30 };

/**
 * Whether one of `words` is said, in any wording or language, near `at` in `text`: the test that
 * an opposite stands where the claim word does, or a rival value where the claim's value does.
 */
export function saidNear(text: string, at: { start: number; end: number }, words: ClaimWord[]): boolean {
  const reach = /[\u3040-\u9fff]/.test(text.slice(at.start, at.end)) ? NEAR.ja : NEAR.en;
  const keys = textKeys(text.slice(Math.max(0, at.start - reach), at.end + reach));
  return words.some((w) => overlaps(w.own, keys) || overlaps(w.synonyms, keys));
}

/** Keys of everything a passage says, in either language (cache it per passage). */
export function textKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(LATIN_WORD)) if (isContentWord(m[0])) keys.add(wordKey(m[0]));
  if (/[\u3040-\u9fff]/.test(text)) for (const w of japaneseWords(text)) for (const e of w.english) if (isContentWord(e)) keys.add(wordKey(e));
  return keys;
}

// Retrieval and the verdict both read the claim's words: the last claim's are kept (callers do not
// change them), so the dictionaries are consulted once per claim.
let last: { text: string; words: ClaimWord[] } | undefined;

/** The claim's content words with their meanings. */
export function claimWords(text: string): ClaimWord[] {
  if (last?.text !== text) last = { text, words: readClaimWords(text) };
  return last.words;
}

function readClaimWords(text: string): ClaimWord[] {
  const out: ClaimWord[] = [];
  for (const m of text.matchAll(LATIN_WORD)) {
    if (!isContentWord(m[0])) continue;
    const word = m[0].toLowerCase();
    out.push({
      text: m[0],
      start: m.index!,
      end: m.index! + m[0].length,
      lang: 'en',
      own: new Set([wordKey(word)]),
      synonyms: keysOf(synonyms(word)),
      antonyms: opposites(word, antonyms(word)),
      lemmas: new Set(lemmasOf(word)),
    });
  }
  if (/[\u3040-\u9fff]/.test(text)) {
    for (const w of japaneseWords(text)) {
      const english = w.english.filter(isContentWord);
      if (!english.length) continue;
      out.push({
        text: w.text,
        start: w.start,
        end: w.end,
        lang: 'ja',
        own: keysOf(english),
        synonyms: keysOf(english.flatMap((e) => synonyms(e))),
        // Only the first gloss's opposites: the later glosses' would add opposites of other meanings.
        antonyms: opposites(english[0], antonyms(english[0])),
        lemmas: new Set(english.map((e) => e.toLowerCase())),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Query tokens (the index's own forms) that say a claim's words in the other language or in other
 * words: a Japanese word's English glosses as English index tokens, an English word's common
 * Japanese equivalents as bigrams, and English synonyms. For retrieval only; the verdict matches
 * on keys.
 */
export function expansionTokens(words: ClaimWord[], indexTokens: (text: string) => string[], used: (token: string) => boolean = () => true): string[] {
  const out = new Set<string>();
  for (const w of words) {
    if (w.lang === 'ja') {
      for (const e of englishOf(w.text) ?? []) if (isContentWord(e)) out.add(stem(e));
    } else {
      const word = w.text.toLowerCase();
      // The likeliest Japanese words that the corpus uses: 政府 for `government`, where 官房 ranks as high.
      let kept = 0;
      for (const ja of japaneseOf(word, CANDIDATES)) {
        const tokens = indexTokens(ja);
        if (kept >= EQUIVALENTS || !tokens.every(used)) continue;
        kept++;
        for (const t of tokens) out.add(t);
      }
      for (const s of synonyms(word).slice(0, 4)) if (isContentWord(s)) out.add(stem(s));
    }
  }
  return [...out];
}
