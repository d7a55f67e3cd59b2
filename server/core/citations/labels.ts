// How a passage's role must be disclosed when it is cited (DESIGN.md, roles table).
import type { Lang, Role } from '../types';

/**
 * The note that travels with a citation, or undefined for the article's own original text.
 * Only the original is the article speaking; everything else is the aggregator's (or another
 * article's) words and a reader must be told so.
 */
export function roleNote(role: Role, lang: Lang): string | undefined {
  switch (role) {
    case 'original':
      return undefined;
    case 'translation':
      return `${lang === 'ja' ? 'Japanese' : 'English'} translation by the aggregator`;
    case 'summary':
      return "aggregator's summary";
    case 'analysis':
      return "aggregator's commentary";
    case 'related':
      return "another article's blurb, listed as related";
  }
}
