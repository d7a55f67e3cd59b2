// Drives the VS Code workbench in the page as a person does: keyboard shortcuts, the mouse over
// a word, reading what appears, screenshots. Used by ui.mjs and vsix.mjs.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputDir, repoRoot } from './codeServer.mjs';

export const screenshotDir = join(outputDir, 'screenshots');
/** The README's pictures: refreshed from the UI checks when AIPC_README_IMAGES=1. */
export const readmeImageDir = join(repoRoot, 'docs', 'images');

export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.monaco-workbench .explorer-folders-view, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 30_000 });
}

/** Saves a PNG of the page; with `readme` (a file name) and AIPC_README_IMAGES=1, also as that README picture. */
export async function screenshot(page, name, readme) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (readme && process.env.AIPC_README_IMAGES === '1') {
    mkdirSync(readmeImageDir, { recursive: true });
    copyFileSync(file, join(readmeImageDir, readme));
  }
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
  // The first Ctrl+P of a fresh workbench waits for file search while extensions activate.
  await (folder ? row.filter({ hasText: folder }) : row).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: 10_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

/**
 * The screen box of the first occurrence of `word` in the visible editor. Monaco renders a line
 * as spans of text (one per token or decoration), so the word's box comes from a DOM Range that
 * may start and end in different text nodes of the line.
 */
export async function wordBox(page, word) {
  return page.evaluate((w) => {
    // Only the active group's editor: another group may show the same words (a source beside the memo).
    const lines = document.querySelectorAll('.editor-group-container.active .editor-instance .monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      // Monaco renders spaces as non-breaking spaces.
      const text = nodes.map((n) => n.textContent.replace(/\u00a0/g, ' ')).join('');
      const at = text.indexOf(w);
      if (at < 0) continue;
      const locate = (offset) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.textContent.length) return [node, offset - seen];
          seen += node.textContent.length;
        }
        return [nodes.at(-1), nodes.at(-1).textContent.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + w.length));
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, word);
}

/**
 * The centre of `word` on screen, waiting up to 10 s for it to be rendered: right after a tab
 * switch Monaco may still be drawing the editor's lines, or be showing the previous editor's.
 */
async function wordCentre(page, word) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = await wordBox(page, word);
    if (box && box.width > 0) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    if (Date.now() > deadline) throw new Error(`"${word}" is not visible in the editor`);
    await page.waitForTimeout(100);
  }
}

/**
 * Moves the mouse onto `word` and returns the text of the hover that appears, once it matches
 * `until` (by default: once it no longer says "Loading…") and, when `linkTo` is given, once it
 * holds a link whose target contains one of those strings. A hover is assembled from parts (the
 * diagnostic under the mouse comes at once, our provider's part when the server answers), so the
 * links are awaited with the text, not read after it.
 */
export async function hoverWord(page, word, until = /\S/, linkTo = []) {
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
  // A hover can be dropped when the editor re-renders under a still mouse (diagnostics arriving
  // just as a memo opens): as a person would, move off the word and back, up to three times.
  for (let attempt = 1; ; attempt++) {
    const { x, y } = await wordCentre(page, word);
    await page.mouse.move(x - 40, y + 40);
    await page.mouse.move(x, y, { steps: 4 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      // The hover first shows "Loading..." while the providers answer, then each provider's part.
      await page.waitForFunction(
        ([source, flags, targets]) => {
          const el = document.querySelector('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
          if (!el || /^\s*Loading/.test(el.innerText) || !new RegExp(source, flags).test(el.innerText)) return false;
          if (targets.length === 0) return true;
          const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? '');
          return hrefs.some((href) => targets.some((t) => href.includes(t)));
        },
        [until.source, until.flags, linkTo],
        { timeout: 15_000 },
      );
      return await hover.innerText();
    } catch (e) {
      if (attempt === 3) {
        const seen = await page.evaluate(() => [...document.querySelectorAll('.monaco-hover:not(.hidden) a')].map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
        const text = await hover.innerText({ timeout: 1_000 }).catch(() => '(no hover)');
        const wanted = linkTo.length ? ` and a link to one of ${linkTo.join(', ')}` : '';
        throw new Error(`the hover over "${word}" never showed ${until}${wanted}; it showed:\n${text}\nlinks: ${seen.join(', ') || 'none'}\n(${e.message.split('\n')[0]})`);
      }
    }
  }
}

/** Clicks in the editor at `word` (the cursor lands there), then presses `key` (e.g. 'End') if given. */
export async function clickWord(page, word, key) {
  const { x, y } = await wordCentre(page, word);
  await page.mouse.click(x, y);
  if (key) await page.keyboard.press(key);
}

/** The visible editor's text, as rendered (non-breaking spaces turned back into spaces). */
export async function editorText(page) {
  const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * F1, type the command's title, wait for its row, Enter, then wait for `appeared()`. A command
 * that is contributed but not registered (VS Code says so in a dialog or a notification) fails.
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
  await Promise.race([
    // No dialog is the normal case: then the outcome, or the error, is `appeared()`'s.
    notFound.waitFor({ timeout: 20_000 }).then(
      () => Promise.reject(new Error(`"${title}": VS Code says the command is not found`)),
      () => new Promise(() => {}),
    ),
    appeared(),
  ]);
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
 * Runs each check in order, printing ok/FAIL, and the summary line `<label>: N passed, N failed`.
 * When a check marked `fatal` fails, the rest are counted as failed without running (they need
 * what it set up). Returns the number of failures.
 */
export async function runChecks(label, checks, ctx) {
  let passed = 0;
  let failed = 0;
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
      failed++;
      console.log(`  FAIL ${check.name}: ${String(e?.message ?? e).split('\n').slice(0, 8).join('\n       ')}`);
      if (ctx.page) await screenshot(ctx.page, `${label}-FAILED-${check.slug}`).catch(() => {});
      if (check.fatal) blockedBy = check.name;
    }
  }
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  return failed;
}
