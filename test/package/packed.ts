/**
 * One `npm pack` of this repository per test run, shared by the package and pipeline tests: it runs
 * prepack (the full build), which is too slow to repeat per test file.
 */
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The environment for child npm runs: quiet, and without the lifecycle variables of an npm script running these tests. */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1', ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('npm_lifecycle') || k === 'npm_package_json') delete env[k];
  return env;
}

export function run(cmd: string, args: string[], cwd: string, options: SpawnSyncOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: npmEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options }) as SpawnSyncReturns<string>;
}

export function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

const temporary: string[] = [];
process.once('exit', () => { for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true }); });

/** A fresh temporary folder, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

let packed: { tarball: string; files: string[] } | undefined;

/** Packs the repository (with its scripts: prepack builds dist/) and returns the tarball and its file list. */
export function packOnce(): { tarball: string; files: string[] } {
  if (packed) return packed;
  const dir = tempDir('clausewise-pack-');
  const out = ok(run(NPM, ['pack', '--json', '--pack-destination', dir], ROOT), 'npm pack');
  const info = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = { tarball: path.join(dir, path.basename(info[0].filename)), files: info[0].files.map((f) => f.path).sort() };
  return packed;
}
