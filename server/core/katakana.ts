// Katakana spellings of a name vary with the writer (`ルットニック`, `ラトニック`; `アンソロピック`,
// `アンスロピック`): a katakana word that the catalog does not hold is read as the catalog's name
// when it is one edit from one of its katakana aliases, once small kana, long-vowel marks and the
// middle dot are set aside. Whole katakana words only, of four letters or more, and below six
// only beside a title or with a middle dot, so that ordinary words (`ファイル`) never pass for a name.
import { editDistance } from './text';

export interface KatakanaAlias<T> {
  key: string;
  target: T;
}

const RUN = /[ァ-ヺー・]{3,}/g;
const SMALL: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ' };
const MIN_LENGTH = 4;
/** Keys this long are names wherever they stand; shorter ones need a dot or a title. */
const FREE_LENGTH = 6;
/** Japanese titles written against a name (`商務長官`, `社長`), as a regex alternation. */
export const JA_TITLE_WORDS = '長官|大臣|社長|会長|代表|局長|所長|議長|委員長|責任者';
const TITLE_AFTER = new RegExp(`^(?:[\\u4e00-\\u9fff]{0,6}?(?:${JA_TITLE_WORDS}|氏)|さん|社(?![会員])|CEO)`);
const SEEN_LIMIT = 50_000;

/** `ルットニック` → `ルトニク`: the letters that carry a name, without ッ, ー, ・ or small kana. */
export function katakanaKey(word: string): string {
  return [...word].filter((c) => c !== 'ッ' && c !== 'ー' && c !== '・').map((c) => SMALL[c] ?? c).join('');
}

export function isKatakanaWord(text: string): boolean {
  return /^[ァ-ヺー・]+$/.test(text);
}

export class KatakanaVariants<T> {
  private readonly byLength = new Map<number, Array<KatakanaAlias<T>>>();
  // Katakana words repeat across a corpus: each is compared with the aliases once.
  private readonly seen = new Map<string, T | null>();

  constructor(aliases: Iterable<{ alias: string; target: T }>) {
    for (const { alias, target } of aliases) {
      if (!isKatakanaWord(alias)) continue;
      const key = katakanaKey(alias);
      if (key.length < MIN_LENGTH) continue;
      let list = this.byLength.get(key.length);
      if (!list) this.byLength.set(key.length, (list = []));
      list.push({ key, target });
    }
  }

  /**
   * Katakana words of `text` one edit from an alias (and not an alias themselves): their spans.
   * `anywhere` drops the dot-or-title condition on short words, for text typed as a name (a search query).
   */
  find(text: string, taken: (start: number, end: number) => boolean, options: { anywhere?: boolean } = {}): Array<{ start: number; end: number; target: T }> {
    const out: Array<{ start: number; end: number; target: T }> = [];
    if (!this.byLength.size) return out;
    for (const m of text.matchAll(RUN)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const key = katakanaKey(m[0]);
      // A short word is read as a name only where a name stands: with a middle dot or a title
      // after it (`ラトニック商務長官`); `ファイル` is a file, not a misspelt `ファブル`.
      if (!options.anywhere && key.length < FREE_LENGTH && !m[0].includes('・') && !TITLE_AFTER.test(text.slice(end, end + 12))) continue;
      const target = this.targetOf(key);
      if (target !== null) out.push({ start, end, target });
    }
    return out;
  }

  /** The one alias target one edit from a key, or null (none, or two names: no guess). Cached. */
  private targetOf(key: string): T | null {
    if (key.length < MIN_LENGTH) return null;
    let target = this.seen.get(key);
    if (target === undefined) {
      const near = [key.length - 1, key.length, key.length + 1].flatMap((n) => this.byLength.get(n) ?? []).filter((a) => editDistance(a.key, key) <= 1);
      const targets = new Set(near.map((a) => a.target));
      target = targets.size === 1 ? near[0].target : null;
      if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
      this.seen.set(key, target);
    }
    return target;
  }
}
