// Navigation over stdio: definition (entities, citation keys), references, workspace symbols,
// semantic tokens and citation-key completion (corpus keys and the memo's bibliography).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DefinitionRequest,
  InitializeRequest,
  InitializedNotification,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type Definition,
  type Location,
  type ServerCapabilities,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { marked, SEEDS, textAt, writeCorpus } from '../helpers';
import { LspClient } from './lspClient';

let client: LspClient;
let capabilities: ServerCapabilities;
let workspace: string;
let memoCount = 0;

before(async () => {
  workspace = writeCorpus('//- refs.json\n[{"id": "smith2020", "title": "A Report Only The Bibliography Has", "type": "report"}]\n');
  client = new LspClient({});
  const init = await client.request(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'ws' }],
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { settings: {} },
  });
  capabilities = init.capabilities;
  void client.notify(InitializedNotification.type, {});
  await client.indexed();
});

after(async () => {
  await client.shutdown();
});

function openMemo(text: string): string {
  const file = path.join(workspace, `memo-${++memoCount}.md`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  client.open(uri, text);
  return uri;
}

function position(text: string, word: string, shift = 1) {
  const lines = text.slice(0, text.indexOf(word) + shift).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const fileText = (uri: string) => readFileSync(fileURLToPath(uri), 'utf8');

/** The server answers definitions with one Location. */
const one = (answer: Definition | unknown[] | null): Location => answer as Location;

test('go to definition on an entity opens its best passage; on a citation key, the cited paragraph or the document start', async () => {
  const memo = 'XBOW tested it [@field2026mythos, ¶35] and [@mythos2026cyber].';
  const uri = openMemo(memo);
  const entity = one(await client.request(DefinitionRequest.type, { textDocument: { uri }, position: position(memo, 'XBOW') }));
  assert.match(entity.uri, /\/seeds\/00\d_[0-9a-f]+\.txt$/);
  assert.match(textAt(fileText(entity.uri), entity.range), /XBOW/);
  const cited = one(await client.request(DefinitionRequest.type, { textDocument: { uri }, position: position(memo, 'field2026mythos') }));
  assert.equal(cited.uri, pathToFileURL(path.join(SEEDS, '000_323e4a42be008be9.txt')).toString());
  assert.match(textAt(fileText(cited.uri), cited.range), /^Anthropic needs the revenue from Mythos/);
  const whole = one(await client.request(DefinitionRequest.type, { textDocument: { uri }, position: position(memo, 'mythos2026cyber') }));
  assert.deepEqual(whole.range.start, { line: 0, character: 0 });
  assert.match(whole.uri, /004_c19c9ca1ddffe7f1\.txt$/);
  assert.equal(await client.request(DefinitionRequest.type, { textDocument: { uri }, position: position(memo, 'tested') }), null);
});

test('find references lists the memo’s mentions and every corpus mention, each range on the name', async () => {
  const memo = '商務省は動いた。The Department of Commerce acted.';
  const uri = openMemo(memo);
  const refs = (await client.request(ReferencesRequest.type, { textDocument: { uri }, position: position(memo, '商務省'), context: { includeDeclaration: true } }))!;
  assert.equal(refs.filter((r) => r.uri === uri).length, 2, 'both spellings in the memo');
  const corpus = refs.filter((r) => r.uri !== uri);
  assert.ok(corpus.length >= 10, `${corpus.length} corpus mentions`);
  for (const r of corpus) assert.match(textAt(fileText(r.uri), r.range), /商務省|Commerce/);
});

test('workspace symbols: entities and documents', async () => {
  const glass = (await client.request(WorkspaceSymbolRequest.type, { query: 'glasswing' })) as SymbolInformation[];
  assert.ok(glass.some((s) => s.name === 'Project Glasswing' && /\.txt$/.test(s.location.uri)), JSON.stringify(glass.map((s) => s.name)));
  const docs = (await client.request(WorkspaceSymbolRequest.type, { query: 'field2026mythos' })) as SymbolInformation[];
  assert.equal(docs.length, 1);
  assert.equal(docs[0].kind, 1, 'a File symbol');
  const all = (await client.request(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
  assert.ok(all.length > 50);
});

test('semantic tokens colour entity names by kind', async () => {
  const legend = capabilities.semanticTokensProvider!.legend.tokenTypes;
  const memo = '# Memo\n\nAnthropic と商務省、そして Mythos。\nNothing here.';
  const uri = openMemo(memo);
  const { data } = (await client.request(SemanticTokensRequest.type, { textDocument: { uri } }))!;
  const tokens: Array<[number, number, number, string]> = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push([line, character, data[i + 2], legend[data[i + 3]]]);
  }
  assert.deepEqual(tokens, [
    [2, 0, 9, 'interface'],
    [2, 11, 3, 'namespace'],
    [2, 19, 6, 'class'],
  ]);
});

test('completion after [@ offers the corpus keys with titles, then the bibliography’s own keys', async () => {
  const memo = marked('---\nbibliography: refs.json\n---\nA claim [@$$');
  const uri = openMemo(memo.text);
  const items = (await client.request(CompletionRequest.type, { textDocument: { uri }, position: memo.cursor })) as CompletionItem[];
  const field = items.find((i) => i.label === 'field2026mythos');
  assert.ok(field, JSON.stringify(items.map((i) => i.label)));
  assert.match(field.detail ?? '', /Mythos/);
  assert.deepEqual(field.textEdit && 'range' in field.textEdit ? field.textEdit.range : undefined, { start: memo.cursor, end: memo.cursor });
  assert.equal(items.filter((i) => /^[a-z]+\d{4}/.test(i.label)).length >= 5, true);
  const bib = items.find((i) => i.label === 'smith2020');
  assert.equal(bib?.detail, 'A Report Only The Bibliography Has');
  const plain = marked('write to me@example.org$$');
  const none = await client.request(CompletionRequest.type, { textDocument: { uri: openMemo(plain.text) }, position: plain.cursor });
  assert.ok(none === null || (Array.isArray(none) && none.length === 0));
});
