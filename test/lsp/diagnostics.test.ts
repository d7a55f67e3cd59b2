import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  HoverRequest,
  PublishDiagnosticsNotification,
  type CodeAction,
  type Command,
  type PublishDiagnosticsParams as Published,
} from 'vscode-languageserver-protocol';
import { CheckMemoRequest, FindSourcesRequest, GetIndexStatusRequest, INSERT_CITATION_COMMAND, ReindexRequest, type CitationParams } from '../../server/protocol';
import { FIXTURES } from '../helpers';
import { LspClient } from './lspClient';

let client: LspClient;
const memoFolder = mkdtempSync(path.join(tmpdir(), 'aipc-memos-'));
const uriOf = (name: string) => pathToFileURL(path.join(memoFolder, name)).toString();
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The first diagnostics published for `uri` (at `version` or later), already received or still to come. */
function diagnosticsFor(uri: string, version = 1): Promise<Published> {
  const wanted = (p: Published) => p.uri === uri && (p.version ?? version) >= version;
  const seen = client.received(PublishDiagnosticsNotification.type).find(wanted);
  if (seen) return Promise.resolve(seen);
  return client.waitFor(PublishDiagnosticsNotification.type, wanted, 60_000);
}

before(async () => {
  client = await LspClient.start({ corpus: { folders: [], includeSeeds: true } });
  await client.indexed();
});

after(async () => {
  await client.shutdown();
});

test('a memo with deliberate errors gets a warning for each wrong value, with both values and a link to the passage', async () => {
  const uri = uriOf('errors.md');
  client.open(uri, fixture('memo-errors.md'));
  const { diagnostics } = await diagnosticsFor(uri);
  const warnings = diagnostics.filter((d) => d.code === 'contradicted');
  assert.deepEqual(
    warnings.map((d) => d.message.match(/the memo says (.+), the source says (.+?) —/)!.slice(1, 3)),
    [
      ['June 30', 'July 1'],
      ['$84 million', '$15 billion'],
      ['7 of 10', '6 of 10'],
      ['three days', 'three weeks'],
      ['10%', '5%'],
      ['Tom Brown', 'Sarah Heck'],
      ['Google', 'Amazon'],
      ['three times', 'double'],
    ],
  );
  for (const w of warnings) {
    assert.equal(w.severity, 2, 'Warning');
    assert.equal(w.source, 'AI Policy Claims');
    assert.match(w.relatedInformation![0].location.uri, /^file:.*seeds\/\d{3}_[0-9a-f]+\.txt$/);
  }
  // The warning sits on the memo's value itself.
  assert.deepEqual(warnings[0].range, { start: { line: 4, character: 42 }, end: { line: 4, character: 49 } });
  const info = diagnostics.filter((d) => d.code === 'unsupported');
  assert.deepEqual(info.map((d) => d.range.start.line), [10, 11]);
  assert.ok(info.every((d) => d.severity === 3 && /Microsoft|XBOW/.test(d.message)));
  const unknown = diagnostics.filter((d) => d.code === 'unknown-key');
  assert.deepEqual(unknown.map((d) => d.message.split(':')[0]), ['Unknown citation key @xbow2027funding']);
});

test('a memo that restates the sources faithfully, in English or Japanese, gets no diagnostic', async () => {
  for (const name of ['memo-faithful.md', 'memo-faithful-ja.md']) {
    const uri = uriOf(name);
    client.open(uri, fixture(name));
    const { diagnostics } = await diagnosticsFor(uri);
    assert.deepEqual(diagnostics, [], name);
  }
});

test('quick fixes: replace the value with the source\'s, and insert a citation for the best source', async () => {
  const uri = uriOf('errors.md');
  const { diagnostics } = await diagnosticsFor(uri);
  const june = diagnostics.find((d) => d.code === 'contradicted')!;
  const actions = ((await client.request(CodeActionRequest.type, { textDocument: { uri }, range: june.range, context: { diagnostics: [june] } })) ?? []) as CodeAction[];
  const replace = actions.find((a) => a.edit)!;
  assert.equal(replace.title, "Replace `June 30` with the source's `July 1`");
  assert.equal(replace.isPreferred, true);
  assert.deepEqual(replace.edit!.changes![uri], [{ range: june.range, newText: 'July 1' }]);
  const cite = actions.find((a) => a.command)!;
  assert.match(cite.title, /^Insert citation for the best source/);
  assert.equal((cite.command as Command).command, INSERT_CITATION_COMMAND);
  const [arg] = (cite.command as Command).arguments as CitationParams[];
  assert.equal(arg.uri, uri);
  assert.deepEqual(arg.position, { line: 4, character: 49 }, 'before the final period');
  assert.ok(Number.isInteger(arg.passageId));
});

