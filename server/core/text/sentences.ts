// Where sentences end: one rule for splitting passages and memos into sentences, and for where
// a citation goes at the end of a claim (the quick fix, the CLI and the client's Find Sources).

/** Punctuation that ends a sentence, in both languages. */
export const SENTENCE_END = /[.!?。！？]/;

const CITATION_MARKERS_AT_END = /(?:\s*(?:\[@[^\]\n]*\]|\[\^[^\]\n]+\]))+\s*$/;

/**
 * Where a citation goes in a sentence as written: after its text, before the citation markers it
 * already has, the spaces after it and its final punctuation (`Claim[@new].`).
 */
export function citationOffset(sentence: string): number {
  const bare = sentence.replace(CITATION_MARKERS_AT_END, '').replace(/\s+$/, '');
  return bare.length > 0 && SENTENCE_END.test(bare[bare.length - 1]) ? bare.length - 1 : bare.length;
}

export interface Span {
  start: number;
  end: number;
  /** A subheading glued to the text around it (`…a letter.What the letter actually saidOn the evening…`). */
  heading?: boolean;
}

// Abbreviations after which a period does not end an English sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'co',
  'corp', 'ltd', 'no', 'u.s', 'u.k', 'u.n', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'sen', 'rep', 'gov', 'approx',
]);

const CLOSERS = '"\'”’」』)）]】*';

/**
 * Split a line into sentence spans (offsets into `line`), trimmed of surrounding spaces.
 * Handles Japanese `。！？`, English `.!?` before a capital, and sentences glued without a space
 * (`to me.It is`) as in pages whose paragraphs were flattened onto one line.
 */
export function splitSentences(line: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  // Whether the current sentence began right after the previous one, with no space between:
  // the sign of text scraped without its line breaks, where subheadings are glued in too.
  let glued = false;
  const push = (end: number, heading = false) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(line[s])) s++;
    while (e > s && /\s/.test(line[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e, ...(heading ? { heading } : {}) });
    start = end;
    glued = end < line.length && !/\s/.test(line[end]);
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (glued && isGluedHeadingEnd(line, start, i)) {
      push(i, true);
      continue;
    }
    if (SENTENCE_END.test(ch)) {
      let j = i + 1;
      if (ch === '.' || ch === '!' || ch === '?') {
        while (j < line.length && (line[j] === '.' || line[j] === '!' || line[j] === '?')) j++;
      }
      while (j < line.length && CLOSERS.includes(line[j])) j++;
      if (j >= line.length) break;
      if (ch === '。' || ch === '！' || ch === '？') {
        push(j);
        i = j - 1;
        continue;
      }
      if (isEnglishBoundary(line, i, j)) {
        push(j);
        i = j - 1;
      }
    }
  }
  push(line.length);
  return spans;
}

/**
 * In glued text, `…saidOn the evening` ends a subheading at `O`: a lowercase word of two letters
 * or more runs straight into a capitalised one, a few words after the sentence began. Names like
 * `McDonald` or `iPhone` do not qualify (their first part is not a lowercase word); only text
 * that is already glued is looked at, so a camelCase word in ordinary spaced prose is safe.
 */
function isGluedHeadingEnd(line: string, start: number, i: number): boolean {
  if (!/[A-Z]/.test(line[i]) || !/[a-z]/.test(line[i + 1] ?? '') || !/[a-z]/.test(line[i - 1] ?? '')) return false;
  const segment = line.slice(start, i);
  if (segment.length > 120 || segment.trim().split(/\s+/).length < 2) return false;
  return /(?:^|\s)[a-z]{2,}$/.test(segment);
}

function isEnglishBoundary(line: string, dot: number, after: number): boolean {
  const next = line[after];
  const spaced = /\s/.test(next);
  let k = after;
  while (k < line.length && /\s/.test(line[k])) k++;
  const first = line[k];
  if (first === undefined) return false;
  const startsSentence = /[A-Z"“‘'(\[0-9\u3040-\u30ff\u4e00-\u9fff]/.test(first);
  if (!startsSentence) return false;
  if (line[dot] === '.') {
    const word = /([A-Za-z.]+)$/.exec(line.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word)) return false;
    // Initials (`J. Smith`) and decimals (`5.5`) do not end sentences.
    if (/^[a-z]$/i.test(word) && spaced) return false;
    if (/[0-9]/.test(line[dot - 1] ?? '') && /[0-9]/.test(next)) return false;
    if (!spaced) {
      // Glued sentences: `me.It`, `motive.I have`, but not `U.S.A` or `Node.js`.
      return /[a-z)"”’]/.test(line[dot - 1] ?? '') && /[A-Z“"]/.test(next) && (/[a-z]/.test(line[after + 1] ?? '') || (next === 'I' && line[after + 1] === ' '));
    }
  }
  return spaced || /[“"‘]/.test(next);
}

