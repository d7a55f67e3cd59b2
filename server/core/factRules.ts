// What makes a passage worth reading as a fact about an entity, by rules a reader would accept:
// a statement beats a question, a title, a list's lead-in or someone's banter; the article's own
// reporting beats a quoted post; a dated event or a figure says more than a general remark; the
// entity as the subject beats a passing mention; and the same event told twice is told once.
import { extractFacts } from './facts';
import { fold } from './text';
import type { Passage } from './types';

/** A statement (reporting), a quote (someone's post or remark), an aside (question, title, banter). */
export type FactSort = 'statement' | 'quote' | 'aside';

export const SORT_RANK: Record<FactSort, number> = { statement: 0, quote: 1, aside: 2 };

export interface FactReading {
  sort: FactSort;
  /** Why it is not a statement, for tests and explanations. */
  why?: 'question' | 'title' | 'caption' | 'lead-in' | 'banter' | 'voice' | 'speaker' | 'quoted' | 'handle';
  /** Dates in the entity's clause, sorted (`2024`, `2026-06`, `2026-06-12`); the year from the document when unwritten. */
  dates: string[];
  /** Amounts, percents, counts, ratios, durations. */
  figures: number;
  /** The entity is the sentence's subject (named early, or marked by `は`/`が`). */
  subject: boolean;
  /** Content words (English) or character bigrams (Japanese), to tell repeats apart from new events. */
  words: Set<string>;
  /** Other catalog entities the passage names, for the same test across languages. */
  others: Set<string>;
}

const QUESTION = /[?？]["'”’)\]）」]*\s*$|(?:でしょうか|ですか|ますか|のか)[。]?\s*$/;
const LEAD_IN = /[:：]\s*$/;
const SENTENCE_END = /[.!?。！？…"'”’)\]）」]\s*$/;
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me)\b|\blol\b|\blmao\b|!\s*$|と思(?:う|います|っている)|私は|僕は|俺は/;
// A writer talking to the reader (`we`, `you`) is commentary; a quoted company's `we` is not.
const VOICE = /\b(?:we|We|us|our|Our|you|You|your|Your)\b/;
const CAPTION = /©|^(?:Illustration|Image|Photo|Photograph|Credit)s?\b/;
const HANDLE = /(?:^|\s)@[A-Za-z_][\w]{2,}/;
const STOP = new Set(
  'that this with from have were they their there which would could should about after before into than then them these those been being will also just more most some such only other what when where while your very much many said says like over under between against'.split(' '),
);

/** What a passage says whatever entity it is read for: computed once per passage and shared. */
export type PassageReading = Omit<FactReading, 'subject' | 'others'> & {
  entities: Set<string>;
  /** Each date with where it is written (offset in the trimmed text). */
  datedAt: Array<{ date: string; at: number }>;
};

export function readPassage(p: Passage, docDate: string | undefined, entities: Set<string>): PassageReading {
  const text = p.text.trim();
  const facts = extractFacts(text);
  const year = /^\d{4}/.exec(docDate ?? '')?.[0];
  const datedAt = facts.flatMap((f) => {
    const date = f.kind === 'date' ? sortableDate(f.key, year) : undefined;
    return date ? [{ date, at: f.start }] : [];
  });
  const dates = datedAt.map((d) => d.date).sort();
  // A figure is written in digits or is money, a percentage or a ratio (`two new reports` is not one).
  const figures = facts.filter((f) => f.kind === 'amount' || f.kind === 'percent' || f.kind === 'ratio' || (f.kind !== 'date' && /\d/.test(f.text))).length;
  return { ...sortOf(p), dates, datedAt, figures, words: wordsOf(text, p.lang), entities };
}

/** How a passage reads for the entity `id` whose folded names are `names`. */
export function readFor(p: Passage, reading: PassageReading, id: string, names: string[]): FactReading {
  const { entities, datedAt, ...rest } = reading;
  const others = new Set(entities);
  others.delete(id);
  const text = p.text.trim();
  const dates = datedAt.filter((d) => datesEntity(text, p.lang, d.at, names)).map((d) => d.date).sort();
  return { ...rest, dates, subject: isSubject(text, p.lang, names), others };
}

// English clauses: a date dates the clause it is written in (`The company, which raised $2.1
// billion in June, sells Helios 3…` dates the raise, not Helios). Japanese puts `、` inside clauses.
const CLAUSE_BREAK = /[,;—–]|\s-\s/g;

/** The date at `at` is in the same English clause as one of the entity's names (any Japanese date counts). */
function datesEntity(text: string, lang: Passage['lang'], at: number, names: string[]): boolean {
  if (lang === 'ja') return true;
  const clause = (offset: number) => (text.slice(0, offset).match(CLAUSE_BREAK) ?? []).length;
  const folded = fold(text);
  const dateClause = clause(at);
  return names.some((name) => {
    for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) if (clause(i) === dateClause) return true;
    return false;
  });
}

