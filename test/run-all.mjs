// Every level of tests, in order, as `npm test` runs them after the build: unit, LSP over stdio,
// a short fuzz run, Neovim, the editor suite in a real VS Code, UI checks, the packaged .vsix.
// Each level runs with a time-out and its output shown live; a level that crashes, hangs or
// prints no summary counts as failed. The last line is exactly `N passed, N failed`; the exit
// code is non-zero on failure.
// AIPC_LEVELS=unit,lsp (a comma list) runs a subset.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The CLIs and servers the tests start keep their saved indexes here, not in the user's cache.
const testEnv = { ...process.env, AIPC_INDEX_DIR: process.env.AIPC_INDEX_DIR ?? mkdtempSync(join(tmpdir(), 'aipc-test-index-')) };
const MIN = 60_000;

// `summary` turns a level's whole output into counts, or undefined when it printed none.
const tapSummary = (out) => {
  const pass = /^# pass (\d+)$/m.exec(out);
  const fail = /^# fail (\d+)$/m.exec(out);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
};
const labelSummary = (label) => (out) => {
  const all = [...out.matchAll(new RegExp(`^${label}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?`, 'gm'))];
  const m = all.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) } : undefined;
};

const LEVELS = [
  { name: 'unit', cmd: ['node', '--test', '--test-reporter=tap', 'dist/test/unit/'], timeout: 5 * MIN, summary: tapSummary },
  { name: 'lsp', cmd: ['node', '--test', '--test-reporter=tap', 'dist/test/lsp/'], timeout: 5 * MIN, summary: tapSummary },
  // Seeded hostile corpora and memos against the CLI and the server: the short form (the full one is `npm run fuzz`).
  { name: 'fuzz', cmd: ['node', 'dist/test/fuzz.js', '--short'], timeout: 5 * MIN, summary: labelSummary('fuzz') },
  { name: 'nvim', cmd: ['node', 'test/nvim/run-nvim.mjs'], timeout: 2 * MIN, summary: labelSummary('nvim'), tools: true },
  { name: 'editor', cmd: ['node', 'test/e2e/run-editor.mjs'], timeout: 4 * MIN, summary: labelSummary('editor'), tools: true },
  { name: 'ui', cmd: ['node', 'test/e2e/ui.mjs'], timeout: 5 * MIN, summary: labelSummary('ui'), tools: true },
  { name: 'vsix', cmd: ['node', 'test/e2e/vsix.mjs'], timeout: 5 * MIN, summary: labelSummary('vsix'), tools: true },
];

/** Runs a command in its own process group, echoing its output; kills the group on time-out. */
function run(cmd, timeout) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: testEnv });
    let out = '';
    let timedOut = false;
    const onData = (stream) => (chunk) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      // SIGTERM first so the runners can stop the code-server and browser they started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      setTimeout(kill, 5000).unref();
    }, timeout);
    process.on('exit', kill);
    child.on('error', (e) => {
      out += `\ncould not start ${cmd[0]}: ${e.message}\n`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', kill);
      resolve({ code: code ?? signal, out, timedOut, ms: Date.now() - started });
    });
  });
}

function judge(level, result) {
  const counts = level.summary(result.out);
  if (result.timedOut) return { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, note: `timed out after ${level.timeout / 1000} s` };
  if (!counts) return { passed: 0, failed: 1, note: `no summary (exit ${result.code})` };
  if (result.code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `exit ${result.code} with no failure reported` };
  return { ...counts, note: result.code === 0 ? '' : `exit ${result.code}` };
}

async function main() {
  const wanted = process.env.AIPC_LEVELS?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted?.filter((w) => !LEVELS.some((l) => l.name === w)) ?? [];
  if (unknown.length) {
    console.log(`run-all: unknown level(s) ${unknown.join(', ')}; known: ${LEVELS.map((l) => l.name).join(', ')}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const levels = wanted ? LEVELS.filter((l) => wanted.includes(l.name)) : LEVELS;
  const rows = [];
  if (levels.some((l) => l.tools)) {
    console.log('\n=== tools ===');
    const tools = await run(['bash', 'test/e2e/tools.sh'], 20 * MIN);
    if (tools.code !== 0) rows.push({ name: 'tools', passed: 0, failed: 1, ms: tools.ms, note: tools.timedOut ? 'timed out' : (/^tools: FAILED: .*$/m.exec(tools.out)?.[0] ?? `exit ${tools.code}`) });
    else console.log(`tools: ready in ${(tools.ms / 1000).toFixed(1)} s`);
  }
  for (const level of levels) {
    console.log(`\n=== ${level.name}: ${level.cmd.join(' ')} ===`);
    const result = await run(level.cmd, level.timeout);
    rows.push({ name: level.name, ms: result.ms, ...judge(level, result) });
  }
  console.log('\n=== summary ===');
  for (const r of rows) {
    const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
    console.log(`${r.name.padEnd(7)} ${String(r.passed).padStart(4)} passed, ${r.failed} failed${skipped}  ${(r.ms / 1000).toFixed(1)} s${r.note ? `  (${r.note})` : ''}`);
  }
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
