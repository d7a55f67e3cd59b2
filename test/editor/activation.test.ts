// The extension activates on a memo in a real VS Code, starts the real server over stdio and
// indexes the bundled seeds; its commands run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/protocol';
import { EXTENSION_ID, indexedApi, openMemo } from './helpers';

describe('activation', () => {
  it('activates when a Markdown memo opens and indexes the five seed documents', async () => {
    await openMemo('memo-en.md');
    const { status } = await indexedApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(status.state, 'ready');
    assert.equal(status.documents, 5, `indexed ${status.documents} documents from ${status.folders.join(', ')}`);
    assert.ok(status.claims > 100, `only ${status.claims} claims`);
  });

  it('registers every command the manifest contributes', async () => {
    await indexedApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 6, `only ${contributed.length} commands contributed`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
      'contributed but not registered',
    );
  });

  it('re-indexes on the Re-index command and reports a newer generation', async () => {
    const { status: before } = await indexedApi();
    const after = await vscode.commands.executeCommand<IndexStatus>('aiPolicyClaims.reindex');
    assert.ok(after, 'the command returned nothing');
    assert.equal(after.state, 'ready');
    assert.ok(after.generation > before.generation, `generation ${after.generation} after ${before.generation}`);
    assert.equal(after.documents, before.documents);
  });
});
