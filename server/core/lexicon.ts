// A small bilingual lexicon of the words AI-policy news is written in: each concept is a bridge
// token (`~negotiate`) that an English passage and its Japanese counterpart both carry, so that a
// Japanese claim finds a fact stated only in English and the reverse — the way entity ids bridge
// names and normalised facts bridge dates. English words match by stem, Japanese by substring.
import { stem } from './tokenize';

/** Concept → English words (any inflection: matched by stem) and Japanese words (substrings). */
const CONCEPTS: Record<string, [en: string[], ja: string[]]> = {
  access: [['access'], ['アクセス']],
  afternoon: [['afternoon', 'pm'], ['午後']],
  agree: [['agree', 'agreement', 'accept'], ['合意', '同意']],
  analyze: [['analyze', 'analyse', 'analysis', 'analyst'], ['分析']],
  announce: [['announce', 'announcement', 'unveil'], ['発表']],
  apologize: [['apologize', 'apologise', 'apology'], ['謝罪']],
  approve: [['approve', 'approval', 'authorize', 'clearance'], ['承認', '認可', '許可']],
  ask: [['ask', 'request', 'demand', 'urge'], ['求め', '要求', '要請', '依頼']],
  attack: [['attack', 'attacker', 'cyberattack'], ['攻撃']],
  benchmark: [['benchmark'], ['ベンチマーク']],
  block: [['block', 'prevent', 'stop'], ['ブロック', '阻止', '防ぐ', '防止']],
  born: [['born'], ['生まれ']],
  capability: [['capability', 'capable', 'ability'], ['能力', '性能']],
  ceo: [['ceo', 'chief executive'], ['最高経営責任者', 'CEO']],
  china: [['china', 'chinese'], ['中国']],
  citizen: [['citizen', 'nationality'], ['国籍', '市民']],
  claim: [['claim', 'assert', 'allege'], ['主張']],
  classifier: [['classifier'], ['分類器']],
  code: [['code', 'coding'], ['コード']],
  cofounder: [['cofounder', 'co-founder'], ['共同創業者', '共同創設者', '共同設立者']],
  company: [['company', 'firm', 'companies'], ['企業', '会社', '同社']],
  compute: [['compute', 'computing'], ['計算資源', 'コンピュート', '計算能力']],
  concern: [['concern', 'worry', 'worried'], ['懸念', '心配']],
  conflict: [['fight', 'clash', 'conflict', 'dispute', 'turf'], ['対立', '衝突', '争い', '紛争']],
  cost: [['cost', 'price', 'expense'], ['コスト', '費用', '価格']],
  critical: [['critical', 'crucial'], ['重要']],
  customer: [['customer', 'user', 'client'], ['顧客', 'ユーザー', '利用者']],
  cyber: [['cyber', 'cybersecurity'], ['サイバー']],
  datacenter: [['datacenter', 'data center'], ['データセンター']],
  deadline: [['deadline'], ['期限', '締め切り']],
  deal: [['deal', 'contract'], ['契約', '取引']],
  decide: [['decide', 'decision', 'determine'], ['決定', '判断', '決め']],
  design: [['design', 'draft', 'drafted'], ['設計', '起草']],
  discover: [['find', 'found', 'discover', 'identify', 'uncover'], ['発見', '見つけ', '特定']],
  domestic: [['domestic'], ['国内']],
  early: [['early', 'earlier'], ['早期', '初期']],
  eastern: [['eastern'], ['東部']],
  employee: [['employee', 'staff', 'engineer', 'worker'], ['従業員', '社員', '職員', '技術者', 'エンジニア']],
  estimate: [['estimate', 'estimated'], ['推定', '見積', '推計']],
  europe: [['europe', 'european'], ['ヨーロッパ', '欧州']],
  evaluate: [['evaluate', 'evaluation', 'test', 'assess', 'assessment'], ['評価', 'テスト', '試験']],
  exaggerate: [['exaggerate', 'overstate', 'overblown', 'overhyped'], ['誇張', '大げさ']],
  executive: [['executive', 'executives'], ['幹部', '役員']],
  executiveorder: [['executive order'], ['大統領令']],
  exploit: [['exploit'], ['エクスプロイト', '悪用']],
  export: [['export'], ['輸出', '輸出管理']],
  fix: [['fix', 'repair', 'patch'], ['修正', '修復', '直し', '直す', 'パッチ']],
  foreign: [['foreign', 'overseas', 'abroad'], ['外国', '海外']],
  framework: [['framework'], ['枠組み', 'フレームワーク']],
  fund: [['fund', 'funding', 'underfunded', 'budget'], ['資金', '予算']],
  germany: [['germany', 'german'], ['ドイツ']],
  global: [['global', 'worldwide'], ['世界中', '全世界', '世界的']],
  government: [['government', 'administration'], ['政府', '政権']],
  hack: [['hack', 'hacking', 'hacker'], ['ハッキング', 'ハッカー']],
  infrastructure: [['infrastructure'], ['インフラ']],
  intelligence: [['intelligence'], ['情報機関', 'インテリジェンス', '諜報']],
  invest: [['invest', 'investment', 'investor'], ['投資', '出資']],
  iran: [['iran', 'iranian'], ['イラン']],
  jailbreak: [['jailbreak', 'jailbroken', 'jailbreaking'], ['脱獄', 'ジェイルブレイク']],
  law: [['law', 'legislation', 'regulation', 'regulator'], ['法律', '法案', '規制当局']],
  letter: [['letter'], ['書簡', '手紙', '書面']],
  license: [['license', 'licence', 'licensing'], ['ライセンス']],
  loss: [['loss', 'lose', 'lost'], ['損失', '減収', '失う']],
  mandatory: [['mandatory', 'binding', 'require', 'requirement', 'oblige'], ['義務', '強制', '必須']],
  market: [['market'], ['市場', 'マーケット']],
  middleeast: [['middle east'], ['中東']],
  model: [['model'], ['モデル']],
  negotiate: [['negotiate', 'negotiation', 'talks'], ['交渉', '協議']],
  offline: [['offline', 'suspend', 'suspension', 'halt', 'shut', 'switch off'], ['停止', 'オフライン', '中断', '中止']],
  only: [['only', 'sole'], ['唯一']],
  opensource: [['open-source', 'open source', 'open-weight', 'open weights'], ['オープンソース', 'オープンウェイト']],
  order: [['order', 'directive', 'ultimatum'], ['命令', '指令', '最後通告', '最後通牒', '通達']],
  partner: [['partner', 'partnership'], ['パートナー', '提携']],
  pay: [['pay', 'payment', 'billing'], ['支払', '課金']],
  penetration: [['penetration', 'intrusion'], ['侵入']],
  petition: [['petition'], ['請願', '嘆願']],
  policy: [['policy'], ['政策']],
  powerful: [['powerful', 'strongest'], ['強力', '最強']],
  president: [['president', 'presidential'], ['大統領']],
  prove: [['prove', 'justify', 'demonstrate'], ['証明', '正当化', '実証']],
  public: [['public'], ['一般', '公衆']],
  quarterly: [['quarterly', 'quarter'], ['四半期']],
  receive: [['receive', 'received'], ['受け取', '受領', '受信']],
  recommend: [['recommend', 'recommendation', 'advise'], ['勧告', '推奨', '提言']],
  refund: [['refund', 'reimburse'], ['返金', '払い戻し']],
  refuse: [['refuse', 'reject', 'decline', 'deny'], ['拒否', '拒絶', '拒ん', '断']],
  release: [['release', 'launch', 'ship'], ['公開', 'リリース', '発売', 'ローンチ']],
  replace: [['replace', 'replaced', 'succeed'], ['交代', '代わり', '取って代']],
  report: [['report', 'reporting', 'reported', 'reporter'], ['報道', '報じ', '報告', 'レポート']],
  researcher: [['researcher', 'research'], ['研究者', '研究']],
  restore: [['restore', 'return', 'resume', 'reinstate', 'come back', 'back online'], ['復帰', '復旧', '再開', '回復']],
  restrict: [['restrict', 'restriction', 'limit', 'control', 'controls', 'curb'], ['制限', '規制', '管理措置', '輸出管理']],
  revenue: [['revenue', 'income', 'sales'], ['収益', '収入', '売上']],
  review: [['review', 'examine', 'inspect', 'viewed'], ['審査', '検討', '検証', '目を通']],
  risk: [['risk', 'danger', 'threat'], ['リスク', '危険', '脅威']],
  safety: [['safety', 'safe'], ['安全性', '安全']],
  security: [['security', 'secure'], ['セキュリティ', '安全保障']],
  selfreplication: [['self-replication', 'self replication', 'replicate'], ['自己複製']],
  send: [['send', 'sent', 'deliver', 'dispatch'], ['送り', '送っ', '送付', '派遣', '届け']],
  serious: [['serious', 'severe', 'grave'], ['深刻', '重大']],
  sign: [['sign', 'signed'], ['署名']],
  stake: [['stake', 'equity'], ['株式', '持ち分', '持分']],
  submit: [['submit', 'file', 'filed'], ['提出', '提訴']],
  success: [['succeed', 'success', 'successful', 'solve'], ['成功', '解決', 'クリア']],
  sue: [['sue', 'lawsuit', 'litigation'], ['訴訟', '提訴']],
  task: [['task'], ['タスク']],
  token: [['token'], ['トークン']],
  uk: [['uk', 'britain', 'british'], ['英国', 'イギリス']],
  us: [['american', 'united states'], ['米国', 'アメリカ', '米政府']],
  voluntary: [['voluntary', 'voluntarily', 'optional'], ['自主的', '任意']],
  vulnerability: [['vulnerability', 'vulnerable', 'bug'], ['脆弱性', 'バグ']],
  warn: [['warn', 'warning', 'alert', 'tip off', 'tipped off'], ['警告', '警鐘', '通報']],
  week: [['week', 'weekly'], ['週']],
  weights: [['weights'], ['重み', 'ウェイト']],
  year: [['year', 'annual'], ['年間', '毎年']],
};

