// Citation formats, key parsing, front matter, the citation grammar and the localisation files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  bibliographyPathFromFrontMatter,
  citationEdits,
  cslEntry,
  parseCitationKeys,
  type TextEdit,
} from '../../server/core/citations';
import type { CatalogEntry, Passage, Position, Range } from '../../server/core/types';
import { ROOT } from '../helpers';

const verge: CatalogEntry = {
  title: 'Anthropic’s Mythos 5 is here',
  key: 'field2026mythos',
  outlet: 'The Verge',
  author: 'Hayden Field',
  date: '2026-06-12',
  url: 'https://www.theverge.com/ai/mythos-5',
};

function passage(over: Partial<Passage> = {}): Passage {
  return {
    id: 7,
    doc: 0,
    role: 'original',
    lang: 'en',
    text: 'Anthropic said Mythos 5 would be available to US agencies on July 1.',
    range: { start: { line: 40, character: 0 }, end: { line: 40, character: 69 } },
    paragraph: 4,
    aligned: [],
    ...over,
  };
}

/** A memo with a `$$` cursor marker → the text without it, and the marker's position. */
function withCursor(marked: string): { text: string; at: Position } {
  const offset = marked.indexOf('$$');
  const text = marked.replace('$$', '');
  const before = text.slice(0, offset).split('\n');
  return { text, at: { line: before.length - 1, character: before[before.length - 1].length } };
}

function offsetOf(text: string, p: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
  return offset + p.character;
}

/** Apply edits as an editor does: later positions first; same-position inserts in array order. */
function apply(text: string, edits: TextEdit[]): string {
  const indexed = edits.map((e, i) => ({ e, i, start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end) }));
  indexed.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of indexed) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}

function slice(text: string, r: Range): string {
  return text.slice(offsetOf(text, r.start), offsetOf(text, r.end));
}

test('pandoc style inserts [@key, ¶N] at the cursor and nothing else', () => {
  const { text, at } = withCursor('Mythos 5 ships on July 1$$.\n');
  const edits = citationEdits('pandoc', text, at, verge, passage());
  assert.equal(apply(text, edits), 'Mythos 5 ships on July 1 [@field2026mythos, ¶4].\n');
  assert.equal(edits.length, 1);
});

test('inline citations take a space after English text but not after Japanese', () => {
  const ja = '提供は7月1日から。';
  const at = { line: 0, character: ja.length - 1 };
  assert.equal(apply(ja, citationEdits('pandoc', ja, at, verge, passage())), '提供は7月1日から[@field2026mythos, ¶4]。');
  const en = 'Ships July 1.';
  assert.equal(apply(en, citationEdits('plain', en, { line: 0, character: 12 }, { title: 'T', key: 'k' }, passage())), 'Ships July 1 (T).');
});

test('pandoc style names a non-original role as the suffix', () => {
  const at = { line: 0, character: 0 };
  const of = (p: Partial<Passage>) => citationEdits('pandoc', '', at, verge, passage(p))[0].newText;
  assert.equal(of({ role: 'translation', lang: 'ja', paragraph: 9 }), '[@field2026mythos, ¶9, Japanese translation by the aggregator]');
  assert.equal(of({ role: 'summary' }), "[@field2026mythos, ¶4, aggregator's summary]");
  assert.equal(of({ role: 'analysis' }), "[@field2026mythos, ¶4, aggregator's commentary]");
  assert.equal(of({ role: 'related' }), "[@field2026mythos, ¶4, another article's blurb, listed as related]");
});

test('pandoc style braces a key Pandoc would otherwise cut short', () => {
  const odd = { ...verge, key: 'verge 2026 mythos' };
  assert.equal(citationEdits('pandoc', '', { line: 0, character: 0 }, odd, passage())[0].newText, '[@{verge 2026 mythos}, ¶4]');
});

test('plain style gives (Title, Outlet, Date) and leaves missing parts out cleanly', () => {
  const at = { line: 0, character: 0 };
  assert.equal(citationEdits('plain', '', at, verge, passage())[0].newText, '(Anthropic’s Mythos 5 is here, The Verge, 2026-06-12)');
  const bare: CatalogEntry = { title: 'Fable returns', key: 'fable2026return' };
  assert.equal(citationEdits('plain', '', at, bare, passage())[0].newText, '(Fable returns)');
  const noOutlet: CatalogEntry = { title: 'Fable returns', key: 'k', date: '2026-07' };
  assert.equal(citationEdits('plain', '', at, noOutlet, passage({ role: 'summary' }))[0].newText, "(Fable returns, 2026-07; aggregator's summary)");
});

