// The corpus options every CLI command shares: --corpus DIR (repeatable), --no-seeds, and where
// the saved index lives (--index-dir DIR, or $AIPC_INDEX_DIR; --no-saved-index neither reads nor
// writes one).
import { bridges } from '../bridges';
import { stderrLogger } from '../core/types';
import { defaultIndexDir, indexCache } from '../host/indexCache';
import { corpusFolders, openCorpus, type OpenedCorpus } from '../host/openCorpus';
import { pruneSavedIndexes } from '../host/savedIndexes';
import { SEEDS_FOLDER } from '../paths';
import { UsageError, type FlagSpec, type Parsed } from './args';
import { clearingLogger, progressReporter } from './progress';

export const CORPUS_FLAGS: FlagSpec = { corpus: 'list', 'no-seeds': 'boolean', entities: 'list', 'index-dir': 'string', 'no-saved-index': 'boolean' };

export const CORPUS_USAGE = '[--corpus DIR]… [--no-seeds] [--entities FILE]… [--index-dir DIR | --no-saved-index]';

export async function corpusFromArgs(parsed: Parsed): Promise<OpenedCorpus & { bridges: ReturnType<typeof bridges> }> {
  const folders = (parsed.flags.corpus as string[] | undefined) ?? [];
  const includeSeeds = !parsed.flags['no-seeds'];
  if (!includeSeeds && !folders.length) throw new UsageError('--no-seeds needs at least one --corpus DIR');
  if (parsed.flags['no-saved-index'] && parsed.flags['index-dir']) throw new UsageError('give either --index-dir or --no-saved-index, not both');
  const b = bridges({ entityFiles: (parsed.flags.entities as string[] | undefined) ?? [], folders, logger: stderrLogger });
  const settings = { seedsFolder: SEEDS_FOLDER, includeSeeds, folders };
  const cache = parsed.flags['no-saved-index'] ? undefined : indexCache((parsed.flags['index-dir'] as string | undefined) ?? defaultIndexDir(), corpusFolders(settings), b);
  const progress = progressReporter();
  try {
    const opened = await openCorpus(settings, clearingLogger(stderrLogger, progress), b.annotators, progress.onProgress, { cache, parallel: { entityFiles: b.entityFiles } });
    // Once this index is saved: it is marked used, and old ones of other folders go.
    if (cache) void (opened.saving ?? Promise.resolve()).then(() => pruneSavedIndexes(cache.file, stderrLogger));
    return { ...opened, bridges: b };
  } finally {
    progress.done();
  }
}
