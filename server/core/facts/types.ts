// Fact shapes shared by the extractors, the comparison helpers and their callers.

export type FactKind = 'date' | 'time' | 'amount' | 'count' | 'percent' | 'ratio' | 'duration';

export interface Fact {
  kind: FactKind;
  /**
   * Comparable normalised key: equal keys = same fact value. The key holds the value only, not
   * its qualifiers (`over 8 hours` and `8 時間` share `duration:8h`); compare with `factsAgree`.
   * Forms: `date:2026-06-12`, `date:--06-12` (year unknown), `date:2026-03`, `date:--04`,
   * `date:2026`, `weekday:fri`, `amount:usd:15000000000`, `count:tokens:2500000`, `percent:99`,
   * `ratio:6/10`, `ratio:x3` (three times), `duration:14d`, `duration:6mo..1y` (a range).
   */
  key: string;
  /**
   * Numeric value where meaningful: an amount in units of `unit`, a count, a percent, a ratio as
   * a fraction, a duration in seconds (the low end of a range). Dates have none.
   */
  value?: number;
  /** High end of a range (`6 to 12 months`, `8.5 時間〜55 時間`), same units as `value`. */
  high?: number;
  /** `USD`, `JPY`, … for amounts; the thing counted for counts (`tokens`, `people`, `ranges`). */
  unit?: string;
  /** Written as an approximation: `約`, `about`, `around`, `~`, `程度`. */
  approx?: boolean;
  /** `min`: `over`, `more than`, `at least`, `以上`, `超`; `max`: `under`, `less than`, `以内`, `未満`. */
  bound?: 'min' | 'max';
  /** The exact text as written (qualifiers included), and its UTF-16 offsets in the input. */
  text: string;
  start: number;
  end: number;
}

/** A fact found in normalised text, before qualifiers and original offsets are attached. */
export type Found = Omit<Fact, 'text' | 'approx' | 'bound'>;
