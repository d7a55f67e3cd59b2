// Markdown footnotes in a memo: the next free number, and where a new definition goes.
import type { Position } from '../types';
import { maskNonProse } from './keys';
import { LineIndex, splitLines } from '../text';

/**
 * The number after the highest numeric footnote label used as a marker or a definition.
 * Named labels (`[^note]`) take no number. Taking the maximum, not the first gap, keeps notes
 * in the order they were written; a label seen only in code is masked out first.
 */
export function nextFootnoteNumber(memoText: string): number {
  let max = 0;
  for (const m of maskNonProse(memoText).matchAll(/\[\^(\d+)\]/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

const DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/;

/**
 * Where to insert a footnote definition line, and the text to insert (line breaks included),
 * so that it lands at the end of the memo after exactly one blank line, or directly under the
 * memo's last definition when the memo already ends with its footnotes. Nothing already in the
 * memo is changed: only text is inserted.
 */
export function definitionInsertion(memoText: string, definition: string): { at: Position; text: string } {
  const lines = new LineIndex(memoText);
  const eol = lines.eol();
  const body = memoText.replace(/\s+$/, '');
  if (body === '') return { at: lines.position(memoText.length), text: definition + eol };
  if (endsWithDefinition(body)) return { at: lines.position(body.length), text: eol + definition };
  const trailing = memoText.slice(body.length);
  const breaks = trailing.match(/\r\n|\r|\n/g)?.length ?? 0;
  const prefix = breaks >= 2 ? '' : eol.repeat(2 - breaks);
  return { at: lines.position(memoText.length), text: prefix + definition + eol };
}

/** Whether the last block of the memo is a footnote definition (with any indented continuation). */
function endsWithDefinition(body: string): boolean {
  const lines = splitLines(body);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (DEFINITION.test(lines[i])) return true;
    if (lines[i].trim() === '') continue;
    if (!/^(?: {4}|\t)/.test(lines[i])) return false;
  }
  return false;
}
