// UI checks as a person does them, in a code-server WITHOUT the smoke-test driver (which hides
// notifications) and with the extension installed, not under development. Each check prints
// ok/FAIL; the last line is `ui: N passed, N failed`. Screenshots go to .test-output/screenshots/;
// with AIPC_README_IMAGES=1 the README's pictures in docs/images/ are refreshed from them.
// To add a check, add an entry to CHECKS.
// Usage: node test/e2e/ui.mjs   (after `node esbuild.mjs` and `bash test/e2e/tools.sh`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { copyWorkspace, launchBrowser, linkExtension, repoRoot, startCodeServer, tempDir, workbenchUrl } from './codeServer.mjs';
import { clickWord, editorText, hoverWord, quickOpen, quickPickOpened, runChecks, runCommand, screenshot, waitForWorkbench } from './uiDriver.mjs';

const TIMEOUT_MS = Number(process.env.AIPC_UI_TIMEOUT_MS ?? 240_000);

function seedCatalog() {
  const catalog = JSON.parse(readFileSync(join(repoRoot, 'seeds', 'catalog.json'), 'utf8'));
  return Object.entries(catalog).filter(([name]) => !name.startsWith('$'));
}
const seedFiles = () => seedCatalog().map(([name]) => name);
const seedKeys = () => seedCatalog().flatMap(([, entry]) => (entry.key ? [entry.key] : []));

/** The title of the open quick pick (our pickers put the verdict or the style there). */
const quickPickTitle = (page) => page.locator('.quick-input-widget .quick-input-title').innerText();

/**
 * A picker row says where its passage comes from on its second line (title ¶N · role · … ·
 * language) instead of repeating its text: the row's text holds the quote only once.
 */
