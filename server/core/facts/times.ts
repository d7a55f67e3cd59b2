// Clock times: `5:21pm`, `5:21 p.m. Eastern`, `17:21`, `午後5時21分`, `午前9時半`. A memo that moves
// the hour of an order contradicts its source as surely as one that moves the day.
import type { Found } from './types';

const EN = /(?<![\d:.])(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![A-Za-z])|(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/gi;
const JA = /(午前|午後)?\s*(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分|(半))?/g;

function time(hour: number, minute: number, start: number, end: number): Found | undefined {
  if (hour > 23 || minute > 59) return undefined;
  const key = `time:${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { kind: 'time', key, value: hour * 60 + minute, start, end };
}

export function findTimes(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(EN)) {
    let hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    const meridiem = m[3]?.toLowerCase().replace(/\./g, '');
    if (meridiem && (hour < 1 || hour > 12)) continue;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    const t = time(hour, minute, m.index!, m.index! + m[0].length);
    if (t) found.push(t);
  }
  for (const m of text.matchAll(JA)) {
    // Without 午前/午後 or minutes, `3時` could be an hour count in a longer phrase: only with either.
    if (!m[1] && !m[3] && !m[4]) continue;
    let hour = Number(m[2]);
    if (m[1] === '午後' && hour < 12) hour += 12;
    const t = time(hour, m[4] ? 30 : Number(m[3] ?? 0), m.index!, m.index! + m[0].length);
    if (t) found.push(t);
  }
  return found;
}
