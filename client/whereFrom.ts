// The second line of a picker row: where a passage comes from — the document (title, outlet,
// paragraph), its role, who is quoted, the date and the language — the things that decide
// whether to cite it. The first line already shows the text; repeating it says nothing.
// No `vscode` import, so unit tests check it with plain labels.
import type { SourceView } from '../server/core/findSources';
import type { Lang, Role } from '../server/core/types';

export interface WhereLabels {
  role(role: Role): string;
  lang(lang: Lang): string;
  quoting(speaker: string): string;
}

export type WhereSource = Pick<SourceView, 'title' | 'role' | 'lang' | 'paragraph' | 'speaker' | 'date' | 'outlet'>;

export function whereFrom(s: WhereSource, labels: WhereLabels): string {
  const title = s.outlet && !s.title.includes(s.outlet) ? `${s.title} (${s.outlet})` : s.title;
  const parts = [`${title} ¶${s.paragraph}`, labels.role(s.role)];
  if (s.speaker) parts.push(labels.quoting(s.speaker));
  if (s.date) parts.push(s.date);
  parts.push(labels.lang(s.lang));
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).join(' · ');
}
