// UI checks as a person does them, in a code-server WITHOUT the smoke-test driver (which hides
// notifications) and with the extension installed, not under development. Each check prints
// ok/FAIL/skip; the last line is `ui: N passed, N failed`. Screenshots go to
// .test-output/screenshots/. To add a check, add an entry to CHECKS.
// Usage: node test/e2e/ui.mjs   (after `node esbuild.mjs` and `bash test/e2e/tools.sh`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverCapabilities } from './capabilities.mjs';
import { copyWorkspace, launchBrowser, linkExtension, repoRoot, startCodeServer, tempDir, workbenchUrl } from './codeServer.mjs';
import { Skip, hoverWord, quickOpen, quickPickOpened, runChecks, runCommand, screenshot, waitForWorkbench } from './uiDriver.mjs';

const TIMEOUT_MS = Number(process.env.AIPC_UI_TIMEOUT_MS ?? 240_000);

function seedSources() {
  const catalog = JSON.parse(readFileSync(join(repoRoot, 'seeds', 'catalog.json'), 'utf8'));
  return Object.entries(catalog)
    .filter(([name]) => !name.startsWith('$'))
    .flatMap(([name, entry]) => (entry.key ? [entry.key, name] : [name]));
}

export const CHECKS = [
  {
    slug: 'open-memo',
    name: 'Ctrl+P opens memo-en.md',
    async run({ page, label }) {
      await quickOpen(page, 'memo-en.md');
      await screenshot(page, `${label}-open-memo`);
    },
  },
  {
    slug: 'status-bar',
    name: 'the status bar shows the indexed corpus (5 documents)',
    async run({ page, label }) {
      const item = page.locator('.statusbar-item', { hasText: /\d+ documents/ });
      await item.waitFor({ state: 'visible', timeout: 60_000 });
      const text = await item.innerText();
      await screenshot(page, `${label}-status-bar`);
      if (!/\b5 documents/.test(text)) throw new Error(`status bar says "${text}"`);
    },
  },
  {
    slug: 'hover',
    name: 'the mouse over "Mythos" shows what the sources say, with a source',
    async run({ page, label, capabilities }) {
      if (!capabilities.hoverProvider) throw new Skip('the server does not announce hoverProvider yet');
      await quickOpen(page, 'memo-en.md');
      const text = await hoverWord(page, 'Mythos');
      await screenshot(page, `${label}-hover-mythos`);
      if (!/Mythos/.test(text)) throw new Error(`the hover does not mention Mythos:\n${text}`);
      if (!seedSources().some((s) => text.includes(s))) throw new Error(`the hover names no seed source:\n${text}`);
    },
  },
  {
    slug: 'setting-hover',
    name: 'the mouse over one of our settings in .vscode/settings.json shows its description',
    async run({ page, label }) {
      const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
      const description = nls['config.trace.server'];
      await quickOpen(page, 'settings.json', '.vscode');
      const text = await hoverWord(page, 'aiPolicyClaims.trace.server');
      await screenshot(page, `${label}-setting-hover`);
      if (!text.includes(description)) throw new Error(`expected "${description}" in the hover:\n${text}`);
    },
  },
  {
    slug: 'show-log',
    name: 'F1 → "AI Policy Claims: Show Log" opens the extension\'s output channel',
    async run({ page, label }) {
      // The channel's own text, not just its name in the picker: the server's "indexed" line.
      // (\s: Monaco renders spaces as non-breaking spaces.)
      const log = page.locator('.part.panel .view-lines', { hasText: /indexed\s\d+\sdocuments/ });
      const outcome = await runCommand(page, 'AI Policy Claims: Show Log', () => log.waitFor({ timeout: 20_000 }));
      if (outcome === 'not-found') throw new Skip('the command is not registered yet');
      await screenshot(page, `${label}-show-log`);
    },
  },
  {
    slug: 'search-claims',
    name: 'F1 → "AI Policy Claims: Search Claims" shows a quick pick that finds Mythos claims',
    async run({ page, label }) {
      const outcome = await runCommand(page, 'AI Policy Claims: Search Claims in the Corpus', () => quickPickOpened(page));
      if (outcome === 'not-found') throw new Skip('the command is not registered yet');
      await page.keyboard.type('Mythos');
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: /Mythos|ミソス/ }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await screenshot(page, `${label}-search-claims`);
      await page.keyboard.press('Escape');
    },
  },
];

/** Starts code-server with the extension installed in `ctx.extensionsDir` and opens the workbench. */
const START_WORKBENCH = {
  slug: 'workbench',
  name: 'the workbench loads a copy of the sample workspace',
  fatal: true,
  async run(ctx) {
    const workspace = copyWorkspace();
    const server = await startCodeServer({ name: ctx.label, workspace, extensionsDir: ctx.extensionsDir, smokeTestDriver: false });
    console.log(`  ${ctx.label}: code-server pid ${server.pid} on ${server.url} (log: ${server.logFile})`);
    const browser = await launchBrowser();
    ctx.page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await ctx.page.goto(workbenchUrl(server, workspace));
    await waitForWorkbench(ctx.page);
  },
};

/**
 * Runs `before` (e.g. installing the .vsix), then starts the workbench and runs CHECKS against
 * the extension installed in `extensionsDir`. Resolves to the process exit code.
 */
export async function runUi(label, extensionsDir, { before = [] } = {}) {
  const started = Date.now();
  const ctx = { label, extensionsDir, capabilities: await serverCapabilities() };
  const run = runChecks(label, [...before, START_WORKBENCH, ...CHECKS], ctx);
  const timeout = new Promise((resolve) =>
    setTimeout(() => {
      console.log(`${label}: TIMEOUT after ${TIMEOUT_MS / 1000} s`);
      resolve(1);
    }, TIMEOUT_MS).unref(),
  );
  const failed = await Promise.race([run, timeout]);
  console.log(`${label}: took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

async function main() {
  const extensionsDir = join(tempDir('ui-ext'), 'extensions');
  const id = linkExtension(extensionsDir);
  console.log(`ui: ${id} linked from ${repoRoot}`);
  return runUi('ui', extensionsDir);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.log(`ui: ERROR: ${e.stack ?? e}`);
      console.log('ui: 0 passed, 1 failed');
      process.exit(1);
    },
  );
}
