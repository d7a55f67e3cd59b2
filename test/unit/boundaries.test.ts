// The lint rules that hold the architecture's boundaries, checked on inline sources at every depth
// of the tree: a rule that silently stopped matching (as `../lsp/*` did for core/verdict/) fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers';

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('lint: no vscode import anywhere under server/', async () => {
  for (const file of ['server/server.ts', 'server/lsp/hover.ts', 'server/cli/check.ts', 'server/core/verdict/x.ts']) {
    const found = await restrictedImports(file, "import * as vscode from 'vscode';\nexport const v = vscode;\n");
    assert.equal(found.length, 1, `${file}: ${found.join('; ')}`);
  }
});

test('lint: the core imports neither the LSP layer nor the workspace, at any depth', async () => {
  const breaches = [
    ['server/core/hover.ts', '../lsp/hover'],
    ['server/core/verdict/actors.ts', '../../lsp/hover'],
    ['server/core/verdict/actors.ts', '../../workspace'],
    ['server/core/facts/dates.ts', '../../cli/format'],
    ['server/core/text/lines.ts', 'vscode-languageserver'],
    ['server/core/text/lines.ts', 'vscode-languageserver/node'],
  ];
  for (const [file, target] of breaches) {
    const found = await restrictedImports(file, `import { x } from '${target}';\nexport const y = x;\n`);
    assert.equal(found.length, 1, `${file} importing ${target} should be refused`);
  }
});

test('lint: the core may import the core, and the LSP layer may import the core', async () => {
  assert.deepEqual(await restrictedImports('server/core/verdict/actors.ts', "import { x } from '../facts';\nexport const y = x;\n"), []);
  assert.deepEqual(await restrictedImports('server/lsp/hover.ts', "import { x } from '../core/hover';\nexport const y = x;\n"), []);
});

test('lint: only the host touches the disk; the core neither imports fs nor calls the host', async () => {
  for (const [file, target] of [
    ['server/core/hover.ts', 'node:fs'],
    ['server/core/verdict/actors.ts', 'fs'],
    ['server/core/citations/csl.ts', 'node:fs/promises'],
    ['server/core/entities.ts', '../host/safeRead'],
    ['server/core/facts/dates.ts', '../../host/fileLock'],
    ['server/workspace.ts', 'node:fs'],
    ['server/cli/check.ts', 'fs/promises'],
    ['server/lsp/hover.ts', 'fs'],
  ]) {
    const found = await restrictedImports(file, `import { x } from '${target}';\nexport const y = x;\n`);
    assert.equal(found.length, 1, `${file} importing ${target} should be refused`);
  }
  assert.deepEqual(await restrictedImports('server/host/bibliography.ts', "import { x } from 'node:fs';\nexport const y = x;\n"), []);
  assert.deepEqual(await restrictedImports('server/host/savedIndexFile.ts', "import { x } from 'node:fs/promises';\nexport const y = x;\n"), []);
});

test('lint: no file outside server/host/ is excepted from the disk rule', async () => {
  // Every real file, so that an exception added to the config for one of them fails here.
  const files = readdirSync(path.join(ROOT, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('host' + path.sep))
    .map((f) => path.join('server', f));
  assert.ok(files.some((f) => f.endsWith(path.join('core', 'indexFile.ts'))) && files.length > 50, `only ${files.length} files found`);
  for (const file of files) {
    const found = await restrictedImports(file, "import { x } from 'node:fs';\nexport const y = x;\n");
    assert.equal(found.length, 1, `${file} may import node:fs`);
  }
  // And no source there does import it (the rule is applied, not only declared).
  for (const file of files) {
    assert.doesNotMatch(readFileSync(path.join(ROOT, file), 'utf8'), /from '(node:)?fs(\/promises)?'/, file);
  }
});
