// The corpus options every CLI command shares: --corpus DIR (repeatable), --no-seeds.
import { openCorpus, type OpenedCorpus } from '../core/openCorpus';
import { stderrLogger } from '../core/types';
import { SEEDS_FOLDER } from '../paths';
import { bridges } from '../bridges';
import { UsageError, type FlagSpec, type Parsed } from './args';

export const CORPUS_FLAGS: FlagSpec = { corpus: 'list', 'no-seeds': 'boolean', entities: 'list' };

export async function corpusFromArgs(parsed: Parsed): Promise<OpenedCorpus & { bridges: ReturnType<typeof bridges> }> {
  const folders = (parsed.flags.corpus as string[] | undefined) ?? [];
  const includeSeeds = !parsed.flags['no-seeds'];
  if (!includeSeeds && !folders.length) throw new UsageError('--no-seeds needs at least one --corpus DIR');
  const b = bridges({ entityFiles: (parsed.flags.entities as string[] | undefined) ?? [], folders, logger: stderrLogger });
  const opened = await openCorpus({ seedsFolder: SEEDS_FOLDER, includeSeeds, folders }, stderrLogger, b.annotators);
  return { ...opened, bridges: b };
}
