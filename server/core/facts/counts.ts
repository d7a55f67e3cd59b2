// Percents (`99%`, `99 %`, `5%の株式`), ratios (`6 of 10`, `10 回中 6 回`, `one-sixth`,
// `6 分の 1`) and counts (`2.5M-token`, `250 万トークン`, `two independent evaluations`,
// `2 つのサイバーレンジ`, `3 社`). Vague quantities (`thousands`, `数千`) are not facts.
import { DIGITS, EN_SCALE, JA_NUMBER, KANJI, NUMBER, WORDS, clean, formatNumber, parseJaNumber, parseNumber, scaled } from './numbers';
import type { Found } from './types';

const PERCENT = new RegExp(`(${DIGITS})\\s?(?:%|percent\\b|per\\s?cent\\b|パーセント)`, 'gi');
// `8割` is 80%; `8割引` (a discount) and `割合` (a share) are other words.
const PERCENT_WARI = new RegExp(`(${DIGITS}|[一二三四五六七八九十])\\s*割(?![引合])`, 'g');

const RATIO_OF = new RegExp(`(${DIGITS}|${WORDS})\\s+(?:out\\s+)?of\\s+(${DIGITS}|${WORDS})(?!\\s*%)`, 'gi');
const RATIO_JA_TIMES = new RegExp(`(${NUMBER})\\s*回中\\s*(${NUMBER})\\s*回`, 'g');
const RATIO_JA_FRACTION = new RegExp(`(${NUMBER})\\s*分の\\s*(${NUMBER})`, 'g');
// A bare `half` is a ratio where it compares (`half as much`, `half of`, `half the cost`); `半分`
// likewise, unless it is part of a longer word.
const RATIO_HALF = /\bhalf(?=\s+(?:as|of|the)\b)|(?<![\u3400-\u9fff])半分/gi;
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
// `one-sixth`, `two-thirds`; unhyphenated only before `of` (`a third of`), since `a third
// country` is an ordinal.
const RATIO_EN_FRACTION = new RegExp(
  `\\b(?:(${WORDS})-(half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?)\\b|(a|one|two|three)\\s(half|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?)(?=\\s+of\\b))`,
  'gi',
);

// `2.5M tokens`, `2.5M-token`, `10-million-token`.
const TOKENS_EN = new RegExp(`(${DIGITS})(?:[\\s-]?(${EN_SCALE}))?[\\s-]?tokens?\\b`, 'gi');
const COUNTER_JA = new RegExp(`(${JA_NUMBER})\\s*(トークン|人|名(?![前称詞])|社|件|回(?!中)|[かカヶヵ]国)`, 'g');
// The counted noun is the katakana/kanji run after `つの`; a run followed by a verb ending
// (`2 つの独立した評価`) is not the noun, and the count is kept without a unit.
const THINGS_JA = new RegExp(`(${DIGITS}|${KANJI})\\s*つの\\s*([\\u30a0-\\u30ffー\\u3400-\\u9fff々]+)`, 'g');
const PARTICLE_OR_NOT_KANA = /^(?:[のがはをにでともへや]|[^\u3040-\u309f]|$)/;
const JA_COUNTERS: Record<string, string> = {
  トークン: 'tokens', 人: 'people', 名: 'people', 社: 'companies', 件: 'cases', 回: 'times',
  か国: 'countries', カ国: 'countries', ヶ国: 'countries', ヵ国: 'countries',
};

