// Hostile inputs for the fuzz run, from a seeded generator so that a failure can be replayed:
// corpus folders of files in every encoding, binary, with huge lines, control and format
// characters and odd names (plus links, FIFOs, garbage catalog and entity files), and memos.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export type Rand = () => number;

/** mulberry32: small, fast, good enough to spread inputs, and the same for the same seed. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const SENTENCES = [
  'The export control order was issued on June 30.',
  'The Department of Commerce issued the chip rule on March 3, 2026.',
  'Anthropic needs revenue from Mythos to pay SpaceX $15 billion per year.',
  '商務省は6月12日に輸出管理の指令を出した。',
  'ミソスの利用は7月1日に世界中で再開された。',
  'Howard Lutnick said 7 of 10 partners agreed, a rise of 10%.',
  'XBOW says Mythos Preview is the only model that succeeded at subtle V8 sandbox work.',
  'Project Glasswing partners got access for three weeks.',
];
const PIECES = [
  '\u200b', '\u00ad', '\u200d', '\u202e', '\u2066', '\ufeff', '\u061c', '\u2060', // format (Cf)
  '\x00', '\x01', '\x07', '\x1b[31m', '\x7f', '\t', '\v', '\f', // control
  '\ud800', '\udfff', '👩‍💻', 'e\u0301', '６月１２日', 'مرحبا', '㍻', 'ﬁ', '\u3000',
  '[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '@key', '[@k, ¶3]', '[^1]', '```', '| a | b |',
  '<!-- comment', '-->', '# ', '> ', '- ', '1. ', '***', '\\', '"', "'", '{', '}', '$', '%s', '${x}',
];
const LINE_ENDS = ['\n', '\r\n', '\r', '\n\n', '\u2028'];

/** Text with claims, hostile pieces and odd line ends; one line of `hugeLine` units when asked. */
export function text(rand: Rand, lines: number, hugeLine = 0): string {
  const out: string[] = [];
  if (rand() < 0.2) out.push(pick(rand, ['---\nbibliography: /dev/zero\n---', '---\nbibliography: refs.json\n---', '---\ntitle: [unclosed\n']));
  for (let i = 0; i < lines; i++) {
    const parts: string[] = [];
    for (let n = int(rand, 0, 6); n > 0; n--) parts.push(rand() < 0.5 ? pick(rand, SENTENCES) : pick(rand, PIECES));
    out.push(parts.join(pick(rand, [' ', '', '\u200b', '\u00a0'])));
    out.push(pick(rand, LINE_ENDS));
  }
  if (hugeLine > 0) {
    const unit = pick(rand, [pick(rand, SENTENCES) + ' ', 'It is so. ', 'そうです。', 'x', '\u200b', 'Mythos ']);
    out.push(unit.repeat(Math.ceil(hugeLine / unit.length)).slice(0, hugeLine), '\n');
  }
  return out.join('');
}

export const ENCODINGS = ['utf8', 'utf8-bom', 'utf16le', 'utf16le-bom', 'utf16be-bom', 'latin1', 'binary', 'truncated', 'nul-sprinkled'] as const;

/** `content` as bytes in one of many encodings (some of them broken on purpose). */
export function encode(rand: Rand, content: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(content, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content, 'utf8')]);
    case 'utf16le':
      return Buffer.from(content, 'utf16le');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')]);
    case 'utf16be-bom': {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')]);
      return le.length % 2 ? le : le.swap16();
    }
    case 'latin1':
      return Buffer.from(content, 'latin1');
    case 'binary':
      return Buffer.from(Array.from({ length: int(rand, 1, 4096) }, () => int(rand, 0, 255)));
    case 'truncated': {
      const bytes = Buffer.from(content + 'é日', 'utf8');
      return bytes.subarray(0, bytes.length - 1);
    }
    case 'nul-sprinkled': {
      const bytes = Buffer.from(content, 'utf8');
      for (let i = 0; i < bytes.length; i += int(rand, 1, 50)) bytes[i] = 0;
      return bytes;
    }
  }
}

const NAMES = ['plain', 'with space', 'new\nline', 'タイトル', 'émoji👩‍💻', '-dash', '#hash', '%41', 'x'.repeat(200), '..dots', 'x[1](y)', 'tab\there', 'ctrl\x01'];
const EXTENSIONS = ['.txt', '.md', '.markdown', '.TXT', '.json', ''];

export interface Made {
  files: number;
  folder: string;
}

/** A corpus folder of `count` hostile entries under `dir`. */
export function corpusFolder(rand: Rand, dir: string, count: number, hugeLine: number): Made {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let i = 0; i < count; i++) {
    const sub = rand() < 0.3 ? path.join(dir, pick(rand, ['sub', 'deep/er/still', '.hidden', 'node_modules', 'サブ'])) : dir;
    mkdirSync(sub, { recursive: true });
    const name = `${i}-${pick(rand, NAMES)}${pick(rand, EXTENSIONS)}`;
    const file = path.join(sub, name);
    const kind = rand();
    try {
      if (kind < 0.04) symlinkSync(pick(rand, ['.', '..', '/dev/zero', 'missing', dir]), file);
      else if (kind < 0.06) spawnSync('mkfifo', [file]);
      else if (kind < 0.08) writeFileSync(Buffer.from(path.join(sub, `${i}-bad-\xff\xfe.txt`), 'latin1'), text(rand, 3));
      else {
        const huge = rand() < 0.05 ? hugeLine : 0;
        writeFileSync(file, encode(rand, text(rand, int(rand, 0, 40), huge), pick(rand, ENCODINGS)));
      }
      files++;
    } catch {
      // A name the file system refuses (too long with the prefix): the next one.
    }
  }
  if (rand() < 0.3) writeFileSync(path.join(dir, 'catalog.json'), pick(rand, ['{', '[]', 'null', '{"a.txt": 5}', '{"0-plain.txt": {"key": "x](command:y)", "title": "[t](command:z)"}}', '\xff\xfe']));
  if (rand() < 0.3) writeFileSync(path.join(dir, 'entities.json'), pick(rand, ['{', '{}', '[{"name": ""}]', '[{"name": "Zorb", "kind": "model", "aliases": ["\u200b", "Z"]}]', '[null]']));
  return { files, folder: dir };
}