function assertWhereLine(rowText) {
  const lines = rowText.split('\n').map((l) => l.trim()).filter(Boolean);
  const where = lines.find((l) => /¶\d+ · /.test(l));
  if (!where) throw new Error(`no "title ¶N · role" line in the row:\n${rowText}`);
  if (!/ · (original text|translation|summary|commentary|other article|原文|翻訳|要約|論評|別の記事)\b/.test(where)) throw new Error(`no role on the second line: "${where}"`);
  if (!/ · (English|Japanese|英語|日本語)$/.test(where)) throw new Error(`no language at the end of the second line: "${where}"`);
  const quote = lines[0].replace(/^\W+/, '').slice(0, 40);
  if (quote.length >= 20 && where.includes(quote)) throw new Error(`the second line repeats the text: "${where}"`);
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
    name: 'the mouse over "Mythos" shows the entity, what the sources say and a source',
    async run({ page, label }) {
      await quickOpen(page, 'memo-en.md');
      await hoverWord(page, 'Mythos', /Claude Mythos 5/, seedFiles());
      await screenshot(page, `${label}-hover-mythos`, 'hover.png');
    },
  },
  {
    slug: 'hover-ja',
    name: 'the mouse over "商務省" in a Japanese memo shows the Department of Commerce',
    async run({ page, label }) {
      await quickOpen(page, 'memo-ja.md');
      const text = await hoverWord(page, '商務省', /Department of Commerce/, seedFiles());
      await screenshot(page, `${label}-hover-ja`, 'hover-ja.png');
      // The memo's language leads: the first fact is the Japanese translation, the English beside it.
      const first = /“([^”]*)”/.exec(text)?.[1] ?? '';
      if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(first)) throw new Error(`the first fact of a Japanese memo's hover is not Japanese: "${first}"`);
      if (!/英語/.test(text)) throw new Error(`no English original beside the Japanese facts:\n${text}`);
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
      await runCommand(page, 'AI Policy Claims: Show Log', () => log.waitFor({ timeout: 20_000 }));
      await screenshot(page, `${label}-show-log`);
      // Close the panel again so that later screenshots show the editor.
      await page.keyboard.press('Control+J');
    },
  },
  {
    slug: 'search-claims',
    name: 'F1 → "AI Policy Claims: Search Claims" shows a quick pick that finds Mythos claims',
    async run({ page, label }) {
      await quickOpen(page, 'memo-en.md');
      await runCommand(page, 'AI Policy Claims: Search Claims in the Corpus', () => quickPickOpened(page));
      await page.keyboard.type('Mythos export control');
      // The rows of the whole query (earlier rows answer its first letters).
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: /export control|輸出管理/ }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      if (!/Mythos|ミソス/.test(await row.innerText())) throw new Error(`the first export-control claim does not mention Mythos: ${await row.innerText()}`);
      assertWhereLine(await row.innerText());
      await page.mouse.move(1, 1); // no tooltip over the rows
      await screenshot(page, `${label}-search-claims`, 'search-claims.png');
      await page.keyboard.press('Escape');
    },
  },
  {
    slug: 'insert-citation',
    name: 'F1 → "AI Policy Claims: Insert Citation", a search, a click: a Pandoc citation of a seed lands in the sentence',
    async run({ page, label }) {
      await quickOpen(page, 'memo-en.md');
      await clickWord(page, 'issued on June 12', 'End');
      await runCommand(page, 'AI Policy Claims: Insert Citation', () => quickPickOpened(page));
      await page.keyboard.type('export control directive June 12');
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: /June 12|6月12日/ }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      const title = await quickPickTitle(page);
      assertWhereLine(await row.innerText());
      await page.mouse.move(1, 1); // no tooltip over the rows
      await screenshot(page, `${label}-insert-citation-pick`, 'insert-citation.png');
      if (!/Pandoc/i.test(title)) throw new Error(`the picker's title does not name the style: "${title}"`);
      await row.click();
      const inserted = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: /\[@\w/ }).first();
      await inserted.waitFor({ timeout: 15_000 });
      const text = await editorText(page);
      const line = text.split('\n').find((l) => l.includes('issued on June 12')) ?? '';
      await screenshot(page, `${label}-insert-citation-done`);
      if (!seedKeys().some((k) => line.includes(`[@${k}`))) throw new Error(`no [@key] of a seed after the sentence: "${line}"`);
    },
  },
  {
    slug: 'find-source',
    name: 'F1 → "AI Policy Claims: Find Sources for Claim" on a wrong date: "Contradicted", both dates, a source previewed beside',
    async run({ page, label }) {
      await quickOpen(page, 'memo-contradiction.md');
      await clickWord(page, 'issued on June 30');
      await runCommand(page, 'AI Policy Claims: Find Sources for Claim', () => quickPickOpened(page));
      const title = page.locator('.quick-input-widget .quick-input-title', { hasText: /Contradicted/ });
      await title.waitFor({ timeout: 20_000 });
      const firstRow = page.locator('.quick-input-widget .monaco-list-row').first();
      await firstRow.waitFor({ timeout: 10_000 });
      assertWhereLine(await firstRow.innerText());
      // The highlighted passage of the active row opens beside the memo.
      await page.locator('.tabs-container .tab', { hasText: /\d{3}_[0-9a-f]+\.txt/ }).first().waitFor({ timeout: 15_000 });
      const text = await title.innerText();
      await page.mouse.move(1, 1);
      await screenshot(page, `${label}-find-source`, 'find-source.png');
      if (!/June 30/.test(text) || !/June 12/.test(text)) throw new Error(`the verdict does not show both dates: "${text}"`);
      await page.keyboard.press('Escape');
    },
  },
  {
    slug: 'diagnostic',
    name: 'a contradicted sentence is underlined, and the mouse over it explains the conflict',
    async run({ page, label }) {
      await quickOpen(page, 'memo-contradiction.md');
      await page.locator('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
      const text = await hoverWord(page, 'June 30', /June 12/);
      await screenshot(page, `${label}-diagnostic`, 'diagnostic.png');
      if (!/contradict/i.test(text)) throw new Error(`the hover does not call the sentence contradicted:\n${text}`);
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
 * Runs `before` (e.g. installing the .vsix), then starts the workbench and runs CHECKS (those
 * named in `slugs`, if given) against the extension installed in `extensionsDir`. Resolves to
 * the process exit code.
 */
export async function runUi(label, extensionsDir, { before = [], slugs } = {}) {
  const started = Date.now();
  const ctx = { label, extensionsDir };
  const checks = slugs ? CHECKS.filter((c) => slugs.includes(c.slug)) : CHECKS;
  const run = runChecks(label, [...before, START_WORKBENCH, ...checks], ctx);
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
