// Runs the extension test suite (out/test/suite) in a desktop VS Code through
// @vscode/test-electron, as on a developer machine with internet access.
//
// It DOWNLOADS VS Code from Microsoft's update server, which the project's machines and CI
// cannot reach (it fails there with ENOTFOUND update.code.visualstudio.com): use
// `npm run test:e2e` there, which runs the same suite in code-server. Not part of CI.
//
// Usage: npm run test:electron   (VSCODE_TEST_VERSION=1.139.1 to pin another version)
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const temp = mkdtempSync(join(tmpdir(), 'galley-electron-'));
// The suite adds a page file to its workspace: give it a copy of the samples.
const workspace = join(temp, 'samples');
cpSync(join(root, 'samples'), workspace, { recursive: true });
console.log(`workspace: ${workspace} (${readdirSync(workspace).length} files)`);

let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    // The download goes to the git-ignored .e2e/ folder, not .vscode-test/.
    cachePath: join(root, '.e2e', 'vscode-test'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(temp, 'user-data'), '--disable-workspace-trust', '--skip-welcome'],
  });
} catch (err) {
  console.error(`test-electron: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(code);
