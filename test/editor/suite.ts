// The editor suite's entry, with the @vscode/test-electron contract: VS Code loads this module in
// the extension host and awaits `run()`. Both runners use it (run-editor.mjs in code-server,
// run-electron.mjs in downloaded VS Code).
//
// Why the test modules are listed here and loaded with import() inside run(): esbuild bundles
// this file as one entry, so there are no test files on disk for mocha to glob at run time. A
// static `import './x.test'` would be bundled too, but it runs when the bundle loads, before
// mocha has defined `describe`/`it`. An `import('./x.test')` with a literal path is also bundled
// into this file, and esbuild makes it run lazily, at the call — after `pre-require` below has
// set the globals. mocha itself stays external (esbuild.mjs) and is required at run time.
// To add a test file, add it to TEST_MODULES.
import Mocha from 'mocha';
import { SummaryReporter, emit } from './reporter';

const TEST_MODULES = [
  () => import('./activation.test'),
  () => import('./hover.test'),
  () => import('./findSources.test'),
  () => import('./insertCitation.test'),
  () => import('./searchClaims.test'),
  () => import('./diagnostics.test'),
  // Changes the workspace settings (and restores them): keep it after the tests that read them.
  () => import('./reindex.test'),
];

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: SummaryReporter });
  mocha.suite.emit('pre-require', globalThis, 'editor-suite', mocha);
  for (const load of TEST_MODULES) await load();
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures: number) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
    } catch (e) {
      emit(`editor: suite crashed: ${(e as Error).stack ?? String(e)}`);
      reject(e);
    }
  });
}
