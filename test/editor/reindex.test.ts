// Re-indexing in a real editor: a corpus folder added in the workspace settings is indexed, and a
// file written into it later is indexed too (the server watches its corpus folders). Each step
// waits for the server's next `ready` generation, never for a fixed time. Runs last: it changes
// the workspace settings, and puts them back afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/extension';
import { SearchClaimsRequest, type ClaimItem, type IndexStatus, type SearchClaimsParams } from '../../server/protocol';
import { indexedApi, memoUri } from './helpers';

const FOLDER = 'user-sources';

const FIRST = [
  'Quillfeather Institute briefing on model evaluations',
  '',
  'The Quillfeather Institute said on 3 March 2026 that it had audited four frontier model evaluations.',
].join('\n');

const SECOND = [
  'Marrowgate notes on compute reporting',
  '',
  'Marrowgate Analytics reported that 12 laboratories filed compute disclosures in the first quarter.',
].join('\n');

async function search(api: ExtensionApi, params: SearchClaimsParams): Promise<ClaimItem[]> {
  // By method name: this bundle has its own copy of the protocol classes (see findSources.test).
  return api.client.sendRequest<ClaimItem[]>(SearchClaimsRequest.method, params);
}

/**
 * Waits for ready generations after `after` until `done(status)` holds, at most `tries` of them:
 * a re-index that had already started before the change may finish first without it.
 */
async function indexedUntil(api: ExtensionApi, after: number, done: (s: IndexStatus) => Promise<boolean>, tries = 3): Promise<IndexStatus> {
  let status = await api.whenIndexed(after + 1);
  for (let i = 1; i < tries && !(await done(status)); i++) status = await api.whenIndexed(status.generation + 1);
  return status;
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = memoUri(`${FOLDER}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

describe('re-index', () => {
  const config = () => vscode.workspace.getConfiguration('aiPolicyClaims');

  after(async () => {
    if (config().inspect('corpus.folders')?.workspaceValue === undefined) return;
    const { api, status } = await indexedApi();
    await config().update('corpus.folders', undefined, vscode.ConfigurationTarget.Workspace);
    await indexedUntil(api, status.generation, async (s) => s.documents === 5);
  });

  it('indexes a corpus folder added in the workspace settings', async () => {
    const { api, status: before } = await indexedApi();
    await vscode.workspace.fs.createDirectory(memoUri(FOLDER));
    await write('quillfeather.md', FIRST);
    await config().update('corpus.folders', [FOLDER], vscode.ConfigurationTarget.Workspace);
    const status = await indexedUntil(api, before.generation, async (s) => s.documents === before.documents + 1);
    assert.equal(status.documents, before.documents + 1, `indexed ${status.documents} documents from ${status.folders.join(', ')}`);
    assert.ok(status.folders.some((f) => f.endsWith(FOLDER)), `folders: ${status.folders.join(', ')}`);
    const hits = await search(api, { query: 'Quillfeather', doc: 'quillfeather.md' });
    const hit = hits.find((h) => /audited four frontier model evaluations/.test(h.text));
    assert.ok(hit, `the new document's sentence is not found; got:\n${hits.map((h) => h.text).join('\n')}`);
    assert.ok(hit.uri.endsWith(`${FOLDER}/quillfeather.md`), hit.uri);
  });

  it('re-indexes when a file is added to a corpus folder', async () => {
    const { api, status: before } = await indexedApi();
    const found = async () => (await search(api, { query: 'Marrowgate', doc: 'marrowgate.md' })).length > 0;
    assert.equal(await found(), false, 'the document is found before it exists');
    await write('marrowgate.md', SECOND);
    const status = await indexedUntil(api, before.generation, found);
    assert.equal(status.documents, before.documents + 1);
    const hits = await search(api, { query: 'Marrowgate compute disclosures', doc: 'marrowgate.md' });
    assert.ok(
      hits.some((h) => /12 laboratories filed compute disclosures/.test(h.text)),
      `the added file's sentence is not found after the re-index; got:\n${hits.map((h) => h.text).join('\n')}`,
    );
  });
});
