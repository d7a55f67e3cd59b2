// `npm run eval:hover`: how often a fact picked by hand is among the facts a hover shows. For every
// alias of every entity in a picks file (`[{name, picks: [{doc, quote}]}]`, quotes verbatim from
// the corpus), the alias is hovered in an English and a Japanese memo sentence; the alias counts
// when one of the hover's facts (or the counterpart shown beside it) overlaps a picked quote.
// `npm run eval:hover -- --picks FILE --entities FILE --corpus DIR [--no-seeds]` measures another
// folder with its own entity list.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../server/core/corpus';
import { memoHover, type FactView } from '../server/core/hover';
import { FIXTURES, openCorpusWithFacts, overlapsQuote, type DevEntity } from './helpers';

interface Picks {
  name: string;
  picks: Array<{ doc: string; quote: string }>;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** For each fact of the hover, in order: is it (or the counterpart shown with it) a picked one? */
function picked(corpus: Corpus, facts: FactView[], picks: Picks['picks']): boolean[] {
  const content = (doc: string) => readFileSync(corpus.documents.find((d) => d.name === doc)!.path, 'utf8');
  const isPick = (f: { doc: string; range: FactView['range'] }) => picks.some((p) => p.doc === f.doc && overlapsQuote(content(f.doc), f.range, p.quote));
  return facts.map((f) => isPick(f) || (!!f.counterpart && isPick(f.counterpart)));
}

async function main() {
  const picksFile = option('--picks') ?? path.join(FIXTURES, 'hover-picks.json');
  const entitiesFile = option('--entities') ?? path.join(FIXTURES, 'entities.json');
  const folders = option('--corpus') ? [path.resolve(option('--corpus')!)] : [];
  const { table } = await openCorpusWithFacts(folders, !process.argv.includes('--no-seeds'));
  const entities: DevEntity[] = JSON.parse(readFileSync(entitiesFile, 'utf8'));
  const picks: Picks[] = JSON.parse(readFileSync(picksFile, 'utf8'));
  const verbose = process.argv.includes('--verbose');
  // Per memo language: aliases with a picked fact among the facts, with one first, and the share of shown facts that are picked.
  const tally = { en: { hit: 0, first: 0, share: 0, all: 0 }, ja: { hit: 0, first: 0, share: 0, all: 0 } };
  for (const e of entities) {
    const chosen = picks.find((p) => p.name === e.name);
    if (!chosen) continue;
    for (const alias of e.aliases) {
      for (const [lang, memo] of [['en', `We read that ${alias} was discussed again.`], ['ja', `資料によると${alias}が再び議論された。`]] as const) {
        const hover = memoHover(table, memo, { line: 0, character: memo.indexOf(alias) + 1 });
        const marks = hover?.entity?.entity.name === e.name ? picked(table.corpus, hover.entity.facts, chosen.picks) : [];
        const ok = marks.some((m) => m);
        const t = tally[lang];
        t.hit += ok ? 1 : 0;
        t.first += marks[0] ? 1 : 0;
        t.share += marks.length ? marks.filter((m) => m).length / marks.length : 0;
        t.all += 1;
        if (verbose || !ok) console.log(`${ok ? 'hit ' : 'MISS'} ${lang} ${alias}${hover?.entity ? '' : ' (no hover)'}`);
        if (verbose && hover?.entity) for (const f of hover.entity.facts) console.log(`       ${f.role}/${f.lang} ${f.text.slice(0, 110)}`);
      }
    }
  }
  const pct = (n: number, all: number) => `${((100 * n) / all).toFixed(0)}%`;
  for (const lang of ['en', 'ja'] as const) {
    const t = tally[lang];
    console.log(
      `${lang} memo: a hand-picked fact among the hover's facts for ${t.hit} of ${t.all} aliases (${pct(t.hit, t.all)}); ` +
        `first for ${t.first} (${pct(t.first, t.all)}); hand-picked share of the facts shown ${pct(t.share, t.all)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
