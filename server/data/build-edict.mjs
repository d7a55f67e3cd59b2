// Converts JMdict/EDICT (Debian package `edict`: /usr/share/edict/edict, EUC-JP) into the compact
// Japanese → English word list the verdict and retrieval read: one line per headword,
// `headword<TAB>english words`, a trailing `*` on the headword for the dictionary's common words
// (its (P) mark). Only the first sense's first glosses are kept: the later senses are rarer
// meanings that would bridge a word to things it almost never means in news text.
// Run: node server/data/build-edict.mjs [/usr/share/edict/edict] — then commit server/data/edict.txt.
// Licence: EDRDG, CC BY-SA 4.0 (see server/data/NOTICE.md); the output shares that licence.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? '/usr/share/edict/edict';
const out = join(dirname(fileURLToPath(import.meta.url)), 'edict.txt');

/** Glosses kept per headword: the first sense's head glosses carry the meaning; the rest drift. */
const GLOSSES = 4;
/** Longer headwords are phrases and proverbs that a memo sentence rarely contains verbatim. */
const MAX_HEADWORD = 8;
/** English words kept per headword. */
const MAX_WORDS = 4;
const STOP = new Set(
  'a an the to of in on at by for with from into as is be or and one some something someone someone\'s etc oneself e g i.e eg s one\'s its it that this'.split(' '),
);
const SKIP_SENSE = /\((?:[^)]*,)?(?:arch|obs|obsc|rare|vulg|X|sl|derog|joc|male|fem|col|hon|hum|pol|poet|uk)(?:,[^)]*)?\)/;

const text = new TextDecoder('euc-jp').decode(readFileSync(source));
const entries = new Map();
for (const line of text.split('\n')) {
  const m = /^(\S+)(?: \[([^\]]+)\])? \/(.*)\/$/.exec(line);
  if (!m) continue;
  const [, word, reading, body] = m;
  if (/^[　？]/.test(word)) continue;
  const common = /\(P\)/.test(body);
  const senses = body.split('/').filter((g) => g && g !== '(P)' && !/^EntL/.test(g));
  // Glosses up to the start of the second numbered sense.
  const first = [];
  for (const g of senses) {
    if (first.length && /^(?:\([^)]*\) )*\(2\)/.test(g)) break;
    first.push(g);
  }
  if (!first.length) continue;
  // `(uk)`: usually written in kana. A katakana reading is then the word as text writes it
  // (独逸 [ドイツ] Germany, 仏蘭西 [フランス] France): it becomes a headword. Other `(uk)` senses
  // (hiragana readings, mostly grammar) stay out, as before.
  const katakana = reading !== undefined && /^[\u30a1-\u30fa\u30fc]+$/.test(reading) && /\(uk\)/.test(first[0]);
  if (SKIP_SENSE.test(katakana ? first[0].replace(/\(uk\)/g, '') : first[0])) continue;
  const words = [];
  for (const gloss of first.slice(0, GLOSSES)) {
    const plain = gloss.replace(/\([^)]*\)/g, ' ').replace(/\{[^}]*\}/g, ' ').replace(/^\s*to\s+/, ' ').toLowerCase();
    const parts = plain.split(/[^a-z0-9'-]+/).filter((w) => w && !STOP.has(w));
    // A long gloss is an explanation, not a translation: keep only short ones.
    if (parts.length === 0 || parts.length > 3) continue;
    for (const w of parts) if (!words.includes(w) && words.length < MAX_WORDS) words.push(w);
  }
  if (!words.length) continue;
  const heads = katakana ? [word, reading] : [word];
  // A word written in kana only (loanwords, ordinary hiragana words) is its own headword; a
  // reading of a kanji word is not, since it would match unrelated kana text.
  // Hiragana-only words are mostly grammar (particles, auxiliaries): only the common ones are kept.
  if (reading === undefined && /^[\u3040-\u309f]+$/.test(word) && (!common || word.length < 2)) continue;
  for (const head of heads) {
    if (head.length > MAX_HEADWORD) continue;
    const prev = entries.get(head);
    if (!prev) entries.set(head, { common, words });
    else {
      prev.common ||= common;
      for (const w of words) if (!prev.words.includes(w) && prev.words.length < MAX_WORDS) prev.words.push(w);
    }
  }
}
const lines = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([head, e]) => `${head}${e.common ? '*' : ''}\t${e.words.join(' ')}`);
writeFileSync(out + '.tmp', lines.join('\n') + '\n');
renameSync(out + '.tmp', out);
console.log(`edict: ${lines.length} headwords, ${lines.filter((l) => l.split('\t')[0].endsWith('*')).length} common → ${out}`);