test('plain style escapes Markdown in untrusted titles', () => {
  const nasty: CatalogEntry = { title: 'Ask *@openai* about [GPT-5.5](x) <b>', key: 'k' };
  assert.equal(
    citationEdits('plain', '', { line: 0, character: 0 }, nasty, passage())[0].newText,
    '(Ask \\*\\@openai\\* about \\[GPT-5.5\\]\\(x\\) \\<b\\>)',
  );
});

test('footnote style numbers after the existing [^1] and [^2] and appends the definition after one blank line', () => {
  const { text: memo, at } = withCursor(
    [
      '# Memo',
      '',
      '[^1]: First.',
      '[^2]: Second.',
      '',
      'Commerce approved it.[^1] Stamos agreed.[^2] Mythos 5 ships on July 1$$.',
      '',
      'More prose here.',
      '',
    ].join('\n'),
  );
  const result = apply(memo, citationEdits('footnote', memo, at, verge, passage()));
  assert.equal(
    result,
    [
      '# Memo',
      '',
      '[^1]: First.',
      '[^2]: Second.',
      '',
      'Commerce approved it.[^1] Stamos agreed.[^2] Mythos 5 ships on July 1[^3].',
      '',
      'More prose here.',
      '',
      '[^3]: Anthropic’s Mythos 5 is here, The Verge, 2026-06-12, ¶4. “Anthropic said Mythos 5 would be available to US agencies on July 1.” <https://www.theverge.com/ai/mythos-5>',
      '',
    ].join('\n'),
  );
});

test('footnote definition goes directly under the definitions the memo already ends with', () => {
  const memo = 'Claim one.[^1] Claim two.\n\n[^1]: Earlier source.\n';
  const at = { line: 0, character: 'Claim one.[^1] Claim two'.length };
  const result = apply(memo, citationEdits('footnote', memo, at, verge, passage({ role: 'translation', lang: 'ja', text: 'ミソス5は7月1日に提供される。' })));
  assert.equal(
    result,
    'Claim one.[^1] Claim two[^2].\n\n[^1]: Earlier source.\n[^2]: Anthropic’s Mythos 5 is here, The Verge, 2026-06-12, ¶4. “ミソス5は7月1日に提供される。” (Japanese translation by the aggregator) <https://www.theverge.com/ai/mythos-5>\n',
  );
});

test('footnote in a memo without a trailing newline gets exactly one blank line before its definition', () => {
  const memo = 'Mythos 5 ships on July 1.';
  const result = apply(memo, citationEdits('footnote', memo, { line: 0, character: 24 }, { title: 'T', key: 'k' }, passage({ text: 'Short.' })));
  assert.equal(result, 'Mythos 5 ships on July 1[^1].\n\n[^1]: T, ¶4. “Short.”\n');
});

test('footnote numbering ignores named labels and labels inside code', () => {
  const memo = 'See[^note] and[^4].\n\n```\n[^9]\n```\n\n[^note]: Named.\n[^4]: Four.\n';
  const edits = citationEdits('footnote', memo, { line: 0, character: 3 }, { title: 'T', key: 'k' }, passage({ text: 'x' }));
  assert.equal(edits[0].newText, '[^5]');
  assert.match(edits[1].newText, /^\n\[\^5\]: T, ¶4\. “x”$/);
});

test('footnote keeps CRLF memos in CRLF and leaves extra trailing blank lines alone', () => {
  const memo = 'Claim.\r\n\r\n\r\n';
  const edits = citationEdits('footnote', memo, { line: 0, character: 5 }, { title: 'T', key: 'k' }, passage({ text: 'x' }));
  assert.deepEqual(edits[1], { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '[^1]: T, ¶4. “x”\r\n' });
});

