// Making untrusted source text safe to drop into a Markdown (and Pandoc) memo.

/**
 * Backslash-escape every ASCII punctuation character that Markdown or Pandoc could read as
 * syntax: emphasis, links, footnote markers, HTML, tables, and `@`, which Pandoc would turn into
 * a citation of whatever word follows it. Parentheses too: a title `[t](command:x)` escaped
 * without them became a link when a renderer read the escaped text a second time.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#|~@$&^]/g, (ch) => `\\${ch}`);
}

/**
 * Text for a notification, which renders `[label](command:…)` as a link even in a plain string:
 * a file name or a message from a file cannot form one once `](` is broken apart.
 */
export function inertLinks(text: string): string {
  return text.replace(/\]\s*\(/g, '] (');
}

/** One line of text: source passages may carry line breaks or runs of spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A short quote for a footnote: whole when short, else cut at a word boundary (English) or
 * at a character (Japanese has no spaces), never inside a surrogate pair, with an ellipsis.
 */
export function shortQuote(text: string, max = 120): string {
  const line = oneLine(text);
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  let cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:、。]+$/u, '')}…`;
}