test('checkMemo checks at once and returns the counts', async () => {
  const counts = await client.request(CheckMemoRequest, { uri: uriOf('errors.md') });
  assert.deepEqual(counts, { checked: 10, supported: 0, contradicted: 8, unsupported: 2 });
  await assert.rejects(client.request(CheckMemoRequest, { uri: uriOf('never-opened.md') }), /not an open document/);
});

test('edits are debounced and a stale check is dropped: the diagnostics follow the last version', async () => {
  const uri = uriOf('typing.md');
  client.open(uri, 'Fable access was restored worldwide on July 1.\n');
  assert.deepEqual((await diagnosticsFor(uri)).diagnostics, []);
  const versions = ['June', 'June 3', 'June 30'];
  versions.forEach((v, i) => {
    void client.notify(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: `Fable access was restored worldwide on ${v}.\n` }] });
  });
  const last = await diagnosticsFor(uri, versions.length + 1);
  assert.equal(last.version, versions.length + 1);
  assert.deepEqual(last.diagnostics.map((d) => d.code), ['contradicted']);
  const published = client.received(PublishDiagnosticsNotification.type).filter((p) => p.uri === uri);
  assert.equal(published.length, 2, 'the intermediate versions were never published');
});

test('a hover, a find-sources request and the index status answer while a long memo is being checked', async () => {
  const uri = uriOf('long.md');
  const long = Array.from({ length: 25 }, () => fixture('memo-faithful.md').replace(/^---[\s\S]*?---\n/, '')).join('\n');
  client.open(uri, long);
  const started = performance.now();
  const order: string[] = [];
  const check = client.request(CheckMemoRequest, { uri }).then(() => order.push('check'));
  const hoverLine = long.split('\n').findIndex((l) => l.includes('Palo Alto Security'));
  const quick = [
    client.request(HoverRequest.type, { textDocument: { uri }, position: { line: hoverLine, character: 4 } }).then(() => order.push('hover')),
    client.request(FindSourcesRequest, { text: 'CAISI is a $15 million pilot program.' }).then(() => order.push('findSources')),
    client.request(GetIndexStatusRequest).then(() => order.push('indexStatus')),
  ];
  await Promise.all(quick);
  const quickMs = performance.now() - started;
  await check;
  const checkMs = performance.now() - started;
  assert.deepEqual(order.slice(-1), ['check'], `order: ${order.join(', ')}`);
  assert.ok(quickMs < checkMs / 2, `requests took ${quickMs.toFixed(0)} ms, the check ${checkMs.toFixed(0)} ms`);
});

test('a new index generation re-checks the open memos', async () => {
  const uri = uriOf('errors.md');
  const count = () => client.received(PublishDiagnosticsNotification.type).filter((p) => p.uri === uri).length;
  const before = count();
  const status = await client.request(ReindexRequest);
  const republished = await client.waitFor(PublishDiagnosticsNotification.type, (p) => p.uri === uri && count() > before, 60_000);
  assert.ok(status.generation >= 2);
  assert.equal(republished.diagnostics.filter((d) => d.code === 'contradicted').length, 8);
});

test('the check settings turn each kind of diagnostic off', async () => {
  const quiet = await LspClient.start({ checks: { contradictions: false, unsupported: false, unknownCitationKeys: false } });
  try {
    await quiet.indexed();
    const uri = uriOf('quiet.md');
    quiet.open(uri, fixture('memo-errors.md'));
    const published = await quiet.waitFor(PublishDiagnosticsNotification.type, (p) => p.uri === uri, 60_000);
    assert.deepEqual(published.diagnostics, []);
    assert.deepEqual(await quiet.request(CheckMemoRequest, { uri }), { checked: 10, supported: 0, contradicted: 8, unsupported: 2 });
  } finally {
    await quiet.shutdown();
  }
});

test('new check settings re-check the open memos at once', async () => {
  const uri = uriOf('errors.md');
  const count = () => client.received(PublishDiagnosticsNotification.type).filter((p) => p.uri === uri).length;
  const before = count();
  const settings = { corpus: { folders: [], includeSeeds: true } };
  client.answerConfiguration = () => ({ result: [{ ...settings, checks: { contradictions: false } }] });
  void client.notify(DidChangeConfigurationNotification.type, { settings: null });
  const quiet = await client.waitFor(PublishDiagnosticsNotification.type, (p) => p.uri === uri && count() > before, 10_000);
  assert.deepEqual(quiet.diagnostics.filter((d) => d.code === 'contradicted'), []);
  assert.ok(quiet.diagnostics.some((d) => d.code === 'unsupported'), 'the other checks still run');
  client.answerConfiguration = () => ({ result: [settings] });
  void client.notify(DidChangeConfigurationNotification.type, { settings: null });
  const loud = await client.waitFor(PublishDiagnosticsNotification.type, (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'contradicted'), 10_000);
  assert.equal(loud.diagnostics.filter((d) => d.code === 'contradicted').length, 8);
});