test('footnote quote is shortened and escaped; analysis is labelled as commentary', () => {
  const long = 'The *Commerce* Department said that ' + 'the model would be tested extensively before release '.repeat(4);
  const edits = citationEdits('footnote', 'x\n', { line: 0, character: 1 }, { title: 'T', key: 'k' }, passage({ role: 'analysis', text: long }));
  const definition = edits[1].newText;
  assert.match(definition, /“The \\\*Commerce\\\* Department said that the model .*…” \(aggregator's commentary\)\n$/);
  assert.ok(definition.length < 200, definition);
});

test('cslEntry fills id, type, title, container, author, issued and URL', () => {
  assert.deepEqual(cslEntry(verge), {
    id: 'field2026mythos',
    type: 'article-newspaper',
    title: 'Anthropic’s Mythos 5 is here',
    'container-title': 'The Verge',
    author: [{ family: 'Field', given: 'Hayden' }],
    issued: { 'date-parts': [[2026, 6, 12]] },
    URL: 'https://www.theverge.com/ai/mythos-5',
  });
  assert.deepEqual(cslEntry({ title: 'Fable returns', key: 'fable2026return', outlet: 'Substack', date: '2026-07' }), {
    id: 'fable2026return',
    type: 'webpage',
    title: 'Fable returns',
    'container-title': 'Substack',
    issued: { 'date-parts': [[2026, 7]] },
  });
  assert.deepEqual(cslEntry({ title: 'Untitled', key: 'u' }), { id: 'u', type: 'article', title: 'Untitled' });
});

test('cslEntry keeps Japanese names and organisations literal', () => {
  assert.deepEqual(cslEntry({ title: 't', key: 'k', author: '山田太郎' }).author, [{ literal: '山田太郎' }]);
  assert.deepEqual(cslEntry({ title: 't', key: 'k', author: 'Reuters Staff' }).author, [{ literal: 'Reuters Staff' }]);
  assert.deepEqual(cslEntry({ title: 't', key: 'k', author: 'Doe, Jane; Alex Stamos' }).author, [
    { family: 'Doe', given: 'Jane' },
    { family: 'Stamos', given: 'Alex' },
  ]);
});

test('parseCitationKeys finds bracketed, multiple, suppressed and in-text citations with exact key ranges', () => {
  const memo = [
    'Mythos ships July 1 [@field2026mythos, ¶3].',
    'Two views [see @a2026; -@b:x p. 4, and more].',
    'As @rezvani2026fable argues, and @doe99 [p. 33] too; see @doe99.',
    'Odd one [@{verge 2026}].',
  ].join('\n');
  const uses = parseCitationKeys(memo);
  assert.deepEqual(
    uses.map((u) => [u.key, u.locator, slice(memo, u.range), u.range.start.line]),
    [
      ['field2026mythos', '¶3', 'field2026mythos', 0],
      ['a2026', undefined, 'a2026', 1],
      ['b:x', 'p. 4', 'b:x', 1],
      ['rezvani2026fable', undefined, 'rezvani2026fable', 2],
      ['doe99', 'p. 33', 'doe99', 2],
      ['doe99', undefined, 'doe99', 2],
      ['verge 2026', undefined, 'verge 2026', 3],
    ],
  );
  assert.deepEqual(uses[0].range, { start: { line: 0, character: 22 }, end: { line: 0, character: 37 } });
});

test('parseCitationKeys ignores e-mail addresses, handles in URLs, escapes, code and front matter', () => {
  const memo = [
    '---',
    'author: "@nobody"',
    '---',
    'Write to press@anthropic.com or [policy@commerce.gov].',
    'See https://x.com/@stamos and \\@escaped and `@code` here.',
    '```',
    '@decorator',
    '```',
    'But [@real] counts.',
  ].join('\n');
  assert.deepEqual(parseCitationKeys(memo).map((u) => [u.key, u.range.start]), [['real', { line: 8, character: 6 }]]);
});

test('parseCitationKeys ranges are UTF-16 and survive CRLF line ends', () => {
  const memo = 'ミソス5は7月1日に提供 [@mythos2026cyber, ¶2]。\r\n次 @field2026mythos。';
  const uses = parseCitationKeys(memo);
  assert.deepEqual(uses.map((u) => [u.key, u.range]), [
    ['mythos2026cyber', { start: { line: 0, character: 15 }, end: { line: 0, character: 30 } }],
    ['field2026mythos', { start: { line: 1, character: 3 }, end: { line: 1, character: 18 } }],
  ]);
});

test('bibliographyPathFromFrontMatter reads scalar, quoted, block list and flow list forms', () => {
  assert.equal(bibliographyPathFromFrontMatter('---\ntitle: Memo\nbibliography: refs.json\n---\nBody'), 'refs.json');
  assert.equal(bibliographyPathFromFrontMatter('---\nbibliography: "my refs.json" # ours\n...\n'), 'my refs.json');
  assert.equal(bibliographyPathFromFrontMatter('---\nbibliography:\n  - old.bib\n  - refs/new.json\nlang: ja\n---\n'), 'refs/new.json');
  assert.equal(bibliographyPathFromFrontMatter('---\nbibliography: [a.bib, "b.bib"]\n---\n'), 'a.bib');
  assert.equal(bibliographyPathFromFrontMatter('---\ntitle: x\n---\nbibliography: body.json\n'), undefined);
  assert.equal(bibliographyPathFromFrontMatter('Body\n---\nbibliography: late.json\n---\n'), undefined);
  assert.equal(bibliographyPathFromFrontMatter('---\nbibliography: unclosed.json\n'), undefined);
});

// The citation grammar: TextMate runs it with Oniguruma; the patterns keep to the subset that
// JavaScript's RegExp reads the same way, so they are checked (and exercised) here.
const grammar = JSON.parse(readFileSync(path.join(ROOT, 'syntaxes', 'citations.injection.json'), 'utf8'));

function patternsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => patternsOf(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') out.push(v);
      else patternsOf(v, out);
    }
  }
  return out;
}

