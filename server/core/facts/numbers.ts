// Numbers as written in English and Japanese: `1,500`, `2.5`, `fifteen`, `四十`, `1兆5000億`.
// Patterns are regex source fragments so the extractors can embed them; every fragment assumes
// NFKC-normalised text (full-width digits already folded to ASCII).

/**
 * Digits, with thousands separators or a decimal part. The look-behind keeps digits that belong
 * to a name (`GPT-5.5`, `A100`, `#2`, `v1.2`) or a path from being read as numbers.
 */
export const DIGITS = String.raw`(?<![\w.,#/\\]|[A-Za-z]-)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w.]*\.\d)`;

const WORD_VALUES: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90,
};

/** English number words, one to ninety (`twenty-five` included). Matched case-insensitively. */
export const WORDS = String.raw`\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b`;

/**
 * Kanji numerals. A numeral glued to a preceding ideograph is part of a word (`統一`, `唯一`),
 * except after `約` (about), which is a qualifier.
 */
export const KANJI = String.raw`(?<![\u3400-\u9fff々](?<!約))[〇一二三四五六七八九十百千]+`;

/** Any single number: digits, English words or kanji. */
export const NUMBER = `(?:${DIGITS}|${WORDS}|${KANJI})`;

/** A Japanese number with myriad scales: `150億`, `1,500 万`, `1兆5000億`, `三千万`. */
export const JA_NUMBER = `(?:(?:${DIGITS}|${KANJI})\\s*[兆億万]\\s*)+(?:${DIGITS})?|${DIGITS}|${KANJI}`;

const JA_SCALES: Record<string, number> = { 千: 1e3, 万: 1e4, 億: 1e8, 兆: 1e12 };

export const EN_SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12, t: 1e12,
};

/** English scale words and their abbreviations, as a regex fragment (case-insensitive use). */
export const EN_SCALE = String.raw`(?:thousand|million|billion|trillion|mn|bn|tn|[kmbt](?![a-z]))`;

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `四十` → 40, `百五十` → 150, `二〇二六` → 2026. */
export function parseKanji(text: string): number | undefined {
  if (/^[〇一二三四五六七八九]{2,}$/.test(text)) {
    return Number([...text].map((c) => KANJI_DIGITS[c]).join(''));
  }
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in KANJI_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = KANJI_DIGITS[ch];
    } else if (ch in KANJI_UNITS) {
      total += (digit ?? 1) * KANJI_UNITS[ch];
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

/** A single number in any of the three notations, or undefined if it is none of them. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^[\d,]+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  const word = t.toLowerCase();
  if (word in WORD_VALUES) return WORD_VALUES[word];
  const compound = /^(\w+)-(\w+)$/.exec(word);
  if (compound && compound[1] in WORD_VALUES && compound[2] in WORD_VALUES) {
    return WORD_VALUES[compound[1]] + WORD_VALUES[compound[2]];
  }
  return parseKanji(t);
}

/** A Japanese number with scales: `1兆5000億` → 1.5e12, `1,500 万` → 1.5e7. */
export function parseJaNumber(text: string): number | undefined {
  const groups = [...text.matchAll(/([\d,.]+|[〇一二三四五六七八九十百千]+)\s*([兆億万])?/g)];
  if (groups.length === 0) return undefined;
  let total = 0;
  for (const [, digits, scale] of groups) {
    const n = parseNumber(digits);
    if (n === undefined) return undefined;
    total += n * (scale ? JA_SCALES[scale] : 1);
  }
  return clean(total);
}

/** `15` + `billion` → 1.5e10, exact for the decimals people write (`2.5M`, `8.4`). */
export function scaled(value: number, scale: string | undefined): number {
  return clean(scale ? value * EN_SCALES[scale.toLowerCase()] : value);
}

/** Remove binary floating-point noise: 2.5 * 1e6 and 0.1 * 3 print as people wrote them. */
export function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** A number as it appears in a key: no exponent, no noise. */
export function formatNumber(n: number): string {
  const c = clean(n);
  return Number.isInteger(c) ? BigInt(c).toString() : String(c);
}
