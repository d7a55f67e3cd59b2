// The text the fact patterns run over: NFKC-normalised (full-width digits and `％` folded, case
// kept because `May` the month and `may` the verb differ), with an offset map back to the
// original, and with spans that hold numbers but no facts (URLs, images, model names) blanked.
// Invisible format characters (Unicode Cf: zero-width spaces, soft hyphens, bidi controls) are
// dropped, so that `June\u200b 30` reads as June 30; the map keeps offsets in the original.
import { foldWithMap, fullMap } from '../text';

export interface Normalised {
  /** NFKC text, same length as `map` minus one; masked spans replaced by spaces. */
  text: string;
  /** Original UTF-16 offset of each unit of `text`, plus the original length at the end. */
  map: number[];
}

export function normalise(original: string): Normalised {
  const folded = foldWithMap(original, { keepCase: true, dropFormat: true });
  return { text: mask(folded.folded), map: fullMap(folded) };
}

// Model families whose version numbers look like quantities (`Opus 4.8`, `Fable 5`, `GPT-5.5`).
const MODEL_FAMILIES =
  'GPT|GLM|Claude|Opus|Sonnet|Haiku|Fable|Mythos|Gemini|Gemma|Llama|Qwen|DeepSeek|Grok|Mistral|Kimi|Phi';

// Each mask with a cheap test that tells when it cannot match, since most text has none of these.
const MASKS: [hint: RegExp, mask: RegExp][] = [
  [/\]\(/, /!\[[^\]\n]*\]\([^)\n]*\)/g], // Markdown images
  [/\]\(/, /\]\([^)\n]*\)/g], // link targets
  [/http|www\./, /\b(?:https?:\/\/|www\.)[^\s)>\]」』]+/g], // URLs
  [
    new RegExp(`${MODEL_FAMILIES}`),
    new RegExp(String.raw`\b(?:${MODEL_FAMILIES})(?:[- ]?(?:[A-Z][a-z]+[- ])?)\d+(?:\.\d+)*(?![\d.]*\s*(?:%|percent))`, 'g'),
  ],
  [/v\d/, /(?<![\w.])v\d+(?:\.\d+)+\b/g], // version numbers
  [/⟦/, /⟦[^⟧]*⟧/g], // placeholders such as ⟦CODE_0⟧
];

function mask(text: string): string {
  let out = text;
  for (const [hint, re] of MASKS) {
    if (hint.test(out)) out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}
