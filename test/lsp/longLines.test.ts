// Long lines over LSP: a memo with a 1 MB line never blocks the server. Its check runs in slices,
// and the requests that read the whole line (semantic tokens, a hover on it) answer in moments.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidCloseTextDocumentNotification, HoverRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol';
import { CheckMemoRequest } from '../../server/protocol';
import { marked, writeCorpus } from '../helpers';
import { LspClient, type MarkdownHover } from './lspClient';

let client: LspClient;
let folder: string;

before(async () => {
  folder = writeCorpus('//- notes.txt\nNotes\nNothing here.\n');
  client = await LspClient.start({ corpus: { folders: [], includeSeeds: true } });
  await client.indexed();
});

after(async () => {
  await client.shutdown();
});

async function timed<T>(request: Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await request;
  return { answer, ms: performance.now() - started };
}

test('semantic tokens and hovers answer in moments while a memo with a 1 MB line is checked', async () => {
  const sentence = 'Mythos and Anthropic met the Department of Commerce on June 30. 商務省はミソスを止めた。';
  const copies = Math.ceil(1_000_000 / sentence.length);
  const uri = pathToFileURL(path.join(folder, 'long.md')).toString();
  const head = marked('# Memo\n\nHow$$ard Lutnick spoke.\n\n');
  client.open(uri, `${head.text}${sentence.repeat(copies)}\n`);
  // The check starts first (requests are handled in order); the rest must not wait for it.
  const check = client.request(CheckMemoRequest, { uri }).catch(() => undefined);
  const tokens = await timed(client.request(SemanticTokensRequest.type, { textDocument: { uri } }));
  assert.equal(tokens.answer!.data.length / 5, 1 + 5 * copies, 'Lutnick, then five mentions per copy');
  const onLong = await timed(client.request(HoverRequest.type, { textDocument: { uri }, position: { line: head.cursor.line + 2, character: 500_001 } }));
  const elsewhere = await timed(client.request(HoverRequest.type, { textDocument: { uri }, position: head.cursor }));
  assert.match((elsewhere.answer as MarkdownHover)?.contents.value ?? '', /Lutnick/);
  for (const [what, ms] of [['semantic tokens', tokens.ms], ['hover on the long line', onLong.ms], ['hover elsewhere', elsewhere.ms]] as const) {
    assert.ok(ms < 3000, `${what} took ${Math.round(ms)} ms`);
  }
  // Closing the memo stops its check.
  void client.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await check;
});
