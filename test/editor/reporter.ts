// A tiny mocha reporter whose last line the runners parse: `editor: N passed, N failed`.
// Mocha's own reporters print through `process.stdout`, which in a remote extension host goes
// nowhere a runner can read; this one prints through console.log (forwarded to the page) and,
// when AIPC_EDITOR_RESULTS names a file, appends each line there too (the code-server runner
// reads that file, so the result never depends on how logs are forwarded).
import { appendFileSync } from 'node:fs';
import Mocha from 'mocha';
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

export function emit(line: string): void {
  console.log(line);
  const file = process.env.AIPC_EDITOR_RESULTS;
  if (file) appendFileSync(file, line + '\n');
}

export class SummaryReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let pending = 0;
    runner.on(EVENT_TEST_PASS, (test) => {
      passed++;
      emit(`  ok   ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_FAIL, (test, err: Error) => {
      failed++;
      emit(`  FAIL ${test.fullTitle()}\n       ${(err.stack ?? err.message).split('\n').slice(0, 6).join('\n       ')}`);
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      pending++;
      emit(`  skip ${test.fullTitle()}`);
    });
    runner.once(EVENT_RUN_END, () => {
      emit(`editor: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}
