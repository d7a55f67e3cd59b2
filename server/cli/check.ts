// `check [--json] [--corpus DIR]… MEMO`: every claim sentence of a memo against the corpus.
// Prints each contradicted or unsupported claim with its line (`--all`: supported ones too) and
// citation keys that nothing defines; exit code 1 when a claim is contradicted, 0 otherwise.
import * as path from 'node:path';
import { readBibliographyKeys } from '../host/bibliography';
import { checkMemo, countFindings, unknownCitationKeys, type MemoFinding } from '../core/check';
import { bibliographyPathFromFrontMatter, type CitationKeyUse } from '../core/citations';
import type { Corpus } from '../core/corpus';
import { UsageError, parseArgs } from './args';
import { CORPUS_FLAGS, corpusFromArgs } from './corpusArgs';
import { location, roleLabel, printableName } from './format';
import { readTextFile } from './readText';

export const CHECK_USAGE = 'check [--corpus DIR]… [--no-seeds] [--entities FILE]… [--bibliography FILE] [--json] [--all] MEMO';

export async function checkCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv, { ...CORPUS_FLAGS, json: 'boolean', all: 'boolean', bibliography: 'string' });
  if (parsed.positional.length !== 1) throw new UsageError(`usage: ${CHECK_USAGE}`);
  const file = parsed.positional[0];
  const memoText = readTextFile(file);
  const { corpus, bridges } = await corpusFromArgs(parsed);
  const findings = (await checkMemo(corpus, bridges.entities, memoText))!;
  const unknown = await unknownKeys(corpus, memoText, file, parsed.flags.bibliography as string | undefined);
  const counts = countFindings(findings);
  if (parsed.flags.json) {
    out(JSON.stringify({ file, ...counts, findings, unknownCitationKeys: unknown }));
  } else {
    for (const f of findings) if (parsed.flags.all || f.verdict !== 'supported') out(formatFinding(file, f));
    for (const u of unknown) out(`${printableName(file)}:${u.range.start.line + 1}:${u.range.start.character + 1}: unknown citation key @${u.key}`);
    out(`${counts.checked} claims checked: ${counts.supported} supported, ${counts.contradicted} contradicted, ${counts.unsupported} unsupported`);
  }
  return counts.contradicted > 0 ? 1 : 0;
}

/**
 * Keys are known from the corpus and from the bibliography (`--bibliography`, else the front
 * matter). A bibliography that cannot be read (or is not CSL-JSON) leaves the keys unjudged.
 */
async function unknownKeys(corpus: Corpus, memoText: string, file: string, bibliography?: string): Promise<CitationKeyUse[]> {
  const known = new Set(corpus.documents.map((d) => d.catalog.key));
  const named = bibliography ?? bibliographyPathFromFrontMatter(memoText);
  if (named) {
    const bib = bibliography ? named : path.resolve(path.dirname(file), named);
    try {
      for (const key of await readBibliographyKeys(bib)) known.add(key);
    } catch (e) {
      process.stderr.write(`ai-policy-claims: citation keys not checked: ${(e as Error).message}\n`);
      return [];
    }
  }
  return unknownCitationKeys(memoText, known);
}

function formatFinding(file: string, f: MemoFinding): string {
  const lines = [`${printableName(file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.verdict}: ${f.claim}`];
  for (const c of f.conflicts) {
    const who = c.source.speaker ? `, quoting ${c.source.speaker}` : '';
    lines.push(`  ${c.kind}: the memo says ${c.claimValue}; ${location({ doc: c.source.doc, range: c.sourceRange })} [${roleLabel(c.source.role)}${who}] says ${c.sourceValue}`);
  }
  lines.push(`  ${f.explanation}`);
  return lines.join('\n');
}
