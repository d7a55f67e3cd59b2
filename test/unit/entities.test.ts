import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtInCatalog, EntityCatalog, ENTITY_KINDS, type Mention } from '../../server/core/entities';
import { loadEntityFile } from '../../server/host/entityFiles';
import { devEntities, ROOT as root } from '../helpers';

const devSet = devEntities();
const seedDir = path.join(root, 'seeds');
const seedLines = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(seedDir, f), 'utf8').split('\n'));

const catalog = builtInCatalog();
const shown = (ms: Mention[]) => ms.map((m) => `${m.text}→${m.entity.name}`);

test('the shipped catalog is large, well-formed and bilingual', () => {
  const all = catalog.all();
  assert.ok(all.length >= 60, `only ${all.length} entities`);
  assert.equal(new Set(all.map((e) => e.id)).size, all.length, 'ids are unique');
  for (const e of all) {
    assert.ok(ENTITY_KINDS.includes(e.kind), `${e.name}: kind ${e.kind}`);
    assert.ok(e.description.length > 10, `${e.name}: description`);
    assert.ok((e.descriptionJa ?? '').length > 5, `${e.name}: descriptionJa`);
  }
});

test('every dev-set entity exists with its canonical name and kind', () => {
  for (const d of devSet) {
    const e = catalog.byName(d.name);
    assert.ok(e, d.name);
    assert.equal(e.name, d.name);
    assert.equal(e.kind, d.kind);
  }
});

test('every dev-set alias is found in an English and a Japanese sentence', () => {
  for (const d of devSet) {
    for (const alias of d.aliases) {
      for (const sentence of [`Yesterday ${alias} was discussed again.`, `昨日${alias}について議論した。`]) {
        const ms = catalog.findMentions(sentence);
        assert.deepEqual(shown(ms), [`${alias}→${d.name}`], sentence);
      }
    }
  }
  assert.deepEqual(shown(catalog.findMentions('商務省はミソスへのアクセスを停止した')), [
    '商務省→US Department of Commerce',
    'ミソス→Claude Mythos 5',
  ]);
});

test('every dev-set alias occurs in the seeds, and every occurrence is inside a mention', () => {
  for (const d of devSet) {
    for (const alias of d.aliases) {
      let found = false;
      let occurrences = 0;
      for (const line of seedLines) {
        if (!line.includes(alias)) continue;
        const ms = catalog.findMentions(line);
        for (let at = line.indexOf(alias); at >= 0; at = line.indexOf(alias, at + 1)) {
          occurrences++;
          const covering = ms.find((m) => m.start <= at && at + alias.length <= m.end);
          assert.ok(covering, `${alias} at ${at} not covered in: ${line.slice(Math.max(0, at - 40), at + 40)}`);
          if (covering.entity.name === d.name) found = true;
        }
      }
      assert.ok(occurrences > 0, `${alias} does not occur in the seeds`);
      assert.ok(found, `${alias} never found as ${d.name}`);
    }
  }
});

test('spellings the seeds really use map to the right entity', () => {
  const cases: [string, string][] = [
    ['AI企業アントランピックに対し', 'Anthropic'],
    ['ドリオ・アモデイCEOに代わって', 'Dario Amodei'],
    ['by people like Lutnik and Bessent', 'Howard Lutnick'],
    ['psychohistory but it’s just about howard lutnick.', 'Howard Lutnick'],
    ['ハワード・ルットニック(商務長官):', 'Howard Lutnick'],
    ['ケイティ・ムッソウリスは', 'Katie Moussouris'],
    ['Amazon の CEO アンドリュー・ジャシー氏ら', 'Andy Jassy'],
    ['英国 AI 安全研究所(UK AISI)から', 'UK AI Security Institute'],
    ['英国 AI セキュリティ研究所は', 'UK AI Security Institute'],
    ['starting with Commerce and the Pentagon', 'US Department of Commerce'],
    ['戦争省からの挨拶', 'Department of War'],
    ['スージー・ワイルズ(ホワイトハウス首席補佐官)', 'Susie Wiles'],
    ['ミソス・モーメント', 'Claude Mythos 5'],
    ['their latest Claude 5 Mythos/Fable models', 'Claude Mythos 5'],
  ];
  for (const [text, name] of cases) {
    const first = catalog.findMentions(text).find((m) => m.entity.kind !== 'company' || name === 'Anthropic');
    assert.equal(first?.entity.name, name, text);
  }
});

