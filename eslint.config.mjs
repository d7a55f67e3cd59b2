// Lint keeps the architecture honest: the server and its core never import `vscode`, and the
// pure core never reaches for an LSP connection or the disk (server/host/ does the file work).
import tseslint from 'typescript-eslint';

const FILE_SYSTEM = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'];
const CORE_LAYERS = {
  group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-jsonrpc',
    '**/lsp', '**/lsp/*', '**/workspace', '**/server', '**/cli', '**/cli/*', '**/bridges', '**/settings'],
  message: 'The core never depends on the LSP layer, the workspace or the CLI.',
};
const HOST = { group: ['**/host', '**/host/*'], message: 'The core takes what the host reads as arguments; it never calls the host.' };

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
        paths: [
          { name: 'vscode', message: 'The core is plain TypeScript.' },
          ...FILE_SYSTEM.map((name) => ({ name, message: 'The core touches no disk: server/host/ reads and writes files, the core takes their text.' })),
        ],
        // `**/` so that the rule holds at every depth: `../lsp/hover` from core/ and
        // `../../lsp/hover` from core/verdict/ are the same breach.
        patterns: [CORE_LAYERS, HOST],
      }],
    },
  },
  {
    // Temporary exceptions: the saved index and the corpus loader still read and write their files
    // in the core; they are moving to server/host/ in their own change. Remove each as it moves.
    files: ['server/core/loader.ts', 'server/core/indexFile.ts', 'server/core/savedCorpus.ts', 'server/core/corpusUpdate.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core is plain TypeScript.' }], patterns: [CORE_LAYERS] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
