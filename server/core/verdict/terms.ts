// The claim as weighted terms, each with what it stands for: a fact (`July 1`, `#date:07-01`), a
// named entity (`Anthropic`, `@anthropic`) or the rest — what the claim says happened. Support
// needs the passage to share enough of all of them; "the same event" (the ground for a
// contradiction) needs it to share the non-fact terms, whatever values the facts have.
import type { Corpus } from '../corpus';
import type { EntityCatalog, Mention } from '../entities';
import { extractFacts, type Fact } from '../facts';
import { claimQuery } from '../retrieval';
import { queryTokens } from '../tokenize';

export type TermRole = 'fact' | 'entity' | 'event';

export interface ClaimTerms {
  /** Term → query weight × idf. */
  weight: Map<string, number>;
  role: Map<string, TermRole>;
  facts: Fact[];
  mentions: Mention[];
}

// Kana-only bigrams (`した`, `てい`, `によ`) are grammar, not content: they match almost anything.
const KANA_ONLY = /^[\u3040-\u309fー]+$/;

export function claimTerms(corpus: Corpus, claim: string, entities: EntityCatalog): ClaimTerms {
  const facts = extractFacts(claim);
  const mentions = entities.findMentions(claim);
  const factWords = new Set(facts.flatMap((f) => queryTokens(f.text)));
  const entityWords = new Set(mentions.flatMap((m) => queryTokens(m.text)));
  const weight = new Map<string, number>();
  const role = new Map<string, TermRole>();
  for (const [term, w] of claimQuery(corpus, claim)) {
    if (KANA_ONLY.test(term)) continue;
    weight.set(term, w * corpus.index.idf(term));
    const r: TermRole =
      term.startsWith('#') || factWords.has(term) ? 'fact' : term.startsWith('@') || entityWords.has(term) ? 'entity' : 'event';
    role.set(term, r);
  }
  return { weight, role, facts, mentions };
}

/** Share (0–1) of the claim's weight, restricted to some roles, that `has` finds. */
export function share(terms: ClaimTerms, has: (term: string) => boolean, roles: readonly TermRole[]): number {
  let total = 0;
  let found = 0;
  for (const [term, w] of terms.weight) {
    if (!roles.includes(terms.role.get(term)!)) continue;
    total += w;
    if (has(term)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** Whether the claim has any term in these roles. */
export function hasRole(terms: ClaimTerms, role: TermRole): boolean {
  for (const r of terms.role.values()) if (r === role) return true;
  return false;
}
