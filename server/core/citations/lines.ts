// Offsets ↔ LSP positions for a memo. LSP ends lines at \n, \r\n or a lone \r.
import type { Position, Range } from '../types';

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