test('the citation grammar is declared for Markdown and every regex compiles', () => {
  assert.equal(grammar.scopeName, 'citation.injection.aipc');
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.ok(manifest.contributes.grammars.some((g: { scopeName: string }) => g.scopeName === grammar.scopeName));
  const patterns = patternsOf(grammar);
  assert.ok(patterns.length >= 6);
  for (const p of patterns) assert.doesNotThrow(() => new RegExp(p, 'u'), p);
  for (const include of JSON.stringify(grammar).match(/"#[\w-]+"/g) ?? []) {
    assert.ok(grammar.repository[include.slice(2, -1)], `missing repository rule ${include}`);
  }
});

test('the citation grammar scopes the key, the locator and the footnote label', () => {
  const keyRules = grammar.repository['citation-key'].patterns;
  const bareKey = new RegExp(keyRules[1].match, 'gu');
  assert.deepEqual([...'[@field2026mythos, ¶3] and @doe99.'.matchAll(bareKey)].map((m) => m[3]), ['field2026mythos', 'doe99']);
  assert.deepEqual([...'mail press@anthropic.com or x.com/@user'.matchAll(bareKey)], []);
  assert.equal(keyRules[1].name, 'entity.name.label.citation');
  assert.equal(keyRules[1].captures['3'].name, 'variable.other.citation-key');

  const group = grammar.repository['citation-group'];
  assert.ok(new RegExp(group.begin, 'u').test('Ships July 1 [@field2026mythos, ¶3].'));
  assert.ok(!new RegExp(group.begin, 'u').test('Write to [press@anthropic.com] now.'));
  assert.ok(!new RegExp(group.begin, 'u').test('A link [@handle](https://x.com/handle).'));
  const locator = group.patterns.find((p: { captures?: Record<string, { name: string }> }) => p.captures?.['2']?.name === 'constant.numeric');
  assert.equal(new RegExp(locator.match, 'u').exec(', ¶3]')?.[2], '¶3');
  assert.equal(new RegExp(locator.match, 'u').exec(', pp. 33-35]')?.[2], 'pp. 33-35');

  const footnote = grammar.repository['footnote-marker'];
  const m = new RegExp(footnote.match, 'u').exec('shipped.[^12] more');
  assert.deepEqual([m?.[1], m?.[2], m?.[3], m?.[5]], ['[', '^', '12', ']']);
  assert.equal(footnote.captures['3'].name, 'constant.numeric');
});

// Localisation: every %placeholder% of the manifest has an English and a Japanese string, and
// the client's UI strings all have Japanese translations that keep their {n} arguments.
test('package.nls.json and package.nls.ja.json cover exactly the manifest placeholders', () => {
  const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const placeholders = new Set([...manifest.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]));
  assert.ok(placeholders.has('displayName') && placeholders.has('config.citation.style.footnote'));
  for (const file of ['package.nls.json', 'package.nls.ja.json']) {
    const nls = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(nls).sort(), [...placeholders].sort(), file);
    for (const [k, v] of Object.entries(nls)) assert.ok(v.trim().length > 0, `${file}: ${k} is empty`);
  }
  const ja = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
  assert.match(ja['command.insertCitation'], /[\u3040-\u30ff\u4e00-\u9fff]/);
});

// Every string the client passes to vscode.l10n.t, read from its sources, so the bundle can
// neither miss a new string nor keep a stale one.
const UI_STRINGS = readdirSync(path.join(ROOT, 'client'))
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => [...readFileSync(path.join(ROOT, 'client', f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]))
  .filter((s, i, all) => all.indexOf(s) === i);

test('the Japanese l10n bundle translates every client string and keeps its arguments', () => {
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  assert.ok(UI_STRINGS.includes('Indexing sources…'), 'the client sources were not read');
  assert.deepEqual(Object.keys(bundle).sort(), [...UI_STRINGS].sort());
  for (const english of UI_STRINGS) {
    const japanese = bundle[english];
    assert.match(japanese, /[\u3040-\u30ff\u4e00-\u9fff]/, english);
    assert.deepEqual(japanese.match(/\{\d\}/g)?.sort() ?? [], english.match(/\{\d\}/g)?.sort() ?? [], english);
  }
});

test('a Pandoc citation this module inserts parses back to its key and paragraph', () => {
  const memo = `Ships July 1${citationEdits('pandoc', 'Ships July 1', { line: 0, character: 12 }, verge, passage({ role: 'summary', paragraph: 2 }))[0].newText}.`;
  assert.deepEqual(parseCitationKeys(memo).map((u) => [u.key, u.locator]), [['field2026mythos', '¶2']]);
});
