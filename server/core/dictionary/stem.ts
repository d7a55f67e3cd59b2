// The key two words share when they are forms of one word: an irregular form taken to its lemma by
// WordNet's exception lists (`took` → `take`, `found` → `find`: server/data/wordforms.txt, built by
// server/data/build-wordforms.mjs), then Porter's stemmer (`exaggerated`, `exaggeration` →
// `exagger`). Dictionary glosses, WordNet lemmas and passage words all meet here.
import { stemmer } from 'stemmer';
import forms from '../../data/wordforms.txt';
import { lineTable } from './lines';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;
let irregular: Map<string, string> | undefined;

export function wordKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const lower = word.toLowerCase().replace(/[’']s$/, '');
    key = stemmer((irregular ??= lineTable(forms)).get(lower) ?? lower);
    cache.set(word, key);
  }
  return key;
}
