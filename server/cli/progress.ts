// What the CLI is doing while it opens the corpus, on stderr: on a terminal one line rewritten in
// place (loading the saved index, or reading, parsing, indexing N/M files); with AIPC_VERBOSE=1
// and no terminal, one line per phase, so logs stay readable. Otherwise nothing.
import type { OpenProgress } from '../host/openCorpus';
import type { Logger } from '../core/types';

const PHASE: Record<OpenProgress['phase'], string> = {
  loading: 'loading the saved index',
  reading: 'reading',
  parsing: 'parsing',
  indexing: 'indexing',
};

/** `indexing 120/1000 documents`; without `counted`, the phase and its total (`indexing 1000 documents`). */
export function progressLine(p: OpenProgress, counted = true): string {
  if (p.phase === 'loading') return PHASE.loading;
  return `${PHASE[p.phase]} ${counted ? `${p.done}/` : ''}${p.total} ${p.phase === 'reading' ? 'files' : 'documents'}`;
}

export interface ProgressReporter {
  onProgress: (p: OpenProgress) => void;
  /** Clears the line in place (before a log line, and before the answer is printed). */
  done: () => void;
}

/** `logger` with the progress line cleared before each of its lines. */
export function clearingLogger(logger: Logger, progress: ProgressReporter): Logger {
  return {
    info: (m) => (progress.done(), logger.info(m)),
    warn: (m) => (progress.done(), logger.warn(m)),
    error: (m) => (progress.done(), logger.error(m)),
  };
}

/** `intervalMs`: how often the line in place may change within one phase. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, verbose = process.env.AIPC_VERBOSE === '1', intervalMs = 100): ProgressReporter {
  let lastPhase = '';
  let lastWrite = 0;
  let shown = false;
  if (stream.isTTY) {
    return {
      onProgress: (p) => {
        if (p.phase === lastPhase && performance.now() - lastWrite < intervalMs) return;
        lastPhase = p.phase;
        lastWrite = performance.now();
        stream.write(`\r\x1b[K${progressLine(p)}`);
        shown = true;
      },
      done: () => {
        if (shown) stream.write('\r\x1b[K');
        shown = false;
      },
    };
  }
  return {
    onProgress: (p) => {
      if (!verbose || p.phase === lastPhase) return;
      lastPhase = p.phase;
      stream.write(`${progressLine(p, false)}\n`);
    },
    done: () => {},
  };
}
