// Quoted speakers: `Alex Stamos: …`, `roon (OpenAI, June 27): …`, `ハワード・ルットニック(商務長官): …`.
// A fact in such a line is the speaker's statement, quoted in the article.

const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const NOT_SPEAKERS = new Set([
  'going forward', 'note', 'update', 'here is the timeline', 'in short', 'also', 'thus', 'so', 'now', 'edit',
  'tl;dr', 'tldr', 'source', 'sources', 'example', 'question', 'answer', 'q', 'a', 'today', 'summary', 'result',
  'results', 'warning', 'caveat', 'bottom line', 'the upshot', 'shakedown', 'disclaimer',
]);
const NOT_SPEAKERS_JA = new Set(['今後', '注', '更新', '要するに', 'まとめ', 'タイムライン', '結論', '例', '追記', '警告', '脅迫取引']);

// Latin name: 1–4 words, capitalised (or known lower-case handles like `roon`, `j⧉nus`), optional affiliation.
const LATIN = /^((?:[A-Z][\p{L}.'’-]*|[a-z][\p{L}⧉]{1,12})(?: (?:[A-Z][\p{L}.'’-]*|W\.|de|van|von)){0,3})\s*(?:\(([^)]{1,80})\))?\s*:\s+(?=\S)/u;
// Japanese name: katakana/kanji/Latin with `・`, optional affiliation in full- or half-width parentheses.
const JAPANESE = /^([\p{Script=Katakana}\p{Script=Han}ー・A-Za-z⧉][\p{Script=Katakana}\p{Script=Han}ー・A-Za-z⧉ .]{0,24}?)\s*(?:[（(]([^)）]{1,60})[)）])?\s*[:：]\s*(?=\S)/u;

export interface Speaker {
  name: string;
  affiliation?: string;
  /** Length of the `Name (affiliation): ` prefix. */
  prefixLength: number;
}

/** The speaker a line quotes, if it opens with one. */
export function detectSpeaker(line: string): Speaker | undefined {
  const latin = LATIN.exec(line);
  if (latin && acceptLatin(latin[1])) {
    return { name: latin[1].trim(), affiliation: latin[2]?.trim(), prefixLength: latin[0].length };
  }
  const ja = JAPANESE.exec(line);
  if (ja && acceptJapanese(ja[1]) && (/[^A-Za-z⧉ .]/.test(ja[1]) || acceptLatin(ja[1]))) {
    return { name: ja[1].trim(), affiliation: ja[2]?.trim(), prefixLength: ja[0].length };
  }
  return undefined;
}

function acceptLatin(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_SPEAKERS.has(lower)) return false;
  if (MONTHS.test(name) && /\d/.test(name)) return false;
  // `Here is…`, `This is…` read as sentences, not names.
  if (/^(here|this|that|there|it|we|they|he|she|the|a|an|in|on|at|for|but|and|or|if|when|what|why|how)\b/i.test(name) && !/^[a-z]/.test(name)) return false;
  return name.split(' ').length <= 4;
}

function acceptJapanese(name: string): boolean {
  if (NOT_SPEAKERS_JA.has(name)) return false;
  if (/[0-9０-９]/.test(name) || /[月日年]$/.test(name)) return false;
  // A Japanese speaker is a name: katakana with `・`, a Latin name, or a short kanji organisation.
  return /・/.test(name) || /^[A-Za-z⧉]/.test(name) || /^[\p{Script=Katakana}ー]{2,}$/u.test(name);
}
