// Which CSL-JSON file a memo's Pandoc citations go to (and whose keys count as known): the
// memo's front matter `bibliography:` (relative to the memo's folder) in a trusted workspace,
// else the setting, relative to the workspace folder holding the memo.
import * as path from 'node:path';
import { bibliographyPathFromFrontMatter } from './frontMatter';

export interface MemoPlace {
  /** The memo's file, when it is saved as one. */
  memoPath?: string;
  memoText: string;
  /** The workspace folders. */
  roots: readonly string[];
  /** False in an untrusted workspace: a memo cannot point at a file of its choosing. */
  trusted: boolean;
  /** The `citation.bibliography` setting. */
  setting: string;
}

/** The bibliography file of a memo; undefined when neither the memo nor the setting can be placed. */
export function bibliographyPath(place: MemoPlace): string | undefined {
  const { memoPath, roots } = place;
  const root = memoPath ? (roots.find((r) => isInside(memoPath, r)) ?? roots[0]) : roots[0];
  const named = place.trusted ? bibliographyPathFromFrontMatter(place.memoText) : undefined;
  if (named) {
    if (path.isAbsolute(named)) return named;
    const base = memoPath ? path.dirname(memoPath) : root;
    return base ? path.resolve(base, named) : undefined;
  }
  if (path.isAbsolute(place.setting)) return place.setting;
  return root ? path.resolve(root, place.setting) : undefined;
}

/** Whether `file` lies below `folder` (not the folder itself). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
