// Every LSP feature of the server, in one list; server.ts announces and registers them all.
import { citationFeature } from './citation';
import type { Feature } from './context';
import { findSourcesFeature } from './findSources';
import { searchClaimsFeature } from './searchClaims';

export const FEATURES: Feature[] = [findSourcesFeature, searchClaimsFeature, citationFeature];
