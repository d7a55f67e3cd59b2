// Tokens for ranked retrieval. Indexing must be fast over thousands of documents, so the index
// side uses CJK character bigrams (as Lucene's CJK analyzer does) plus a regex for Latin text;
// the query side is short, so it can afford Intl.Segmenter and keeps only bigrams inside words.
import { fold } from './text';

const RUN = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ー]+)|([a-z0-9]+(?:[.,][0-9]+)*)/g;

export const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto over under about as is are was were be been ' +
    'being am do does did done has have had having it its it’s this that these those there here their they them he ' +
    'she his her him we our us you your i me my mine not no so than then too very can could will would shall should ' +
    'may might must just also only such which who whom whose what when where why how all any both each few more most ' +
    'other some own same up down out off again further once s t re ve ll d m don didn doesn isn wasn weren won wouldn ' +
    'said says say one via per'
  ).split(/\s+/),
);

/** A light English stemmer: enough to meet `executives`/`executive`, `succeeded`/`succeed`. */
export function stem(word: string): string {
  if (word.length <= 3 || /[0-9]/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function latinToken(word: string): string | undefined {
  if (STOPWORDS.has(word)) return undefined;
  if (word.length === 1 && !/[0-9]/.test(word)) return undefined;
  return stem(word.replace(/,/g, ''));
}

function pushBigrams(run: string, out: string[]): void {
  if (run.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
}

/** Index-side tokens: fast, no segmenter. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  const folded = fold(text);
  RUN.lastIndex = 0;
  for (let m = RUN.exec(folded); m; m = RUN.exec(folded)) {
    if (m[1]) pushBigrams(m[1], out);
    else {
      const t = latinToken(m[2]);
      if (t) out.push(t);
    }
  }
  return out;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Query-side tokens: Japanese runs are segmented into words first, and bigrams are taken only
 * inside words, so a bigram that straddles a particle (`が市`) does not add noise to the query.
 */
export function queryTokens(text: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const out: string[] = [];
  const folded = fold(text);
  RUN.lastIndex = 0;
  for (let m = RUN.exec(folded); m; m = RUN.exec(folded)) {
    if (m[2]) {
      const t = latinToken(m[2]);
      if (t) out.push(t);
      continue;
    }
    for (const seg of segmenter.segment(m[1])) {
      const word = seg.segment;
      if (word.length >= 2) pushBigrams(word, out);
      else if (/[\u3400-\u9fff]/.test(word) && m[1].length === 1) out.push(word);
    }
  }
  return out;
}