/** Whether a passage states something, quotes someone, or is an aside, and why. */
export function sortOf(p: Passage): Pick<FactReading, 'sort' | 'why'> {
  const text = p.text.trim();
  const aside = (why: FactReading['why']) => ({ sort: 'aside' as const, why });
  if (QUESTION.test(text)) return aside('question');
  if (LEAD_IN.test(text)) return aside('lead-in');
  if (CAPTION.test(text)) return aside('caption');
  if (FIRST_PERSON.test(p.speaker && p.lang === 'en' ? text.slice(text.indexOf(':') + 1) : text)) return aside('banter');
  if (p.lang === 'en' && !p.speaker && VOICE.test(text)) return aside('voice');
  if (p.speaker) return { sort: 'quote', why: 'speaker' };
  if (quotedShare(text) >= 0.5) return { sort: 'quote', why: 'quoted' };
  if (HANDLE.test(text)) return { sort: 'quote', why: 'handle' };
  if (isTitle(text, p.lang)) return aside('title');
  return { sort: 'statement' };
}

/** How much of a passage is someone's words in quotation marks (`said the sandbox "shows that…"`). */
function quotedShare(text: string): number {
  let quoted = 0;
  for (const m of text.matchAll(/“[^”]{4,}”|"[^"]{4,}"|「[^」]{4,}」/g)) quoted += m[0].length;
  return quoted / Math.max(text.length, 1);
}

/** A headline: no sentence end, or a few words nearly all capitalised (`Commerce Versus Intelligence.`). */
function isTitle(text: string, lang: Passage['lang']): boolean {
  if (lang === 'ja') return !SENTENCE_END.test(text) && text.length < 60;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!SENTENCE_END.test(text) && words.length <= 14) return true;
  const long = words.filter((w) => w.replace(/\P{L}/gu, '').length >= 4);
  const capitalised = long.filter((w) => /^\P{L}*\p{Lu}/u.test(w));
  return words.length <= 8 && long.length >= 2 && capitalised.length === long.length;
}

/**
 * The entity is the sentence's subject: in English, named within its first words (`Mythos
 * scored…`, `The US Department of Commerce apparently tested…`), after a short opening phrase
 * (`In the past week, Anthropic cofounder…`); in Japanese, marked by `は`/`が` or opening it.
 */
function isSubject(text: string, lang: Passage['lang'], names: string[]): boolean {
  const folded = fold(text);
  for (const name of names) {
    for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) {
      if (/^[はが]/.test(folded.slice(i + name.length)) || i === 0) return true;
      if (lang === 'ja') continue;
      let before = folded.slice(0, i);
      const opening = before.indexOf(',');
      if (opening >= 0 && before.slice(0, opening).split(/\s+/).length <= 8) before = before.slice(opening + 1);
      if (before.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 2) return true;
    }
  }
  return false;
}

/** `date:2026-06-12` → `2026-06-12`; `date:2024` → `2024`; `date:--06-12` → with the document's year; weekdays → none. */
function sortableDate(key: string, year: string | undefined): string | undefined {
  const full = /^date:(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(key);
  if (full) return full[1];
  const partial = /^date:--(\d{2}(?:-\d{2})?)$/.exec(key);
  return partial ? `${year ?? '0000'}-${partial[1]}` : undefined;
}

function wordsOf(text: string, lang: Passage['lang']): Set<string> {
  const folded = fold(text);
  if (lang === 'ja') {
    const cjk = folded.replace(/[^\p{Script=Han}\p{Script=Katakana}ー]+/gu, ' ');
    const out = new Set<string>();
    for (const run of cjk.split(' ')) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
    return out;
  }
  return new Set((folded.match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 6)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Two passages tell the same event: nearly the same words, or the same day with words or other
 * named entities in common (across languages the entities and the date are what they share).
 */
export function sameEvent(a: FactReading, b: FactReading): boolean {
  const words = jaccard(a.words, b.words);
  if (words >= 0.5) return true;
  const sameDay = a.dates.some((d) => d.length === 10 && b.dates.includes(d));
  if (!sameDay) return false;
  if (words >= 0.15) return true;
  for (const e of a.others) if (b.others.has(e)) return true;
  return false;
}

/** How much a reading adds to a passage's score: a date, a figure, the entity as subject. */
export function readingWeight(r: FactReading): number {
  return (r.dates.length ? 2 : 1) * (r.figures ? 1.2 : 1) * (r.subject ? 1.5 : 1);
}

/**
 * The order a reader scans facts in: statements before quotes before asides; among statements,
 * dated events by date (earliest first), then the rest as ranked.
 */
export function displayOrder<T>(facts: T[], reading: (f: T) => FactReading): T[] {
  const indexed = facts.map((f, i) => ({ f, i, r: reading(f) }));
  return indexed
    .sort((a, b) => {
      const sort = SORT_RANK[a.r.sort] - SORT_RANK[b.r.sort];
      if (sort || a.r.sort !== 'statement') return sort || a.i - b.i;
      const da = a.r.dates[0];
      const db = b.r.dates[0];
      if (da && db) return da.localeCompare(db) || a.i - b.i;
      return da ? -1 : db ? 1 : a.i - b.i;
    })
    .map((x) => x.f);
}
