// Parses a source file into passages with roles, languages, speakers and exact ranges.
// Seed pages (the aggregator layout) are recognised by their structure, not by one marker:
// one seed has no `原文を表示` marker, one starts its English mid-sentence, one has its whole
// English text on a single line: the corpus is real-world text, and the parser takes it as it comes.
import { append } from './arrays';
import { BOILERPLATE_PHRASES, BYLINE, SECTION_MARKERS, isBoilerplateLine } from './furniture';
import { detectSpeaker } from './speaker';
import { detectLang, splitLines, splitSentences, type Span } from './text';
import type { Lang, Passage, Role } from './types';

/** A passage as the page gives it: the corpus adds its number, its document and its counterparts. */
export type ParsedPassage = Omit<Passage, 'id' | 'doc' | 'aligned'>;

export interface ParsedDocument {
  layout: 'seed' | 'plain';
  title: string;
  /** Authors named by bylines (`- Hayden Field`) or copyright lines (`© Name`). */
  authors: string[];
  /** Whole-file hints for the catalog (furniture that identifies a platform). */
  furniture: string[];
  passages: ParsedPassage[];
}

interface Line {
  index: number;
  text: string;
  lang?: Lang;
}

type Zone = Role | 'skip';

/** A file's lines as an editor counts them, without its byte-order mark. */
function fileLines(content: string): string[] {
  return splitLines(content.replace(/^\uFEFF/, ''));
}

export function isSeedLayout(lines: string[]): boolean {
  const head = lines.slice(0, 12).map((l) => l.trim());
  if (head.some((l) => SECTION_MARKERS.keyPoints.test(l))) return true;
  return lines.some((l) => SECTION_MARKERS.original.test(l.trim()) || SECTION_MARKERS.analysisToggle.test(l.trim()));
}

export function parseDocument(content: string, fileName = ''): ParsedDocument {
  const raw = fileLines(content);
  const lines: Line[] = raw.map((text, index) => ({ index, text, lang: detectLang(text) }));
  const seed = isSeedLayout(raw);
  const zones = seed ? seedZones(lines) : plainZones(lines, fileName);
  const authors = new Set<string>();
  const furniture: string[] = [];
  const passages: ParsedPassage[] = [];
  let paragraph = 0;
  for (const line of lines) {
    const t = line.text.trim();
    const byline = BYLINE.exec(t);
    if (byline) authors.add(byline[1]);
    // Copyright lines name the author; on flattened pages the next sentence is glued on
    // (`© Alireza RezvaniWhat I do…`), so a name word is a capital and lower-case letters only.
    for (const m of line.text.matchAll(/©\s*([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})/g)) authors.add(m[1]);
    if (isBoilerplateLine(t)) furniture.push(t);
    const zone = zones[line.index];
    if (zone === 'skip' || !t || !line.lang) continue;
    paragraph++;
    append(passages, linePassages(line, zone, paragraph, lines[line.index + 1]));
  }
  for (const phrase of BOILERPLATE_PHRASES) if (phrase.test(content)) furniture.push(phrase.source);
  const title = (seed ? raw[0] : firstContentLine(raw))?.replace(/^#+\s*/, '').trim() || fileName;
  return { layout: seed ? 'seed' : 'plain', title, authors: [...authors].filter(Boolean), furniture, passages };
}

function firstContentLine(raw: string[]): string | undefined {
  let inFrontMatter = raw[0]?.trim() === '---';
  for (let i = inFrontMatter ? 1 : 0; i < raw.length; i++) {
    const t = raw[i].trim();
    if (inFrontMatter) {
      const title = /^title:\s*["']?(.+?)["']?$/.exec(t);
      if (title) return title[1];
      if (t === '---') inFrontMatter = false;
      continue;
    }
    if (t && !isBoilerplateLine(t)) return t;
  }
  return undefined;
}

/** Assigns each line of a seed page to a zone: a role, or `skip` for structure and furniture. */
function seedZones(lines: Line[]): Zone[] {
  const zones: Zone[] = lines.map(() => 'skip');
  const find = (re: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i].text.trim())) return i;
    return -1;
  };
  let end = lines.length;
  const related = find(SECTION_MARKERS.related);
  const digest = find(SECTION_MARKERS.digest);
  if (related >= 0) end = related;
  else if (digest >= 0) end = digest;
  if (related >= 0) {
    const relatedEnd = digest > related ? digest : lines.length;
    for (let i = related + 1; i < relatedEnd; i++) zones[i] = 'related';
  }

  const toggle = find(SECTION_MARKERS.analysisToggle);
  const marker = find(SECTION_MARKERS.original);
  let bodyStart: number;
  if (toggle >= 0) {
    for (let i = 1; i < toggle; i++) zones[i] = 'summary';
    zones[0] = 'summary';
    // 影響分析 and 編集コメント each own exactly one paragraph: the aggregator's opinion.
    let i = toggle + 1;
    for (const header of [SECTION_MARKERS.analysis, SECTION_MARKERS.comment]) {
      while (i < end && !lines[i].text.trim()) i++;
      if (i < end && header.test(lines[i].text.trim())) {
        i++;
        while (i < end && !lines[i].text.trim()) i++;
        if (i < end) zones[i++] = 'analysis';
      }
    }
    bodyStart = i;
  } else {
    // No analysis block: everything before the original is the aggregator's own write-up.
    const summaryEnd = marker >= 0 ? marker : end;
    for (let i = 0; i < summaryEnd; i++) zones[i] = 'summary';
    bodyStart = summaryEnd;
  }
  assignBody(lines, zones, bodyStart, end, marker >= bodyStart ? marker : -1);
  for (let i = 0; i < lines.length; i++) {
    if (isBoilerplateLine(lines[i].text.trim()) || isStructureLine(lines[i].text)) zones[i] = 'skip';
  }
  return zones;
}

