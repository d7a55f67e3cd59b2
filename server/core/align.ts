// Aligns the Japanese translation of a page with the English original it translates: first
// paragraphs (lines), by order plus shared anchors (numbers, dates, Latin names such as
// `Fable 5`, `GPT-5.5`, `$15`) and length, with a dynamic programme that allows skips and
// 1:2 / 2:1 merges; then sentences inside aligned paragraphs, by relative position.
import type { ParsedPassage } from './parse';

interface Paragraph {
  line: number;
  passages: number[];
  anchors: Set<string>;
  length: number;
}

const ANCHOR = /[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*|\d+(?:[.,]\d+)*/g;
const COMMON = new Set(['ai', 'the', 'a', 'i', 'it', 'us', 'is', 'in', 'of', 'to', 'and', 'we', 'llm']);

function anchorsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(ANCHOR)) {
    const a = m[0].toLowerCase().replace(/,/g, '');
    // In English text only capitalised words and numbers can also appear untranslated in Japanese.
    if (COMMON.has(a)) continue;
    if (/^[a-z]/.test(m[0]) && !/\d/.test(m[0])) continue;
    out.add(a);
  }
  return out;
}

function paragraphs(passages: ParsedPassage[], ids: number[]): Paragraph[] {
  const byLine = new Map<number, Paragraph>();
  for (const id of ids) {
    const p = passages[id];
    let para = byLine.get(p.range.start.line);
    if (!para) {
      para = { line: p.range.start.line, passages: [], anchors: new Set(), length: 0 };
      byLine.set(p.range.start.line, para);
    }
    para.passages.push(id);
    for (const a of anchorsOf(p.text)) para.anchors.add(a);
    para.length += p.text.length;
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

function merge(a: Paragraph, b: Paragraph): Paragraph {
  return { line: a.line, passages: [...a.passages, ...b.passages], anchors: new Set([...a.anchors, ...b.anchors]), length: a.length + b.length };
}

function similarity(ja: Paragraph, en: Paragraph, ratio: number): number {
  let shared = 0;
  for (const a of ja.anchors) if (en.anchors.has(a)) shared++;
  const anchorScore = ja.anchors.size && en.anchors.size ? shared / Math.sqrt(ja.anchors.size * en.anchors.size) : 0;
  const lengthScore = Math.exp(-2 * Math.abs(Math.log((ja.length + 10) / (ratio * en.length + 10))));
  return 0.6 * anchorScore + 0.4 * lengthScore;
}

/** Returns aligned pairs of passage indices (Japanese, English) within one document. */
export function alignPassages(passages: ParsedPassage[]): Array<[number, number]> {
  const jaIds: number[] = [];
  const enIds: number[] = [];
  passages.forEach((p, i) => {
    if (p.heading) return;
    if (p.role === 'translation' && p.lang === 'ja') jaIds.push(i);
    else if (p.role === 'original' && p.lang === 'en') enIds.push(i);
  });
  if (!jaIds.length || !enIds.length) return [];
  const J = paragraphs(passages, jaIds);
  const E = paragraphs(passages, enIds);
  const ratio = J.reduce((s, p) => s + p.length, 0) / E.reduce((s, p) => s + p.length, 0);
  const pairs = alignParagraphs(J, E, ratio);
  return pairs.flatMap(([ja, en]) => alignSentences(passages, ja.passages, en.passages));
}

const SKIP = -0.05;
const MIN_MATCH = 0.35;

function alignParagraphs(J: Paragraph[], E: Paragraph[], ratio: number): Array<[Paragraph, Paragraph]> {
  const n = J.length;
  const m = E.length;
  const score = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(-Infinity));
  const move = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  score[0][0] = 0;
  const steps: Array<[number, number]> = [[1, 0], [0, 1], [1, 1], [2, 1], [1, 2]];
  // Merged neighbours are built once, not per cell.
  const J2 = J.map((p, i) => (i ? merge(J[i - 1], p) : p));
  const E2 = E.map((p, k) => (k ? merge(E[k - 1], p) : p));
  const pick = (i: number, di: number, k: number, dk: number): [Paragraph, Paragraph] =>
    [di === 2 ? J2[i - 1] : J[i - 1], dk === 2 ? E2[k - 1] : E[k - 1]];
  // Translations keep the original's order, so only a band around the diagonal is explored.
  const band = Math.max(12, Math.ceil(0.25 * Math.max(n, m)));
  for (let i = 0; i <= n; i++) {
    const centre = Math.round((i * m) / Math.max(n, 1));
    for (let k = Math.max(0, centre - band); k <= Math.min(m, centre + band); k++) {
      if (i === 0 && k === 0) continue;
      let best = -Infinity;
      let bestMove = 0;
      steps.forEach(([di, dk], s) => {
        if (i < di || k < dk) return;
        const prev = score[i - di][k - dk];
        if (prev === -Infinity) return;
        let gain = SKIP;
        if (di && dk) {
          const [ja, en] = pick(i, di, k, dk);
          const sim = similarity(ja, en, ratio) - (di + dk > 2 ? 0.1 : 0);
          if (sim < MIN_MATCH) return;
          gain = sim;
        }
        if (prev + gain > best) {
          best = prev + gain;
          bestMove = s;
        }
      });
      score[i][k] = best;
      move[i][k] = bestMove;
    }
  }
  const out: Array<[Paragraph, Paragraph]> = [];
  for (let i = n, k = m; i > 0 || k > 0; ) {
    const [di, dk] = steps[move[i][k]];
    if (di && dk) out.push(pick(i, di, k, dk));
    i -= di;
    k -= dk;
  }
  return out.reverse();
}

/** Sentences of two aligned paragraphs: 1:1 when the counts agree, else by relative position. */
function alignSentences(passages: ParsedPassage[], ja: number[], en: number[]): Array<[number, number]> {
  if (ja.length === en.length) return ja.map((id, i) => [id, en[i]]);
  const spans = (ids: number[]) => {
    const total = ids.reduce((s, id) => s + passages[id].text.length, 0);
    let at = 0;
    return ids.map((id) => {
      const start = at / total;
      at += passages[id].text.length;
      return { id, start, end: at / total };
    });
  };
  const js = spans(ja);
  const es = spans(en);
  const out: Array<[number, number]> = [];
  for (const a of js) {
    for (const b of es) {
      const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (overlap > 0.3 * Math.min(a.end - a.start, b.end - b.start)) out.push([a.id, b.id]);
    }
  }
  return out;
}