test('ordinary words are not entities', () => {
  const prose = [
    'the conclusion of the fable',
    'Aesop’s Fables are short',
    'e-commerce and commerce grew',
    'E-Commerce grew',
    'CIAO and ciao',
    'Glass and glasswing butterflies',
    'the American mythos',
    'a trump card at daybreak in the corridor',
    'Anthropics is not a word',
    'the sonnet form',
  ];
  for (const text of prose) assert.deepEqual(shown(catalog.findMentions(text)), [], text);
  // The same words, capitalised as names, are entities.
  assert.deepEqual(shown(catalog.findMentions('Fable and Commerce and Daybreak')), [
    'Fable→Claude Fable 5',
    'Commerce→US Department of Commerce',
    'Daybreak→Daybreak',
  ]);
});

test('possessives and hyphenated compounds keep the name', () => {
  assert.deepEqual(shown(catalog.findMentions('Anthropic’s Mythos-class models and XBOW’s results')), [
    'Anthropic→Anthropic',
    'Mythos→Claude Mythos 5',
    'XBOW→XBOW',
  ]);
});

test('the longest match wins', () => {
  assert.deepEqual(shown(catalog.findMentions('Claude Mythos Preview beat Mythos Preview and Mythos.')), [
    'Claude Mythos Preview→Claude Mythos Preview',
    'Mythos Preview→Claude Mythos Preview',
    'Mythos→Claude Mythos 5',
  ]);
  assert.deepEqual(shown(catalog.findMentions('Claude Fable 5 is not just Fable')), [
    'Claude Fable 5→Claude Fable 5',
    'Fable→Claude Fable 5',
  ]);
  assert.deepEqual(shown(catalog.findMentions('President Trump administration officials')), [
    'Trump administration→Trump administration',
  ]);
  assert.deepEqual(shown(catalog.findMentions('ミソス・プレビュー')), ['ミソス・プレビュー→Claude Mythos Preview']);
});

test('mention finding is linear in the length of a line (1 MB of mentions in both languages)', () => {
  // Choosing among overlapping candidates compared each with every mention chosen so far: a 1 MB
  // line of mentions took about 12 s. Each piece is found the same wherever it stands in the line.
  const piece = 'Mythos and Anthropic met the Department of Commerce; 商務省はミソスを止めた。 ';
  const one = catalog.findMentions(piece);
  const copies = Math.ceil(1_000_000 / piece.length);
  const started = performance.now();
  const all = catalog.findMentions(piece.repeat(copies));
  const ms = performance.now() - started;
  assert.equal(all.length, one.length * copies);
  assert.deepEqual(shown(all.slice(-one.length)), shown(one));
  assert.ok(ms < 4000, `took ${Math.round(ms)} ms`);
});

test('width and case variants are folded; offsets point into the original text', () => {
  const text = '😀 ＸＢＯＷ tested mythos 5 and ﾐｿｽ';
  const ms = catalog.findMentions(text);
  assert.deepEqual(shown(ms), ['ＸＢＯＷ→XBOW', 'mythos 5→Claude Mythos 5', 'ﾐｿｽ→Claude Mythos 5']);
  for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(ms[0].start, 3);
});

test('spacing between Latin and Japanese is optional', () => {
  assert.deepEqual(shown(catalog.findMentions('英国AI安全研究所とTrump政権')), [
    '英国AI安全研究所→UK AI Security Institute',
    'Trump政権→Trump administration',
  ]);
  assert.deepEqual(shown(catalog.findMentions('Mythos  5 and サラヘック')), ['Mythos  5→Claude Mythos 5', 'サラヘック→Sarah Heck']);
});

