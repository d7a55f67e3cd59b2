// Bundles the extension client, the language server, the CLI and the tests into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const base = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // `vscode` is provided by the extension host; never bundle it.
  external: ['vscode'],
  // The dictionaries' word lists (server/data/*.txt) are bundled as strings: the core reads no files.
  loader: { '.txt': 'text' },
};

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
}

const builds = [
  { ...base, entryPoints: { client: 'client/extension.ts' }, outdir: 'dist' },
  { ...base, entryPoints: { server: 'server/server.ts' }, outdir: 'dist' },
  // The first build's worker threads (server/host/parallelBuild.ts), started from dist/ by the server and the CLI.
  { ...base, entryPoints: { analysisWorker: 'server/host/analysisWorker.ts' }, outdir: 'dist' },
  {
    ...base,
    entryPoints: { cli: 'server/cli.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (!production) {
  // Tests, the eval report and the benchmark are bundled too so they run on plain node.
  const testFiles = [
    ...testEntries('test/unit'),
    ...testEntries('test/lsp'),
    ...testEntries('test/editor'),
    'test/eval.ts',
    'test/train.ts',
    'test/explainClaim.ts',
    'test/hoverEval.ts',
    'test/bench.ts',
    'test/profileBuild.ts',
    'test/profileQueries.ts',
    'test/profileFirstQueries.ts',
    'test/fuzz.ts',
  ].filter((f) => existsSync(f));
  builds.push({
    ...base,
    entryPoints: testFiles,
    outdir: 'dist/test',
    outbase: 'test',
    // Tests load mocha and eslint from node_modules at run time; the suite runs inside VS Code.
    external: ['vscode', 'mocha', 'eslint'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
