// Runs the same editor suite under @vscode/test-electron, which downloads VS Code: for machines
// that can reach the VS Code download servers (the code-server runner, run-editor.mjs, is the one
// used where only the npm registry is reachable). Exits with the suite's code.
// Usage: node test/e2e/run-electron.mjs   (after `node esbuild.mjs`)
import { runTests } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, repoRoot, tempDir } from './codeServer.mjs';

async function main() {
  const extensionTestsPath = join(repoRoot, 'dist', 'test', 'editor', 'suite.js');
  if (!existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run \`node esbuild.mjs\` first`);
  const workspace = copyWorkspace();
  const userData = tempDir('electron-user');
  await runTests({
    version: process.env.AIPC_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`electron: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