function isStructureLine(text: string): boolean {
  const t = text.trim();
  return Object.values(SECTION_MARKERS).some((re) => re.test(t));
}

/**
 * The body is the Japanese translation followed by the English original. Where the marker is
 * missing, the boundary is the split that best separates Japanese lines before it from English
 * lines after it, weighted by length, so a stray untranslated heading does not move it.
 */
function assignBody(lines: Line[], zones: Zone[], start: number, end: number, marker: number): number {
  let boundary = marker;
  if (boundary < 0) {
    const weight = (l: Line) => Math.min(l.text.trim().length, 400);
    let score = 0;
    for (let i = start; i < end; i++) if (lines[i].lang === 'en') score += weight(lines[i]);
    let best = score;
    boundary = start;
    for (let i = start; i < end; i++) {
      const l = lines[i];
      if (l.lang === 'ja') score += weight(l);
      else if (l.lang === 'en') score -= weight(l);
      if (score > best) {
        best = score;
        boundary = i + 1;
      }
    }
  }
  for (let i = start; i < end; i++) {
    if (i === marker) continue;
    // An untranslated English heading inside the translation is still original wording, and a
    // Japanese line among the English is the aggregator's translation of something.
    zones[i] = lines[i].lang === 'en' ? 'original' : 'translation';
  }
  return boundary;
}

/** Documents without the seed layout: every content line is original text (code fences skipped). */
function plainZones(lines: Line[], fileName: string): Zone[] {
  const zones: Zone[] = lines.map(() => 'original');
  const markdown = /\.(md|markdown)$/i.test(fileName);
  let fence = false;
  let frontMatter = lines[0]?.text.trim() === '---';
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (frontMatter) {
      zones[i] = 'skip';
      if (i > 0 && t === '---') frontMatter = false;
      continue;
    }
    if (markdown && /^(```|~~~)/.test(t)) {
      fence = !fence;
      zones[i] = 'skip';
      continue;
    }
    if (fence || isBoilerplateLine(t)) zones[i] = 'skip';
  }
  return zones;
}

function linePassages(line: Line, role: Role, paragraph: number, next: Line | undefined): ParsedPassage[] {
  const text = line.text;
  const speaker = detectSpeaker(text.trim());
  const heading = isHeading(text, next);
  const headingPrefix = /^#{1,6}\s+/.exec(text);
  const spans = heading ? [trimSpan(text, { start: headingPrefix?.[0].length ?? 0, end: text.length })] : splitSentences(text);
  const out: ParsedPassage[] = [];
  for (const span of spans.flatMap((s) => cutFurniture(text, s))) {
    const sentence = text.slice(span.start, span.end);
    out.push({
      role,
      lang: sentenceLang(sentence, line.lang!),
      text: sentence,
      range: { start: { line: line.index, character: span.start }, end: { line: line.index, character: span.end } },
      paragraph,
      ...(heading || span.heading ? { heading: true } : {}),
      ...(speaker ? { speaker: speaker.name } : {}),
    });
  }
  return out;
}

/** A sentence keeps its line's language unless it is long enough to tell for itself. */
function sentenceLang(sentence: string, lineLang: Lang): Lang {
  const own = detectLang(sentence);
  if (!own || own === lineLang) return lineLang;
  return own === 'ja' || sentence.length >= 40 ? own : lineLang;
}

/** A short line without sentence punctuation, followed by more text, is a heading. */
function isHeading(text: string, next: Line | undefined): boolean {
  const t = text.trim();
  if (/^#{1,6}\s/.test(t)) return true;
  if (/[。.!?！？:：]$/.test(t) || /[。]/.test(t)) return false;
  const short = (detectLang(t) === 'ja' ? t.length <= 40 : t.split(/\s+/).length <= 9);
  return short && !!next && next.text.trim().length > t.length;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { ...span, start, end };
}

/** Removes furniture phrases glued into a sentence, splitting it where they stood. */
function cutFurniture(text: string, span: Span): Span[] {
  const sentence = text.slice(span.start, span.end);
  const cuts: Span[] = [];
  for (const re of BOILERPLATE_PHRASES) {
    re.lastIndex = 0;
    for (const m of sentence.matchAll(re)) cuts.push({ start: m.index!, end: m.index! + m[0].length });
  }
  if (!cuts.length) return [span];
  cuts.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.start > from) out.push({ ...span, start: span.start + from, end: span.start + cut.start });
    from = Math.max(from, cut.end);
  }
  out.push({ ...span, start: span.start + from, end: span.end });
  return out.map((s) => trimSpan(text, s)).filter((s) => s.end - s.start >= 2);
}
