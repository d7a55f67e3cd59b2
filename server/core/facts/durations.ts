// Durations: `14 days`, `2 週間`, `two weeks`, `ten-day`, `16hrs`, `四十年`, and ranges
// (`six- to 12-month`, `6 ヶ月から 12 ヶ月`, `8.5 時間〜55 時間`). Values are seconds; months and
// years use the mean Gregorian month so that `12 months` = `1 year` exactly.
import { DIGITS, KANJI, NUMBER, WORDS, clean, formatNumber, parseNumber } from './numbers';
import type { Found } from './types';

const SECOND = 1;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;
const MONTH = 2629746;
const YEAR = 12 * MONTH;

const EN_UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|mos?|years?|yrs?)(?![A-Za-z])`;
// `分` is a minute unless it starts `分の` (a fraction); bare `日` is a duration only before a
// word that makes it one (`10日以内`), otherwise it is a day of the month.
const JA_UNIT = String.raw`(?:秒間?|分間?(?!の)|時間|日間|日(?=以内|以上|未満|後|前|ほど|程度|余り)|週間|[ヶヵかカケ箇個]月間?|年間?)`;
// Kanji numerals are read only before units that cannot make a word with them (`十分` means
// "enough", `一日` may be the first of the month).
const KANJI_UNIT = String.raw`(?:時間|日間|週間|[ヶヵかカケ箇個]月間?|年間?)`;

const UNIT = `(?:${EN_UNIT}|${JA_UNIT})`;
// `a month` is one month where a length of time is meant: after a verb or preposition of time
// (`lasts a month`, `for a year`, `within a week`), not in `once a week` or `a day later`.
const ARTICLE = /(?<=\b(?:lasts?|lasted|lasting|for|within|takes?|took|taking|in under|under|over|nearly|about|almost)\s)an?\s+(second|minute|hour|day|week|month|year)\b(?!\s+(?:later|earlier|ago|before|after))/gi;
const SEP = String.raw`(?:\s*-?\s*(?:to|through|–|—|〜|~|から)\s*|\s*[-–]\s*)`;

const SINGLE = new RegExp(`(${DIGITS}|${WORDS})\\s*-?\\s*(${UNIT})|(${KANJI})(${KANJI_UNIT})`, 'gi');
const RANGE = new RegExp(`(${NUMBER})(?:\\s*-?\\s*(${UNIT}))?${SEP}(${NUMBER})\\s*-?\\s*(${UNIT})`, 'gi');

function unitSeconds(unit: string): number | undefined {
  const u = unit.toLowerCase();
  if (/^(?:秒|s)/.test(u)) return SECOND;
  if (/^(?:分|mi)/.test(u)) return MINUTE;
  if (/^(?:時|h)/.test(u)) return HOUR;
  if (/^(?:日|d)/.test(u)) return DAY;
  if (/^(?:週|w)/.test(u)) return WEEK;
  if (/^(?:[ヶヵかカケ箇個]?月|mo)/.test(u)) return MONTH;
  if (/^(?:年|y)/.test(u)) return YEAR;
  return undefined;
}

/** `14d`, `8h`, `90min`, `6mo`, `40y`: the largest unit that divides the value evenly. */
export function durationLabel(seconds: number, calendar: boolean): string {
  if (calendar) {
    const months = clean(seconds / MONTH);
    return Number.isInteger(months / 12) ? `${formatNumber(months / 12)}y` : `${formatNumber(months)}mo`;
  }
  for (const [size, label] of [[DAY, 'd'], [HOUR, 'h'], [MINUTE, 'min']] as const) {
    if (Number.isInteger(clean(seconds / size))) return `${formatNumber(seconds / size)}${label}`;
  }
  return `${formatNumber(seconds)}s`;
}

function durationFact(low: number, high: number | undefined, unit: number, start: number, end: number): Found {
  const calendar = unit >= MONTH;
  const value = clean(low * unit);
  const label = durationLabel(value, calendar);
  if (high === undefined) return { kind: 'duration', key: `duration:${label}`, value, unit: 'seconds', start, end };
  const top = clean(high * unit);
  return { kind: 'duration', key: `duration:${label}..${durationLabel(top, calendar)}`, value, high: top, unit: 'seconds', start, end };
}

const HINT = /[秒分時日週月年]|sec|min|hour|hrs?\b|\dh\b|day|week|wks?\b|mos?\b|month|year|yrs?\b/i;

export function findDurations(text: string): Found[] {
  const found: Found[] = [];
  if (!HINT.test(text)) return found;
  for (const m of text.matchAll(RANGE)) {
    const unit = unitSeconds(m[4]);
    const first = m[2] ? unitSeconds(m[2]) : unit;
    const low = parseNumber(m[1]);
    const high = parseNumber(m[3]);
    if (unit === undefined || first !== unit || low === undefined || high === undefined || low >= high) continue;
    found.push(durationFact(low, high, unit, m.index!, m.index! + m[0].length));
  }
  for (const m of text.matchAll(ARTICLE)) {
    const unit = unitSeconds(m[1]);
    if (unit !== undefined) found.push(durationFact(1, undefined, unit, m.index!, m.index! + m[0].length));
  }
  for (const m of text.matchAll(SINGLE)) {
    const unit = unitSeconds(m[2] ?? m[4]);
    const n = parseNumber(m[1] ?? m[3]);
    if (unit === undefined || n === undefined || n === 0) continue;
    // A four-digit year followed by 年 is a date (`2026年`), not 2,026 years.
    if (unit === YEAR && n >= 1000) continue;
    // `午後5時21分` is a clock time, not 21 minutes.
    if (unit === MINUTE && /\d\s*時\s*$/.test(text.slice(Math.max(0, m.index! - 6), m.index!))) continue;
    found.push(durationFact(n, undefined, unit, m.index!, m.index! + m[0].length));
  }
  return found;
}