test('katakana aliases do not match inside longer katakana words', () => {
  const c = EntityCatalog.fromEntries([{ name: 'Sol', kind: 'model', aliases: ['ソル'] }]);
  assert.deepEqual(shown(c.findMentions('ソルは速い')), ['ソル→Sol']);
  assert.deepEqual(shown(c.findMentions('コンソルとソルト')), []);
  // A longer alias may head a compound: `ミソスレベル` is Mythos-level.
  assert.deepEqual(shown(catalog.findMentions('ミソスレベルの能力')), ['ミソス→Claude Mythos 5']);
});

test('model names the catalog lacks are detected by pattern', () => {
  const text = 'Compare Claude Haiku 4.5, Gemini 3 Pro, Llama 4, Qwen3, DeepSeek-V4, Grok 5, GPT-4o-mini and o3.';
  const ms = catalog.findMentions(text);
  assert.deepEqual(
    ms.map((m) => m.text),
    ['Claude Haiku 4.5', 'Gemini 3 Pro', 'Llama 4', 'Qwen3', 'DeepSeek-V4', 'Grok 5', 'GPT-4o-mini', 'o3'],
  );
  for (const m of ms) {
    assert.equal(m.entity.kind, 'model');
    assert.equal(m.entity.detected, true);
    assert.equal(m.entity.name, m.text);
    assert.equal(m.entity.id, `model:${m.text.toLowerCase()}`);
  }
  const prose = 'See Table 5, Section 3 and Fig. 2: COVID-19 cases fell on June 12, and sonnet 18 is prose.';
  assert.deepEqual(shown(catalog.findMentions(prose)), []);
});

test('the catalog wins over the pattern, and longer model names win over shorter aliases', () => {
  const ms = catalog.findMentions('GLM-5.2, GLM 5.2, Claude Opus 4.8, GPT-5.5 Cyber and GPT-5.5 Turbo');
  assert.deepEqual(shown(ms), [
    'GLM-5.2→GLM-5.2',
    'GLM 5.2→GLM-5.2',
    'Claude Opus 4.8→Claude Opus 4.8',
    'GPT-5.5 Cyber→GPT-5.5 Cyber',
    'GPT-5.5 Turbo→GPT-5.5 Turbo',
  ]);
  assert.deepEqual(ms.map((m) => Boolean(m.entity.detected)), [false, false, false, false, true]);
  // A user catalog that only knows `Opus 4.8` still owns `Claude Opus 4.8`.
  const small = EntityCatalog.fromEntries([{ name: 'Opus', kind: 'model', aliases: ['Opus 4.8'] }]);
  assert.deepEqual(shown(small.findMentions('Claude Opus 4.8 ships')), ['Claude Opus 4.8→Opus']);
});

test('mentionAt finds the mention under an offset, its end included', () => {
  const text = 'Ask Howard Lutnick about it.';
  assert.equal(catalog.mentionAt(text, 4)?.entity.name, 'Howard Lutnick');
  assert.equal(catalog.mentionAt(text, 18)?.entity.name, 'Howard Lutnick');
  assert.equal(catalog.mentionAt(text, 3), undefined);
  assert.equal(catalog.mentionAt(text, 19), undefined);
});

test('byName accepts ids, names and aliases in either language', () => {
  assert.equal(catalog.byName('mythos')?.name, 'Claude Mythos 5');
  assert.equal(catalog.byName('商務省')?.name, 'US Department of Commerce');
  assert.equal(catalog.byName('project-glasswing')?.name, 'Project Glasswing');
  assert.equal(catalog.byName('UK AISI')?.name, 'UK AI Security Institute');
  assert.equal(catalog.byName('Gemini 4 Ultra')?.detected, true);
  assert.equal(catalog.byName('nobody in particular'), undefined);
});

