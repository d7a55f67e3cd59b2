import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FindSourcesRequest, GetIndexStatusRequest, ReindexRequest, SearchClaimsRequest } from '../../server/protocol';
import { marked, writeCorpus } from '../helpers';
import { LspClient } from './lspClient';

let client: LspClient;
let folder: string;

before(async () => {
  folder = writeCorpus(`//- chips.txt
Chip export rules
The Department of Commerce issued the chip rule on March 3, 2026.
Nvidia said the rule would cost it $5 billion a year.
`);
  client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: true } });
  await client.indexed();
});

after(async () => {
  await client.shutdown();
});

test('initialize announces the server and indexing finishes with a ready status', async () => {
  const status = await client.request(GetIndexStatusRequest);
  assert.equal(status.state, 'ready');
  assert.equal(status.documents, 6, 'five seeds and the user folder document');
  assert.ok(status.claims > 1000);
});

test('findSources answers a claim with ranked passages, a verdict and file URIs', async () => {
  const r = (await client.request(FindSourcesRequest, { text: 'XBOW says Mythos Preview is the only model that succeeded at subtle V8 sandbox work.' }))!;
  assert.equal(r.verdict, 'supported');
  assert.match(r.sources[0].text, /only model to succeed at subtle V8 sandbox work|V8 サンドボックス/);
  assert.ok(r.uris[0].startsWith('file://') && r.uris[0].endsWith(r.sources[0].doc));
});

test('findSources takes the claim from an open memo at the cursor', async () => {
  const uri = pathToFileURL(path.join(folder, 'memo.md')).toString();
  const memo = marked('# Memo\n\nSomething else. [[Commerce issued the $$chip rule on March 3, 2026.]] More text.\n');
  client.open(uri, memo.text);
  const r = (await client.request(FindSourcesRequest, { uri, position: memo.cursor }))!;
  assert.equal(r.claim, 'Commerce issued the chip rule on March 3, 2026.');
  assert.deepEqual(r.claimRange, memo.ranges[0]);
  assert.equal(r.sources[0].doc, 'chips.txt');
});

test('searchClaims finds claims by fuzzy query with filters', async () => {
  const items = await client.request(SearchClaimsRequest, { query: 'Glaswing partners', lang: 'en' });
  assert.ok(items.length > 0);
  assert.ok(items.every((i) => i.lang === 'en'));
  assert.match(items[0].text, /Glasswing/);
});

test('a file added to a corpus folder is picked up by a re-index of that file', async () => {
  const before = await client.request(GetIndexStatusRequest);
  appendFileSync(path.join(folder, 'late.txt'), 'Late news\nThe ministry approved the Zephyrine accord on May 9.\n');
  const ready = await client.indexed(before.generation + 1);
  assert.equal(ready.from, 'updated');
  const r = await client.request(FindSourcesRequest, { text: 'Zephyrine accord approved' });
  assert.equal(r!.sources[0].doc, 'late.txt');
});

test('the languages setting limits the sources shown and the claims listed to those languages', async () => {
  const japanese = await LspClient.start({ languages: ['ja'] });
  try {
    await japanese.indexed();
    const claim = 'The Trump administration issued an export control order on June 12.';
    const r = (await japanese.request(FindSourcesRequest, { text: claim }))!;
    assert.ok(r.sources.length > 0);
    assert.deepEqual([...new Set(r.sources.map((s) => s.lang))], ['ja']);
    const both = (await client.request(FindSourcesRequest, { text: claim }))!;
    assert.ok(both.sources.some((s) => s.lang === 'en'), 'without the setting, English sources are shown too');
    const items = await japanese.request(SearchClaimsRequest, { query: 'Mythos' });
    assert.ok(items.length > 0);
    assert.deepEqual([...new Set(items.map((i) => i.lang))], ['ja']);
  } finally {
    await japanese.shutdown();
  }
});

test('a second server on the same folders starts from the saved index; the Re-index request builds from the text', async () => {
  const second = await LspClient.start({ corpus: { folders: [folder], includeSeeds: true } });
  try {
    const ready = await second.indexed();
    assert.equal(ready.from, 'loaded');
    const status = await second.request(ReindexRequest);
    assert.equal(status.from, 'built');
    assert.equal(status.documents, ready.documents);
    const r = await second.request(FindSourcesRequest, { text: 'Commerce issued the chip rule on March 3, 2026.' });
    assert.equal(r!.sources[0].doc, 'chips.txt');
  } finally {
    await second.shutdown();
  }
});
