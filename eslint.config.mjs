// Lint keeps the architecture honest: the server and its core never import `vscode`,
// and the pure core never reaches for an LSP connection or the file system of an editor.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-output/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'server/ must stay editor-independent.' }] }],
    },
  },
  {
    files: ['server/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The core is plain TypeScript.' }],
        // `**/` so that the rule holds at every depth: `../lsp/hover` from core/ and
        // `../../lsp/hover` from core/verdict/ are the same breach.
        patterns: [{
          group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-jsonrpc',
            '**/lsp', '**/lsp/*', '**/workspace', '**/server', '**/cli', '**/cli/*', '**/bridges', '**/settings'],
          message: 'The core never depends on the LSP layer, the workspace or the CLI.',
        }],
      }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
