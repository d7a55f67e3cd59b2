// Builds the corpus the way every front end wants it: the seeds (unless turned off), the user's
// folders, and the retrieval bridges. One place, so the CLI, the server and the tests agree.
// With a saved index it starts from that file and re-indexes only the files changed since; with
// a previous corpus (the server's, when its watcher fires) it does the same in memory.
import * as path from 'node:path';
import { Corpus, type Annotator, type BuildProgress, type CorpusOptions, type SourceFile } from '../core/corpus';
import { updateCorpus, type CorpusChanges } from '../core/corpusUpdate';
import { encodeIndex } from '../core/indexFile';
import { corpusFromSections, corpusSections } from '../core/savedCorpus';
import type { Logger } from '../core/types';
import { listFolders, loadFolders, readSidecars, readSourceFile } from './corpusFolders';
import { buildInWorkers, threadsFor, type ParallelOptions } from './parallelBuild';
import { readIndexFile, writeIndexFile } from './savedIndexFile';

export interface CorpusSettings {
  /** The shipped seeds folder; included unless `includeSeeds` is false. */
  seedsFolder: string;
  includeSeeds: boolean;
  folders: string[];
}

/** Where the saved index lives, and what must match for it to be used (see `indexFingerprint`). */
export interface IndexCache {
  file: string;
  fingerprint: string;
}

export interface OpenOptions {
  /** Load from and save to this file. */
  cache?: IndexCache;
  /** A corpus of the same folders and annotators, to update instead of building from scratch. */
  previous?: Corpus;
  /** Build from the text even if a saved index exists (and save the result). */
  rebuild?: boolean;
  /**
   * A first build of a large corpus runs in worker threads that make these annotators again
   * from the same entity files (`Bridges.entityFiles`); without it, on one thread.
   */
  parallel?: ParallelOptions;
}

export interface OpenedCorpus {
  corpus: Corpus;
  folders: string[];
  /** Folders (or parts of them) that could not be read, one line each; the rest was indexed. */
  skipped: string[];
  ms: number;
  /** `built` from the text, `loaded` from the saved index, `updated` from the previous corpus. */
  from: 'built' | 'loaded' | 'updated';
  /** What was re-indexed on top of a saved index or previous corpus. */
  changes?: CorpusChanges;
  /** The saved index being written (started after the corpus is ready); never rejects. */
  saving?: Promise<void>;
}

/**
 * What opening a corpus is doing: `loading` the saved index (no counts: one read), then — or
 * instead, without one — `reading`, `parsing` and `indexing` the files (`done` of `total`).
 */
export type OpenProgress = BuildProgress | { phase: 'loading'; done: 0; total: 0 };

export function corpusFolders(settings: CorpusSettings): string[] {
  const folders = [...(settings.includeSeeds ? [settings.seedsFolder] : []), ...settings.folders].map((f) => path.resolve(f));
  return [...new Set(folders)];
}

export async function openCorpus(
  settings: CorpusSettings,
  logger: Logger,
  annotators: Annotator[] = [],
  onProgress?: (progress: OpenProgress) => void,
  options: OpenOptions = {},
): Promise<OpenedCorpus> {
  const started = performance.now();
  const folders = corpusFolders(settings);
  const loadingSaved = !options.previous && options.cache && !options.rebuild;
  if (loadingSaved) onProgress?.({ phase: 'loading', done: 0, total: 0 });
  const base = options.previous ?? (loadingSaved ? await loadSaved(options.cache!, folders, annotators, logger) : undefined);
  let opened: Omit<OpenedCorpus, 'ms'>;
  if (base) {
    const [{ files: listed, skipped }, sidecars] = await Promise.all([listFolders(folders, logger), readSidecars(folders, logger)]);
    const { corpus, changes } = await updateCorpus(base, listed, { annotators, sidecars, read: (f) => readSourceFile(f.path, f.folder, logger) });
    opened = { corpus, folders, skipped, from: options.previous ? 'updated' : 'loaded', changes };
  } else {
    const { files, sidecars, skipped } = await loadFolders(folders, logger, (done, total) => onProgress?.({ phase: 'reading', done, total }));
    opened = { corpus: await buildCorpus(files, { sidecars, annotators }, logger, onProgress, options.parallel), folders, skipped, from: 'built' };
  }
  const ms = performance.now() - started;
  const { corpus, changes } = opened;
  const changed = changes ? changes.added + changes.changed + changes.removed : 0;
  const what = opened.from === 'built' ? 'indexed' : opened.from === 'loaded' ? 'loaded the saved index of' : 'updated the index of';
  const delta = changes && (changed || changes.touched) ? ` (re-indexed ${changes.added} added, ${changes.changed} changed, ${changes.removed} removed files)` : '';
  logger.info(`${what} ${corpus.documents.length} documents, ${corpus.passages.length} passages in ${Math.round(ms)} ms${delta}`);
  // Catalog corrections are not saved (they are applied at every load), so only files count.
  const needsSave = options.cache && (opened.from === 'built' || changed > 0 || (changes?.touched ?? 0) > 0);
  const saving = needsSave ? saveIndex(options.cache!, corpus, logger) : undefined;
  return { ...opened, ms, saving };
}

/** A first build: in worker threads when the corpus is large enough and they can run, else (or if they fail) on this one. */
async function buildCorpus(files: SourceFile[], options: CorpusOptions, logger: Logger, onProgress?: (progress: BuildProgress) => void, parallel?: ParallelOptions): Promise<Corpus> {
  const threads = parallel ? threadsFor(files, parallel) : 0;
  if (threads) {
    logger.info(`indexing ${files.length} files in ${threads} worker threads`);
    try {
      return await buildInWorkers(files, options, parallel!, threads, onProgress);
    } catch (e) {
      logger.warn(`indexing in ${threads} worker threads failed (${(e as Error).message}); indexing on one thread`);
    }
  }
  return Corpus.buildAsync(files, options, onProgress);
}

/** The saved corpus, or undefined (with one log line saying why) when there is none fit to use. */
async function loadSaved(cache: IndexCache, folders: string[], annotators: Annotator[], logger: Logger): Promise<Corpus | undefined> {
  const read = await readIndexFile(cache.file, cache.fingerprint).catch((e: unknown) => ({ reason: 'corrupt' as const, detail: (e as Error).message }));
  if ('reason' in read) {
    const line = `saved index not used (${read.reason}: ${read.detail}): ${cache.file}; indexing from the text`;
    if (read.reason === 'corrupt') logger.warn(line);
    else logger.info(line);
    return undefined;
  }
  try {
    // Catalog corrections are applied again after the update, with the folders' current sidecars.
    return corpusFromSections(read, annotators, await readSidecars(folders, logger));
  } catch (e) {
    logger.warn(`saved index not used (corrupt: ${(e as Error).message}): ${cache.file}; indexing from the text`);
    return undefined;
  }
}

/** Writes the saved index once the caller has had its corpus (the next turn of the event loop). */
function saveIndex(cache: IndexCache, corpus: Corpus, logger: Logger): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      const started = performance.now();
      const chunks = encodeIndex(cache.fingerprint, corpusSections(corpus));
      await writeIndexFile(cache.file, chunks);
      const bytes = chunks.reduce((n, c) => n + c.length, 0);
      logger.info(`saved the index (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms: ${cache.file}`);
    })
    .catch((e: unknown) => logger.warn(`could not save the index to ${cache.file}: ${(e as Error).message}`));
}
