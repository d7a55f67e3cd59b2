// Who a claim says holds a view: a claim that attributes one (`the editorial comment argues…`,
// `筆者は…と論じる`) is backed by the passage where that view is stated, even an opinion passage
// (the aggregator's analysis), which other claims only get as weak evidence.

// Reporting verbs and the aggregator's own sections.
const OPINION_EN = /\b(?:argues?|argued|contends?|warns?|warned|believes?|in (?:the|its|his|her) view|according to the (?:aggregator|author|editor))\b|\b(?:aggregator|author|editor(?:ial)?)\b/i;
const OPINION_JA = /(?:編集コメント|影響分析|筆者|論じ|主張し|指摘し|警告し|見解|考えて|述べて)/;

/** The claim reports a view as someone's rather than stating it as fact. */
export function attributesView(claim: string): boolean {
  return OPINION_EN.test(claim) || OPINION_JA.test(claim);
}
