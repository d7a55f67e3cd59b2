// Meaning flipped without a number: a claim word whose opposite (WordNet antonym, also through a
// Japanese word's gloss) the source writes where it lacks the word itself (`understated` against
// `overstated`); a word negated on one side only (`did not approve` against `approved`); modality
// (`required` against `voluntary`); and scope (`only` against `any`).
import type { Corpus } from '../corpus';
import { japaneseWords } from '../dictionary/edict';
import { wordKey } from '../dictionary/stem';
import { antonymLemmas, overlaps, saidNear, textKeys, type ClaimWord } from '../dictionary/concepts';
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

/**
 * A claim word the unit contradicts with its opposite, and the opposite as the source writes it.
 * The opposite must stand where the claim word would: beside a word that is the claim word's
 * neighbour in the claim too (`a lasting, beneficial policy` against `a lasting, negative
 * policy`). An opposite anywhere else in the passage is about something else.
 */
export function reversals(corpus: Corpus, words: ClaimWord[], members: Passage[]): SlotConflict[] {
  const out: SlotConflict[] = [];
  words.forEach((w, i) => {
    if (!plainWord(w.text, w.lang, w.start === 0 ? '' : ' ')) return;
    if (passagesSay(corpus, members, w.own) || passagesSay(corpus, members, w.synonyms)) return;
    const neighbours = [...words.slice(Math.max(0, i - NEIGHBOURS), i), ...words.slice(i + 1, i + 1 + NEIGHBOURS)];
    for (const m of members) {
      // An opposite under a negation says the same thing (`弱い` for `without strong defenses`).
      const found = opposites(m.text, w).find((o) => !negatedAt(m.text, o) && saidNear(m.text, o, neighbours));
      if (found) {
        out.push({ kind: 'reversal', claimText: w.text, claimStart: w.start, claimEnd: w.end, sourceText: found.text, sourceStart: found.start, sourceEnd: found.end, passage: m.id });
        break;
      }
    }
  });
  return out;
}

/** Content words on each side of a claim word that place it (`lasting` and `policy` around `beneficial`). */
const NEIGHBOURS = 2;

const CONTENT_CHAR = /[\u3400-\u9fff\u30a1-\u30fa\u30fc]/g;

/**
 * A word that can carry a meaning to reverse: not part of a name (`The Last Ones`, `Cooling
 * Tower`: capitalised inside a sentence) and, in Japanese, two kanji or katakana at least, or a verb
 * or adjective (`上がる`, `低く`): a lone `前` or `上` is part of a compound far more often than a word.
 */
function plainWord(word: string, lang: 'ja' | 'en', before: string): boolean {
  if (lang === 'ja') return (word.match(CONTENT_CHAR) ?? []).length >= 2 || /^[\u3400-\u9fff][\u3040-\u309f]+$/.test(word);
  return !/^[A-Z]/.test(word) || /(?:^|[.!?:]\s*)$/.test(before);
}

/**
 * The words of the text opposed to the claim word: its antonyms, or words whose own antonyms name
 * the claim word (one of its lemmas). Antonymy is read both ways because WordNet records it on
 * some words of a pair of senses, not on all of them.
 */
