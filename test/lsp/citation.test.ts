// Citations over plain LSP: aiPolicyClaims/citation in each style (the edits and the written
// bibliography), the executeCommand path through workspace/applyEdit, and claim search filters.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ApplyWorkspaceEditRequest, ExecuteCommandRequest, type ApplyWorkspaceEditParams, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { CitationRequest, INSERT_CITATION_COMMAND, SearchClaimsRequest, type ClaimItem } from '../../server/protocol';
import type { Position } from '../../server/core/types';
import { marked, writeCorpus } from '../helpers';
import { LspClient } from './lspClient';


const EXISTING = `[
  {
    "id": "smith2020",
    "type": "article",
    "title": "An existing entry, kept byte for byte",
    "note": "1.50"
  }
]
`;

let client: LspClient;
let root: string;
let chipRule: ClaimItem;

before(async () => {
  const folder = writeCorpus(`//- chips.txt
Chip export rules
The Department of Commerce issued the chip rule on March 3, 2026.
Nvidia said the rule would cost it $5 billion a year.
`);
  root = mkdtempSync(path.join(tmpdir(), 'aipc-memos-'));
  writeFileSync(path.join(root, 'refs.json'), EXISTING);
  client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: false } }, root);
  await client.indexed();
  const items = await client.request(SearchClaimsRequest, { query: 'chip rule March' });
  chipRule = items[0];
  assert.match(chipRule.text, /March 3, 2026/);
});

after(async () => {
  await client.shutdown();
});

/** Opens a memo written with its cursor marked (`$$`): where the citation is asked for. */
function memo(name: string, source: string): { uri: string; at: Position } {
  const { text, cursor } = marked(source);
  const uri = pathToFileURL(path.join(root, name)).toString();
  client.open(uri, text);
  return { uri, at: cursor };
}

test('pandoc: the marker at the cursor and the source appended to the front matter bibliography, keeping existing entries', async () => {
  const { uri, at } = memo('pandoc.md', '---\ntitle: Memo\nbibliography: refs.json\n---\n\nCommerce issued the rule on March 3$$.\n');
  const r = await client.request(CitationRequest, { uri, position: at, passageId: chipRule.id, style: 'pandoc' });
  assert.equal(r.style, 'pandoc');
  assert.deepEqual(r.edits, [{ range: { start: at, end: at }, newText: ` [@${chipRule.key}, ¶${chipRule.paragraph}]` }]);
  assert.equal(r.version, 1);
  assert.deepEqual(r.bibliography, { path: path.join(root, 'refs.json'), added: true });
  const written = readFileSync(path.join(root, 'refs.json'), 'utf8');
  assert.ok(written.includes('"note": "1.50"'), 'the existing entry was rewritten');
  const entries = JSON.parse(written) as Array<{ id: string; title: string }>;
  assert.deepEqual(
    entries.map((e) => e.id),
    ['smith2020', chipRule.key],
  );
  assert.equal(entries[1].title, 'Chip export rules');

  const again = await client.request(CitationRequest, { uri, position: { line: at.line, character: 0 }, passageId: chipRule.id, style: 'pandoc' });
  assert.deepEqual(again.bibliography, { path: path.join(root, 'refs.json'), added: false });
  assert.equal((JSON.parse(readFileSync(path.join(root, 'refs.json'), 'utf8')) as unknown[]).length, 2);
});

test('pandoc without front matter: the bibliography setting, relative to the workspace folder', async () => {
  const { uri, at } = memo('plain-memo.md', 'Commerce issued the rule on March 3.$$\n');
  const r = await client.request(CitationRequest, { uri, position: at, passageId: chipRule.id });
  assert.equal(r.style, 'pandoc', 'the default style comes from the settings');
  assert.equal(r.bibliography?.path, path.join(root, 'references.json'));
  assert.ok(existsSync(path.join(root, 'references.json')));
});

test('pandoc with a BibTeX bibliography: the citation still comes back, with the reason the file was not written', async () => {
  const { uri, at } = memo('bib.md', '---\nbibliography: refs.bib\n---\nText.$$\n');
  const r = await client.request(CitationRequest, { uri, position: at, passageId: chipRule.id, style: 'pandoc' });
  assert.equal(r.edits.length, 1);
  assert.equal(r.bibliography?.added, false);
  assert.match(r.message ?? '', /CSL-JSON/);
  assert.ok(!existsSync(path.join(root, 'refs.bib')));
});

