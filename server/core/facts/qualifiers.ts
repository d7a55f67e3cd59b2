// Qualifiers change what a number claims: `over 8 hours` and `4 時間以上` are different facts,
// `about 6 months` and `6 ヶ月` are the same one. They are read from the words around a fact.

export interface Qualified {
  approx?: boolean;
  bound?: 'min' | 'max';
  /** Offsets widened to include the qualifier words. */
  start: number;
  end: number;
}

const BEFORE =
  /(?:(?<![A-Za-z])(more than|over|above|at least|in excess of|upwards of|no fewer than|no less than|exceeding|(?:a )?minimum of)|(少なくとも|最低)|(?<![A-Za-z])(less than|fewer than|under|below|at most|up to|no more than|within|as (?:long|much|many|high) as|(?:a )?maximum of)|(最大|最長)|(?<![A-Za-z])(about|around|approximately|approx\.?|roughly|nearly|almost|some|circa)|(~|約|およそ|ほぼ|概ね))\s*$/i;

const AFTER =
  /^\s*(?:(以上|超え|超|を超える|を上回る)|(?<=\s|^)(or more|plus)(?![A-Za-z])|(以下|以内|未満|を下回る|足らず)|(?<=\s|^)(or less|or fewer)(?![A-Za-z])|(程度|ほど|前後|くらい|ぐらい|余り|近く)|(?<=\s|^)(or so)(?![A-Za-z]))/i;

// Verbs that take `over` as a particle (`hand over`, `take over`, `turn over`, `sign over`).
const PARTICLE_VERB = /\b(?:hand|turn|take|give|pass|sign|carry|hold|win|fork)(?:s|ed|ing|n|en)?\s+$|\b(?:took|gave|won|held|handed|signed)\s+$/i;

/** Qualifiers of the fact at [start, end) in `text`, looking no further back than `floor`. */
export function qualify(text: string, start: number, end: number, floor: number, ceiling: number): Qualified {
  const out: Qualified = { start, end };
  const before = BEFORE.exec(text.slice(Math.max(floor, start - 24), start));
  // The window may cut a word (`moreover` → `over`): the qualifier must start a word. And `over`
  // after a verb it belongs to (`hand over 5%`, `took over 40 staff`) is that verb's particle.
  const cut =
    before &&
    ((/^[A-Za-z]/.test(before[0]) && /[A-Za-z]/.test(text[start - before[0].length - 1] ?? '')) ||
      (/^over/i.test(before[0]) && PARTICLE_VERB.test(text.slice(Math.max(0, start - before[0].length - 16), start - before[0].length))));
  if (before && !cut) {
    out.start = start - before[0].length;
    if (before[1] || before[2]) out.bound = 'min';
    else if (before[3] || before[4]) out.bound = 'max';
    else out.approx = true;
  }
  const after = AFTER.exec(text.slice(end, Math.min(ceiling, end + 12)));
  if (after) {
    out.end = end + after[0].length;
    if (after[1] || after[2]) out.bound ??= 'min';
    else if (after[3] || after[4]) out.bound ??= 'max';
    else out.approx = true;
  }
  // Leading spaces matched before the qualifier are not part of the fact's text.
  while (out.start < start && /\s/.test(text[out.start])) out.start++;
  return out;
}
