// The YAML front matter of a memo: where it ends, and the bibliography it names.
import { splitLines } from '../text';

/**
 * Length of the front matter block (`---` on the first line up to a closing `---` or `...`
 * line), or 0 when the memo has none.
 */
export function frontMatterLength(memoText: string): number {
  const open = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.exec(memoText);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/gm;
  close.lastIndex = open[0].length;
  const m = close.exec(memoText);
  return m ? m.index + m[0].length : 0;
}

/**
 * The bibliography named in the front matter: `bibliography: refs.json`, quoted, or a list
 * (block `- a.json` items or flow `[a.json, b.bib]`). With several files the first CSL-JSON one
 * wins, since that is the only kind this extension writes; otherwise the first.
 */
export function bibliographyPathFromFrontMatter(memoText: string): string | undefined {
  const length = frontMatterLength(memoText);
  if (length === 0) return undefined;
  const lines = splitLines(memoText.slice(0, length)).slice(1);
  const at = lines.findIndex((l) => /^bibliography[ \t]*:/.test(l));
  if (at < 0) return undefined;
  const value = stripComment(lines[at].replace(/^bibliography[ \t]*:/, '')).trim();
  let paths: string[];
  if (value.startsWith('[')) paths = value.replace(/^\[|\]$/g, '').split(',');
  else if (value !== '') paths = [value];
  else paths = blockList(lines.slice(at + 1));
  const clean = paths.map(unquote).filter((p) => p.length > 0);
  return clean.find((p) => /\.json$/i.test(p)) ?? clean[0];
}

function blockList(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    const m = /^[ \t]*-[ \t]+(.*)$/.exec(line);
    if (m) items.push(stripComment(m[1]));
    else if (line.trim() !== '') break;
  }
  return items;
}

// A YAML comment starts at ` #`; a `#` glued to text (`refs#1.json`) is part of the value.
function stripComment(value: string): string {
  return value.replace(/(^|[ \t])#.*$/, '');
}

function unquote(value: string): string {
  const v = value.trim();
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}
