// Shared test helpers: the repository's own seeds and fixtures, and inline multi-file corpora.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bridges, type Bridges } from '../server/bridges';
import type { Corpus } from '../server/core/corpus';
import { entityFacts, type EntityFacts } from '../server/core/entityFacts';
import { openCorpus } from '../server/host/openCorpus';
import { silentLogger, type Position, type Range } from '../server/core/types';

/** The repository root, found from dist/test (where the bundled tests run) by walking up. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!readdirSafe(dir).includes('package.json')) {
    if (path.dirname(dir) === dir) throw new Error(`tests must run inside the repository (no package.json above ${__dirname})`);
    dir = path.dirname(dir);
  }
  return dir;
})();

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export const SEEDS = path.join(ROOT, 'seeds');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function seedText(name: string): string {
  return readFileSync(path.join(SEEDS, name), 'utf8');
}

export interface DevClaim {
  id: string;
  lang: 'ja' | 'en';
  kind: 'support' | 'contradict' | 'unsupported';
  claim: string;
  gold: Array<{ doc: string; quote: string }>;
  /** Why, with tags such as `[xling]` (the fact is stated only in the other language). */
  expect?: string;
}

export interface DevEntity {
  name: string;
  kind: string;
  aliases: string[];
}

/** The dev set's entities (test/fixtures/entities.json): every alias occurs in the seeds. */
export function devEntities(): DevEntity[] {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'entities.json'), 'utf8'));
}

/** The dev set (test/fixtures/claims.jsonl), or another claim set in its format. */
export function devClaims(file = path.join(FIXTURES, 'claims.jsonl')): DevClaim[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

/**
 * Writes an inline corpus to a temp folder. Files are separated by `//- name` lines:
 *   //- a.txt
 *   First line is the title.
 */
export function writeCorpus(spec: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-corpus-'));
  let current: string | undefined;
  const files = new Map<string, string[]>();
  for (const line of spec.split('\n')) {
    const header = /^\/\/- (.+)$/.exec(line);
    if (header) {
      current = header[1].trim();
      files.set(current, []);
    } else if (current) files.get(current)!.push(line);
  }
  for (const [name, lines] of files) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, lines.join('\n').replace(/\n+$/, '\n'));
  }
  return dir;
}

/** The text a range covers in a file's content. */
export function textAt(content: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = content.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

/** True when a returned passage overlaps a gold quote (the dev set's criterion). */
export function overlapsQuote(content: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, quote: string): boolean {
  const lines = content.split('\n');
  for (let l = range.start.line; l <= range.end.line; l++) {
    const at = lines[l].indexOf(quote);
    if (at < 0) continue;
    const from = l === range.start.line ? range.start.character : 0;
    const to = l === range.end.line ? range.end.character : lines[l].length;
    if (at < to && at + quote.length > from) return true;
  }
  return false;
}

/** The corpus of the seeds (unless left out) and `folders`, with the bridges the server would use. */
export async function openCorpusWith(folders: string[], includeSeeds = true): Promise<{ corpus: Corpus; b: Bridges }> {
  const b = bridges({ entityFiles: [], folders: [...(includeSeeds ? [SEEDS] : []), ...folders], logger: silentLogger });
  const { corpus } = await openCorpus({ seedsFolder: SEEDS, includeSeeds, folders }, silentLogger, b.annotators);
  return { corpus, b };
}

/** The same corpus with its entity-facts table, as the hover and the entity tests use it. */
export async function openCorpusWithFacts(folders: string[], includeSeeds = true): Promise<{ corpus: Corpus; b: Bridges; table: EntityFacts }> {
  const { corpus, b } = await openCorpusWith(folders, includeSeeds);
  return { corpus, b, table: entityFacts(corpus, b.entities) };
}

/**
 * Makes a subfolder of `dir` that cannot be read: nested so deep that its path is longer than the
 * system allows (ENAMETOOLONG), which holds even for root, where permission bits do not.
 */
export function unreadableSubfolder(dir: string): void {
  const name = 'd'.repeat(240);
  const r = spawnSync('bash', ['-c', `cd "$1" && for i in $(seq 18); do mkdir ${name} && cd ${name} || exit 1; done; echo 'Deep\nNothing reads this.' > deep.txt`, 'bash', dir]);
  if (r.status !== 0) throw new Error(`could not make a deep folder: ${r.stderr}`);
}

/**
 * A memo with its positions marked inline, so that a test states where the cursor is and which
 * range it expects beside the words themselves: `$$` is the cursor, `[[` … `]]` a range (several
 * allowed, in order). Returns the text without the markers, and the positions they mark.
 */
export function marked(source: string): { text: string; cursor: Position; ranges: Range[] } {
  let text = '';
  let cursor: Position | undefined;
  const ranges: Range[] = [];
  const open: Position[] = [];
  const here = (): Position => {
    const lines = text.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  for (const part of source.split(/(\$\$|\[\[|\]\])/)) {
    if (part === '$$') cursor = here();
    else if (part === '[[') open.push(here());
    else if (part === ']]') ranges.push({ start: open.pop()!, end: here() });
    else text += part;
  }
  return { text, cursor: cursor ?? { line: 0, character: 0 }, ranges };
}
