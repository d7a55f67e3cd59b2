// Hovers from the real server over stdio: every dev-set alias in English and Japanese memos,
// a corpus folder (and entity) never seen before, citation keys, and nothing on ordinary words.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { devEntities, writeCorpus } from '../helpers';
import { LspClient, type MarkdownHover as Hover } from './lspClient';


const devSet = devEntities();

let client: LspClient;
let folder: string;
let memoCount = 0;

before(async () => {
  folder = writeCorpus(`//- entities.json
[{"name": "Brightwater Institute", "kind": "agency", "aliases": ["ブライトウォーター研究所"], "description": "A research agency only this test knows."}]
//- briefing.txt
Brightwater briefing
The Brightwater Institute opened its evaluation centre on April 2, 2026.
`);
  client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: true } });
  await client.indexed();
});

after(async () => {
  await client.shutdown();
});

/** Opens a new memo and hovers one character into the first occurrence of `word`. */
async function hoverOn(memo: string, word: string): Promise<Hover> {
  const uri = pathToFileURL(path.join(folder, `memo-${++memoCount}.md`)).toString();
  client.open(uri, memo);
  const lines = memo.slice(0, memo.indexOf(word) + 1).split('\n');
  return (await client.request(HoverRequest.type, { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } })) as Hover;
}

test('every dev-set alias, in an English and a Japanese sentence, hovers to its entity with sourced facts', async () => {
  for (const d of devSet) {
    for (const alias of d.aliases) {
      for (const memo of [`# Memo\n\nThe sources discuss ${alias} at length.\n`, `# メモ\n\n資料では${alias}について詳しく論じている。\n`]) {
        const hover = await hoverOn(memo, alias);
        assert.ok(hover, `no hover on ${alias} in: ${memo}`);
        assert.equal(hover.contents.kind, 'markdown');
        assert.ok(hover.contents.value.startsWith(`**${d.name}**`), `${alias}: ${hover.contents.value.slice(0, 80)}`);
        assert.match(hover.contents.value, /\n1\. “[^\n]+” — \[[^\]]+, ¶\d+\]\(file:\/\/\/[^)]+\/seeds\/00\d_[0-9a-f]+\.txt#L\d+,\d+\)/, alias);
        assert.equal(hover.range!.end.character - hover.range!.start.character, alias.length, alias);
      }
    }
  }
});

test('a corpus folder and an entity never seen before: the folder entities.json is used', async () => {
  const hover = await hoverOn('ブライトウォーター研究所が評価センターを開設した。', 'ブライトウォーター');
  assert.ok(hover);
  assert.match(hover.contents.value, /^\*\*Brightwater Institute\*\* \(ブライトウォーター研究所\) · 政府機関/);
  assert.match(hover.contents.value, /The Brightwater Institute opened its evaluation centre on April 2, 2026\./);
  assert.match(hover.contents.value, /briefing\.txt#L2,1\)/);
});

test('no hover on ordinary words', async () => {
  assert.equal(await hoverOn('The agency said the model would be reviewed.', 'agency'), null);
  assert.equal(await hoverOn('政府は新しい規則を発表した。', '規則'), null);
});

test('a citation key hovers to its source and the cited paragraph', async () => {
  const hover = await hoverOn('Mythos revenue matters [@field2026mythos, ¶35].', 'field2026');
  assert.ok(hover);
  assert.match(hover.contents.value, /The Verge/);
  assert.match(hover.contents.value, /> Anthropic needs the revenue from Mythos/);
});

test('right after the index is ready: a first name the sources use alone, and a Japanese memo led by the Japanese translation', async () => {
  const jessica = await hoverOn('Jessica asks the right question here.', 'Jessica');
  assert.ok(jessica?.contents.value.startsWith('**Jessica Tillipman**'), jessica?.contents.value.slice(0, 80));
  const ja = await hoverOn('商務省はミソスの輸出を止めた。', '商務省');
  const first = /\n1\. “([^”]*)”/.exec(ja?.contents.value ?? '')?.[1] ?? '';
  assert.match(first, /[\u3040-\u30ff\u4e00-\u9fff]/, `the first fact is not Japanese: ${first}`);
  assert.match(ja!.contents.value, /\n   - 英語: “/);
});
