// Appending one array to another without `push(...items)`, which passes every item as an argument
// and overflows the call stack past about 120,000 of them (one long line holds that many sentences).

/** Appends `items` to `target` in place and returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** An Int32Array that grows by doubling as numbers are pushed (postings, per-file columns). */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** A copy of the numbers pushed so far, exactly as long as they are. */
  take(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** In `values` sorted ascending, from `from` to `to - 1`: the first index whose value is at least `value` (`to` when none is). */
export function lowerBound(values: ArrayLike<number>, value: number, from = 0, to = values.length): number {
  while (from < to) {
    const mid = (from + to) >> 1;
    if (values[mid] < value) from = mid + 1;
    else to = mid;
  }
  return from;
}

/** In `values` sorted ascending, from `from` to `to - 1`: the first index whose value is greater than `value` (`to` when none is). */
export function upperBound(values: ArrayLike<number>, value: number, from = 0, to = values.length): number {
  while (from < to) {
    const mid = (from + to) >> 1;
    if (values[mid] <= value) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * `values[from]`…`values[to - 1]` as a plain array exactly that long. An array grown by `push`
 * keeps spare room (17 slots after a first push): kept per passage, as alignments are, that was
 * most of their memory.
 */
export function numbersFrom(values: ArrayLike<number>, from = 0, to = values.length): number[] {
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = values[i];
  return out;
}
