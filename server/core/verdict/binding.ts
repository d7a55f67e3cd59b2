// What the claim says one of several named things did, the source says another did: both are
// named, but the act is bound to the other (`GPT-5.6 has already outscored Mythos 5` against
// `GPT-5.5 Cyber just beat Mythos 5 … asked OpenAI to delay the release of GPT-5.6`). The doer is
// the name just before the act, in the same clause, in an active sentence — English on both
// sides, where word order says who did it.
import type { ClaimWord } from '../dictionary/concepts';
import { wordKey } from '../dictionary/stem';
import type { EntityCatalog, Mention } from '../entities';
import type { Passage } from '../types';
import type { NameClash } from './clash';

/** Kinds of name whose acts a claim may bind to the wrong one. */
const DOERS = new Set(['person', 'company', 'agency', 'model', 'program']);
/** Words between a doer and its act at most (`GPT-5.5 Cyber just beat`, `Anthropic has already sent`). */
const GAP_WORDS = 3;
const CLAUSE_BREAK = /[,;:()—–]|\b(?:that|which|who|whom|whose|and|but|while|after|before|because|when|if|than|of|to|for|with|by|from|on|in|at)\b/i;
const PASSIVE = /\b(?:was|were|been|being|is|are)\s*$/i;

/** The named doer of the word at `at` in `text`: the nearest name before it in the same clause. */
function doerOf(text: string, mentions: Mention[], at: number): Mention | undefined {
  const before = mentions.filter((m) => m.end <= at && DOERS.has(m.entity.kind)).at(-1);
  if (!before) return undefined;
  const gap = text.slice(before.end, at);
  // `OpenAI's GPT-5.6 has`: a possessive names the owner, not the doer.
  if (/^[’']s\b/.test(gap)) return undefined;
  if (CLAUSE_BREAK.test(gap) || PASSIVE.test(gap) || gap.trim().split(/\s+/).filter(Boolean).length > GAP_WORDS) return undefined;
  if (/^\s*by\b/i.test(text.slice(at).replace(/^[A-Za-z’'-]+/, ''))) return undefined;
  return before;
}

/**
 * An act the claim gives a named doer (a word, or a name acted on), said in an English passage of
 * the unit with another named doer of the same kind that the claim does not name, while the
 * passage names the claim's doer elsewhere.
 */
export function bindingSwaps(claim: string, claimMentions: Mention[], words: ClaimWord[], members: Passage[], entities: EntityCatalog): NameClash[] {
  const named = new Set(claimMentions.map((m) => m.entity.id));
  // Each English passage read once: its names, and its words as meaning keys.
  const passages: PassageRead[] = members
    .filter((p) => p.lang === 'en')
    .map((p) => ({ p, mentions: entities.findMentions(p.text), words: [...p.text.matchAll(LATIN_WORD)].map((m) => ({ key: wordKey(m[0]), at: m.index! })) }));
  // What the doer did, as the passage may say it: the act in any wording, or a name it acted on.
  const anchors: Array<{ start: number; found: (read: PassageRead) => number[] }> = [];
  for (const w of words) {
    if (w.lang !== 'en' || claimMentions.some((m) => m.start <= w.start && w.end <= m.end)) continue;
    const keys = new Set([...w.own, ...w.synonyms]);
    anchors.push({ start: w.start, found: (read) => read.words.filter((x) => keys.has(x.key)).map((x) => x.at) });
  }
  for (const o of claimMentions) anchors.push({ start: o.start, found: (read) => read.mentions.filter((m) => m.entity.id === o.entity.id).map((m) => m.start) });
  for (const anchor of anchors) {
    const doer = doerOf(claim, claimMentions, anchor.start);
    if (!doer) continue;
    for (const read of passages) {
      if (!read.mentions.some((m) => m.entity.id === doer.entity.id)) continue;
      for (const at of anchor.found(read)) {
        const other = doerOf(read.p.text, read.mentions, at);
        if (!other || other.entity.kind !== doer.entity.kind || named.has(other.entity.id) || entities.nested(other.entity.id, doer.entity.id)) continue;
        return [{ claim: { name: doer.text, start: doer.start, end: doer.end }, source: { name: other.text, start: other.start, end: other.end }, passage: read.p.id }];
      }
    }
  }
  return [];
}

interface PassageRead {
  p: Passage;
  mentions: Mention[];
  words: Array<{ key: string; at: number }>;
}

const LATIN_WORD = /[A-Za-z][A-Za-z’'-]*[A-Za-z]/g;