// A number, up to two modifiers, a plural noun: `two independent evaluations`, `2 cyber ranges`.
const NOUN_COUNT = new RegExp(`(${DIGITS}|${WORDS})\\s+((?:[a-z]+(?:-[a-z]+)?\\s+){0,2}?)([a-z]{3,}s|people|children|men|women|staff)\\b`, 'gi');
const NOT_NOUNS = new Set(
  ('is was has does its this thus as us yes unless plus less across always perhaps besides whereas ' +
    'seconds secs minutes mins hours hrs days weeks months years yrs percent tokens dollars euros pounds ' +
    'times others ones those these').split(' '),
);
const NOT_MODIFIERS = new Set(
  ('of the a an and or to in on at by for with from as is are was were be been has have had will would ' +
    'could should may might can do does did not no that this these those than then more most other such ' +
    'out up about over under per each every all').split(' '),
);
// `90 day disclosure windows` is a duration qualifying a noun, not ninety windows.
const TIME_WORD = /^(?:second|minute|hour|day|week|month|year)s?$|-(?:second|minute|hour|day|week|month|year)$/i;
const ENGLISH_UNITS: Record<string, string> = { persons: 'people', firms: 'companies', attempts: 'attempts', tries: 'attempts' };

function ratio(numerator: number, denominator: number, start: number, end: number): Found {
  return { kind: 'ratio', key: `ratio:${formatNumber(numerator)}/${formatNumber(denominator)}`, value: clean(numerator / denominator), start, end };
}

function count(value: number, unit: string, start: number, end: number): Found {
  return { kind: 'count', key: `count:${unit}:${formatNumber(value)}`, value, unit, start, end };
}

export function findPercents(text: string): Found[] {
  const found: Found[] = [];
  if (!/%|percent|per\s?cent|パーセント|割/i.test(text)) return found;
  const push = (value: number | undefined, m: RegExpMatchArray) => {
    if (value !== undefined) found.push({ kind: 'percent', key: `percent:${formatNumber(value)}`, value, start: m.index!, end: m.index! + m[0].length });
  };
  for (const m of text.matchAll(PERCENT)) push(parseNumber(m[1]), m);
  for (const m of text.matchAll(PERCENT_WARI)) {
    const tenths = parseNumber(m[1]);
    push(tenths === undefined ? undefined : clean(tenths * 10), m);
  }
  return found;
}

// Multiples compare two quantities (`double the cost`, `three times the rate`, `2倍`, `倍額`); they
// are ratios in units of `times`, never rivals of a share such as `6 of 10`.
const MULTIPLE_WORDS: Record<string, number> = { twice: 2, double: 2, triple: 3, quadruple: 4 };
const COMPARED = String.raw`(?=\s+(?:the|as|that|what|its|their|more|higher|larger|bigger|greater|faster|cheaper|longer)\b)`;
const MULTIPLE_EN = new RegExp(`\\b(?:(twice|double|triple|quadruple)|(${DIGITS}|${WORDS})\\s+times)${COMPARED}`, 'gi');
const MULTIPLE_JA = new RegExp(`(${NUMBER})\\s*倍(?!率)|倍額`, 'g');

function multiple(value: number, start: number, end: number): Found {
  return { kind: 'ratio', key: `ratio:x${formatNumber(value)}`, value, unit: 'times', start, end };
}

export function findMultiples(text: string): Found[] {
  const found: Found[] = [];
  if (!/twice|double|triple|quadruple|times|倍/i.test(text)) return found;
  for (const m of text.matchAll(MULTIPLE_EN)) {
    const value = m[1] ? MULTIPLE_WORDS[m[1].toLowerCase()] : parseNumber(m[2]);
    if (value !== undefined && value > 1) found.push(multiple(value, m.index!, m.index! + m[0].length));
  }
  for (const m of text.matchAll(MULTIPLE_JA)) {
    const value = m[1] === undefined ? 2 : parseNumber(m[1]);
    if (value !== undefined && value > 1) found.push(multiple(value, m.index!, m.index! + m[0].length));
  }
  return found;
}

const RATIO_HINT = /\bof\b|回中|分の|半分|half|halves|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth/i;

