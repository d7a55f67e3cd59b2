// A contrast turned around: the claim keeps what the source sets aside (`Dario Amodei rather than
// Tom Brown` where the source says `Tom Brown, not Dario Amodei`; `政治的判断よりも技術的な安全性`
// where it says `技術的な安全性よりも政治的判断`), or sets aside what the source plainly says
// (`understated rather than exaggerated` where it says `exaggerated`).
import { overlaps, textKeys } from '../dictionary/concepts';
import type { EntityCatalog } from '../entities';
import type { Passage } from '../types';
import type { SlotConflict } from './slots';

interface Span {
  text: string;
  start: number;
  end: number;
}

/** One thing preferred to another, as a text writes it. */
interface Contrast {
  kept: Span;
  rejected: Span;
  start: number;
  end: number;
}

const EN_WORDS = 4;
const EN_BREAK = /[,;:.!?()“”"]/;
const JA_BREAK = /[、。,「」『』（）()はがをにでとも]/;
const JA_REACH = 20;
/** A noun in a Japanese span: two kanji or katakana in a row, or a Latin name. */
const NOUN_JA = /[\u3400-\u9fff\u30a1-\u30fa\u30fc]{2}|[A-Za-z]{2}/;
const LEAD_IN = /^(?:that|the|a|an|to|is|are|was|were|be|been|have|has|had|it|its|which|who)$/i;

function englishBefore(text: string, at: number): Span {
  let from = at;
  while (from > 0 && !EN_BREAK.test(text[from - 1])) from--;
  const words = [...text.slice(from, at).matchAll(/\S+/g)].slice(-EN_WORDS);
  // `that technical safety`: the words that lead into the phrase are not part of it.
  while (words.length > 1 && LEAD_IN.test(words[0][0])) words.shift();
  const start = words.length ? from + words[0].index! : at;
  return { text: text.slice(start, at).trim(), start, end: at };
}

function englishAfter(text: string, at: number): Span {
  let to = at;
  while (to < text.length && !EN_BREAK.test(text[to])) to++;
  const words = [...text.slice(at, to).matchAll(/\S+/g)].slice(0, EN_WORDS);
  const end = words.length ? at + words.at(-1)!.index! + words.at(-1)![0].length : at;
  return { text: text.slice(at, end).trim(), start: at, end };
}

function japaneseBefore(text: string, at: number): Span {
  let from = at;
  while (from > 0 && at - from < JA_REACH && !JA_BREAK.test(text[from - 1])) from--;
  while (from < at && /\s/.test(text[from])) from++;
  return { text: text.slice(from, at), start: from, end: at };
}

function japaneseAfter(text: string, at: number): Span {
  let to = at;
  while (to < text.length && to - at < JA_REACH && !JA_BREAK.test(text[to])) to++;
  return { text: text.slice(at, to), start: at, end: to };
}

// `X rather than Y`, `X instead of Y`, `X, not Y` (not `not just`: that widens, see scope).
const EN_KEPT_FIRST = /\s*,?\s+(?:rather than|instead of)\s+|\s*,\s+not\s+(?!(?:just|only|merely|simply)\b)/gi;
// `not Y but X`.
const EN_REJECTED_FIRST = /\bnot\s+(?!(?:just|only|merely|simply)\b)([^,;:.]{1,60}?)\s+but\s+/gi;
// `YではなくX`, `YよりもX`.
const JA_REJECTED_FIRST = /ではなく(?:て)?、?|よりも/g;

export function contrasts(text: string): Contrast[] {
  const out: Contrast[] = [];
  for (const m of text.matchAll(EN_KEPT_FIRST)) {
    const kept = englishBefore(text, m.index!);
    const rejected = englishAfter(text, m.index! + m[0].length);
    if (kept.text && rejected.text) out.push({ kept, rejected, start: kept.start, end: rejected.end });
  }
  for (const m of text.matchAll(EN_REJECTED_FIRST)) {
    const rejected = { text: m[1], start: m.index! + m[0].indexOf(m[1]), end: m.index! + m[0].indexOf(m[1]) + m[1].length };
    const kept = englishAfter(text, m.index! + m[0].length);
    if (kept.text) out.push({ kept, rejected, start: m.index!, end: kept.end });
  }
  for (const m of text.matchAll(JA_REJECTED_FIRST)) {
    const rejected = japaneseBefore(text, m.index!);
    const kept = japaneseAfter(text, m.index! + m[0].length);
    // Two things, not a comparison: `合計よりも多かった` (more than the total) keeps no noun.
    if (NOUN_JA.test(rejected.text) && NOUN_JA.test(kept.text)) out.push({ kept, rejected, start: rejected.start, end: kept.end });
  }
  return out;
}

/** Meaning keys and entity ids of a stretch of text, in either language. */
function keysOf(text: string, entities: EntityCatalog): Set<string> {
  const keys = textKeys(text);
  for (const m of entities.findMentions(text)) keys.add(`@${m.entity.id}`);
  return keys;
}

/** A pair's own keys: what the two sides share (`氏` after both names) tells them apart from nothing. */
function sides(c: Contrast, entities: EntityCatalog): { kept: Set<string>; rejected: Set<string> } {
  const kept = keysOf(c.kept.text, entities);
  const rejected = keysOf(c.rejected.text, entities);
  for (const k of [...kept]) {
    if (rejected.has(k)) {
      kept.delete(k);
      rejected.delete(k);
    }
  }
  return { kept, rejected };
}

export function contrastSwaps(claim: string, members: Passage[], entities: EntityCatalog): SlotConflict[] {
  const said = contrasts(claim).map((c) => ({ c, ...sides(c, entities) })).filter((s) => s.kept.size && s.rejected.size);
  if (!said.length) return [];
  const conflict = (c: Contrast, passage: number, source: Span): SlotConflict => ({
    kind: 'reversal',
    claimText: claim.slice(c.start, c.end),
    claimStart: c.start,
    claimEnd: c.end,
    sourceText: source.text,
    sourceStart: source.start,
    sourceEnd: source.end,
    passage,
  });
  // Each passage's keys, read once for all of the claim's contrasts.
  const memberKeys = members.map((m) => keysOf(m.text, entities));
  const out: SlotConflict[] = [];
  for (const s of said) {
    let found: SlotConflict | undefined;
    let contrasted = false;
    for (const m of members) {
      for (const c of contrasts(m.text)) {
        const other = sides(c, entities);
        const same = overlaps(s.kept, other.kept) || overlaps(s.rejected, other.rejected);
        const swapped = overlaps(s.kept, other.rejected) && overlaps(s.rejected, other.kept);
        if (same || swapped) contrasted = true;
        if (swapped && !same) found ??= conflict(s.c, m.id, { text: m.text.slice(c.start, c.end), start: c.start, end: c.end });
      }
    }
    // No contrast of the same things in the source: the claim sets aside what it plainly says,
    // and the source does not say what the claim keeps.
    if (!found && !contrasted) {
      const i = memberKeys.findIndex((keys) => overlaps(s.rejected, keys));
      if (i >= 0 && !memberKeys.some((keys) => overlaps(s.kept, keys))) {
        const at = rejectedAt(members[i].text, s.rejected);
        if (at) found = conflict(s.c, members[i].id, at);
      }
    }
    if (found) out.push(found);
  }
  return out;
}

/** Where the passage says a word of the set-aside side, to show it. */
function rejectedAt(text: string, keys: Set<string>): Span | undefined {
  for (const m of text.matchAll(/[A-Za-z][A-Za-z’'-]*[A-Za-z]|[\u3040-\u9fff\u30a0-\u30ffー]+/g)) {
    if (overlaps(textKeys(m[0]), keys)) return { text: m[0], start: m.index!, end: m.index! + m[0].length };
  }
  return undefined;
}
