// Training pairs generated from a corpus, the way fact-checking data sets are built from their
// evidence (a sentence, and the sentence with one thing changed): the sentence said in the other
// language (its aligned translation, with the sentence itself left out of retrieval) or with a
// few words dropped or replaced by synonyms → supported; one value changed, one actor replaced by
// another of the same kind, one word replaced by its antonym, a negation added → contradicted;
// the subject of one sentence joined to what another document says → unsupported. Works on any
// corpus, with or without an entity file; deterministic for a seed.
import type { Corpus } from '../server/core/corpus';
import { antonyms, synonyms } from '../server/core/dictionary/wordnet';
import type { EntityCatalog } from '../server/core/entities';
import { extractFacts } from '../server/core/facts';
import type { Passage } from '../server/core/types';
import type { Verdict } from '../server/core/verdict';
import { seeded } from './fuzz/generate';

export interface Pair {
  claim: string;
  label: Verdict;
  how: string;
  /** Passages left out of retrieval for this claim (the one it was made from). */
  exclude: number[];
}

function usable(p: Passage): boolean {
  return !p.heading && (p.role === 'original' || p.role === 'translation' || p.role === 'summary') && p.text.length >= 40 && p.text.length <= 300;
}

const LATIN_WORD = /[A-Za-z][a-z]{3,}/g;

export function generatePairs(corpus: Corpus, entities: EntityCatalog, seed = 1, perKind = 60): Pair[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const passages = corpus.passages.filter(usable);
  const shuffled = [...passages].sort(() => rnd() - 0.5);
  const out: Pair[] = [];
  const add = (kind: string, make: (p: Passage) => Pair | undefined) => {
    let n = 0;
    for (const p of shuffled) {
      if (n >= perKind) break;
      const pair = make(p);
      if (pair) {
        out.push(pair);
        n++;
      }
    }
    return kind;
  };

  add('other-language', (p) => {
    const other = p.aligned.map((id) => corpus.passages[id]).find((q) => usable(q) && q.lang !== p.lang);
    return other ? { claim: other.text, label: 'supported', how: 'other-language', exclude: [other.id] } : undefined;
  });
  add('shortened', (p) => {
    if (p.lang !== 'en') {
      const cut = Math.floor(p.text.length * (0.6 + 0.3 * rnd()));
      return { claim: p.text.slice(0, cut), label: 'supported', how: 'shortened', exclude: [p.id] };
    }
    const words = p.text.split(/\s+/);
    const keep = words.filter(() => rnd() > 0.25);
    return keep.length >= 5 ? { claim: keep.join(' '), label: 'supported', how: 'shortened', exclude: [p.id] } : undefined;
  });
  add('synonyms', (p) => {
    if (p.lang !== 'en') return undefined;
    let changed = 0;
    const claim = p.text.replace(LATIN_WORD, (w) => {
      if (changed >= 2 || rnd() < 0.5) return w;
      const s = synonyms(w.toLowerCase()).find((x) => !x.includes('-') && x !== w.toLowerCase());
      if (!s) return w;
      changed++;
      return s;
    });
    return changed ? { claim, label: 'supported', how: 'synonyms', exclude: [p.id] } : undefined;
  });
  add('value', (p) => {
    const facts = extractFacts(p.text).filter((f) => ['date', 'amount', 'count', 'percent', 'duration'].includes(f.kind));
    if (!facts.length) return undefined;
    const f = pick(facts);
    const original = p.text.slice(f.start, f.end);
    const changed = original.replace(/\d+/, (d) => String(Number(d) + 1 + Math.floor(rnd() * 8)));
    if (changed === original) return undefined;
    return { claim: p.text.slice(0, f.start) + changed + p.text.slice(f.end), label: 'contradicted', how: 'value', exclude: [] };
  });
  add('actor', (p) => {
    const mentions = entities.findMentions(p.text).filter((m) => ['person', 'company', 'agency'].includes(m.entity.kind));
    if (!mentions.length) return undefined;
    const m = pick(mentions);
    const present = new Set(entities.findMentions(p.text).map((x) => x.entity.id));
    const rivals = entities.all().filter((e) => e.kind === m.entity.kind && !present.has(e.id) && !e.detected);
    if (!rivals.length) return undefined;
    const rival = pick(rivals);
    const sameScript = rival.aliases.filter((a) => /[A-Za-z]/.test(a) === /[A-Za-z]/.test(m.text));
    const name = sameScript.length ? pick(sameScript) : rival.name;
    return { claim: p.text.slice(0, m.start) + name + p.text.slice(m.end), label: 'contradicted', how: 'actor', exclude: [] };
  });
  add('antonym', (p) => {
    if (p.lang !== 'en') return undefined;
    let changed = false;
    const claim = p.text.replace(LATIN_WORD, (w) => {
      if (changed) return w;
      const a = antonyms(w.toLowerCase()).find((x) => !x.includes('-'));
      if (!a || rnd() < 0.3) return w;
      changed = true;
      return a;
    });
    return changed ? { claim, label: 'contradicted', how: 'antonym', exclude: [] } : undefined;
  });
  add('negation', (p) => {
    if (p.lang === 'en') {
      const m = /\b(is|was|are|were|will|has|have|had|can|could|did)\b (?!not\b)/.exec(p.text);
      return m ? { claim: p.text.slice(0, m.index + m[1].length) + ' not' + p.text.slice(m.index + m[1].length), label: 'contradicted', how: 'negation', exclude: [] } : undefined;
    }
    const m = /(した|している|された|する)。$/.exec(p.text);
    const negative: Record<string, string> = { した: 'しなかった', している: 'していない', された: 'されなかった', する: 'しない' };
    return m ? { claim: p.text.slice(0, m.index) + negative[m[1]] + '。', label: 'contradicted', how: 'negation', exclude: [] } : undefined;
  });
  add('joined', (p) => {
    const other = pick(passages);
    if (other.doc === p.doc || other.lang !== p.lang) return undefined;
    const head = p.lang === 'en' ? p.text.split(/\s+/).slice(0, 6).join(' ') : p.text.slice(0, Math.floor(p.text.length / 2));
    const tail = p.lang === 'en' ? other.text.split(/\s+/).slice(-8).join(' ') : other.text.slice(Math.floor(other.text.length / 2));
    return { claim: `${head} ${tail}`, label: 'unsupported', how: 'joined', exclude: [] };
  });
  return out;
}
