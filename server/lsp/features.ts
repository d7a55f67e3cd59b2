// Every LSP feature of the server, in one list; server.ts announces and registers them all.
import { citationFeature } from './citation';
import { completionFeature } from './completion';
import type { Feature } from './context';
import { definitionFeature } from './definition';
import { findSourcesFeature } from './findSources';
import { hoverFeature } from './hover';
import { referencesFeature } from './references';
import { searchClaimsFeature } from './searchClaims';
import { semanticTokensFeature } from './semanticTokens';
import { symbolsFeature } from './symbols';

export const FEATURES: Feature[] = [findSourcesFeature, searchClaimsFeature, citationFeature, hoverFeature, definitionFeature, referencesFeature, symbolsFeature, semanticTokensFeature, completionFeature];
