// Lint keeps the architecture honest: the server and its core never import `vscode`, only
// server/host/ touches the disk, and the pure core never reaches for an LSP connection or the host.
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
    // The host is the one place that reads and writes files (and watches folders).
    files: ['server/**/*.ts'],
    ignores: ['server/host/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'server/ must stay editor-independent.' },
          ...FILE_SYSTEM.map((name) => ({ name, message: 'Only server/host/ touches the disk: add or use a function there.' })),
        ],
      }],
    },
  },
  {
    files: ['server/host/**/*.ts'],
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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
