/**
 * Shared helpers for the CLI tests: `runCli` calls run(argv, io) in this process with captured output;
 * `runBuiltCli` runs the built dist/cli.js as a child process, for the few end-to-end tests (worker
 * threads, the bundle itself).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { run } from '../../server/src/cli/run';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');


export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
export const EXAMPLES = path.join(ROOT, 'examples');

// The same staleness test as the suite's global build (one walk of the source tree, one definition).
const { newestMtime } = require('../support/global-setup.cjs') as { newestMtime(dir: string): number };

let built = false;
/**
 * Builds the bundles with `node esbuild.mjs` when dist/cli.js is missing or older than the sources.
 * The build may fail for another bundle (client or server still being written): only the CLI bundle
 * must come out of it.
 */
export function ensureBuilt(): void {
  if (built) return;
  const stale = !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < newestMtime(path.join(ROOT, 'server', 'src'));
  if (stale) {
    if (!['clauses', 'clause-titles'].every((f) => fs.existsSync(path.join(ROOT, 'server', 'src', 'library', `${f}.generated.json`)))) {
      spawnSync(process.execPath, ['scripts/generate-clauses.mjs'], { cwd: ROOT, stdio: 'ignore' });
    }
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      // Another bundle failed and took the process down, perhaps before the CLI was written:
      // build the CLI alone, with the options esbuild.mjs uses.
      buildSync({
        entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')], outfile: CLI,
        bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'silent',
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      });
    }
    if (!fs.existsSync(CLI)) throw new Error(`node esbuild.mjs did not produce dist/cli.js:\n${r.stderr}`);
  }
  built = true;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

function cliEnv(options: CliOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
}

/** The CLI in this process: run(argv, io) with its output captured (no worker threads). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: options.cwd ?? FIXTURES,
    env: cliEnv(options),
    stdout: { write: (s: string) => { stdout += s; return true; } },
    stderr: { write: (s: string) => { stderr += s; return true; } },
    readStdin: () => options.input ?? '',
    workerScript: null,
  });
  return { code, stdout, stderr };
}

/** The built CLI (dist/cli.js) as a child process: end-to-end tests only. */
export function runBuiltCli(args: readonly string[], options: CliOptions = {}): CliRun {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? FIXTURES, encoding: 'utf8', env: cliEnv(options) as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024, ...(options.input !== undefined ? { input: options.input } : {}) });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs with --format json and parses the report. */
export async function runJson(args: readonly string[], options: CliOptions = {}): Promise<CliRun & { json: CliJson }> {
  const r = await runCli(['--format', 'json', ...args], options);
  let json: CliJson;
  try {
    json = JSON.parse(r.stdout) as CliJson;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
  return { ...r, json };
}

export function makeTempDir(prefix = 'clausewise-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

export function exampleFiles(): string[] {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(EXAMPLES, f));
}

export interface CliDiagnostic {
  ruleId: string;
  category: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: Array<{ kind: string; title: string; clauseId?: string }>;
}

export interface CliFile {
  path: string;
  isContract: boolean;
  profiles: string[];
  coverage: Record<string, 'present' | 'weak' | 'missing'>;
  diagnostics: CliDiagnostic[];
}

export interface CliJson {
  tool: { name: string; version: string };
  files: CliFile[];
  summary: { files: number; contracts: number; errors: number; warnings: number; information: number; hints: number; baselined?: number };
}

/** A README-like text that contains NUL bytes. */
export const BINARY = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0, 255, 254]), Buffer.from('\nstream\n')]);

/** Just over the 2 MB limit. */
export function hugeText(): string {
  const para = 'The Supplier shall provide the Services in accordance with this Agreement.\n\n';
  return para.repeat(Math.ceil((2 * 1024 * 1024 + 1) / para.length));
}
