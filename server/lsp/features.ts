// Every LSP feature of the server, in one list; server.ts announces and registers them all.
import { citationFeature } from './citation';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import type { Feature } from './context';
import { definitionFeature } from './definition';
import { diagnosticsFeature } from './diagnostics';
import { findSourcesFeature } from './findSources';
import { hoverFeature } from './hover';
import { referencesFeature } from './references';
import { searchClaimsFeature } from './searchClaims';
import { semanticTokensFeature } from './semanticTokens';
import { symbolsFeature } from './symbols';

export const FEATURES: Feature[] = [findSourcesFeature, searchClaimsFeature, citationFeature, hoverFeature, definitionFeature, referencesFeature, symbolsFeature, semanticTokensFeature, completionFeature, diagnosticsFeature, codeActionsFeature];
