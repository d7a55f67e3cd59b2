// Builds the corpus the way every front end wants it: the seeds (unless turned off), the user's
// folders, and the retrieval bridges. One place, so the CLI, the server and the tests agree.
import * as path from 'node:path';
import { Corpus, type Annotator } from './corpus';
import { loadFolders } from './loader';
import type { Logger } from './types';

export interface CorpusSettings {
  /** The shipped seeds folder; included unless `includeSeeds` is false. */
  seedsFolder: string;
  includeSeeds: boolean;
  folders: string[];
}

export interface OpenedCorpus {
  corpus: Corpus;
  folders: string[];
  /** Folders (or parts of them) that could not be read, one line each; the rest was indexed. */
  skipped: string[];
  ms: number;
}

export function corpusFolders(settings: CorpusSettings): string[] {
  const folders = [...(settings.includeSeeds ? [settings.seedsFolder] : []), ...settings.folders].map((f) => path.resolve(f));
  return [...new Set(folders)];
}

export async function openCorpus(
  settings: CorpusSettings,
  logger: Logger,
  annotators: Annotator[] = [],
  onProgress?: (done: number, total: number) => void,
): Promise<OpenedCorpus> {
  const started = performance.now();
  const folders = corpusFolders(settings);
  const { files, sidecars, skipped } = await loadFolders(folders, logger);
  const corpus = await Corpus.buildAsync(files, { sidecars, annotators }, onProgress);
  const ms = performance.now() - started;
  logger.info(`indexed ${corpus.documents.length} documents, ${corpus.passages.length} passages in ${Math.round(ms)} ms`);
  return { corpus, folders, skipped, ms };
}
