// Text from files that reaches Markdown or a notification: keys, titles and file names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignKeys, baseKey, citableKey } from '../../server/core/catalog';
import { escapeMarkdown, inertLinks } from '../../server/core/citations/markdown';

test('a catalog key that is not a Pandoc key is cleaned before it can reach a citation', () => {
  assert.equal(citableKey('quill2026audit'), 'quill2026audit');
  assert.equal(citableKey('doe:2020/a.b'), 'doe:2020/a.b');
  assert.equal(citableKey('x](command:workbench.action.terminal.new)'), 'xcommand:workbench.action.terminal.new');
  assert.equal(citableKey('  smith 2020, p. 3 '), 'smith2020p.3');
  assert.equal(citableKey('[]()'), undefined);
  const keys = assignKeys([
    { entry: { title: 'A title', key: '@[evil](command:x)' }, name: 'a.md' },
    { entry: { title: 'Another title', key: '))' }, name: 'b.md' },
  ]);
  assert.deepEqual(keys, ['evilcommand:x', baseKey({ title: 'Another title' }, 'b.md')], 'nothing usable left: the inferred key');
  for (const key of keys) assert.match(key, /^[\p{L}\p{N}_]+(?:[:.#$%&\-+?~/]+[\p{L}\p{N}_]+)*$/u);
});

test('escaped link text keeps its parentheses escaped, so a second reading finds no link', () => {
  const escaped = escapeMarkdown('[t](command:workbench.action.terminal.new)');
  assert.equal(escaped, '\\[t\\]\\(command:workbench.action.terminal.new\\)');
  assert.doesNotMatch(escaped.replace(/\\(.)/g, '$1').replace(/[[\]()]/g, (c) => `\\${c}`), /[^\\]\]\(/);
});

test('file names in notifications cannot form a [label](command:…) link', () => {
  assert.equal(inertLinks('/tmp/[x](command:workbench.action.terminal.new)/refs.json is read-only'), '/tmp/[x] (command:workbench.action.terminal.new)/refs.json is read-only');
  assert.doesNotMatch(inertLinks('a](b ]  (c'), /\]\(/);
});
