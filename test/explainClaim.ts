// `node dist/test/explainClaim.js "claim" …`: the verdict analysis of claims over the seeds — the
// features the model weighs, its probabilities, and the candidate conflicts — for finding out why
// a verdict came out as it did.
import { rankPassages } from '../server/core/retrieval';
import { analyse, FEATURE_NAMES } from '../server/core/verdict/analysis';
import { probabilities, vector, VERDICT_MODEL } from '../server/core/verdict/model';
import { openCorpusWith } from './helpers';

async function main() {
  const { corpus, b } = await openCorpusWith([]);
  for (const claim of process.argv.slice(2)) {
    const a = analyse(corpus, claim, rankPassages(corpus, claim, { top: 10 }), b.entities);
    const p = probabilities(VERDICT_MODEL, vector(a.features));
    console.log(`\n${claim}\n  p(supported, contradicted, unsupported) = ${p.map((x) => x.toFixed(2)).join(', ')}`);
    console.log(`  ${FEATURE_NAMES.map((n) => `${n}=${Number(a.features[n].toFixed(2))}`).join(' ')}`);
    console.log(`  best: ${a.best ? a.best.members.map((m) => `[${m.id} ${m.role}] ${m.text.slice(0, 120)}`).join(' | ') : '-'}`);
    for (const c of a.factConflicts) console.log(`  fact conflict: ${c.claimFact.text} vs ${c.sourceFact.text} [${c.sourceFact.passage}]`);
    for (const c of a.actorConflicts) console.log(`  actor conflict: ${c.claim.name} vs ${c.source.name} [${c.passage}]`);
    for (const s of a.slotConflicts) console.log(`  ${s.kind}: ${s.claimText} vs ${s.sourceText} [${s.passage}]`);
    console.log(`  same-event units: ${a.sameEvent.map((u) => `${u.lead.id}:${u.meaningSubject.toFixed(2)}`).join(' ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