test('footnote: the marker at the cursor and its definition at the end of the memo', async () => {
  const { uri, at } = memo('footnote.md', 'Commerce issued the rule on March 3.$$[^1]\n\n[^1]: Earlier note.\n');
  const r = await client.request(CitationRequest, { uri, position: at, passageId: chipRule.id, style: 'footnote' });
  assert.equal(r.edits.length, 2);
  assert.equal(r.edits[0].newText, '[^2]');
  assert.match(r.edits[1].newText, /\[\^2\]: Chip export rules, ¶2\. “The Department of Commerce issued the chip rule on March 3, 2026\.”/);
  assert.equal(r.bibliography, undefined);
});

test('plain: a parenthetical with the title', async () => {
  const { uri, at } = memo('plain.md', 'Commerce issued the rule on March 3.$$\n');
  const r = await client.request(CitationRequest, { uri, position: at, passageId: chipRule.id, style: 'plain' });
  assert.deepEqual(
    r.edits.map((e) => e.newText),
    ['(Chip export rules)'], 'no space after the full stop',
  );
});

test('bad requests get an error, not a crash: unknown passage, memo not open', async () => {
  const { uri } = memo('bad.md', 'Text.\n');
  await assert.rejects(client.request(CitationRequest, { uri, position: { line: 0, character: 0 }, passageId: 99_999 }), /no passage 99999/);
  await assert.rejects(client.request(CitationRequest, { uri: 'file:///nowhere.md', position: { line: 0, character: 0 }, passageId: chipRule.id }), /not open/);
  await assert.rejects(client.request(CitationRequest.method, { uri, passageId: chipRule.id }), /position/);
});

test('an id from before a re-index is checked against where its passage was listed: found there again, or refused', async () => {
  const { uri, at } = memo('moved.md', 'Commerce issued the rule on March 3.$$\n');
  const source = { path: chipRule.path, start: chipRule.range.start };
  const stale = chipRule.id + 1;
  const r = await client.request(CitationRequest, { uri, position: at, passageId: stale, source, style: 'footnote' });
  assert.match(r.edits.at(-1)!.newText, /March 3, 2026/, 'the passage listed, not whatever holds its old id');
  const gone = { path: chipRule.path, start: { line: 99, character: 0 } };
  await assert.rejects(client.request(CitationRequest, { uri, position: { line: 0, character: 0 }, passageId: stale, source: gone }), /search again/);
});

test('executeCommand aiPolicyClaims.server.insertCitation applies the edit on the memo version through workspace/applyEdit', async () => {
  const { uri, at } = memo('command.md', 'Commerce issued the rule on March 3.$$\n');
  const asked: ApplyWorkspaceEditParams[] = [];
  const stop = client.answer(ApplyWorkspaceEditRequest.type, (params) => {
    asked.push(params);
    return { applied: true };
  });
  const r = (await client.request(ExecuteCommandRequest.type, { command: INSERT_CITATION_COMMAND, arguments: [{ uri, position: at, passageId: chipRule.id }] })) as { applied: boolean };
  stop();
  assert.equal(r.applied, true);
  assert.equal(asked.length, 1);
  const [change] = asked[0].edit.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change.textDocument, { uri, version: 1 });
  assert.equal(change.edits[0].newText, `[@${chipRule.key}, ¶2]`);
});

test('searchClaims: entity, language and role filters typed as prefixes', async () => {
  const nvidia = await client.request(SearchClaimsRequest, { query: 'entity:Commerce rule' });
  assert.deepEqual(
    nvidia.map((i) => i.text),
    ['The Department of Commerce issued the chip rule on March 3, 2026.'],
  );
  assert.ok(nvidia[0].entities.includes('US Department of Commerce'));
  const all = await client.request(SearchClaimsRequest, { query: 'lang:en role:original' });
  assert.equal(all.length, 2, 'an empty query with filters lists every matching claim');
  const none = await client.request(SearchClaimsRequest, { query: 'role:analysis rule' });
  assert.deepEqual(none, []);
  const unknown = await client.request(SearchClaimsRequest, { query: 'entity:"No Such Entity" rule' });
  assert.deepEqual(unknown, []);
});