function opposites(text: string, w: ClaimWord): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const opposed = (english: string) => w.antonyms.has(wordKey(english)) || [...antonymLemmas(english)].some((l) => w.lemmas.has(l));
  for (const m of text.matchAll(/[A-Za-z][A-Za-z’'-]*[A-Za-z]/g)) {
    if (opposed(m[0]) && plainWord(m[0], 'en', text.slice(Math.max(0, m.index! - 3), m.index!))) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  // A Japanese word counts by its first gloss, and only a content word (two kanji or katakana at
  // least): `に対する` glosses as `against`, which is no one's opposite. Not against a Japanese
  // claim word: two glosses apart, 国内 (domestic) and 外国籍 (foreign) oppose in the dictionary
  // and sit side by side in sentences that agree; every such pair in the training claims was noise.
  if (w.lang === 'ja') return out;
  for (const jw of japaneseWords(text)) {
    // A katakana word inside a longer one (`ビリ` in `ケイパビリティ`) is a fragment, not a word.
    const fragment = /^[\u30a1-\u30fa\u30fc]/.test(jw.text) && /[\u30a1-\u30fa\u30fc]/.test((text[jw.start - 1] ?? '') + (text[jw.end] ?? ''));
    if (!fragment && (jw.text.match(CONTENT_CHAR) ?? []).length >= 2 && jw.english.length && opposed(jw.english[0])) out.push({ text: jw.text, start: jw.start, end: jw.end });
  }
  return out;
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

// Modality is grammar and a few words: a thing possible, proposed or left to choice, against a
// thing required, certain or imposed (`expressly voluntary` against `義務づける`, `offered to hand
// over` against `required to hand over`, `likely` against `必ず`).
const POSSIBLE_EN = /\b(?:may|might|could|likely|possibly|perhaps|voluntar(?:y|ily)|optional|propos(?:e|es|ed|ing|al)|offer(?:s|ed|ing)?|consider(?:s|ed|ing)?|floated)\b/i;
const REQUIRED_EN = /\b(?:must|required?|requires|requiring|mandatory|binding|obligat\w*|compulsory|forced|forcing|demand(?:s|ed)?|certain(?:ly)?|definitely|inevitabl[ey]|guaranteed)\b/i;
const POSSIBLE_JA = /(?:可能性|かもしれ|見込み|任意|自主的|提案|検討|だろう|でしょう|(?<=[\u3040-\u309f])得(?:る|ます))/;
const REQUIRED_JA = /(?:義務|必ず|確実に|強制|必須|不可避)/;

function modalityOf(text: string): { possible?: RegExpExecArray; required?: RegExpExecArray } {
  return { possible: POSSIBLE_EN.exec(text) ?? POSSIBLE_JA.exec(text) ?? undefined, required: REQUIRED_EN.exec(text) ?? REQUIRED_JA.exec(text) ?? undefined };
}

/** The claim's words against the passage's, as a conflict of `kind`. */
function matchConflict(kind: SlotConflict['kind'], said: RegExpExecArray, s: RegExpExecArray, passage: number): SlotConflict {
  return { kind, claimText: said[0], claimStart: said.index, claimEnd: said.index + said[0].length, sourceText: s[0], sourceStart: s.index, sourceEnd: s.index + s[0].length, passage };
}

/**
 * Two opposed kinds of word (possible / required, restricted / universal): the claim (`c`, as
 * `read` found its words) has one kind only, the unit none of it and the other kind in one of its
 * passages. Undefined when the claim has both kinds or neither.
 */
function opposedKinds<K extends string>(
  kind: SlotConflict['kind'],
  read: (text: string) => Partial<Record<K, RegExpExecArray>>,
  [a, b]: [K, K],
  c: Partial<Record<K, RegExpExecArray>>,
  members: Passage[],
): SlotConflict | undefined {
  if (!c[a] === !c[b]) return undefined;
  const [mine, rival] = c[a] ? [a, b] : [b, a];
  const inSource = members.map((m) => ({ m, words: read(m.text) }));
  if (inSource.some(({ words }) => words[mine])) return undefined;
  const found = inSource.find(({ words }) => words[rival]);
  return found && matchConflict(kind, c[mine]!, found.words[rival]!, found.m.id);
}

/**
 * The claim says a thing is required or certain where the unit says it is only possible or
 * voluntary, or the other way round: one kind of modal word on each side, and none of the claim's
 * kind in the unit. A claim with neither says it was done, or not: see doneMismatch.
 */
export function modalityMismatch(claim: string, members: Passage[]): SlotConflict | undefined {
  const c = modalityOf(claim);
  if (!c.possible === !c.required) return doneMismatch(claim, members);
  return opposedKinds('modality', modalityOf, ['possible', 'required'], c, members);
}

// Done against only planned: the claim says a thing has already or formally happened (`already
// issued`, `すでに導入した`, `正式に制度化した`) where the source says it may, would or should, or
// is proposed or expected (`floated`, `should write`, `検討`, `見通し`).
const DONE_EN = /\b(?:already|formally|officially|has now|have now)\b/i;
const DONE_JA = /(?:すでに|既に|正式に)/;
const HEDGED_EN = /\b(?:may|might|could|would|should|likely|possibly|perhaps|propos(?:e|es|ed|ing|al)|consider(?:s|ed|ing)?|floated|plans?|planned|expected to|intends? to|not going to)\b/i;
const HEDGED_JA = /(?:可能性|かもしれ|見込み|提案|検討|だろう|でしょう|べき|予定|見通し|計画)/;

function doneMismatch(claim: string, members: Passage[]): SlotConflict | undefined {
  const done = DONE_EN.exec(claim) ?? DONE_JA.exec(claim);
  if (!done || HEDGED_EN.test(claim) || HEDGED_JA.test(claim)) return undefined;
  if (members.some((m) => DONE_EN.test(m.text) || DONE_JA.test(m.text))) return undefined;
  for (const m of members) {
    const s = HEDGED_EN.exec(m.text) ?? HEDGED_JA.exec(m.text);
    if (s) return matchConflict('modality', done, s, m.id);
  }
  return undefined;
}

const AUXILIARY = /^(?:be|been|being|have|has|had|do|does|did|yet|only|even|ever|always|fully|quite|so|that|to|a|an|the|any|all|more|longer|going|of)$/i;

/**
 * The word a Japanese negative ending governs: the one just before it. It must end right at the
 * ending, or with only a conjugation or a copula between (`承認しない`, `認めていない`, `要因ではない`):
 * in `アクセスできない` the negation governs `できる`, not `アクセス`.
 */
function japaneseGoverned(text: string, neg: { start: number; end: number }): string | undefined {
  const before = japaneseWords(text).filter((w) => w.end <= neg.start && /^(?:[しさせれてい]*|では|じゃ)$/.test(text.slice(w.end, neg.start)));
  return before.at(-1)?.lemma;
}

// How far a statement reaches is grammar as well: restricted (`only`, `唯一`, `一部だけ`) against
// everyone or several (`any non-US citizen inside or outside the US`, `すべて`, `among several`).
// `not only` / `だけでなく` widen rather than restrict.
const WIDENED = /\bnot\s+(?:only|just|merely)\b|だけでなく|だけではなく|のみならず|のみでなく/g;
const RESTRICTED = /\b(?:only|solely|exclusively|sole|alone)\b|唯一|のみ|だけ|に限[らりるっ]|一部/i;
const UNIVERSAL = /\b(?:all|every|everyone|both|any|entire|alike|several|among|many|multiple)\b|すべて|全て|全員|全体|両方|いずれも|問わず|複数|多くの/i;

function quantifiers(text: string): { restricted?: RegExpExecArray; universal?: RegExpExecArray } {
  const plain = text.replace(WIDENED, (m) => ' '.repeat(m.length));
  return { restricted: RESTRICTED.exec(plain) ?? undefined, universal: UNIVERSAL.exec(plain) ?? undefined };
}

/**
 * The claim restricts what the unit says of everyone (`only applied to foreign nationals outside
 * the US` against `covered any non-US citizen inside or outside the US`), or spreads over several
 * what the unit says of one alone (`among several models` against `the only model`).
 */
export function quantifierMismatch(claim: string, members: Passage[]): SlotConflict | undefined {
  return opposedKinds('scope', quantifiers, ['restricted', 'universal'], quantifiers(claim), members);
}

/** How many content words after an English negation it is taken to govern (`did not provide *specific details*`). */
const GOVERNED_EN = 2;

interface Negated {
  marker: { text: string; start: number; end: number };
  /** Empty when the governed word is not found: the negation still counts as one. */
  keys: Set<string>;
}

const NEGATIONS_EN = new RegExp(NEGATION_EN.source, 'gi');
const NEGATIONS_JA = new RegExp(NEGATION_JA.source, 'g');

/** Every negation in a text with the meaning keys of the words it governs. */
function negations(text: string): Negated[] {
  const out: Negated[] = [];
  for (const re of [NEGATIONS_EN, NEGATIONS_JA]) {
    for (const m of text.matchAll(re)) {
      const marker = { text: m[0], start: m.index!, end: m.index! + m[0].length };
      if (contrastive(text, marker)) continue;
      const words = /[A-Za-z]/.test(m[0]) ? englishGoverned(text, marker.end) : [japaneseGoverned(text, marker)].filter((w): w is string => !!w);
      out.push({ marker, keys: new Set(words.flatMap((w) => [...textKeys(w)])) });
    }
  }
  return out;
}

/**
 * `to Tom Brown, not Dario Amodei`, `not just a right but a duty`: a negation that sets one thing
 * against another, not one that denies the sentence.
 */
function contrastive(text: string, marker: { text: string; start: number; end: number }): boolean {
  // After a comma only `not` sets things against each other: `, no tester found` opens a clause.
  const before = /^not$/i.test(marker.text) ? /,\s*$|\bbut\s+$/ : /\bbut\s+$/;
  return before.test(text.slice(Math.max(0, marker.start - 6), marker.start)) || /^\s+(?:just|only|merely|simply)\b/.test(text.slice(marker.end, marker.end + 10));
}

function englishGoverned(text: string, from: number): string[] {
  const clause = text.slice(from).split(/[,;:.!?()]|\b(?:but|and|because|although|while|if|whether|that|which|who|when|where)\b/)[0];
  return [...clause.matchAll(/[A-Za-z][A-Za-z'-]*/g)].map((m) => m[0]).filter((w) => w.length > 2 && !AUXILIARY.test(w)).slice(0, GOVERNED_EN);
}


/**
 * A word negated on one side and said plainly on the other (`did not provide specific details`
 * against `spelled out the specific details`; `制約要因になってきた` against `制限要因ではない`): the
 * claim against the unit's passage in the claim's language (or the original).
 * A negation whose words the other side does not say at all is not counted — sources often negate
 * by vocabulary (`ban`, `unclear`, `禁止`), which a particle count would read as a flip.
 */
export function negationMismatch(corpus: Corpus, claim: string, claimLang: string, members: Passage[]): SlotConflict | undefined {
  const same = members.find((m) => m.lang === claimLang) ?? members[0];
  if (!same) return undefined;
  const inClaim = negations(claim);
  const inSource = members.flatMap((m) => negations(m.text).map((n) => ({ ...n, passage: m })));
  const claimKeys = textKeys(claim);
  const conflict = (claimSide?: Negated, sourceSide?: Negated & { passage: Passage }): SlotConflict => ({
    kind: 'negation',
    claimText: claimSide?.marker.text ?? '',
    claimStart: claimSide?.marker.start ?? 0,
    claimEnd: claimSide?.marker.end ?? 0,
    sourceText: sourceSide?.marker.text ?? '',
    sourceStart: sourceSide?.marker.start ?? 0,
    sourceEnd: sourceSide?.marker.end ?? 0,
    passage: sourceSide?.passage.id ?? same.id,
  });
  // Negated on one side only: where both sides negate something, they usually say the same thing
  // in other words (`did not provide details` / `明らかにしていなかった`).
  const sourceSame = inSource.filter((s) => s.passage === same);
  // The claim negates what the source says without any negation.
  if (!sourceSame.length) {
    for (const n of inClaim) if (passagesSay(corpus, members, n.keys) && !inSource.some((s) => overlaps(s.keys, n.keys))) return conflict(n, undefined);
  }
  // The source negates what the claim says without any negation.
  if (!inClaim.length) {
    for (const n of sourceSame) if (overlaps(n.keys, claimKeys)) return conflict(undefined, n);
  }
  return undefined;
}
