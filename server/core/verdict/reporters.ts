// Who reported it: a claim that credits a report to one outlet (`a Reuters report said`,
// `ブルームバーグの報道によると`) where the source credits another (`Semafor's new report`,
// `…とWiredが報じています`) gets the source wrong even when every other word is right. Outlets are
// read where writers credit them — `according to X`, `X reported`, `X's report`, `Xによると`,
// `Xが報じた` — and a name in one script is matched to the other by its sounds.
import { editDistance } from '../text';
import type { Passage } from '../types';
import type { NamedSpan, NameClash } from './clash';

const NAME_EN = String.raw`(?:The\s+)?\*?[A-Z][\w&.-]*\*?(?:\s+[A-Z][\w&.-]*\*?){0,3}`;
const FRAMES_EN = [
  new RegExp(String.raw`\b[Aa]ccording to (?:a |an |the )?(${NAME_EN})`, 'g'),
  new RegExp(String.raw`\b[Rr]eport(?:ing|s) (?:from|by) (${NAME_EN})`, 'g'),
  new RegExp(String.raw`\b(?:a |an )(${NAME_EN}) (?:report|story|article|investigation)\b`, 'g'),
  new RegExp(String.raw`(${NAME_EN})(?:['’]s)? (?:new |earlier |previous )?(?:report|reporting|reported|reports|story)\b`, 'g'),
  new RegExp(String.raw`\bas (${NAME_EN}) (?:previously |first |later )?(?:reported|wrote|reports)\b`, 'g'),
];
const NAME_JA = String.raw`[ァ-ヺー・A-Za-z&.*]{2,24}`;
const FRAMES_JA = [
  new RegExp(String.raw`(${NAME_JA})(?:の(?:新しい|新|最新の)?(?:報道|報告|記事|レポート|調査))?(?:によると|によれば)`, 'g'),
  new RegExp(String.raw`(${NAME_JA})\s*(?:が|は)(?:以前|先に|最初に)?(?:報じ|報道し|伝え)`, 'g'),
];
// Words the frames catch that are no outlet: `According to The Verge` is one; `According to Anthropic` is a company speaking for itself, kept.
const NOT_OUTLETS = /^(?:The|This|That|A|An|It|He|She|They|We|I)$/;

/** Names a text credits with a report, with their offsets. */
export function reporters(text: string): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const re of [...FRAMES_EN, ...FRAMES_JA]) {
    for (const m of text.matchAll(re)) {
      const raw = m[1];
      const name = raw.replace(/\*/g, '').replace(/^(?:The|A|An)\s+/, '').trim();
      if (name.length < 2 || NOT_OUTLETS.test(name)) continue;
      const start = m.index! + m[0].indexOf(raw) + raw.indexOf(name.split(/\s/)[0]);
      if (!out.some((r) => r.start === start)) out.push({ name, start, end: start + name.length });
    }
  }
  return out;
}

// Katakana by consonant, for comparing a name across scripts: ブルームバーグ → brmbg.
const KANA_ROWS: Array<[string, string]> = [
  ['カキクケコ', 'k'], ['ガギグゲゴ', 'g'], ['サスセソ', 's'], ['シ', 'sh'], ['ザズゼゾジ', 'z'], ['タテト', 't'], ['チ', 'ch'], ['ツ', 'ts'],
  ['ダデド', 'd'], ['ナニヌネノ', 'n'], ['ハヒヘホ', 'h'], ['フ', 'f'], ['バビブベボヴ', 'b'], ['パピプペポ', 'p'], ['マミムメモ', 'm'],
  ['ヤユヨ', 'y'], ['ラリルレロ', 'r'], ['ワヲ', 'w'], ['ン', 'n'],
];
const KANA = new Map(KANA_ROWS.flatMap(([chars, c]) => [...chars].map((k) => [k, c] as [string, string])));

/** The consonants a name is heard with, the same for `Bloomberg` and `ブルームバーグ`, `Wired` and `ワイアード`. */
export function soundKey(name: string): string {
  if (/[ァ-ヺ]/.test(name)) return [...name].map((c) => KANA.get(c) ?? '').join('').replace(/sh/g, 's').replace(/ch/g, 't').replace(/ts/g, 't').replace(/(.)\1+/g, '$1');
  const latin = name
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/sh/g, 's')
    .replace(/ch/g, 't')
    .replace(/th/g, 't')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/l/g, 'r')
    .replace(/v/g, 'b')
    .replace(/j/g, 'z')
    // Japanese drops an r that closes a syllable (`Reuters` → ロイター), and writes no bare h or vowel as a consonant.
    .replace(/r(?=[^aeiouy]|$)/g, '')
    .replace(/(?<!^)h/g, '')
    .replace(/[aeiouy]/g, '');
  return latin.replace(/(.)\1+/g, '$1');
}

/** The same outlet, written the same way or in the other script (a sound or two apart). */
export function sameOutlet(a: string, b: string): boolean {
  a = a.replace(/^(?:The\s+|ザ・)/, '');
  b = b.replace(/^(?:The\s+|ザ・)/, '');
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s・.*]/g, '');
  if (fold(a).includes(fold(b)) || fold(b).includes(fold(a))) return true;
  const [x, y] = [soundKey(a), soundKey(b)];
  if (!x || !y) return false;
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.min(x.length, y.length) / 3));
}

/**
 * The claim credits an outlet that no passage about the event names, in any script, while the
 * unit the claim is read against credits another: one swap per such claim outlet.
 */
export function reporterSwaps(claim: string, unit: Passage[], sameEvent: Passage[]): NameClash[] {
  const credited = reporters(claim);
  if (!credited.length) return [];
  const rivals = unit.flatMap((p) => reporters(p.text).map((r) => ({ r, passage: p.id })));
  const swaps: NameClash[] = [];
  for (const c of credited) {
    const named = sameEvent.some((p) => reporters(p.text).some((r) => sameOutlet(r.name, c.name)) || nameIn(p.text, c.name));
    if (named) continue;
    const other = rivals.find(({ r }) => !credited.some((k) => sameOutlet(k.name, r.name)));
    if (other) swaps.push({ claim: c, source: other.r, passage: other.passage });
  }
  return swaps;
}

/** Whether a text writes the name in its own script or, for a katakana name, a Latin word that sounds like it. */
function nameIn(text: string, name: string): boolean {
  if (text.normalize('NFKC').toLowerCase().includes(name.normalize('NFKC').toLowerCase())) return true;
  const words = /[ァ-ヺ]/.test(name) ? text.match(/[A-Z][A-Za-z]+/g) ?? [] : text.match(/[ァ-ヺー]{2,}/g) ?? [];
  return words.some((w) => sameOutlet(w, name));
}
