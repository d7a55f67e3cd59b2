// The generated word lists are one line per headword: `headword<TAB>rest`. Read in one pass into
// a map of unparsed rests (each is parsed when first looked up), so loading stays cheap.
import { finish } from '../slices';

/** Lines read between two yields of `lineTableSteps` (a few milliseconds). */
const LINES_PER_STEP = 5_000;

export function lineTable(data: string): Map<string, string> {
  return finish(lineTableSteps(data));
}

/** `lineTable` in slices, for a background warm-up. */
export function* lineTableSteps(data: string): Generator<void, Map<string, string>> {
  const table = new Map<string, string>();
  let start = 0;
  let lines = 0;
  while (start < data.length) {
    let end = data.indexOf('\n', start);
    if (end < 0) end = data.length;
    const tab = data.indexOf('\t', start);
    if (tab > start && tab < end) table.set(data.slice(start, tab), data.slice(tab + 1, end));
    start = end + 1;
    if (++lines % LINES_PER_STEP === 0) yield;
  }
  return table;
}
