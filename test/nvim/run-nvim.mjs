// Neovim (Debian's, headless, --clean) as a second real LSP client: starts `node dist/server.js
// --stdio`, waits for the index, asks for hovers and a find-source answer, and checks what a
// user would read. Summary line: `nvim: N passed, N failed`.
// Usage: node test/nvim/run-nvim.mjs   (after `node esbuild.mjs`)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const server = join(repoRoot, 'dist', 'server.js');
const TIMEOUT_MS = 90_000;

function seedSources() {
  const catalog = JSON.parse(readFileSync(join(repoRoot, 'seeds', 'catalog.json'), 'utf8'));
  return Object.entries(catalog)
    .filter(([name]) => !name.startsWith('$'))
    .flatMap(([name, entry]) => (entry.key ? [entry.key, name] : [name]));
}

/** The text of an LSP hover, however the server shaped its contents. */
function hoverText(hover) {
  const parts = Array.isArray(hover?.contents) ? hover.contents : [hover?.contents];
  return parts.map((c) => (typeof c === 'string' ? c : (c?.value ?? ''))).join('\n');
}

function runNvim(spec, work) {
  const specFile = join(work, 'spec.json');
  const outFile = join(work, 'out.json');
  writeFileSync(specFile, JSON.stringify(spec));
  return new Promise((resolveRun) => {
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(here, 'lsp.lua')}`], {
      cwd: spec.root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AIPC_NVIM_SPEC: specFile, AIPC_NVIM_OUT: outFile },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!existsSync(outFile)) {
        resolveRun({ crashed: `nvim exited with ${signal ?? code} and wrote no results${stderr ? `:\n${stderr}` : ''}` });
      } else {
        resolveRun(JSON.parse(readFileSync(outFile, 'utf8')));
      }
    });
  });
}

async function main() {
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`node esbuild.mjs\` first`);
  const work = mkdtempSync(join(tmpdir(), 'aipc-nvim-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  const root = join(work, 'workspace');
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), root, { recursive: true });
  const en = join(root, 'memo-en.md');
  const ja = join(root, 'memo-ja.md');
  const started = Date.now();
  const out = await runNvim(
    {
      server,
      root,
      files: [en, ja],
      requests: [
        { name: 'hover-en', file: en, word: 'Mythos', offset: 1, method: 'textDocument/hover', params: 'hover', capability: 'hoverProvider' },
        { name: 'hover-ja', file: ja, word: '商務省', offset: 1, method: 'textDocument/hover', params: 'hover', capability: 'hoverProvider' },
        { name: 'find', file: en, word: 'export control order', offset: 4, method: 'aiPolicyClaims/findSources', params: 'findSources' },
      ],
    },
    work,
  );
  console.log(`nvim: session took ${Date.now() - started} ms`);
  const checks = [];
  const check = (name, fn) => checks.push({ name, fn });

  check('the server initialises and announces a ready index', () => {
    if (out.crashed) throw new Error(out.crashed);
    if (!out.indexed) throw new Error(`no ready status; log: ${out.log.join('; ')}`);
  });
  const hoverCheck = (name, word, pattern) =>
    check(`hover on ${word} names the entity and a source`, () => {
      if (!out.capabilities?.hoverProvider) throw new Error('the server does not announce hoverProvider');
      const r = out.results?.[name];
      if (!r || r.error) throw new Error(r?.error ?? 'no result');
      const text = hoverText(r.result);
      console.log(`  hover on ${word}: ${JSON.stringify(r.result).slice(0, 400)}`);
      if (!pattern.test(text)) throw new Error(`the hover does not mention ${word}: ${text.slice(0, 300)}`);
      if (!seedSources().some((s) => text.includes(s))) throw new Error(`the hover names no seed source: ${text.slice(0, 300)}`);
    });
  hoverCheck('hover-en', 'Mythos', /Claude Mythos 5/);
  hoverCheck('hover-ja', '商務省', /Department of Commerce/);
  check('find sources for the claim under the cursor: supported by the June 12 directive', () => {
    const r = out.results?.find;
    if (!r || r.error) throw new Error(r?.error ?? 'no result');
    const a = r.result;
    console.log(`  find sources: verdict ${a?.verdict}, ${a?.sources?.length} sources, first ${a?.sources?.[0]?.doc}`);
    if (a?.claim !== 'The export control order was issued on June 12.') throw new Error(`claim was ${JSON.stringify(a?.claim)}`);
    if (a.verdict !== 'supported') throw new Error(`verdict ${a.verdict}: ${a.explanation}`);
    if (!a.sources.some((s) => s.doc === '002_f6ed0c7e73231cb2.txt' && /June 12|6月12日/.test(s.text))) {
      throw new Error(`no June 12 passage of the directive article among ${a.sources.map((s) => s.doc).join(', ')}`);
    }
  });

  let passed = 0;
  let failed = 0;
  for (const { name, fn } of checks) {
    try {
      fn();
      passed++;
      console.log(`  ok   ${name}`);
    } catch (e) {
      failed++;
      console.log(`  FAIL ${name}: ${e.message}`);
    }
  }
  if (out.log?.length) console.log(`  nvim log: ${out.log.join('; ')}`);
  console.log(`nvim: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`nvim: ERROR: ${e.stack ?? e}`);
    process.exit(1);
  },
);
