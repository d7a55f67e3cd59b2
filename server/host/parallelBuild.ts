// The first build of a large corpus on every core: worker threads (analysisWorker.ts) parse,
// annotate, tokenise and align batches of files, and the main thread merges their batches in
// corpus order (core/corpusAssembler.ts) into the corpus a single-threaded build gives. Small
// corpora stay on one thread: starting workers costs more than it saves there.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { byPath, Corpus, type BuildProgress, type CorpusOptions, type SourceFile } from '../core/corpus';
import { CorpusAssembler } from '../core/corpusAssembler';
import type { AnalysedBatch, FileText } from '../core/fileAnalysis';

/** What a worker needs to make the main thread's annotators: the entity files, as `bridges` resolved them. */
export interface WorkerSetup {
  entityFiles: string[];
}

export interface ParallelOptions extends WorkerSetup {
  /** Worker threads to use (default: the cores available, at most MAX_THREADS); below 2, one thread. */
  threads?: number;
  /** Fewer characters of text than this are indexed on one thread (default MIN_CHARS). */
  minChars?: number;
}

export interface AnalysisRequest {
  batch: number;
  files: FileText[];
}

export type AnalysisResponse = { batch: number; result: AnalysedBatch } | { batch: number; error: string };

/** Characters of text (about 230 documents like the seeds): below it one thread finishes about as soon as workers would. */
const MIN_CHARS = 4 * 1024 * 1024;
const MAX_THREADS = 4;
/** A batch: this many files or this much text, whichever comes first (small enough to balance the threads). */
const BATCH_FILES = 32;
const BATCH_CHARS = 512 * 1024;
/**
 * Batches queued per worker (about half a second of work each), so that none waits while the
 * main thread merges or collects garbage — on a large corpus a full collection takes a second.
 */
const IN_FLIGHT = 4;
const WORKER_FILE = 'analysisWorker.js';

/** The bundled worker script beside the running bundle (dist/), or undefined when there is none (then: one thread). */
export function analysisWorkerScript(from = __dirname): string | undefined {
  let dir = from;
  for (let up = 0; up < 4; up++, dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, WORKER_FILE), path.join(dir, 'dist', WORKER_FILE)]) if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** How many worker threads a build of `files` should use; 0 for one thread. */
export function threadsFor(files: SourceFile[], options: ParallelOptions): number {
  const threads = options.threads ?? Math.min(availableParallelism(), MAX_THREADS);
  if (threads < 2 || files.length < 2) return 0;
  let chars = 0;
  for (const f of files) chars += f.content.length;
  return chars >= (options.minChars ?? MIN_CHARS) ? threads : 0;
}

/**
 * The corpus of `files` built by `threads` workers. Rejects (and stops the workers) if a worker
 * fails or the script is missing; the caller then builds on one thread.
 */
export function buildInWorkers(files: SourceFile[], options: CorpusOptions, setup: WorkerSetup, threads: number, onProgress?: (progress: BuildProgress) => void): Promise<Corpus> {
  const script = analysisWorkerScript();
  if (!script) return Promise.reject(new Error(`${WORKER_FILE} not found beside ${__dirname}`));
  const sorted = [...files].sort(byPath);
  const batches = batchesOf(sorted);
  const assembler = new CorpusAssembler(sorted, options);
  // A worker's stdout is its own stream, not piped into this process's: a language server speaks
  // LSP on stdout, and a stray line from a worker would break it (the core writes none today).
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(script, { workerData: setup, stdout: true }));
  const stop = () => Promise.all(workers.map((w) => w.terminate())).catch(() => undefined);
  onProgress?.({ phase: 'parsing', done: 0, total: files.length });
  return new Promise<Corpus>((resolve, reject) => {
    let sent = 0;
    let merged = 0;
    let settled = false;
    const ready = new Map<number, { result: AnalysedBatch; source: number }>();
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      void stop();
      reject(e);
    };
    const send = (w: number) => {
      if (sent >= batches.length) return;
      const [start, end] = batches[sent];
      const request: AnalysisRequest = { batch: sent++, files: sorted.slice(start, end).map((f) => ({ name: f.name, content: f.content })) };
      workers[w].postMessage(request);
    };
    const receive = (source: number, response: AnalysisResponse) => {
      if (settled) return;
      if ('error' in response) return fail(new Error(`analysis worker: ${response.error}`));
      send(source);
      ready.set(response.batch, { result: response.result, source });
      try {
        // In corpus order: a batch that overtook an earlier one waits for it.
        for (let next = ready.get(merged); next; next = ready.get(merged)) {
          ready.delete(merged++);
          assembler.add(next.result, next.source);
          onProgress?.({ phase: 'indexing', done: assembler.done, total: files.length, partial: () => assembler.partial() });
        }
        if (merged === batches.length) {
          settled = true;
          void stop();
          resolve(assembler.finish());
        }
      } catch (e) {
        fail(e as Error);
      }
    };
    workers.forEach((worker, w) => {
      worker.on('message', (response: AnalysisResponse) => receive(w, response));
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
      for (let k = 0; k < IN_FLIGHT; k++) send(w);
    });
  });
}

/** Consecutive runs of files, [start, end), of at most BATCH_FILES files or about BATCH_CHARS of text. */
function batchesOf(files: SourceFile[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let chars = 0;
  for (let i = 0; i < files.length; i++) {
    chars += files[i].content.length;
    if (i + 1 - start >= BATCH_FILES || chars >= BATCH_CHARS) {
      out.push([start, i + 1]);
      start = i + 1;
      chars = 0;
    }
  }
  if (start < files.length) out.push([start, files.length]);
  return out;
}
