// The extension's integration tests in a real VS Code (Electron), downloaded by @vscode/test-electron:
// `npm run test:vscode`. Needs internet access to download VS Code, so it is not part of `npm test`;
// the offline end-to-end test is `npm run test:e2e` (code-server in Chromium).
//
//   VSCODE_VERSION   VS Code version to download (default: stable)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'out', 'test-vscode');

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The suite is TypeScript: bundle it (mocha and vscode come from the test host).
await esbuild.build({
  entryPoints: [path.join(ROOT, 'test', 'vscode', 'suite', 'index.ts')],
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true,
  outfile: path.join(OUT, 'index.js'), external: ['vscode', 'mocha'], logLevel: 'warning',
});

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-vscode-'));
fs.copyFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), path.join(workspace, 'weak-msa.md'));
fs.copyFileSync(path.join(ROOT, 'examples', 'README.md'), path.join(workspace, 'notes.md'));

try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(OUT, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { CLAUSEWISE_TEST_WORKSPACE: workspace },
  });
} catch (e) {
  console.error(`VS Code integration tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
