// Model names the curated list lacks, recognised by shape: a known model family followed by a
// version (`GLM-5.2`, `Gemini 3 Pro`, `Qwen3`, `DeepSeek-V4`, `Claude Haiku 4.5`), plus OpenAI's
// lowercase `o3` / `o4-mini` series. Requiring a known family keeps `Table 5`, `Section 3`,
// `COVID-19`, `June 12` and `Fig. 2` out: a bare capitalised word before a number is not a model.

export interface ModelSpan {
  start: number;
  end: number;
  text: string;
}

// Families are matched case-sensitively, as written by their makers: `sonnet 5` in lowercase is
// far more likely prose than a model name.
const FAMILY =
  'GPT|GLM|Claude(?: (?:Opus|Sonnet|Haiku|Mythos|Fable))?|Opus|Sonnet|Haiku|Gemini|Gemma|Llama|Qwen|QwQ|' +
  'DeepSeek|Grok|Mistral|Mixtral|Kimi|Nemotron|MiniMax';
const VERSION = '[- ]?[VvRrKk]?\\d+(?:\\.\\d+)?[a-z]?';
const VARIANT =
  'Cyber|Pro|Mini|mini|Flash|Lite|Ultra|Turbo|Max|Nano|nano|Codex|Instruct|Thinking|Scout|Maverick|Preview|' +
  'Opus|Sonnet|Haiku|Coder|Vision|Omni|Chat|Reasoner|\\d+(?:\\.\\d+)?[BbMm]';
const BEFORE = '(?<![\\p{L}\\p{N}_.\\-])';
// A version is complete only when no further digit or letter follows (`GPT-5.5` in `GPT-5.5.1`
// is not a match); a sentence-final period is fine.
const AFTER = '(?![\\p{L}\\p{N}_]|[.,]\\d)';

const MODEL_RE = new RegExp(
  `${BEFORE}(?:(?:${FAMILY})${VERSION}(?:[- ](?:${VARIANT}))*|o[1-9](?:-(?:mini|pro|preview))?)${AFTER}`,
  'gu',
);

/** Spans of model-looking names in `text` (offsets into `text`). */
export function findModelNames(text: string): ModelSpan[] {
  const spans: ModelSpan[] = [];
  MODEL_RE.lastIndex = 0;
  for (let m = MODEL_RE.exec(text); m; m = MODEL_RE.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return spans;
}
