// Runs the editor suite (dist/test/editor/suite.js) inside a real VS Code: code-server with the
// smoke-test driver, which honours the `payload` that names the extension under development and
// the tests module, driven by Debian's Chromium. Exits with the suite's code.
// Usage: node test/e2e/run-editor.mjs   (after `node esbuild.mjs` and `bash test/e2e/tools.sh`)
import { existsSync, readFileSync, watchFile, unwatchFile } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, launchBrowser, remoteUri, repoRoot, startCodeServer, tempDir, workbenchUrl } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.AIPC_EDITOR_TIMEOUT_MS ?? 180_000);
const suite = join(repoRoot, 'dist', 'test', 'editor', 'suite.js');
const verbose = process.env.AIPC_VERBOSE === '1';
// Offline machines: the marketplace lookup and the GitHub auth provider fail, harmlessly.
const KNOWN_NOISE = /ENOTFOUND|open-vsx|github|editor test\(s\) failed/i;

async function main() {
  if (!existsSync(suite)) throw new Error(`${suite} is missing: run \`node esbuild.mjs\` first`);
  const started = Date.now();
  const workspace = copyWorkspace();
  const results = join(tempDir('results'), 'editor.txt');
  const server = await startCodeServer({
    name: 'editor',
    workspace,
    extensionsDir: join(tempDir('ext'), 'extensions'),
    smokeTestDriver: true,
    env: { AIPC_EDITOR_RESULTS: results },
  });
  console.log(`editor: code-server pid ${server.pid} on ${server.url} (log: ${server.logFile})`);
  const printed = followResults(results);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const exit = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatArgs(args);
      if (verbose || (type === 'error' && !KNOWN_NOISE.test(text))) console.log(`[workbench ${type}] ${text}`);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
    ['extensionTestsPath', remoteUri(server, suite)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server, workspace, payload));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
  const code = await Promise.race([exit, timeout]);
  printed.flush();
  if (code === 'timeout') {
    console.log(`editor: TIMEOUT: the suite did not finish within ${TIMEOUT_MS / 1000} s (see ${server.logFile})`);
    return 1;
  }
  if (!printed.sawSummary()) console.log(`editor: the suite exited with ${code} without a summary line (see ${server.logFile})`);
  console.log(`editor: suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return typeof code === 'number' ? code : 1;
}

/** Prints the reporter's lines as the suite appends them to the results file. */
function followResults(file) {
  let shown = 0;
  let summary = false;
  const flush = () => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    const fresh = text.slice(shown);
    const complete = fresh.slice(0, fresh.lastIndexOf('\n') + 1);
    if (!complete) return;
    process.stdout.write(complete);
    shown += complete.length;
    if (/^editor: \d+ passed, \d+ failed/m.test(complete)) summary = true;
  };
  watchFile(file, { interval: 250 }, flush);
  return {
    flush: () => {
      unwatchFile(file);
      flush();
    },
    sawSummary: () => summary,
  };
}

function formatArgs(args) {
  return (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`editor: ERROR: ${e.stack ?? e}`);
    process.exit(1);
  },
);
