// Page furniture of the aggregator layout: section markers and boilerplate lines that are not
// the article's content. Kept apart from the parser so the lists are easy to review and extend.

/** Lines that open a section of a seed page; they are structure, never passages. */
export const SECTION_MARKERS = {
  keyPoints: /^キーポイント$/,
  analysisToggle: /^影響分析・編集コメントを表示$/,
  analysis: /^影響分析$/,
  comment: /^編集コメント$/,
  original: /^(原文を表示|原文の冒頭を表示.*)$/,
  related: /^関連記事$/,
  digest: /^今日のまとめ$/,
};

/** Whole lines that are page furniture wherever they appear. */
const BOILERPLATE_LINES: RegExp[] = [
  /^[-–—]+$/,
  /^(共有|Share|購読する|Subscribe now|続きを読む|Read more|目次|Table of Contents)$/,
  /^Follow topics and authors from this story/,
  /^この物語のトピックや著者からフォロー/,
  /^AI日報で/,
  /^⟦CODE_\d+⟧$/,
  /^!\[[^\]]*\]\(/,
  /^※\s*著作権に配慮し/,
];

/** A byline such as `- Hayden Field`: furniture, but it names the author. */
export const BYLINE = /^- ([A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3})$/u;

/** Furniture phrases glued into running text by a flattened page (Medium's image captions…). */
export const BOILERPLATE_PHRASES: RegExp[] = [
  /Press enter or click to view image in full size/g,
  /\b\d{1,2} min read(?=\s*Just now|\s*·|[A-Z]|\s*$)/g,
  /Just now--?/g,
];

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim();
  return BOILERPLATE_LINES.some((re) => re.test(t)) || BYLINE.test(t);
}
