// English synonyms and antonyms from WordNet 3.1 (server/data/wordnet.txt, built by
// server/data/build-wordnet.mjs): a word's synonyms are the words of its two most frequent senses;
// its antonyms the direct ones and those of its adjective cluster.
import data from '../../data/wordnet.txt';
import { lineTable, lineTableSteps } from './lines';

interface Entry {
  synonyms: string[];
  antonyms: string[];
}

// Lemma → the rest of its line, parsed on first use: loading stays a single pass over the text.
let table: Map<string, string> | undefined;
const parsed = new Map<string, Entry>();

function load(): Map<string, string> {
  return (table ??= lineTable(data));
}

/** Loads the word list in slices, for a background warm-up (a look-up meanwhile loads it at once). */
export function* preloadSteps(): Generator<void> {
  if (table) return;
  const loaded = yield* lineTableSteps(data);
  table ??= loaded;
}

function entryOf(lemma: string): Entry {
  let e = parsed.get(lemma);
  if (!e) {
    const [syn, ant] = load().get(lemma)!.split('\t');
    e = { synonyms: syn ? syn.split(' ') : [], antonyms: ant ? ant.split(' ') : [] };
    parsed.set(lemma, e);
  }
  return e;
}

// WordNet's own morphology (morphy): the endings an inflected form can drop to reach its lemma.
const DETACH: Array<[string, string]> = [
  ['ies', 'y'], ['es', 'e'], ['es', ''], ['s', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
  ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ly', ''],
];

/**
 * The WordNet lemmas an English word form can be: itself (`overstated`, an adjective) and its
 * base forms (`overstate`, a verb), as WordNet's morphy finds them.
 */
export function lemmasOf(word: string): string[] {
  const t = load();
  const w = word.toLowerCase();
  const out = t.has(w) ? [w] : [];
  for (const [end, repl] of DETACH) {
    if (w.length > end.length + 2 && w.endsWith(end)) {
      const base = w.slice(0, -end.length) + repl;
      if (t.has(base) && !out.includes(base)) out.push(base);
      // Doubled consonant: `stopped` → `stop`.
      const undoubled = base.slice(0, -1);
      if (repl === '' && base.length > 3 && base.at(-1) === base.at(-2) && t.has(undoubled) && !out.includes(undoubled)) out.push(undoubled);
    }
  }
  return out;
}

export function synonyms(word: string): string[] {
  return lemmasOf(word).flatMap((l) => entryOf(l).synonyms);
}

export function antonyms(word: string): string[] {
  return lemmasOf(word).flatMap((l) => entryOf(l).antonyms);
}
