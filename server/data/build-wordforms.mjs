// Converts WordNet's exception lists (Debian package `wordnet-base`: /usr/share/wordnet/verb.exc and
// noun.exc) into the irregular forms the meaning keys read: one line per form, `form<TAB>lemma`
// (`took` → `take`, `found` → `find`, `analyses` → `analysis`), the table WordNet's own morphy
// consults before it strips regular endings. Adjective comparatives (`better` → `good`) are left
// out: a comparison is not its base. Run: node server/data/build-wordforms.mjs [/usr/share/wordnet]
// — then commit server/data/wordforms.txt. Licence: WordNet (Princeton University), see NOTICE.md.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? '/usr/share/wordnet';
const out = join(dirname(fileURLToPath(import.meta.url)), 'wordforms.txt');

const forms = new Map();
for (const pos of ['verb', 'noun']) {
  for (const line of readFileSync(join(dir, `${pos}.exc`), 'utf8').split('\n')) {
    const [form, lemma] = line.trim().split(' ');
    // Single words only, and the first reading of a form (verbs first: `left` is `leave`).
    if (!form || !lemma || form === lemma || /[_-]/.test(form + lemma) || forms.has(form)) continue;
    forms.set(form, lemma);
  }
}
const lines = [...forms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, l]) => `${f}\t${l}`);
writeFileSync(out + '.tmp', lines.join('\n') + '\n');
renameSync(out + '.tmp', out);
console.log(`wordforms: ${lines.length} irregular forms → ${out}`);
