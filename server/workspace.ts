// The server's view of the corpus: builds it from the settings, re-indexes when they or the
// files change, and tells the client (status notifications) so that nobody waits on a sleep.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { bridges, type Bridges } from './bridges';
import { ClaimSearch } from './core/claimSearch';
import type { BuildProgress, Corpus } from './core/corpus';
import type { Logger } from './core/types';
import { isSourceName } from './core/sourceText';
import { defaultIndexDir, indexCache } from './host/indexCache';
import { corpusFolders, openCorpus, type OpenProgress } from './host/openCorpus';
import { pruneSavedIndexes } from './host/savedIndexes';
import { watchTree, type FolderWatch } from './host/watchTree';
import { SEEDS_FOLDER } from './paths';
import type { IndexStatus, PartialAnswer } from './protocol';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export interface Indexed {
  corpus: Corpus;
  bridges: Bridges;
  claims: ClaimSearch;
  /** Set on an index of the documents indexed so far, while the first index is still being built. */
  partial?: PartialAnswer;
}

/** A partial index is made again for a query only when this many more documents are ready (or at the end). */
const PARTIAL_STEP = 0.05;

export class Workspace {
  settings: Settings = DEFAULT_SETTINGS;
  roots: string[] = [];
  /** False in VS Code's Restricted Mode: paths written in memos are not followed. */
  trusted = true;
  /** Where the saved index lives (the client's storage folder, else the user's cache folder). */
  indexDir = defaultIndexDir();
  status: IndexStatus = { state: 'indexing', documents: 0, claims: 0, passages: 0, folders: [], generation: 0 };
  private current?: Indexed;
  private running?: Promise<void>;
  private again = false;
  private fullAgain = false;
  private waiters: Array<{ resolve: (i: Indexed) => void; reject: (e: Error) => void }> = [];
  private listeners: Array<(i: Indexed) => void> = [];
  private watchers: FolderWatch[] = [];
  private debounce?: NodeJS.Timeout;
  /** The folders the current index was built from. */
  private builtFolders: string[] = [];
  /** While the first index is built: how to get one of the documents indexed so far, and the last one made. */
  private progressive?: { bridges: Bridges; total: number; done: number; partial?: () => Corpus; made?: Indexed };

  constructor(
    private readonly logger: Logger,
    private readonly onStatus: (status: IndexStatus) => void,
  ) {}

  /**
   * The index, waiting for the first build if it is still running. When nothing could be indexed
   * it rejects at once with an error a client shows, rather than leaving the request waiting.
   */
  indexed(): Promise<Indexed> {
    if (this.current) return Promise.resolve(this.current);
    if (this.status.state === 'error') return Promise.reject(this.unavailable());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private unavailable(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestFailed, `AI Policy Claims has no index: ${this.status.message ?? 'indexing failed'}`);
  }

  /**
   * For queries a user asked for (Find Source, Search Claims): the index, or — while the first
   * one is still being built — an index of the documents indexed so far, marked `partial`, so
   * that a large corpus answers before it is whole and says so. Waits only when nothing is ready.
   */
  answerable(): Promise<Indexed> {
    if (this.current) return Promise.resolve(this.current);
    const p = this.progressive;
    if (!p?.partial || p.done === 0) return this.indexed();
    const stale = !p.made || p.done - (p.made.partial?.documents ?? 0) >= Math.max(1, PARTIAL_STEP * p.total);
    if (stale) {
      const corpus = p.partial();
      p.made = { corpus, bridges: p.bridges, claims: new ClaimSearch(corpus, p.bridges.entities), partial: { documents: corpus.documents.length, total: p.total } };
      const progress = this.status.progress ?? { phase: 'indexing' as const, done: p.done, total: p.total };
      this.publish({ ...this.status, progress: { ...progress, answering: corpus.documents.length } });
    }
    return Promise.resolve(p.made!);
  }

  /** Calls `listener` with every new index, once it is ready (e.g. to warm caches in the background). */
  onIndexed(listener: (i: Indexed) => void): void {
    this.listeners.push(listener);
  }

  /** The index if one is built; never waits (for requests that must answer at once). */
  peek(): Indexed | undefined {
    return this.current;
  }

  folders(): string[] {
    const base = this.roots[0] ?? process.cwd();
    return corpusFolders({
      seedsFolder: SEEDS_FOLDER,
      includeSeeds: this.settings.corpus.includeSeeds,
      folders: this.settings.corpus.folders.map((f) => path.resolve(base, f)),
    });
  }

