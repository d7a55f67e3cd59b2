// Calendar dates and weekdays in both languages. Keys leave out what the text leaves out
// (`date:--06-12` when the year is unknown), so that `6月12日` meets `June 12, 2026`.
import type { Found } from './types';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'];

// Capitalised only: `may` the verb and `march` the verb are not months.
const MONTH = `(?:${MONTH_NAMES.join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.?)(?![A-Za-z])`;
// `July 8: customers…` is a timeline entry; `June 12:30` would be a time.
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d)`;
const YEAR = String.raw`((?:19|20)\d{2})(?!\d)`;
// Words after which a bare month or year is a date (`in April`, `since 2025`), either case.
const MONTH_PREPOSITION = `\\b(?:${['in', 'since', 'until', 'till', 'by', 'during', 'from', 'through', 'early', 'late', 'mid', 'last', 'next', 'this', 'before', 'after', 'of']
  .map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`)
  .join('|')})[\\s-]+`;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const JA_WEEKDAYS = '日月火水木金土';

interface DatePattern {
  re: RegExp;
  read(m: RegExpMatchArray): { year?: string; month: string | number; day?: string } | undefined;
}

const PATTERNS: DatePattern[] = [
  // 2026-06-12, 2026/6/12
  { re: /(?<![\d.\/-])((?:19|20)\d{2})[-\/.](\d{1,2})[-\/.](\d{1,2})(?![\d\/-])/g, read: (m) => ({ year: m[1], month: m[2], day: m[3] }) },
  // 2026年6月12日, 6 月 12 日
  { re: /(?<!\d)(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?!間)/g, read: (m) => ({ year: m[1], month: m[2], day: m[3] }) },
  // 2026 年 3 月
  { re: /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!間)/g, read: (m) => ({ year: m[1], month: m[2] }) },
  // 4月 (a month with no year; `6 ヶ月` is a duration and never matches: the digit must touch 月)
  { re: /(?<![\d.])(\d{1,2})\s*月(?!間)/g, read: (m) => ({ month: m[1] }) },
  // 2026年
  { re: /(?<![\d.])((?:19|20)\d{2})\s*年(?![間代度])/g, read: (m) => ({ year: m[1], month: 0 }) },
  // June 12, June 12th, July 1, 2026
  { re: new RegExp(`(${MONTH})\\s+${DAY}(?:,?\\s+${YEAR})?`, 'g'), read: (m) => ({ month: m[1], day: m[2], year: m[3] }) },
  // 12 June, 12th of June 2026
  { re: new RegExp(`(?<![\\d.,])${DAY}\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+${YEAR})?`, 'g'), read: (m) => ({ day: m[1], month: m[2], year: m[3] }) },
  // March 2026
  { re: new RegExp(`(${MONTH}),?\\s+(?:of\\s+)?${YEAR}`, 'g'), read: (m) => ({ month: m[1], year: m[2] }) },
  // in April
  { re: new RegExp(`(?<=${MONTH_PREPOSITION})(${MONTH})`, 'g'), read: (m) => ({ month: m[1] }) },
  // in 2026
  { re: new RegExp(`(?<=${MONTH_PREPOSITION})${YEAR}(?![\\d%]|[.,]\\d|\\s*(?:years?|年))`, 'g'), read: (m) => ({ year: m[1], month: 0 }) },
  // 6/12, 6/12/2026 (month first), but not `3/10 attempts`, which is a ratio
  {
    re: /(?<![\w\/.])(\d{1,2})\/(\d{1,2})(?:\/((?:19|20)?\d{2}))?(?![\d\/%])(?!\s*(?:attempts?|tries|trials|runs|times|of\b|回|の|分))/g,
    read: (m) => ({ month: m[1], day: m[2], year: m[3] && m[3].length === 2 ? `20${m[3]}` : m[3] }),
  },
];

function monthNumber(month: string | number): number {
  if (typeof month === 'number') return month;
  if (/^\d+$/.test(month)) return Number(month);
  const prefix = month.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((name) => name.slice(0, 3).toLowerCase() === prefix) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `date:2026-06-12`, `date:--06-12`, `date:2026-03`, `date:--04`, `date:2026`; undefined if invalid. */
function dateKey(year: string | undefined, month: number, day: string | undefined): string | undefined {
  if (month === 0) return year ? `date:${year}` : undefined;
  if (month < 1 || month > 12) return undefined;
  const y = year ?? '-';
  if (day === undefined) return `date:${y}-${pad(month)}`;
  const d = Number(day);
  if (d < 1 || d > 31) return undefined;
  return `date:${y}-${pad(month)}-${pad(d)}`;
}

// A date needs a digit touching a date separator, a month name or a weekday.
const HINT = new RegExp(`\\d\\s*[年月/.-]|(?:19|20)\\d\\d|${MONTH}|day|曜`);

export function findDates(text: string): Found[] {
  const found: Found[] = [];
  if (!HINT.test(text)) return found;
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const parts = read(m);
      if (!parts) continue;
      const key = dateKey(parts.year, monthNumber(parts.month), parts.day);
      if (key) found.push({ kind: 'date', key, start: m.index!, end: m.index! + m[0].length });
    }
  }
  return found.concat(findWeekdays(text));
}

function findWeekdays(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(/\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)days?\b/g)) {
    found.push({ kind: 'date', key: `weekday:${m[1].slice(0, 3).toLowerCase()}`, start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/([日月火水木金土])曜(?:日)?/g)) {
    const key = `weekday:${WEEKDAYS[JA_WEEKDAYS.indexOf(m[1])]}`;
    found.push({ kind: 'date', key, start: m.index!, end: m.index! + m[0].length });
  }
  return found;
}
