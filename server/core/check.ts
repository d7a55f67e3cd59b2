// Checking a memo: each claim sentence (Markdown structure, code and citation markers left out)
// against the corpus, with the memo ranges a diagnostic or a quick fix needs. The CLI and the
// language server both call this; the server passes `pause` so that a long memo is checked in
// slices between other requests, and `isCancelled` so that a stale check stops early.
import { parseCitationKeys, type CitationKeyUse } from './citations';
import type { Corpus } from './corpus';
import type { EntityCatalog } from './entities';
import { findSources, sourceView, type SourceView } from './findSources';
import { memoSentences, type MemoSentence } from './memo';
import { citationOffset, LineIndex, positionAfter } from './text';
import type { Position, Range } from './types';
import type { Conflict, Verdict } from './verdict';

export interface MemoConflict extends Conflict {
  /** Where the claim's value is in the memo, when it is written there as it is in the claim. */
  memoRange?: Range;
  /** Where the source's value is in its file. */
  sourceRange: Range;
  source: SourceView;
}

export interface MemoFinding {
  claim: string;
  /** The sentence in the memo. */
  range: Range;
  verdict: Verdict;
  explanation: string;
  conflicts: MemoConflict[];
  /** The passage the verdict rests on. */
  evidence?: SourceView;
  /** Canonical names of the catalog entities the claim names. */
  entities: string[];
  /** Where a citation for this claim goes: the end of the sentence, before its final punctuation. */
  citeAt: Position;
  /** Citation markers the sentence already has. */
  citations: string[];
}

export interface CheckCounts {
  checked: number;
  supported: number;
  contradicted: number;
  unsupported: number;
}

export interface CheckOptions {
  /** Awaited between sentences (the server yields to its event loop here). */
  pause?: () => Promise<void>;
  /** Checked after every pause: true stops the check, which then returns undefined. */
  isCancelled?: () => boolean;
}

export async function checkMemo(corpus: Corpus, entities: EntityCatalog, memoText: string, options: CheckOptions = {}): Promise<MemoFinding[] | undefined> {
  const findings: MemoFinding[] = [];
  const lines = new LineIndex(memoText);
  for (const sentence of memoSentences(memoText)) {
    if (options.pause) await options.pause();
    if (options.isCancelled?.()) return undefined;
    findings.push(checkSentence(corpus, entities, lines, sentence));
  }
  return findings;
}

export function checkSentence(corpus: Corpus, entities: EntityCatalog, lines: LineIndex, sentence: MemoSentence): MemoFinding {
  const result = findSources(corpus, sentence.text, { top: 5, entities });
  const start = lines.offset(sentence.range.start);
  const written = lines.text.slice(start, lines.offset(sentence.range.end));
  const conflicts = result.conflicts.map((c): MemoConflict => {
    const passage = corpus.passages[c.passage];
    const at = written.indexOf(c.claimValue);
    const memoRange = at < 0 ? undefined : lines.range(start + at, start + at + c.claimValue.length);
    return {
      ...c,
      ...(memoRange ? { memoRange } : {}),
      sourceRange: { start: positionAfter(passage.range.start, passage.text, c.sourceStart), end: positionAfter(passage.range.start, passage.text, c.sourceEnd) },
      source: sourceView(corpus, { passage, score: 0 }),
    };
  });
  const evidence = result.evidence !== undefined ? (result.sources.find((s) => s.id === result.evidence) ?? sourceView(corpus, { passage: corpus.passages[result.evidence], score: 0 })) : undefined;
  return {
    claim: sentence.text,
    range: sentence.range,
    verdict: result.verdict,
    explanation: result.explanation,
    conflicts,
    ...(evidence ? { evidence } : {}),
    entities: [...new Set(entities.findMentions(sentence.text).map((m) => m.entity.name))],
    citeAt: citationPoint(lines, sentence.range, written),
    citations: sentence.citations ?? [],
  };
}

export function countFindings(findings: MemoFinding[]): CheckCounts {
  const count = (v: Verdict) => findings.filter((f) => f.verdict === v).length;
  return { checked: findings.length, supported: count('supported'), contradicted: count('contradicted'), unsupported: count('unsupported') };
}

/** `[@key]` uses whose key is neither a corpus document's key nor in the memo's bibliography. */
export function unknownCitationKeys(memoText: string, known: ReadonlySet<string>): CitationKeyUse[] {
  return parseCitationKeys(memoText).filter((use) => !known.has(use.key));
}

/** Where the quick fix puts a citation: the end of the sentence as written, before its final punctuation. */
function citationPoint(lines: LineIndex, range: Range, written: string): Position {
  return lines.position(lines.offset(range.start) + citationOffset(written));
}
