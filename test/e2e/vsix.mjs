// Packages the extension (package.sh), installs the .vsix into a fresh code-server extensions
// dir the way a user would (`--install-extension`), and runs UI checks (hovers, find sources)
// against that installed copy, with no extensionDevelopmentPath. Summary line:
// `vsix: N passed, N failed`.
// Usage: node test/e2e/vsix.mjs   (after `bash test/e2e/tools.sh`)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeServerEntry, node24, repoRoot, tempDir } from './codeServer.mjs';
import { runUi } from './ui.mjs';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const id = `${pkg.publisher}.${pkg.name}`;

/** Every file under `dir`, relative to it. */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
}

const ALLOWED = [/^dist\/(client|server|cli|analysisWorker)\.js$/, /^seeds\//, /^syntaxes\//, /^l10n\//, /^package\.json$/, /^package\.nls(\.[\w-]+)?\.json$/, /^README\.md$/i, /^docs\/images\/[\w-]+\.png$/, /^LICENSE(\.\w+)?$/i, /^server\/data\/NOTICE\.md$/, /^\.vsixmanifest$/, /^CHANGELOG\.md$/];

function beforeChecks(extensionsDir) {
  const out = tempDir('vsix');
  let vsix;
  return [
    {
      slug: 'package',
      name: 'package.sh builds the .vsix offline',
      fatal: true,
      run() {
        const printed = execFileSync('bash', [join(repoRoot, 'test', 'e2e', 'package.sh'), out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
        vsix = printed.trim().split('\n').at(-1);
        if (!vsix.endsWith(`${pkg.name}-${pkg.version}.vsix`) || !existsSync(vsix)) throw new Error(`no .vsix; package.sh printed:\n${printed}`);
      },
    },
    {
      slug: 'install',
      name: 'code-server --install-extension installs it into a fresh extensions dir',
      fatal: true,
      run() {
        const userData = tempDir('vsix-user');
        execFileSync(node24, [codeServerEntry, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, XDG_CONFIG_HOME: join(userData, 'config'), XDG_DATA_HOME: join(userData, 'data') },
        });
        const installed = join(extensionsDir, `${id}-${pkg.version}`);
        if (!existsSync(join(installed, 'dist', 'server.js'))) throw new Error(`${installed}/dist/server.js is missing`);
      },
    },
    {
      slug: 'contents',
      name: 'the installed extension holds only the allow-listed files (no node_modules, sources or tests)',
      run() {
        const installed = join(extensionsDir, `${id}-${pkg.version}`);
        const files = listFiles(installed);
        const extra = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
        if (extra.length) throw new Error(`unexpected files: ${extra.slice(0, 20).join(', ')}`);
        // The dictionaries' licences travel with the bundle that holds their data.
        // dist/analysisWorker.js: the first build's worker threads on a large corpus (server/host/parallelBuild.ts).
        for (const needed of ['dist/client.js', 'dist/server.js', 'dist/analysisWorker.js', 'seeds/catalog.json', 'server/data/NOTICE.md']) {
          if (!files.includes(needed)) throw new Error(`${needed} is missing`);
        }
      },
    },
  ];
}

// The installed copy must start its bundled server on its bundled seeds and answer: these UI
// checks show that; the rest of ui.mjs exercises the same code and runs at the ui level.
const INSTALLED_CHECKS = ['open-memo', 'status-bar', 'hover', 'hover-ja', 'find-source'];

async function main() {
  const extensionsDir = join(tempDir('vsix-ext'), 'extensions');
  return runUi('vsix', extensionsDir, { before: beforeChecks(extensionsDir), slugs: INSTALLED_CHECKS });
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`vsix: ERROR: ${e.stack ?? e}`);
    console.log('vsix: 0 passed, 1 failed');
    process.exit(1);
  },
);
