// How roles, entity kinds and languages are named, in English and Japanese — one table for the
// hover, the verdict's explanations, citations, the CLI and the client's pickers. The aggregator's
// own analysis is "commentary" (論評) everywhere: a reader must not take it for the article's fact.
import type { EntityKind, Lang, Role } from '../types';

export interface RoleLabel {
  /** A picker's row, where the room is short: `translation`. */
  short: string;
  /** Where the passage comes from, in a hover or a listing: `aggregator's translation`. */
  label: string;
  /** In a sentence: `… (the aggregator's translation) says June 12`. */
  phrase: string;
}

export const ROLE_LABELS: Record<Lang, Record<Role, RoleLabel>> = {
  en: {
    original: { short: 'original text', label: 'original text', phrase: 'the original article' },
    translation: { short: 'translation', label: "aggregator's translation", phrase: "the aggregator's translation" },
    summary: { short: 'summary', label: "aggregator's summary", phrase: "the aggregator's summary" },
    analysis: { short: 'commentary', label: "aggregator's commentary", phrase: "the aggregator's commentary" },
    related: { short: 'other article', label: "another article's blurb, listed as related", phrase: "another article's blurb (related)" },
  },
  ja: {
    original: { short: '原文', label: '原文', phrase: '原文' },
    translation: { short: '翻訳', label: 'アグリゲーターによる翻訳', phrase: 'アグリゲーターによる翻訳' },
    summary: { short: '要約', label: 'アグリゲーターの要約', phrase: 'アグリゲーターの要約' },
    analysis: { short: '論評', label: 'アグリゲーターの論評', phrase: 'アグリゲーターの論評' },
    related: { short: '別の記事', label: '関連記事として紹介された別の記事', phrase: '関連記事として紹介された別の記事' },
  },
};

export const KIND_LABELS: Record<Lang, Record<EntityKind, string>> = {
  en: { model: 'model', agency: 'agency', company: 'company', person: 'person', program: 'program', benchmark: 'benchmark', other: 'other' },
  ja: { model: 'モデル', agency: '政府機関', company: '企業', person: '人物', program: 'プログラム', benchmark: 'ベンチマーク', other: 'その他' },
};

/** A language's name, in a language: `LANGUAGE_NAMES.ja.en` is `英語`. */
export const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = { en: { en: 'English', ja: 'Japanese' }, ja: { en: '英語', ja: '日本語' } };

/**
 * The note that travels with a citation, or undefined for the article's own original text.
 * Only the original is the article speaking; everything else is the aggregator's (or another
 * article's) words and a reader must be told so.
 */
export function roleNote(role: Role, lang: Lang): string | undefined {
  if (role === 'original') return undefined;
  if (role === 'translation') return `${LANGUAGE_NAMES.en[lang]} translation by the aggregator`;
  return ROLE_LABELS.en[role].label;
}
