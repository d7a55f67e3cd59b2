// workspace/symbol: core/symbols.ts, as LSP symbols (an entity's kind as a symbol kind).
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { EntityKind } from '../core/entities';
import { workspaceSymbols } from '../core/symbols';
import { fileUri } from '../workspace';
import type { Feature } from './context';

const KIND: Record<EntityKind | 'document', SymbolKind> = {
  model: SymbolKind.Class,
  agency: SymbolKind.Namespace,
  company: SymbolKind.Interface,
  person: SymbolKind.Variable,
  program: SymbolKind.Function,
  benchmark: SymbolKind.EnumMember,
  other: SymbolKind.Object,
  document: SymbolKind.File,
};

const LIMIT = 500;

export const symbolsFeature: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register(ctx) {
    ctx.connection.onWorkspaceSymbol(async (params): Promise<WorkspaceSymbol[]> => {
      const { corpus, bridges } = await ctx.workspace.indexed();
      const query = typeof params.query === 'string' ? params.query : '';
      return workspaceSymbols(corpus, bridges.entities, query, LIMIT).map((s) => ({ name: s.name, kind: KIND[s.kind], containerName: s.container, location: { uri: fileUri(s.path), range: s.range } }));
    });
  },
};
