// textDocument/semanticTokens/full: entity names in a memo, coloured by kind. Standard token
// types, so that every theme (and every LSP client) colours them without extra configuration.
import { SemanticTokensBuilder } from 'vscode-languageserver/node';
import type { EntityKind } from '../core/entities';
import { memoMentions } from '../core/entityFacts';
import type { Feature } from './context';

export const ENTITY_TOKEN_TYPES: Record<EntityKind, string> = {
  model: 'class',
  agency: 'namespace',
  company: 'interface',
  person: 'variable',
  program: 'function',
  benchmark: 'enumMember',
  other: 'property',
};

const TOKEN_TYPES = [...new Set(Object.values(ENTITY_TOKEN_TYPES))];

export const semanticTokensFeature: Feature = {
  capabilities: { semanticTokensProvider: { legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: [] }, full: true } },
  register(ctx) {
    ctx.connection.languages.semanticTokens.on(async (params) => {
      const builder = new SemanticTokensBuilder();
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return builder.build();
      const { bridges } = await ctx.workspace.indexed();
      for (const m of memoMentions(bridges.entities, doc.getText())) {
        const length = m.range.end.character - m.range.start.character;
        builder.push(m.range.start.line, m.range.start.character, length, TOKEN_TYPES.indexOf(ENTITY_TOKEN_TYPES[m.entity.kind]), 0);
      }
      return builder.build();
    });
  },
};
