// Human-readable output of the CLI.
import type { FindSourcesResult, SourceView } from '../core/findSources';
import { ROLE_LABELS } from '../core/text';
import type { Role } from '../core/types';

/** A role as the CLI lists it: `original text`, `aggregator's commentary`. */
export function roleLabel(role: Role): string {
  return ROLE_LABELS.en[role].label;
}

export function location(s: Pick<SourceView, 'doc' | 'range'>): string {
  return `${printableName(s.doc)}:${s.range.start.line + 1}:${s.range.start.character + 1}`;
}

/** A file name on one line: a newline or other control character in it would break `file:line:col`. */
export function printableName(name: string): string {
  return name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function formatSources(result: FindSourcesResult): string {
  const lines = [`${result.verdict.toUpperCase()}: ${result.explanation}`];
  for (const c of result.conflicts) lines.push(`  conflict (${c.kind}): claim says ${c.claimValue}, source says ${c.sourceValue}`);
  if (!result.sources.length) lines.push('  (no passages)');
  result.sources.forEach((s, i) => {
    const who = s.speaker ? `, quoting ${s.speaker}` : '';
    lines.push(`${i + 1}. ${location(s)}  [${roleLabel(s.role)}, ${s.lang}${who}]  score ${s.score.toFixed(2)}`);
    lines.push(`   ${s.title}`);
    lines.push(`   “${s.text.length > 300 ? s.text.slice(0, 297) + '…' : s.text}”`);
  });
  return lines.join('\n');
}
