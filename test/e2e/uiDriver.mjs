// Drives the VS Code workbench in the page as a person does: keyboard shortcuts, the mouse over
// a word, reading what appears, screenshots. Used by ui.mjs and vsix.mjs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputDir } from './codeServer.mjs';

export const screenshotDir = join(outputDir, 'screenshots');

/** Thrown by a check whose feature the extension does not offer yet: reported as skipped. */
export class Skip extends Error {}

export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.monaco-workbench .explorer-folders-view, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 30_000 });
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Ctrl+P, type the file name, wait for its row (in `folder`, if given) to be focused, Enter, wait for its tab. */
export async function quickOpen(page, file, folder = '') {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(folder ? `${folder}/${file}` : file);
  const row = widget.locator('.monaco-list-row.focused', { hasText: file });
  await (folder ? row.filter({ hasText: folder }) : row).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: 10_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

/**
 * The screen box of the first occurrence of `word` in the visible editor. Monaco renders a line
 * as one span of text nodes, so the word's box comes from a DOM Range over its characters.
 */
export async function wordBox(page, word) {
  return page.evaluate((w) => {
    const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Monaco renders spaces as non-breaking spaces.
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, word);
}

/** Moves the mouse onto `word` and returns the text of the hover that appears. */
export async function hoverWord(page, word) {
  const box = await wordBox(page, word);
  if (!box) throw new Error(`"${word}" is not visible in the editor`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 40, y + 40);
  await page.mouse.move(x, y, { steps: 4 });
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  // The hover first shows "Loading..." while the providers answer.
  await page.waitForFunction((el) => !/^\s*Loading/.test(el.innerText), await hover.elementHandle(), { timeout: 15_000 });
  return hover.innerText();
}

/**
 * F1, type the command's title, wait for its row, Enter, then wait for `appeared()`. Resolves to
 * 'not-found' when VS Code reports that the command is contributed but not registered (a
 * feature not written yet; VS Code shows that as a dialog or a notification), dismissing it.
 */
export async function runCommand(page, title, appeared) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title);
  await widget.locator('.monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const notFound = page.locator('.monaco-dialog-box, .notification-toast', { hasText: /command '.*' not found/i }).first();
  const outcome = await Promise.race([
    // No dialog is the normal case: then the outcome, or the error, is `appeared()`'s.
    notFound.waitFor({ timeout: 20_000 }).then(
      () => 'not-found',
      () => new Promise(() => {}),
    ),
    appeared().then(() => 'ok'),
  ]);
  if (outcome === 'not-found') await page.keyboard.press('Escape');
  return outcome;
}

/** Waits for a quick pick of ours: visible, and not the command palette (whose input starts with '>'). */
export function quickPickOpened(page) {
  return page.waitForFunction(
    () => {
      const widget = document.querySelector('.quick-input-widget');
      const input = widget?.querySelector('input');
      return !!widget && widget.style.display !== 'none' && !!input && !input.value.startsWith('>');
    },
    undefined,
    { timeout: 20_000 },
  );
}

/**
 * Runs each check in order, printing ok/FAIL/skip, and the summary line
 * `<label>: N passed, N failed`. When a check marked `fatal` fails, the rest are counted as
 * failed without running (they need what it set up). Returns the number of failures.
 */
export async function runChecks(label, checks, ctx) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let blockedBy;
  for (const check of checks) {
    if (blockedBy) {
      failed++;
      console.log(`  FAIL ${check.name}: not run, because "${blockedBy}" failed`);
      continue;
    }
    const started = Date.now();
    try {
      await check.run(ctx);
      passed++;
      console.log(`  ok   ${check.name} (${Date.now() - started} ms)`);
    } catch (e) {
      if (e instanceof Skip) {
        skipped++;
        console.log(`  skip ${check.name}: ${e.message}`);
      } else {
        failed++;
        console.log(`  FAIL ${check.name}: ${String(e?.message ?? e).split('\n').slice(0, 8).join('\n       ')}`);
        if (ctx.page) await screenshot(ctx.page, `${label}-FAILED-${check.slug}`).catch(() => {});
        if (check.fatal) blockedBy = check.name;
      }
    }
  }
  console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed;
}
