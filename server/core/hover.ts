// Hover contents, built once for the language server and the CLI: an entity's card (kind,
// description, sourced facts with links that open each passage, document count, and the other
// language's counterpart) and a citation key's source. All source text is escaped; links are
// plain `file:` URIs with a `#Lline,column` fragment, never commands.
import { pathToFileURL } from 'node:url';
import type { CitationKeyUse } from './citations';
import { escapeMarkdown, oneLine, shortQuote } from './citations/markdown';
import { citationKeyAt, documentByKey, paragraphNumber, paragraphPassages } from './citationKeys';
import type { Corpus } from './corpus';
import type { Entity, EntityKind } from './entities';
import { entityAt, type EntityFacts } from './entityFacts';
import { displayOrder, type FactSort } from './factRules';
import { nameFormAt, namesInMemo } from './nameForms';
import { detectLang, KIND_LABELS, LANGUAGE_NAMES, ROLE_LABELS, splitLines } from './text';
import type { Lang, Passage, Position, Range, Role } from './types';

export interface PassageRef {
  /** File name relative to its corpus folder (as `find-sources` prints it). */
  doc: string;
  range: Range;
  text: string;
  lang: Lang;
  role: Role;
  /** Paragraph number for a `¶N` pinpoint. */
  paragraph: number;
  uri: string;
  speaker?: string;
}

export interface FactView extends PassageRef {
  title: string;
  /** A statement, someone's quote, or an aside (question, title, banter) shown for lack of better. */
  reads?: FactSort;
  /** The aligned passage in the memo's language, when the fact is in the other one: the hover leads with it. */
  counterpart?: PassageRef;
  /** Where the same fact is in the other language, when the fact is in the memo's: one click away. */
  otherLanguage?: { lang: Lang; uri: string };
}

export interface EntityHover {
  entity: { id: string; name: string; kind: EntityKind };
  markdown: string;
  facts: FactView[];
  /** Documents that mention the entity. */
  documents: number;
}

/** A link target that opens the passage: VS Code reads `#L12,5` (1-based) on `file` URIs. */
export function passageUri(file: string, range: Range): string {
  const uri = pathToFileURL(file).toString().replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `${uri}#L${range.start.line + 1},${range.start.character + 1}`;
}

function passageRef(corpus: Corpus, p: Passage): PassageRef {
  const doc = corpus.documents[p.doc];
  const ref: PassageRef = { doc: doc.name, range: p.range, text: p.text, lang: p.lang, role: p.role, paragraph: p.paragraph, uri: passageUri(doc.path, p.range) };
  if (p.speaker) ref.speaker = p.speaker;
  return ref;
}

export function factView(corpus: Corpus, p: Passage, memoLang: Lang, reads?: FactSort): FactView {
  const view: FactView = { ...passageRef(corpus, p), title: corpus.documents[p.doc].catalog.title };
  if (reads) view.reads = reads;
  const aligned = p.aligned.map((id) => corpus.passages[id]).filter((a) => a.lang !== p.lang);
  if (aligned.length && p.lang !== memoLang) view.counterpart = { ...passageRef(corpus, aligned[0]), text: aligned.map((a) => a.text).join(aligned[0].lang === 'ja' ? '' : ' ') };
  else if (aligned.length) view.otherLanguage = { lang: aligned[0].lang, uri: passageRef(corpus, aligned[0]).uri };
  return view;
}

/**
 * The hover of an entity for a memo in `memoLang`, with up to `limit` facts; `written` is the
 * name as the memo spells it, shown beside the canonical name when they differ.
 */
export function entityHover(table: EntityFacts, entity: Entity, memoLang: Lang, written?: string, limit = 5): EntityHover {
  const stats = table.forHover(entity);
  const top = stats.facts.slice(0, limit).map((p, i) => ({ p, reading: stats.readings[i] }));
  const facts = displayOrder(top, (f) => f.reading).map((f) => factView(table.corpus, f.p, memoLang, f.reading.sort));
  const ja = memoLang === 'ja';
  const total = table.corpus.documents.length;
  const kind = KIND_LABELS[memoLang][entity.kind];
  const count = ja ? `${total} 件中 ${stats.documents} 件の文書が言及` : `mentioned in ${stats.documents} of ${total} document${total === 1 ? '' : 's'}`;
  const alias = written && oneLine(written) !== entity.name ? ` (${escapeMarkdown(oneLine(written))})` : '';
  const lines = [`**${escapeMarkdown(oneLine(entity.name))}**${alias} · ${kind} · ${count}`];
  const description = (ja ? entity.descriptionJa : undefined) ?? entity.description;
  if (description) lines.push('', escapeMarkdown(oneLine(description)));
  if (entity.detected) lines.push('', ja ? '_(モデル名のパターンで検出)_' : '_(recognised as a model name by its pattern)_');
  lines.push('');
  if (!facts.length) lines.push(ja ? '資料にはこの名前を含む記述がありません。' : 'No passage in the sources states anything about it.');
  facts.forEach((f, i) => lines.push(...factLines(f, i + 1, memoLang)));
  return { entity: { id: entity.id, name: entity.name, kind: entity.kind }, markdown: lines.join('\n'), facts, documents: stats.documents };
}

