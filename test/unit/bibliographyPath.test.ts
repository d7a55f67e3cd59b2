// Which bibliography a memo's citations go to: the front matter's (trusted only), else the setting.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { bibliographyPath } from '../../server/core/citations/bibliographyPath';

const root = path.resolve('/work/space');
const memoPath = path.join(root, 'memos', 'memo.md');
const withFrontMatter = '---\nbibliography: refs.json\n---\nText.\n';

test('the front matter names the file relative to the memo; untrusted, the setting relative to the workspace folder', () => {
  const place = { memoPath, memoText: withFrontMatter, roots: [root], setting: 'references.json' };
  assert.equal(bibliographyPath({ ...place, trusted: true }), path.join(root, 'memos', 'refs.json'));
  assert.equal(bibliographyPath({ ...place, trusted: false }), path.join(root, 'references.json'));
});

test('an unsaved memo without a workspace folder has no bibliography unless a path is absolute', () => {
  assert.equal(bibliographyPath({ memoText: 'Text.', roots: [], trusted: true, setting: 'references.json' }), undefined);
  const absolute = path.join(root, 'abs.json');
  assert.equal(bibliographyPath({ memoText: 'Text.', roots: [], trusted: true, setting: absolute }), absolute);
});
