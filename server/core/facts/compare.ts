// Comparing facts for the verdict: a claim's fact and a passage's fact of the same kind either
// agree or contradict. Dates compare what both state (a claim without a year matches a passage
// with one); numbers compare as intervals, widened for approximations and ranges.
import { japaneseWords } from '../dictionary/edict';
import { wordKey } from '../dictionary/stem';
import type { Fact } from './types';

/** Relative tolerance of `about`/`約`: `about 6 months` agrees with 5.5 months, not with 5. */
const APPROX_TOLERANCE = 0.1;
/** Months against days or weeks: `1 month` and `30 days` differ by 1.4% and mean the same. */
const CALENDAR_TOLERANCE = 0.03;
const EXACT_TOLERANCE = 1e-9;

interface DateParts {
  year?: string;
  month?: string;
  day?: string;
}

function dateParts(key: string): DateParts | undefined {
  const m = /^date:(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(key);
  if (!m) return undefined;
  return { year: m[1] === '-' ? undefined : m[1], month: m[2], day: m[3] };
}

/** The granularity of a date fact: `weekday`, `day`, `month` or `year`. */
function dateGrain(fact: Fact): string {
  if (fact.key.startsWith('weekday:')) return 'weekday';
  const parts = dateParts(fact.key);
  if (parts?.day) return 'day';
  return parts?.month ? 'month' : 'year';
}

/**
 * Keys of what a count counts, in either language: an English noun's stem (`evaluations` →
 * `evalu`), or the dictionary glosses of a Japanese noun's head, its last word (`独立評価` →
 * 評価 → `evalu`, `valuat`, …), so that `4 つの独立評価` and `two independent evaluations` count
 * the same thing.
 */
function countedKeys(unit: string): string[] {
  if (!/[\u3040-\u9fff]/.test(unit)) return [wordKey(unit)];
  return (japaneseWords(unit).at(-1)?.english ?? []).filter((e) => e.length > 2).map(wordKey);
}

function sameThing(a: string, b: string): boolean {
  const keys = countedKeys(a);
  return countedKeys(b).some((k) => keys.includes(k));
}

/**
 * Two facts speak about the same quantity, so that different values contradict: same kind, same
 * currency or counted thing, and for dates the same granularity (`June 12` and `March 2026` are
 * not rival answers to one question; neither are a date and a weekday).
 */
export function sameKind(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'date':
      return dateGrain(a) === dateGrain(b);
    case 'amount':
      return a.unit !== undefined && a.unit === b.unit;
    case 'count':
      return a.unit !== undefined && b.unit !== undefined && (a.unit === b.unit || sameThing(a.unit, b.unit));
    case 'ratio':
      // A share (`6 of 10`) and a multiple (`3 times`) answer different questions.
      return a.unit === b.unit;
    default:
      return true;
  }
}

/**
 * Whether two facts of the same kind are consistent. Dates: every part both state is equal.
 * Numbers: two facts bounded the same way (`over 8 hours`, `4 時間以上`) agree only on the same
 * value; opposite bounds never agree; a bound agrees with any value it admits; otherwise values
 * agree when their intervals (approximations widened by 10%, ranges as written) overlap.
 */
export function factsAgree(a: Fact, b: Fact): boolean {
  if (!sameKind(a, b)) return false;
  if (a.kind === 'date') return datesAgree(a, b);
  if (a.value === undefined || b.value === undefined) return a.key === b.key;
  const tolerance = a.kind === 'duration' && isCalendar(a) !== isCalendar(b) ? CALENDAR_TOLERANCE : EXACT_TOLERANCE;
  if (a.bound && b.bound) {
    return a.bound === b.bound && near(a.value, b.value, Math.max(tolerance, a.approx || b.approx ? APPROX_TOLERANCE : 0));
  }
  if (a.bound) return admits(a, interval(b, tolerance));
  if (b.bound) return admits(b, interval(a, tolerance));
  const [lowA, highA] = interval(a, tolerance);
  const [lowB, highB] = interval(b, tolerance);
  return lowA <= highB && lowB <= highA;
}

function datesAgree(a: Fact, b: Fact): boolean {
  if (a.key.startsWith('weekday:') || b.key.startsWith('weekday:')) return a.key === b.key;
  const pa = dateParts(a.key);
  const pb = dateParts(b.key);
  if (!pa || !pb) return false;
  return (['year', 'month', 'day'] as const).every((part) => pa[part] === undefined || pb[part] === undefined || pa[part] === pb[part]);
}

function isCalendar(fact: Fact): boolean {
  return /(?:mo|y)(?:\.\.|$)/.test(fact.key);
}

function near(x: number, y: number, tolerance: number): boolean {
  return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
}

/** The values a fact without a bound stands for. */
function interval(fact: Fact, tolerance: number): [number, number] {
  const low = fact.value!;
  const high = fact.high ?? low;
  const widen = Math.max(tolerance, fact.approx ? APPROX_TOLERANCE : 0);
  return [low * (1 - widen), high * (1 + widen)];
}

/** Whether a bounded fact (`over 8 hours`) admits some value of an interval. */
function admits(bounded: Fact, [low, high]: [number, number]): boolean {
  return bounded.bound === 'min' ? high >= bounded.value! : low <= bounded.value!;
}
