// `find-sources "<claim>"` and `find-sources --batch FILE --json`: ranked passages and a verdict.
import { findSources, type FindSourcesResult } from '../core/findSources';
import { UsageError, intFlag, parseArgs } from './args';
import { CORPUS_FLAGS, corpusFromArgs } from './corpusArgs';
import { formatSources } from './format';
import { readTextFile } from './readText';

export const FIND_SOURCES_USAGE = 'find-sources [--corpus DIR]… [--no-seeds] [--entities FILE]… [--top K] [--json] ("<claim>" | --batch FILE)';

export async function findSourcesCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv, { ...CORPUS_FLAGS, top: 'string', json: 'boolean', batch: 'string' });
  const top = intFlag(parsed.flags.top, 'top', 5);
  const batchFile = parsed.flags.batch as string | undefined;
  if (!batchFile && parsed.positional.length !== 1) throw new UsageError(`usage: ${FIND_SOURCES_USAGE}`);
  if (batchFile && parsed.positional.length) throw new UsageError('give either a claim or --batch FILE, not both');
  const claims = batchFile ? readBatch(batchFile) : [{ id: undefined, claim: parsed.positional[0] }];
  const { corpus, bridges } = await corpusFromArgs(parsed);
  for (const { id, claim } of claims) {
    const result = findSources(corpus, claim, { top, entities: bridges.entities });
    if (parsed.flags.json) out(JSON.stringify(batchFile ? batchLine(id, result) : result));
    else out(formatSources(result));
  }
  return 0;
}

function batchLine(id: unknown, result: FindSourcesResult) {
  return {
    id,
    verdict: result.verdict,
    explanation: result.explanation,
    conflicts: result.conflicts,
    sources: result.sources.map((s) => ({
      doc: s.doc,
      range: s.range,
      text: s.text,
      lang: s.lang,
      role: s.role,
      score: s.score,
      ...(s.speaker ? { speaker: s.speaker } : {}),
    })),
  };
}

function readBatch(file: string): Array<{ id: unknown; claim: string }> {
  const text = readTextFile(file);
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}:${n}: not a JSON object`);
      }
      const claim = (obj as { claim?: unknown })?.claim;
      if (typeof claim !== 'string' || !claim.trim()) throw new UsageError(`${file}:${n}: needs a "claim" string`);
      return { id: (obj as { id?: unknown }).id, claim };
    });
}
