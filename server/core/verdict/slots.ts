// Meaning flipped without a number: a claim word whose opposite (WordNet antonym, also through a
// Japanese word's gloss) the source writes where it lacks the word itself (`understated` against
// `overstated`), and negation on one side only (`did not approve` against `approved`).
import type { Corpus } from '../corpus';
import { japaneseWords } from '../dictionary/edict';
import { wordKey } from '../dictionary/stem';
import { textKeys, type ClaimWord } from '../dictionary/concepts';
import { passagesSay } from '../retrieval';
import type { Passage } from '../types';

export interface SlotConflict {
  kind: 'reversal' | 'negation' | 'scope' | 'modality';
  claimText: string;
  claimStart: number;
  claimEnd: number;
  sourceText: string;
  sourceStart: number;
  sourceEnd: number;
  passage: number;
}

/** A claim word the unit contradicts with its opposite, and the opposite as the source writes it. */
export function reversals(corpus: Corpus, words: ClaimWord[], members: Passage[]): SlotConflict[] {
  const out: SlotConflict[] = [];
  for (const w of words) {
    if (!w.antonyms.size) continue;
    if (passagesSay(corpus, members, w.own) || passagesSay(corpus, members, w.synonyms)) continue;
    for (const m of members) {
      const found = opposite(m.text, w.antonyms);
      // An opposite under a negation says the same thing (`弱い` for `without strong defenses`).
      if (found && !negatedAt(m.text, found)) {
        out.push({ kind: 'reversal', claimText: w.text, claimStart: w.start, claimEnd: w.end, sourceText: found.text, sourceStart: found.start, sourceEnd: found.end, passage: m.id });
        break;
      }
    }
  }
  return out;
}

const CONTENT_CHAR = /[\u3400-\u9fff\u30a1-\u30fa\u30fc]/g;

