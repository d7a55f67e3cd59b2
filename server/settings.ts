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

/**
 * Merges whatever the client sent over the defaults. A value of the wrong type (or settings that
 * are not an object at all) falls back to its default, and its key is added to `ignored`, so
 * that the caller can say so in one line.
 */
export function readSettings(raw: unknown, ignored: string[] = []): Settings {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (raw !== undefined && raw !== null && !isObject(raw)) ignored.push('aiPolicyClaims (not an object)');
  const r = isObject(raw) ? raw : {};
  const get = <T>(section: string, key: string, fallback: T, ok: (v: unknown) => boolean): T => {
    const s = r[section];
    if (s !== undefined && s !== null && !isObject(s)) {
      if (!ignored.includes(section)) ignored.push(section);
      return fallback;
    }
    const v = s?.[key];
    if (v === undefined || v === null) return fallback;
    if (ok(v)) return v as T;
    ignored.push(`${section}.${key}`);
    return fallback;
  };
  // A NUL byte is no part of any path; node's fs functions throw on it.
  const pathText = (v: unknown) => typeof v === 'string' && !v.includes('\0');
  const paths = (v: unknown) => Array.isArray(v) && v.every(pathText);
  const bool = (v: unknown) => typeof v === 'boolean';
  const d = DEFAULT_SETTINGS;
  const languagesOk = Array.isArray(r.languages) && r.languages.every((l) => LANGS.includes(l as Lang));
  if (r.languages !== undefined && r.languages !== null && !languagesOk) ignored.push('languages');
  return {
    corpus: {
      folders: get('corpus', 'folders', d.corpus.folders, paths),
      includeSeeds: get('corpus', 'includeSeeds', d.corpus.includeSeeds, bool),
    },
    entities: { files: get('entities', 'files', d.entities.files, paths) },
    citation: {
      style: get('citation', 'style', d.citation.style, (v) => CITATION_STYLES.includes(v as CitationStyle)),
      bibliography: get('citation', 'bibliography', d.citation.bibliography, (v) => pathText(v) && (v as string).length > 0),
    },
    languages: languagesOk ? (r.languages as Lang[]) : d.languages,
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
