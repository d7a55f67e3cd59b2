// The CLI's progress on stderr: on a terminal one line rewritten in place and cleared before
// anything else is written; otherwise, with AIPC_VERBOSE=1, one line per phase; else nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearingLogger, progressReporter } from '../../server/cli/progress';
import type { OpenProgress } from '../../server/host/openCorpus';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

const steps: OpenProgress[] = [
  { phase: 'loading', done: 0, total: 0 },
  { phase: 'reading', done: 64, total: 120 },
  { phase: 'reading', done: 120, total: 120 },
  { phase: 'parsing', done: 10, total: 120 },
  { phase: 'indexing', done: 3, total: 120 },
];

test('on a terminal: loading, then reading, parsing and indexing with counts, in place, cleared before a log line', () => {
  const { written, stream: s } = stream(true);
  // Within a phase the line changes at most every `intervalMs`: here never, so the counts shown are each phase's first.
  const progress = progressReporter(s, false, Infinity);
  const logged: string[] = [];
  const logger = clearingLogger({ info: (m) => logged.push(`${written.length}:${m}`), warn: () => {}, error: () => {} }, progress);
  for (const p of steps) progress.onProgress(p);
  logger.info('indexed 120 documents');
  assert.deepEqual(written, ['\r\x1b[Kloading the saved index', '\r\x1b[Kreading 64/120 files', '\r\x1b[Kparsing 10/120 documents', '\r\x1b[Kindexing 3/120 documents', '\r\x1b[K']);
  assert.deepEqual(logged, ['5:indexed 120 documents'], 'the line was cleared before the log line');
  progress.done();
  assert.equal(written.length, 5, 'nothing left to clear');
});

test('not a terminal: one line per phase with AIPC_VERBOSE=1, nothing without it', () => {
  const verbose = stream(false);
  const quiet = stream(false);
  const a = progressReporter(verbose.stream, true);
  const b = progressReporter(quiet.stream, false);
  for (const p of steps) {
    a.onProgress(p);
    b.onProgress(p);
  }
  assert.deepEqual(verbose.written, ['loading the saved index\n', 'reading 120 files\n', 'parsing 120 documents\n', 'indexing 120 documents\n']);
  assert.deepEqual(quiet.written, []);
});
