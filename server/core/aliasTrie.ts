// The aliases of a catalog compiled into a trie over folded text (NFKC + lowercase), walked once
// per start position, and the choice among overlapping matches. Mention finding runs over every
// passage of every document, so this is the hot path of indexing.
import { upperBound } from './arrays';
import type { Entity } from './types';
import { fold, originOf, type FoldedText } from './text';

// Character classes for match boundaries (on folded text).

function isWordUnit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** Katakana letters and the long-vowel mark; the middle dot `・` separates words, so it is not one. */
function isKatakana(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fc && c <= 0x30fe);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

// ---------------------------------------------------------------------------------------------
// Alias trie.

interface AliasTarget {
  entity: Entity;
  /** NFKC form the original text must equal, for case-sensitive aliases. */
  exact?: string;
  endsWithWord: boolean;
  endsWithDigit: boolean;
  /** A short katakana tail (≤ 2 letters) must not run on into more katakana. */
  guardKatakanaTail: boolean;
}

interface TrieNode {
  /** Children by folded unit: an array for ASCII (most steps), a map for the rest. */
  ascii: (TrieNode | undefined)[];
  other: Map<number, TrieNode>;
  targets?: AliasTarget[];
}

const newNode = (): TrieNode => ({ ascii: [], other: new Map() });

const child = (node: TrieNode, c: number): TrieNode | undefined => (c < 0x80 ? node.ascii[c] : node.other.get(c));

function addChild(node: TrieNode, c: number): TrieNode {
  const existing = child(node, c);
  if (existing) return existing;
  const made = newNode();
  if (c < 0x80) node.ascii[c] = made;
  else node.other.set(c, made);
  return made;
}

/**
 * Spellings of one alias: as written, without the spaces Japanese text may or may not put
 * between Latin and Japanese (`英国 AI 安全研究所` / `英国AI安全研究所`), and without the middle
 * dot of katakana names (`サラ・ヘック` / `サラヘック`).
 */
function spellings(alias: string): string[] {
  const base = alias.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const out = new Set([base]);
  out.add(base.replace(/ (?=[\u3040-\u30ff\u3400-\u9fff])|(?<=[\u3040-\u30ff\u3400-\u9fff]) /g, ''));
  out.add(base.replace(/([A-Za-z0-9.])(?=[\u3040-\u30ff\u3400-\u9fff])/g, '$1 ').replace(/([\u3040-\u30ff\u3400-\u9fff])(?=[A-Za-z0-9])/g, '$1 '));
  for (const s of [...out]) if (s.includes('・')) out.add(s.replace(/・/g, ''));
  return [...out].filter((s) => s.length > 0);
}

function katakanaTail(folded: string): number {
  let n = 0;
  for (let i = folded.length - 1; i >= 0 && isKatakana(folded.charCodeAt(i)); i--) n++;
  return n;
}

export interface CompiledAliases {
  root: TrieNode;
  /** 1 for every folded unit that begins some alias: a cheap filter before the trie walk. */
  starts: Uint8Array;
}

export function compileAliases(entities: readonly Entity[], caseSensitive: Map<string, Set<string>>): CompiledAliases {
  const root = newNode();
  const starts = new Uint8Array(0x10000);
  for (const entity of entities) {
    const exactSet = caseSensitive.get(entity.id);
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const exact = exactSet?.has(alias);
      for (const spelling of spellings(alias)) {
        const key = fold(spelling);
        starts[key.charCodeAt(0)] = 1;
        let node = root;
        for (let i = 0; i < key.length; i++) node = addChild(node, key.charCodeAt(i));
        const last = key.charCodeAt(key.length - 1);
        const tail = katakanaTail(key);
        (node.targets ??= []).push({
          entity,
          exact: exact ? spelling : undefined,
          endsWithWord: isWordUnit(last),
          endsWithDigit: isDigit(last),
          guardKatakanaTail: tail > 0 && tail <= 2,
        });
      }
    }
  }
  return { root, starts };
}

export interface Candidate {
  entity: Entity;
  start: number;
  end: number;
  detected: boolean;
}

/** Every alias match starting at folded offset `i` (all lengths, longest last). */
export function matchesAt(root: TrieNode, text: string, t: FoldedText, i: number, out: Candidate[]): void {
  const f = t.folded;
  let node: TrieNode | undefined = root;
  let j = i;
  while (j < f.length) {
    const c = f.charCodeAt(j);
    if (isBlank(c)) {
      node = child(node, 0x20);
      if (!node) return;
      while (j < f.length && isBlank(f.charCodeAt(j))) j++;
      continue;
    }
    node = child(node, c);
    if (!node) return;
    j++;
    if (node.targets) {
      const target = node.targets.find((tg) => accepts(tg, text, t, i, j));
      if (target) out.push({ entity: target.entity, start: i, end: j, detected: false });
    }
  }
}

function accepts(target: AliasTarget, text: string, t: FoldedText, start: number, end: number): boolean {
  const f = t.folded;
  const next = end < f.length ? f.charCodeAt(end) : -1;
  if (target.endsWithWord && next >= 0 && isWordUnit(next)) return false;
  // `GPT-5.5` must not match the start of `GPT-5.5.1`.
  if (target.endsWithDigit && (next === 0x2e || next === 0x2c) && isDigit(f.charCodeAt(end + 1))) return false;
  if (target.guardKatakanaTail && next >= 0 && isKatakana(next)) return false;
  if (target.exact !== undefined) {
    // `e-Commerce`: an ordinary word glued to a hyphenated prefix is part of another word.
    if (start >= 2 && f.charCodeAt(start - 1) === 0x2d && isWordUnit(f.charCodeAt(start - 2))) return false;
    const original = text.slice(originOf(t, start), originOf(t, end)).normalize('NFKC').replace(/\s+/g, ' ');
    if (original !== target.exact) return false;
  }
  return true;
}

/** Start positions worth trying: an alias never starts inside a Latin word or a katakana run. */
export function canStart(f: string, i: number): boolean {
  if (i === 0) return true;
  const c = f.charCodeAt(i);
  const prev = f.charCodeAt(i - 1);
  if (isWordUnit(c) && isWordUnit(prev)) return false;
  if (isKatakana(c) && isKatakana(prev)) return false;
  return true;
}

/**
 * Longest first, then leftmost; catalog before pattern on ties; no overlaps. Linear after the
 * sort: a span taken earlier is at least as long as the candidate, so if they overlap it covers
 * the candidate's first or last unit, and those two units are all that needs looking at.
 */
export function selectMentions(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(a.detected) - Number(b.detected) || a.start - b.start);
  let size = 0;
  for (const c of candidates) size = Math.max(size, c.end + 1);
  // owner[i] = 1 + the index in `chosen` of the span covering unit i, or 0.
  const owner = new Int32Array(size);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    const taken = c.end > c.start ? owner[c.start] !== 0 || owner[c.end - 1] !== 0 : c.start > 0 && owner[c.start] !== 0 && owner[c.start] === owner[c.start - 1];
    if (taken) continue;
    chosen.push(c);
    owner.fill(chosen.length, c.start, c.end);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * A test of whether one of `spans` contains [start, end), in O(log n) per question: spans by start,
 * with the furthest end reached by any span starting at or before each.
 */
export function coveredBy(spans: readonly Candidate[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((c) => c.start);
  const reach: number[] = [];
  for (const c of sorted) reach.push(Math.max(c.end, reach.length ? reach[reach.length - 1] : -1));
  return (start, end) => {
    const lo = upperBound(starts, start);
    return lo > 0 && reach[lo - 1] >= end;
  };
}
