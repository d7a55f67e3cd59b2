// Starts code-server (VS Code for the web with a real Node extension host) and Debian's
// Chromium, for the editor suite, the UI checks and the .vsix check. Everything it starts is
// remembered by PID and killed on exit, on signals and on crashes; temp dirs are removed.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsDir = process.env.AIPC_TOOLS ?? join(homedir(), '.cache', 'ai-policy-claims-tools');
export const node24 = join(toolsDir, 'node24', 'bin', 'node');
export const codeServerEntry = join(toolsDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const outputDir = join(repoRoot, '.test-output');

const cleanups = [];
let cleaned = false;

function cleanupAll() {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) {
    try {
      fn();
    } catch {
      // Best effort: a process may already be gone.
    }
  }
}

process.on('exit', cleanupAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`received ${signal}, stopping code-server and the browser`);
    cleanupAll();
    process.exit(130);
  });
}

/** Runs `fn` when the process exits, however it exits. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** A temp dir removed on exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `aipc-${prefix}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of test/fixtures/workspace, so tests may edit its files freely. */
export function copyWorkspace() {
  const dir = join(tempDir('ws'), 'workspace');
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

export function requireTools() {
  for (const f of [node24, codeServerEntry, '/usr/bin/chromium']) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`bash test/e2e/tools.sh\` first`);
  }
}

/** A user-data dir with the settings that keep VS Code quiet, offline and trusting. */
export function seedUserData(dir, extra = {}) {
  mkdirSync(join(dir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // Opening a seed (inside this repository) would otherwise ask about the parent Git repository.
    'git.openRepositoryInParentFolders': 'never',
    ...extra,
  };
  writeFileSync(join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The server was started detached, so its PID is also its process group: this reaches the
    // extension host and the language server it spawned, and nothing else.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Starts code-server on loopback and waits for /healthz.
 * smokeTestDriver: needed for `payload` (extension tests); hides toasts, so UI checks go without.
 */
export async function startCodeServer({ name, workspace, extensionsDir, smokeTestDriver, env = {} }) {
  requireTools();
  const root = tempDir(name);
  const userData = join(root, 'user-data');
  seedUserData(userData);
  for (const d of ['config', 'data', 'cache']) mkdirSync(join(root, d));
  mkdirSync(extensionsDir, { recursive: true });
  const port = await freePort();
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  mkdirSync(outputDir, { recursive: true });
  const logFile = join(outputDir, `${name}-code-server.log`);
  const log = createWriteStream(logFile);
  const child = spawn(node24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(root, 'config'),
      XDG_DATA_HOME: join(root, 'data'),
      XDG_CACHE_HOME: join(root, 'cache'),
      ...env,
    },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  onCleanup(() => killGroup(child));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, logFile);
  return { port, url, pid: child.pid, logFile, stop: () => killGroup(child) };
}

async function waitForHealth(url, child, logFile) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
}

/** Debian's Chromium driven by playwright-core from the tools cache (it never downloads a browser). */
export async function launchBrowser() {
  const require = createRequire(join(toolsDir, 'playwright', 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  onCleanup(() => {
    // browser.close() is async; killing the process is what survives process exit.
    browser.process?.()?.kill('SIGKILL');
  });
  return browser;
}

/** The URL that opens `folder` in the workbench, with an optional smoke-test payload. */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A vscode-remote URI for a path on the code-server machine. */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}

/** Writes an extensions.json that makes code-server load the extension from the repo folder. */
export function linkExtension(extensionsDir) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const entry = [
    {
      identifier: { id },
      version: pkg.version,
      location: { $mid: 1, path: repoRoot, scheme: 'file' },
      metadata: { installedTimestamp: Date.now(), source: 'vsix' },
    },
  ];
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(extensionsDir, 'extensions.json'), JSON.stringify(entry));
  return id;
}
