// The server's settings: one typed object with defaults, read from the `aiPolicyClaims`
// section. Settings that change what is indexed trigger a re-index; the rest apply at once.

import { CITATION_STYLES, LANGS, type CitationStyle, type Lang } from './core/types';

export type { CitationStyle };

export interface Settings {
  corpus: { folders: string[]; includeSeeds: boolean };
  entities: { files: string[] };
  citation: { style: CitationStyle; bibliography: string };
  languages: Lang[];
  checks: { contradictions: boolean; unsupported: boolean; unknownCitationKeys: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  corpus: { folders: [], includeSeeds: true },
  entities: { files: [] },
  citation: { style: 'pandoc', bibliography: 'references.json' },
  languages: ['ja', 'en'],
  checks: { contradictions: true, unsupported: true, unknownCitationKeys: true },
};

/** Merges whatever the client sent over the defaults, ignoring values of the wrong type. */
export function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as Record<string, Record<string, unknown> | unknown>;
  const get = <T>(section: string, key: string, fallback: T, ok: (v: unknown) => boolean): T => {
    const s = r[section] as Record<string, unknown> | undefined;
    const v = s?.[key];
    return v !== undefined && ok(v) ? (v as T) : fallback;
  };
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const bool = (v: unknown) => typeof v === 'boolean';
  const d = DEFAULT_SETTINGS;
  return {
    corpus: {
      folders: get('corpus', 'folders', d.corpus.folders, strings),
      includeSeeds: get('corpus', 'includeSeeds', d.corpus.includeSeeds, bool),
    },
    entities: { files: get('entities', 'files', d.entities.files, strings) },
    citation: {
      style: get('citation', 'style', d.citation.style, (v) => CITATION_STYLES.includes(v as CitationStyle)),
      bibliography: get('citation', 'bibliography', d.citation.bibliography, (v) => typeof v === 'string' && v.length > 0),
    },
    languages: Array.isArray(r.languages) && r.languages.every((l) => LANGS.includes(l as Lang)) ? (r.languages as Lang[]) : d.languages,
    checks: {
      contradictions: get('checks', 'contradictions', d.checks.contradictions, bool),
      unsupported: get('checks', 'unsupported', d.checks.unsupported, bool),
      unknownCitationKeys: get('checks', 'unknownCitationKeys', d.checks.unknownCitationKeys, bool),
    },
  };
}

/** True when going from `a` to `b` changes what is indexed. */
export function needsReindex(a: Settings, b: Settings): boolean {
  return JSON.stringify([a.corpus, a.entities]) !== JSON.stringify([b.corpus, b.entities]);
}