/**
 * One fact: in the memo's language when the sources have it (the aggregator's translation of an
 * English original in a Japanese memo), with the other language beside it.
 */
function factLines(f: FactView, n: number, memoLang: Lang): string[] {
  const labels = ROLE_LABELS[memoLang];
  const lead = f.counterpart ?? f;
  const speaker = lead.speaker ?? f.speaker;
  const who = speaker ? (memoLang === 'ja' ? ` · ${escapeMarkdown(oneLine(speaker))} の発言` : ` · quoting ${escapeMarkdown(oneLine(speaker))}`) : '';
  const post = !speaker && f.reads === 'quote' ? (memoLang === 'ja' ? ' · 投稿の引用' : ' · a quoted post') : '';
  const source = `[${escapeMarkdown(oneLine(f.title))}, ¶${lead.paragraph}](${lead.uri})`;
  const other = f.otherLanguage ? ` · [${LANGUAGE_NAMES[memoLang][f.otherLanguage.lang]}](${f.otherLanguage.uri})` : '';
  const out = [`${n}. “${escapeMarkdown(shortQuote(lead.text, 220))}” — ${source} · ${labels[lead.role].label}${who}${post}${other}`];
  if (f.counterpart) {
    out.push(`   - ${LANGUAGE_NAMES[memoLang][f.lang]}: “${escapeMarkdown(shortQuote(f.text, 220))}” ([${labels[f.role].label}](${f.uri}))`);
  }
  return out;
}

/** The hover of a citation key: the document's title, outlet and date, and the cited paragraph. */
export function citationHover(corpus: Corpus, use: CitationKeyUse): string | undefined {
  const doc = documentByKey(corpus, use.key);
  if (!doc) return undefined;
  const c = doc.catalog;
  const about = [c.author, c.outlet, c.date].filter((x): x is string => !!x).map((x) => escapeMarkdown(oneLine(x)));
  const lines = [`**${escapeMarkdown(oneLine(c.title))}**${about.length ? ' — ' + about.join(', ') : ''}`, '', `\`${use.key.replace(/`/g, '')}\` · ${escapeMarkdown(doc.name)}`];
  const n = paragraphNumber(use.locator);
  if (n === undefined) return lines.join('\n');
  const passages = paragraphPassages(corpus, doc, n);
  lines.push('');
  if (!passages.length) {
    const last = doc.passages.length ? corpus.passages[doc.passages[doc.passages.length - 1]].paragraph : 0;
    lines.push(`¶${n} is not in this document (it has ${last} paragraphs).`);
    return lines.join('\n');
  }
  const first = passages[0];
  const quote = shortQuote(passages.map((p) => p.text).join(first.lang === 'ja' ? '' : ' '), 400);
  lines.push(`> ${escapeMarkdown(quote)}`, '', `[¶${n}](${passageUri(doc.path, first.range)}) · ${ROLE_LABELS.en[first.role].label}${first.speaker ? ` · quoting ${escapeMarkdown(oneLine(first.speaker))}` : ''}`);
  return lines.join('\n');
}

export interface MemoHover {
  markdown: string;
  /** The memo text the hover is about: the entity name or the citation key. */
  range: Range;
  entity?: EntityHover;
  citation?: { key: string; doc: string; paragraph?: number; facts: FactView[] };
}

/** The hover at a position of a memo: a citation key first, else an entity name, else nothing. */
export function memoHover(table: EntityFacts, memoText: string, at: Position): MemoHover | undefined {
  const lines = splitLines(memoText);
  const line = lines[at.line] ?? '';
  const memoLang = detectLang(line) ?? detectLang(memoText) ?? 'en';
  const use = citationKeyAt(memoText, at);
  if (use) {
    const markdown = citationHover(table.corpus, use);
    const doc = documentByKey(table.corpus, use.key);
    if (markdown && doc) {
      const paragraph = paragraphNumber(use.locator);
      const passages = paragraph === undefined ? [] : paragraphPassages(table.corpus, doc, paragraph);
      const facts = passages.map((p) => factView(table.corpus, p, memoLang));
      return { markdown, range: use.range, citation: { key: use.key, doc: doc.name, ...(paragraph !== undefined ? { paragraph } : {}), facts } };
    }
  }
  // A first or family name alone counts where the memo or the sources make it unambiguous.
  const mention = entityAt(table.catalog, memoText, at) ?? nameFormAt([namesInMemo(table.catalog, memoText), table.namesForHover()], line, at);
  if (!mention) return undefined;
  const entity = entityHover(table, mention.entity, memoLang, mention.text);
  return { markdown: entity.markdown, range: mention.range, entity };
}
