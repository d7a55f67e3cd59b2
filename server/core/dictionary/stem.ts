// The key two words share when they are forms of one word: Porter's stemmer (`exaggerated`,
// `exaggeration` → `exagger`). Dictionary glosses, WordNet lemmas and passage words all meet here.
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

export function wordKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = stemmer(word.toLowerCase().replace(/[’']s$/, ''));
    cache.set(word, key);
  }
  return key;
}