const EN_WORDS = new Map<string, string>();
/** Phrases with their spaces and hyphens taken out (`data center` → `datacenter`). */
const EN_PHRASES = new Map<string, string>();
/** The same phrases as written, for the pattern that finds them. */
const EN_PHRASES_WRITTEN = new Set<string>();
const JA_WORDS: string[] = [];
/** A Japanese word may stand for two concepts (`輸出管理`: export, restrict). */
const JA_CONCEPT = new Map<string, string[]>();

for (const [concept, [en, ja]] of Object.entries(CONCEPTS)) {
  for (const w of en) {
    if (/[\s-]/.test(w)) {
      EN_PHRASES.set(w.replace(/[\s-]/g, ''), concept);
      EN_PHRASES_WRITTEN.add(w);
    } else EN_WORDS.set(stem(w), concept);
  }
  for (const w of ja) {
    if (!JA_CONCEPT.has(w)) JA_WORDS.push(w);
    JA_CONCEPT.set(w, [...(JA_CONCEPT.get(w) ?? []), concept]);
  }
}
// Longest first, so that `輸出管理` is read before `管理`… and `最高経営責任者` before `CEO`.
const JA_PATTERN = new RegExp(
  JA_WORDS.sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const EN_PHRASE = new RegExp(
  `\\b(?:${[...EN_PHRASES_WRITTEN].map((w) => w.replace(/[\s-]/g, '[\\s-]?')).join('|')})\\b`,
  'gi',
);
const LATIN_WORD = /[A-Za-z][A-Za-z’'-]*/g;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

// Words repeat across a corpus: each is stemmed once (up to a bound, then the cache starts over).
const seen = new Map<string, string | null>();
const SEEN_LIMIT = 100_000;

function conceptOf(word: string): string | undefined {
  let concept = seen.get(word);
  if (concept === undefined) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    concept = EN_WORDS.get(stem(word.replace(/[’']s$/, ''))) ?? null;
    seen.set(word, concept);
  }
  return concept ?? undefined;
}

/** The concept tokens of a text: `~negotiate` for `negotiations` and for `交渉`. */
export function conceptTokens(text: string): string[] {
  const out = new Set<string>();
  let latin = false;
  for (const m of text.matchAll(LATIN_WORD)) {
    latin = true;
    const concept = conceptOf(m[0].toLowerCase());
    if (concept) out.add(`~${concept}`);
  }
  if (latin) {
    for (const m of text.matchAll(EN_PHRASE)) out.add(`~${EN_PHRASES.get(m[0].toLowerCase().replace(/[\s-]/g, ''))}`);
  }
  if (JAPANESE.test(text)) for (const m of text.matchAll(JA_PATTERN)) for (const c of JA_CONCEPT.get(m[0])!) out.add(`~${c}`);
  return [...out];
}
