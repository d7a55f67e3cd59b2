// Synthetic corpora made from the seeds (perturbed so that no two documents are the same), for
// the benchmark and the tests that need a large corpus. Deterministic: the same size gives the
// same documents.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SEEDS } from './helpers';

export interface SyntheticDoc {
  name: string;
  content: string;
}

const SYLLABLES = ['ka', 'ri', 'to', 'mes', 'lor', 'vin', 'dra', 'pel', 'su', 'qua', 'zen', 'bo'];
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ'.split('');
const KANJI = '政府規制輸出管理企業技術安全研究市場交渉計算資源評価能力防御攻撃報告発表'.split('');

export function seedDocs(): SyntheticDoc[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, content: readFileSync(path.join(SEEDS, name), 'utf8') }));
}

/** `size` documents: the seeds themselves first, then perturbed copies. */
export function syntheticDocs(size: number, seeds = seedDocs()): SyntheticDoc[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const pseudoWord = (ja: boolean): string => {
    if (ja) return Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(rand() < 0.5 ? KANA : KANJI)).join('');
    const w = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
    return rand() < 0.3 ? w[0].toUpperCase() + w.slice(1) : w;
  };
  // A seed with its numbers changed, some lines dropped and new names sprinkled in.
  const perturb = (text: string): string =>
    text
      .split('\n')
      .filter((_line, i) => i < 25 || rand() > 0.15)
      .map((line) => {
        let out = line.replace(/\d+/g, (d) => (rand() < 0.5 ? String(Math.floor(rand() * 10 ** d.length)) : d));
        const ja = /[\u3040-\u30ff\u4e00-\u9fff]/.test(out);
        const words = Math.floor(rand() * 4);
        for (let k = 0; k < words && out.length > 30; k++) {
          const at = out.indexOf(ja ? '、' : ' ', Math.floor(rand() * out.length));
          if (at > 0) out = out.slice(0, at + 1) + pseudoWord(ja) + (ja ? '' : ' ') + out.slice(at + 1);
        }
        return out;
      })
      .join('\n');
  return Array.from({ length: size }, (_, i) => {
    const s = seeds[i % seeds.length];
    return { name: `${String(i).padStart(5, '0')}_${s.name}`, content: i < seeds.length ? s.content : perturb(s.content) };
  });
}

/** Writes `size` synthetic documents into `dir` (100 per subfolder, as archives are kept). */
export function writeSyntheticCorpus(dir: string, size: number): string[] {
  const files: string[] = [];
  for (const [i, doc] of syntheticDocs(size).entries()) {
    const file = path.join(dir, `batch${Math.floor(i / 100)}`, doc.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, doc.content);
    files.push(file);
  }
  return files;
}
