// Facts in English and Japanese text: dates, amounts, counts, percents, ratios and durations,
// normalised so that `6月12日` = `June 12` and `150億ドル` = `$15 billion`. Retrieval uses them as
// cross-language bridge tokens (`factTokens`); the verdict compares a claim's facts with a
// passage's (`sameKind`, `factsAgree`). Names that hold numbers (`GPT-5.5`, `Opus 4.8`) are not facts.
import { findAmounts } from './facts/amounts';
import { findCounts, findMultiples, findPercents, findRatios } from './facts/counts';
import { findDates } from './facts/dates';
import { findDurations } from './facts/durations';
import { normalise } from './facts/normalize';
import { qualify } from './facts/qualifiers';
import { findTimes } from './facts/times';
import type { Fact, FactKind, Found } from './facts/types';

export type { Fact, FactKind } from './facts/types';
export { factsAgree, sameKind } from './facts/compare';

// When two readings overlap, the longer wins; on equal length, the earlier kind in this list.
const PRIORITY: FactKind[] = ['date', 'time', 'amount', 'ratio', 'percent', 'duration', 'count'];

// Text with none of these holds no fact; most passages are rejected by this one test.
const MAY_HOLD_FACT =
  /[0-9０-９〇一二三四五六七八九十百千曜]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b|day\b|days\b|\ban? (?:second|minute|hour|week|month|year)\b|half|半分|倍|twice|double|triple|quadruple|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|January|February|March|April|May|June|July|August|September|October|November|December|Jan\b|Feb\b|Mar\b|Apr\b|Jun\b|Jul\b|Aug\b|Sept?\b|Oct\b|Nov\b|Dec\b/i;

export function extractFacts(text: string): Fact[] {
  if (!MAY_HOLD_FACT.test(text)) return [];
  const { text: norm, map } = normalise(text);
  const found = [
    ...findDates(norm),
    ...findTimes(norm),
    ...findAmounts(norm),
    ...findRatios(norm),
    ...findMultiples(norm),
    ...findPercents(norm),
    ...findDurations(norm),
    ...findCounts(norm),
  ];
  return chooseReadings(found).map((f, i, all) => toFact(f, norm, map, text, all[i - 1]?.end ?? 0, all[i + 1]?.start ?? norm.length));
}

/** Keep the longest reading of each stretch of text, in text order. */
function chooseReadings(found: Found[]): Found[] {
  const ranked = [...found].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start,
  );
  const kept: Found[] = [];
  for (const f of ranked) {
    if (kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function toFact(f: Found, norm: string, map: number[], original: string, floor: number, ceiling: number): Fact {
  const fact: Fact = { ...f, text: '' };
  if (f.kind !== 'date') {
    const q = qualify(norm, f.start, f.end, floor, ceiling);
    fact.start = q.start;
    fact.end = q.end;
    if (q.approx) fact.approx = true;
    if (q.bound) fact.bound = q.bound;
  }
  // Map normalised offsets back; an end inside an expanded character still covers all of it.
  fact.start = map[fact.start];
  fact.end = fact.end >= map.length - 1 ? original.length : map[fact.end];
  fact.text = original.slice(fact.start, fact.end);
  return fact;
}

/**
 * Retrieval bridge tokens for a text: `#date:06-12` (day and month, so that a year-less claim
 * meets a dated passage), `#date:2026-03`, `#date:--04`, `#date:2026`, `#weekday:fri`,
 * `#usd:15000000000`, `#num:2500000` (counts, whatever is counted), `#pct:99`, `#ratio:1/6`,
 * `#dur:14d` (both ends of a range).
 */
export function factTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const fact of extractFacts(text)) for (const t of tokensOf(fact)) tokens.add(t);
  return [...tokens];
}

function tokensOf(fact: Fact): string[] {
  const [, ...rest] = fact.key.split(':');
  const value = rest.join(':');
  switch (fact.kind) {
    case 'date': {
      if (fact.key.startsWith('weekday:')) return [`#${fact.key}`];
      const day = /^(?:\d{4}|-)-(\d{2}-\d{2})$/.exec(value);
      return [`#date:${day ? day[1] : value}`];
    }
    case 'amount':
      return [`#${value}`];
    case 'count':
      return [`#num:${rest[rest.length - 1]}`];
    case 'percent':
      return [`#pct:${value}`];
    case 'ratio':
      return [`#ratio:${value}`];
    case 'duration':
      return value.split('..').map((v) => `#dur:${v}`);
    case 'time':
      return [`#time:${value}`];
  }
}