export function findRatios(text: string): Found[] {
  const found: Found[] = [];
  if (!RATIO_HINT.test(text)) return found;
  const push = (num: number | undefined, den: number | undefined, m: RegExpMatchArray) => {
    if (num !== undefined && den !== undefined && den > 0 && num <= den) found.push(ratio(num, den, m.index!, m.index! + m[0].length));
  };
  for (const m of text.matchAll(RATIO_OF)) {
    // `one of the`, `one of two` are idioms more often than statistics.
    if (/^one$/i.test(m[1])) continue;
    push(parseNumber(m[1]), parseNumber(m[2]), m);
  }
  for (const m of text.matchAll(RATIO_JA_TIMES)) push(parseNumber(m[2]), parseNumber(m[1]), m);
  for (const m of text.matchAll(RATIO_JA_FRACTION)) push(parseNumber(m[2]), parseNumber(m[1]), m);
  for (const m of text.matchAll(RATIO_HALF)) {
    // `one half of` is read below, with its numerator.
    if (!found.some((f) => f.start <= m.index! && m.index! < f.end) && !/\b(?:a|one|two|three)[\s-]$/i.test(text.slice(0, m.index!))) push(1, 2, m);
  }
  for (const m of text.matchAll(RATIO_EN_FRACTION)) {
    const numerator = m[1] ?? m[3];
    const denominator = (m[2] ?? m[4]).toLowerCase().replace(/s$/, '');
    push(/^a$/i.test(numerator) ? 1 : parseNumber(numerator), DENOMINATORS[denominator] ?? DENOMINATORS[`${denominator}s`], m);
  }
  return found;
}

export function findCounts(text: string): Found[] {
  const found: Found[] = [];
  const push = (value: number | undefined, unit: string, m: RegExpMatchArray) => {
    if (value !== undefined && value > 0) found.push(count(value, unit, m.index!, m.index! + m[0].length));
  };
  if (/token/i.test(text)) {
    for (const m of text.matchAll(TOKENS_EN)) push(scaledNumber(m[1], m[2]), 'tokens', m);
  }
  for (const m of /[人名社件回国ン]/.test(text) ? text.matchAll(COUNTER_JA) : []) {
    const n = parseJaNumber(m[1]);
    // `一人` (alone), `一回` (once) are idioms as often as counts.
    if (n === 1 && !/\d/.test(m[1])) continue;
    push(n, JA_COUNTERS[m[2]], m);
  }
  for (const m of text.includes('つの') ? text.matchAll(THINGS_JA) : []) {
    const n = parseNumber(m[1]);
    // `1 つの` is the article `a`, not a count.
    if (n === undefined || n < 2) continue;
    const end = m.index! + m[0].length;
    if (PARTICLE_OR_NOT_KANA.test(text.slice(end, end + 1))) push(n, m[2], m);
    else found.push({ kind: 'count', key: `count:${formatNumber(n)}`, value: n, start: m.index!, end: m.index! + m[0].indexOf('つの') + 1 });
  }
  for (const m of text.matchAll(NOUN_COUNT)) {
    const n = parseNumber(m[1]);
    if (n === undefined || n < 2 || !isNounCount(text, m)) continue;
    const noun = m[3].toLowerCase();
    push(n, ENGLISH_UNITS[noun] ?? noun, m);
  }
  return found;
}

function scaledNumber(digits: string, scale: string | undefined): number | undefined {
  const n = parseNumber(digits);
  return n === undefined ? undefined : scaled(n, scale);
}

function isNounCount(text: string, m: RegExpMatchArray): boolean {
  const noun = m[3].toLowerCase();
  if (NOT_NOUNS.has(noun) || /(?:ss|us|is)$/.test(noun) || m[3] !== noun) return false;
  const modifiers = m[2].trim().split(/\s+/).filter(Boolean);
  if (modifiers.some((w) => NOT_MODIFIERS.has(w.toLowerCase()) || w !== w.toLowerCase() || TIME_WORD.test(w))) return false;
  // `Mythos 5 models`, `Top 10 risks`: a number after a capitalised word belongs to a name.
  const before = text.slice(Math.max(0, m.index! - 30), m.index!);
  if (/\d/.test(m[1]) && /[A-Z][\w.-]*\s+$/.test(before)) return false;
  // `6 of 10 attempts` is a ratio, read by findRatios.
  if (/\bof\s+$/i.test(before)) return false;
  // `2026 elections` is a year, not a count.
  return !(/^(?:19|20)\d{2}$/.test(m[1]));
}