  /**
   * Re-indexes the files changed since the last index (or, with `full`, everything from the text:
   * the user's explicit Re-index); calls made while one runs are folded into one more run after it.
   */
  reindex(full = false): Promise<void> {
    this.fullAgain ||= full;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const rebuild = this.fullAgain;
        this.fullAgain = false;
        await this.build(rebuild);
      } while (this.again);
      this.running = undefined;
    })();
    return this.running;
  }

  private async build(rebuild: boolean): Promise<void> {
    const generation = this.status.generation + 1;
    const folders = this.folders();
    this.publish({ ...this.status, state: 'indexing', folders, generation });
    try {
      const base = this.roots[0] ?? process.cwd();
      const b = bridges({ entityFiles: this.settings.entities.files.map((f) => path.resolve(base, f)), folders, logger: this.logger });
      const before = this.current;
      let lastReport = 0;
      let lastPhase = '';
      const onProgress = (progress: OpenProgress) => {
        const { phase, done, total, partial } = progress as BuildProgress;
        if (!before && partial) this.progressive = { bridges: b, total, done, partial, made: this.progressive?.made };
        // Every change of phase is told; counts at most four times a second.
        if (phase === lastPhase && performance.now() - lastReport < 250) return;
        lastReport = performance.now();
        lastPhase = phase;
        const answering = this.progressive?.made?.partial?.documents;
        this.publish({ ...this.status, state: 'indexing', folders, generation, progress: { phase, done, total, ...(answering ? { answering } : {}) } });
      };
      // The same folders and entity files: only the files changed since need re-indexing.
      const previous = !rebuild && before && before.bridges.fingerprint === b.fingerprint && sameFolders(folders, this.builtFolders) ? before.corpus : undefined;
      const cache = indexCache(this.indexDir, folders, b);
      const opened = await openCorpus({ seedsFolder: SEEDS_FOLDER, includeSeeds: false, folders }, this.logger, b.annotators, onProgress, { cache, previous, rebuild, parallel: { entityFiles: b.entityFiles } });
      // Once this index is saved: it is marked used, and old ones of other folders go.
      void (opened.saving ?? Promise.resolve()).then(() => pruneSavedIndexes(cache.file, this.logger));
      // Nothing changed: the same index, with its warm caches (claim search, entity facts).
      this.current = before && opened.corpus === before.corpus ? before : { corpus: opened.corpus, bridges: b, claims: new ClaimSearch(opened.corpus, b.entities) };
      this.builtFolders = folders;
      this.progressive = undefined;
      this.watchFolders(folders);
      const claims = opened.corpus.passages.reduce((n, p) => n + (p.heading ? 0 : 1), 0);
      const skipped = opened.skipped.length ? { skipped: opened.skipped } : {};
      this.publish({ state: 'ready', documents: opened.corpus.documents.length, passages: opened.corpus.passages.length, claims, folders, ms: Math.round(opened.ms), generation, from: opened.from, ...skipped });
      for (const w of this.waiters.splice(0)) w.resolve(this.current);
      for (const l of this.listeners) l(this.current);
    } catch (e) {
      this.logger.error(`indexing failed: ${(e as Error).message}`);
      this.progressive = undefined;
      this.publish({ ...this.status, state: 'error', message: (e as Error).message, folders, generation });
      // Without an earlier index to answer from, waiting requests get the error instead of waiting forever.
      if (!this.current) for (const w of this.waiters.splice(0)) w.reject(this.unavailable());
    }
  }

  private publish(status: IndexStatus): void {
    this.status = status;
    this.onStatus(status);
  }

  /** Files added, changed or removed in a corpus folder trigger a (debounced) re-index. */
  private watchFolders(folders: string[]): void {
    for (const w of this.watchers.splice(0)) w.close();
    for (const folder of folders) {
      if (folder === SEEDS_FOLDER) continue;
      const onChange = (file: string) => {
        // Documents, catalog.json and entities.json matter; a new subfolder may hold documents.
        if (path.extname(file) && !isSourceName(file) && !/\.json$/i.test(file)) return;
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => {
          this.logger.info(`corpus changed (${path.relative(folder, file) || '.'}); re-indexing`);
          void this.reindex();
        }, 300);
      };
      for (const w of watchTree(folder, onChange, this.logger)) this.watchers.push(w);
    }
  }

  dispose(): void {
    clearTimeout(this.debounce);
    for (const w of this.watchers.splice(0)) w.close();
  }
}

function sameFolders(folders: string[], built: string[]): boolean {
  return folders.length === built.length && folders.every((f, i) => f === built[i]);
}

export function fileUri(file: string): string {
  return pathToFileURL(file).toString();
}
