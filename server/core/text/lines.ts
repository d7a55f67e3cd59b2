// Offsets ↔ LSP positions. One line-break rule everywhere, LSP's: \n, \r\n and a lone \r each
// end a line.
import type { Position, Range } from '../types';

const LINE_BREAK = /\r\n|\r|\n/;

/** The lines of a text, without their line breaks. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** The position `offset` characters into `text`, which starts at `start` in its file. */
export function positionAfter(start: Position, text: string, offset: number): Position {
  const lines = splitLines(text.slice(0, offset));
  if (lines.length === 1) return { line: start.line, character: start.character + offset };
  return { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue;
      if (ch === 10 || ch === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** Offset of a position, clamped to its line as editors do. */
  offset(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.starts.length - 1);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    while (end > this.starts[line] && /[\r\n]/.test(this.text[end - 1])) end--;
    return Math.min(this.starts[line] + Math.max(position.character, 0), end);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The line break the memo already uses, so inserted lines match it. */
  eol(): string {
    return /\r\n/.test(this.text) ? '\r\n' : '\n';
  }
}