test('extend merges by id or name and adds new entities', () => {
  const c = builtInCatalog();
  c.extend([
    { name: 'Anthropic', kind: 'company', aliases: ['Anthropic PBC', 'アンスロピック'] },
    { id: 'claude-mythos-5', name: 'Mythos five', kind: 'model', aliases: ['Mythos Five'] },
    { name: 'Acme Labs', kind: 'company', description: 'A lab.', aliases: ['Acme', 'アクメ'], caseSensitive: ['Acme'] },
  ]);
  assert.deepEqual(shown(c.findMentions('アンスロピック and Mythos Five and Acme, not acme; アクメは')), [
    'アンスロピック→Anthropic',
    'Mythos Five→Claude Mythos 5',
    'Acme→Acme Labs',
    'アクメ→Acme Labs',
  ]);
  assert.equal(c.get('acme-labs')?.description, 'A lab.');
  assert.equal(c.all().length, catalog.all().length + 1);
  // builtInCatalog() hands out fresh instances: the shared one is untouched.
  assert.deepEqual(shown(catalog.findMentions('Acme Labs')), []);
});

test('loadEntityFile reads a user file and explains bad ones', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entities-'));
  const good = path.join(dir, 'good.json');
  writeFileSync(good, JSON.stringify([{ name: 'Frontier Model Forum', kind: 'other', aliases: ['FMF', 'フロンティア・モデル・フォーラム'] }]));
  const c = builtInCatalog();
  c.extend(loadEntityFile(good));
  assert.deepEqual(shown(c.findMentions('フロンティア・モデル・フォーラムと FMF')), [
    'フロンティア・モデル・フォーラム→Frontier Model Forum',
    'FMF→Frontier Model Forum',
  ]);
  assert.equal(c.byName('FMF')?.id, 'frontier-model-forum');

  const write = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  assert.throws(() => loadEntityFile(write('broken.json', '[{"name": "X",')), /broken\.json: not valid JSON/);
  assert.throws(() => loadEntityFile(write('object.json', '{"name": "X"}')), /object\.json: expected a JSON array/);
  assert.throws(() => loadEntityFile(write('noname.json', '[{"kind": "model", "aliases": []}]')), /entry 1: "name" must be a non-empty string/);
  assert.throws(
    () => loadEntityFile(write('kind.json', '[{"name": "X", "kind": "planet", "aliases": []}]')),
    /entry 1 \("X"\): "kind" must be one of model, agency/,
  );
  assert.throws(
    () => loadEntityFile(write('aliases.json', '[{"name": "X", "kind": "model", "aliases": "X"}]')),
    /"aliases" must be an array of strings/,
  );
  assert.throws(() => loadEntityFile(path.join(dir, 'missing.json')), /missing\.json: cannot read entity file/);
});

test('katakana spellings the catalog lacks are read as the name one edit away, where a name stands', () => {
  const catalog = builtInCatalog();
  const found = (text: string) => catalog.findMentions(text).map((m) => [m.text, m.entity.name]);
  assert.deepEqual(found('ラトニック商務長官は書簡を送った'), [['ラトニック', 'Howard Lutnick']]);
  assert.deepEqual(found('アンスロピックのモデル'), [['アンスロピック', 'Anthropic']]);
  // The whole dotted name, though its first part alone is an alias.
  assert.deepEqual(found('ダリオ・アモディ氏が語った'), [['ダリオ・アモディ', 'Dario Amodei']]);
  // A short word without a title or dot is an ordinary word, not a misspelt name.
  assert.deepEqual(found('ファイルを開いてデータを読む'), []);
});

test('partOf: one entity inside another at any depth, in either order; siblings are not nested', () => {
  const catalog = builtInCatalog();
  const id = (name: string) => catalog.byName(name)!.id;
  assert.ok(catalog.nested(id('BIS'), id('US government')), 'BIS → Commerce → Trump administration → US government');
  assert.ok(catalog.nested(id('Trump administration'), id('White House')));
  assert.ok(!catalog.nested(id('US Department of Commerce'), id('Pentagon')), 'two departments are two actors');
  // A user's file can say it too, by name or id; a loop ends.
  const own = EntityCatalog.fromEntries([
    { name: 'Northridge Labs', kind: 'company', aliases: [], partOf: 'Northridge Holdings' },
    { name: 'Northridge Holdings', kind: 'company', aliases: [], partOf: 'northridge-labs' },
  ]);
  assert.ok(own.nested('northridge-labs', 'northridge-holdings'));
  assert.ok(!own.nested('northridge-labs', 'nobody'));
});
