// `hover`: what the language server's hover shows at a position of a memo (or of a string), as
// JSON for scripts: `null`, or the entity, the Markdown and the facts with the ranges `find-sources` uses.
import { entityFacts } from '../core/entityFacts';
import { memoHover, type FactView, type MemoHover } from '../core/hover';
import { LineIndex } from '../core/text';
import type { Position } from '../core/types';
import { UsageError, intFlag, parseArgs } from './args';
import { CORPUS_FLAGS, corpusFromArgs } from './corpusArgs';
import { location, roleLabel } from './format';
import { readTextFile } from './readText';

export const HOVER_USAGE = 'hover [--corpus DIR]… [--no-seeds] [--json] (--text STRING --offset N | --file MEMO --line L --character C)';

// Positions count from 0 in UTF-16 units, as LSP does, so that a script can pass an editor's position.

export async function hoverCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv, { ...CORPUS_FLAGS, json: 'boolean', text: 'string', offset: 'string', file: 'string', line: 'string', character: 'string' });
  const f = parsed.flags;
  if (parsed.positional.length || (f.text === undefined) === (f.file === undefined)) throw new UsageError(`usage: ${HOVER_USAGE}`);
  let memo: string;
  let at: Position;
  if (f.text !== undefined) {
    if (f.line !== undefined || f.character !== undefined) throw new UsageError('--text takes --offset, not --line/--character');
    memo = f.text as string;
    const offset = intFlag(f.offset, 'offset', -1);
    if (offset < 0) throw new UsageError('--text needs --offset N');
    if (offset > memo.length) throw new UsageError(`--offset ${offset} is past the end of the text (${memo.length} characters)`);
    at = new LineIndex(memo).position(offset);
  } else {
    if (f.offset !== undefined) throw new UsageError('--file takes --line and --character, not --offset');
    if (f.line === undefined || f.character === undefined) throw new UsageError('--file needs --line L and --character C');
    memo = readTextFile(f.file as string);
    at = { line: intFlag(f.line, 'line', 0), character: intFlag(f.character, 'character', 0) };
  }
  const { corpus, bridges } = await corpusFromArgs(parsed);
  const hover = memoHover(entityFacts(corpus, bridges.entities), memo, at);
  if (f.json) out(JSON.stringify(hover ? hoverJson(hover) : null));
  else out(hover ? formatHover(hover) : 'No hover here.');
  return 0;
}

const fact = (v: FactView) => ({
  doc: v.doc,
  range: v.range,
  text: v.text,
  lang: v.lang,
  role: v.role,
  ...(v.speaker ? { speaker: v.speaker } : {}),
  ...(v.reads ? { reads: v.reads } : {}),
  ...(v.counterpart ? { counterpart: { doc: v.counterpart.doc, range: v.counterpart.range, text: v.counterpart.text, lang: v.counterpart.lang, role: v.counterpart.role } } : {}),
});

function hoverJson(h: MemoHover) {
  const head = h.entity
    ? { entity: { name: h.entity.entity.name, kind: h.entity.entity.kind }, documents: h.entity.documents }
    : { citation: { key: h.citation!.key, doc: h.citation!.doc, ...(h.citation!.paragraph !== undefined ? { paragraph: h.citation!.paragraph } : {}) } };
  return { ...head, range: h.range, markdown: h.markdown, facts: (h.entity?.facts ?? h.citation?.facts ?? []).map(fact) };
}

function formatHover(h: MemoHover): string {
  const lines = h.entity
    ? [`${h.entity.entity.name} (${h.entity.entity.kind}), mentioned in ${h.entity.documents} document(s)`]
    : [`citation @${h.citation!.key} → ${h.citation!.doc}${h.citation!.paragraph !== undefined ? `, ¶${h.citation!.paragraph}` : ''}`];
  const facts = h.entity?.facts ?? h.citation?.facts ?? [];
  const clip = (text: string) => (text.length > 300 ? text.slice(0, 297) + '…' : text);
  // As in the editor's hover: the memo's language first (the counterpart, when there is one).
  facts.forEach((v, i) => {
    const lead = v.counterpart ?? v;
    const speaker = lead.speaker ?? v.speaker;
    lines.push(`${i + 1}. ${location(lead)}  [${roleLabel(lead.role)}, ${lead.lang}${speaker ? `, quoting ${speaker}` : v.reads === 'quote' ? ', a quoted post' : ''}]`);
    lines.push(`   “${clip(lead.text)}”`);
    if (v.counterpart) lines.push(`   ${v.lang} (${location(v)}, ${roleLabel(v.role)}): “${clip(v.text)}”`);
  });
  if (!facts.length && h.entity) lines.push('No passage in the sources states anything about it.');
  return lines.join('\n');
}