function opposite(text: string, antonyms: Set<string>): { text: string; start: number; end: number } | undefined {
  for (const m of text.matchAll(/[A-Za-z][A-Za-z’'-]*[A-Za-z]/g)) if (antonyms.has(wordKey(m[0]))) return { text: m[0], start: m.index!, end: m.index! + m[0].length };
  // A Japanese word counts by its first gloss, and only a content word (two kanji or katakana at
  // least): `に対する` glosses as `against`, which is no one's opposite.
  for (const w of japaneseWords(text)) {
    if ((w.text.match(CONTENT_CHAR) ?? []).length >= 2 && antonyms.has(wordKey(w.english[0]))) return { text: w.text, start: w.start, end: w.end };
  }
  return undefined;
}

// Negation is grammar, not vocabulary: English particles and Japanese negative endings.
const NEGATION_EN = /\b(?:not|never|no longer|neither|nor|without|none|no)\b|n[’']t\b/i;
// A negative ending after a verb or adjective stem (`認めない`, `していない`, `ではなかった`), not the
// adjectives that end in ない (`少ない`, `危ない`), and not `ず` (`問わず` is `regardless`).
const NEGATION_JA = /(?<=[\u3040-\u309f])(?:ない|なかった)|ません/;

/** Whether a word is negated where it stands: `not`/`without`/`no` just before it, `ない` soon after it. */
function negatedAt(text: string, word: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, word.start - 24), word.start);
  const after = text.slice(word.end, word.end + 16);
  return /\b(?:not|without|no|never|lack(?:s|ed|ing)?|n[’']t)\b(?:\s+\S+){0,2}\s*$/i.test(before) || NEGATION_JA.test(after.split(/[、。]/)[0]);
}

// Restriction is grammar too: `only`, `solely`; `のみ`, `だけ`, `に限る`.
const SCOPE_EN = /\b(?:only|solely|exclusively)\b/i;
const SCOPE_JA = /(?:のみ|だけ|に限[らりるっ])/;

const MARKERS = { negation: [NEGATION_EN, NEGATION_JA], scope: [SCOPE_EN, SCOPE_JA] } as const;

type Marker = keyof typeof MARKERS;

export function markerAt(kind: Marker, text: string): { text: string; start: number; end: number } | undefined {
  const [en, ja] = MARKERS[kind];
  const m = en.exec(text) ?? ja.exec(text);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * Negated (or restricted by `only`) on one side only: the claim against the unit's passage in the
 * claim's language (or the original) — and only when the word the marker governs (`did not
 * *approve*`, `*認め*ない`, `only *foreign* users`) is said on the other side too. Sources often
 * negate by vocabulary (`ban`, `unclear`, `禁止`), which a particle count would read as a flip.
 */
export function markerMismatch(kind: Marker, corpus: Corpus, claim: string, claimLang: string, members: Passage[]): SlotConflict | undefined {
  const same = members.find((m) => m.lang === claimLang) ?? members[0];
  if (!same) return undefined;
  const inClaim = markerAt(kind, claim);
  const inSource = markerAt(kind, same.text);
  if (!inClaim === !inSource) return undefined;
  const [negated, text, other] = inClaim ? [inClaim, claim, members] : [inSource!, same.text, undefined];
  const word = governedWord(text, negated);
  if (!word) return undefined;
  const keys = textKeys(word);
  const claimKeys = other ? undefined : textKeys(claim);
  const saidElsewhere = other ? passagesSay(corpus, other, keys) : [...keys].some((k) => claimKeys!.has(k));
  if (!saidElsewhere) return undefined;
  return {
    kind,
    claimText: inClaim?.text ?? '',
    claimStart: inClaim?.start ?? 0,
    claimEnd: inClaim?.end ?? 0,
    sourceText: inSource?.text ?? '',
    sourceStart: inSource?.start ?? 0,
    sourceEnd: inSource?.end ?? 0,
    passage: same.id,
  };
}

// Modality is grammar and a few words: a thing possible, proposed or left to choice, against a
// thing required, certain or imposed (`expressly voluntary` against `義務づける`, `offered to hand
// over` against `required to hand over`, `likely` against `必ず`).
const POSSIBLE_EN = /\b(?:may|might|could|likely|possibly|perhaps|voluntar(?:y|ily)|optional|propos(?:e|es|ed|ing|al)|offer(?:s|ed|ing)?|consider(?:s|ed|ing)?|floated)\b/i;
const REQUIRED_EN = /\b(?:must|required?|requires|requiring|mandatory|binding|obligat\w*|compulsory|forced|forcing|demand(?:s|ed)?|certain(?:ly)?|definitely|inevitabl[ey]|guaranteed)\b/i;
const POSSIBLE_JA = /(?:可能性|かもしれ|見込み|任意|自主的|提案|検討|だろう|でしょう)/;
const REQUIRED_JA = /(?:義務|必ず|確実に|強制|必須|不可避)/;

function modalityOf(text: string): { possible?: RegExpExecArray; required?: RegExpExecArray } {
  return { possible: POSSIBLE_EN.exec(text) ?? POSSIBLE_JA.exec(text) ?? undefined, required: REQUIRED_EN.exec(text) ?? REQUIRED_JA.exec(text) ?? undefined };
}

/**
 * The claim says a thing is required or certain where the unit says it is only possible or
 * voluntary, or the other way round: one kind of modal word on each side, and none of the claim's
 * kind in the unit.
 */
export function modalityMismatch(claim: string, members: Passage[]): SlotConflict | undefined {
  const c = modalityOf(claim);
  if (!c.possible === !c.required) return undefined;
  const claimKind = c.possible ? 'possible' : 'required';
  const rival = claimKind === 'possible' ? 'required' : 'possible';
  if (members.some((m) => modalityOf(m.text)[claimKind])) return undefined;
  for (const m of members) {
    const found = modalityOf(m.text)[rival];
    if (!found) continue;
    const said = c[claimKind]!;
    return { kind: 'modality', claimText: said[0], claimStart: said.index, claimEnd: said.index + said[0].length, sourceText: found[0], sourceStart: found.index, sourceEnd: found.index + found[0].length, passage: m.id };
  }
  return undefined;
}

const AUXILIARY = /^(?:be|been|being|have|has|had|do|does|did|yet|only|even|ever|always|fully|quite|so|that|to|a|an|the|any|all|more|longer)$/i;

/** The content word a negation governs: the next one in English, the one just before in Japanese. */
function governedWord(text: string, neg: { start: number; end: number }): string | undefined {
  if (/[A-Za-z]/.test(text.slice(neg.start, neg.end))) {
    for (const m of text.slice(neg.end).matchAll(/[A-Za-z][A-Za-z'-]*/g)) if (!AUXILIARY.test(m[0])) return m[0];
    return undefined;
  }
  // The word must end right at the negative ending, or with only a conjugation between
  // (`承認しない`, `認めていない`): in `アクセスできない` the negation governs `できる`, not `アクセス`.
  const before = japaneseWords(text).filter((w) => w.end <= neg.start && /^[しさせれてい]*$/.test(text.slice(w.end, neg.start)));
  return before.at(-1)?.lemma;
}
