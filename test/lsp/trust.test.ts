// Workspace trust: in VS Code's Restricted Mode the manifest limits the settings that name files,
// and the server follows no path a memo names until the client says the workspace is trusted.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CitationRequest, SearchClaimsRequest, WorkspaceTrustedNotification } from '../../server/protocol';
import { marked, ROOT, writeCorpus } from '../helpers';
import { LspClient } from './lspClient';

test('the manifest supports untrusted workspaces in a limited way, restricting the settings that name files', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['aiPolicyClaims.citation.bibliography', 'aiPolicyClaims.corpus.folders', 'aiPolicyClaims.entities.files']);
  const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  assert.match(nls[untrusted.description.slice(1, -1)], /Restricted Mode/);
});

test('untrusted, a memo front matter cannot name the bibliography; once trusted, it can', async () => {
  const folder = writeCorpus('//- chips.txt\nChip export rules\nThe Department of Commerce issued the chip rule on March 3, 2026.\n');
  const base = mkdtempSync(path.join(tmpdir(), 'aipc-trust-'));
  const root = path.join(base, 'workspace');
  mkdirSync(root);
  const client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: false } }, root, { trusted: false });
  try {
    await client.indexed();
    const [item] = await client.request(SearchClaimsRequest, { query: 'chip rule' });
    const uri = pathToFileURL(path.join(root, 'memo.md')).toString();
    const memo = marked('---\nbibliography: ../elsewhere.json\n---\nCommerce issued the rule.$$\n');
    client.open(uri, memo.text);
    const cite = () => client.request(CitationRequest, { uri, position: memo.cursor, passageId: item.id, style: 'pandoc' });
    assert.equal((await cite()).bibliography?.path, path.join(root, 'references.json'));
    assert.ok(!existsSync(path.join(base, 'elsewhere.json')));
    void client.notify(WorkspaceTrustedNotification, { trusted: true });
    assert.equal((await cite()).bibliography?.path, path.join(base, 'elsewhere.json'));
  } finally {
    await client.shutdown();
  }
});
