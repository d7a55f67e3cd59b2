// The language of a line or sentence, from its letters.
import type { Lang } from '../types';

function isCjkCode(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f)
  );
}

function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Language of a line or sentence. Japanese text routinely embeds Latin names (`Anthropic の
 * Mythos`), so one CJK character is weighed as several Latin letters.
 */
export function detectLang(text: string): Lang | undefined {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjkCode(c)) cjk++;
    else if (isLatinCode(c)) latin++;
  }
  if (cjk === 0 && latin === 0) return undefined;
  return cjk * 4 >= latin ? 'ja' : 'en';
}
