// workspace/symbol: entities the corpus mentions (at their best passage) and the corpus documents.
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { EntityKind } from '../core/entities';
import { entityFacts } from '../core/entityFacts';
import { fold } from '../core/text';
import { fileUri } from '../workspace';
import type { Feature } from './context';

const KIND: Record<EntityKind, SymbolKind> = {
  model: SymbolKind.Class,
  agency: SymbolKind.Namespace,
  company: SymbolKind.Interface,
  person: SymbolKind.Variable,
  program: SymbolKind.Function,
  benchmark: SymbolKind.EnumMember,
  other: SymbolKind.Object,
};

const LIMIT = 500;

export const symbolsFeature: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register(ctx) {
    ctx.connection.onWorkspaceSymbol(async (params): Promise<WorkspaceSymbol[]> => {
      const { corpus, bridges } = await ctx.workspace.indexed();
      const table = entityFacts(corpus, bridges.entities);
      const query = fold(typeof params.query === 'string' ? params.query : '').replace(/\s+/g, ' ').trim();
      const matches = (...names: string[]) => !query || names.some((n) => fold(n).includes(query));
      const out: WorkspaceSymbol[] = [];
      for (const entity of bridges.entities.all()) {
        if (out.length >= LIMIT) break;
        if (!matches(entity.name, ...entity.aliases)) continue;
        const stats = table.of(entity);
        const at = stats.facts[0] ?? corpus.passages[stats.passages[0]];
        if (!at) continue;
        const location = { uri: fileUri(corpus.documents[at.doc].path), range: at.range };
        out.push({ name: entity.name, kind: KIND[entity.kind], containerName: `${entity.kind} · ${stats.documents} documents`, location });
      }
      for (const doc of corpus.documents) {
        if (out.length >= LIMIT) break;
        if (!matches(doc.catalog.title, doc.catalog.key, doc.name)) continue;
        const start = { line: 0, character: 0 };
        out.push({ name: doc.catalog.title, kind: SymbolKind.File, containerName: `@${doc.catalog.key} · ${doc.name}`, location: { uri: fileUri(doc.path), range: { start, end: start } } });
      }
      return out;
    });
  },
};
