// Money: `$15 billion`, `$15B`, `US$84 million`, `150億ドル`, `1,500 万ドル`, `¥3,000`, `3000円`,
// `15 billion dollars`, `USD 15 billion`. The value is in units of the currency.
import { DIGITS, EN_SCALE, JA_NUMBER, formatNumber, parseJaNumber, parseNumber, scaled } from './numbers';
import type { Found } from './types';

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CODES: Record<string, string> = {
  usd: 'USD', dollar: 'USD', dollars: 'USD', jpy: 'JPY', yen: 'JPY', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  gbp: 'GBP', pound: 'GBP', pounds: 'GBP', cny: 'CNY', rmb: 'CNY', yuan: 'CNY',
};
// `ドル` alone is read as US dollars: the corpus is about US policy and writes `米ドル` rarely.
const JA_CURRENCIES: Record<string, string> = { 米ドル: 'USD', ドル: 'USD', 円: 'JPY', ユーロ: 'EUR', ポンド: 'GBP', 人民元: 'CNY', 元: 'CNY' };

const SYMBOL_AMOUNT = new RegExp(`(?:US|U\\.S\\.)?([$€£¥])\\s?(${DIGITS})(?:\\s?(${EN_SCALE}))?`, 'gi');
const WORD_AMOUNT = new RegExp(`(${DIGITS})(?:\\s?(${EN_SCALE}))?\\s(dollars?|usd|yen|jpy|euros?|eur|pounds|gbp|yuan|cny|rmb)\\b`, 'gi');
const CODE_AMOUNT = new RegExp(`\\b(USD|JPY|EUR|GBP|CNY)\\s?(${DIGITS})(?:\\s?(${EN_SCALE}))?`, 'g');
const JA_AMOUNT = new RegExp(`(${JA_NUMBER})\\s*(米ドル|ドル|円|ユーロ|ポンド|人民元|元(?![々\\u3400-\\u9fff]))`, 'g');

function amount(value: number, currency: string, start: number, end: number): Found {
  return { kind: 'amount', key: `amount:${currency.toLowerCase()}:${formatNumber(value)}`, value, unit: currency, start, end };
}

// Most sentences name no currency; skipping them is what keeps indexing fast.
const HINT = /[$€£¥円元ドルユーロポンド]|dollar|usd|jpy|eur|gbp|cny|rmb|yen|yuan|pound/i;

export function findAmounts(text: string): Found[] {
  const found: Found[] = [];
  if (!HINT.test(text)) return found;
  const push = (n: number | undefined, scale: string | undefined, currency: string, m: RegExpMatchArray) => {
    if (n !== undefined) found.push(amount(scaled(n, scale), currency, m.index!, m.index! + m[0].length));
  };
  for (const m of text.matchAll(SYMBOL_AMOUNT)) push(parseNumber(m[2]), m[3], SYMBOLS[m[1]], m);
  for (const m of text.matchAll(WORD_AMOUNT)) push(parseNumber(m[1]), m[2], CODES[m[3].toLowerCase()], m);
  for (const m of text.matchAll(CODE_AMOUNT)) push(parseNumber(m[2]), m[3], m[1], m);
  for (const m of text.matchAll(JA_AMOUNT)) push(parseJaNumber(m[1]), undefined, JA_CURRENCIES[m[2]], m);
  return found;
}
