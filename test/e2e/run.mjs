// End-to-end test in a real VS Code: builds clausewise.vsix, installs it into code-server (VS Code for
// the browser, installed offline from the npm registry by setup-code-server.sh into a cache outside the
// repository), opens a copy of examples/weak-msa.md in headless Chromium and checks what a user sees:
// findings in the Problems panel, the language status, a hover with the rationale, a quick fix that
// inserts a clause, the Contract Review view, clause preview, profiles, export, outline, folding,
// highlighting, snippets and the walkthrough. Screenshots go to test/e2e/screenshots/ (git-ignored);
// those the README shows are copied into docs/images/ when every step passed (see DOCS_SHOTS).
//
//   npm run test:e2e            (E2E_SKIP_PACKAGE=1 reuses clausewise.vsix; E2E_ONLY=regex runs some steps)
//
// Needs Debian's chromium (CHROMIUM=/path overrides) and what setup-code-server.sh needs. Binds only to
// 127.0.0.1. Prints "e2e: N passed, M failed" and exits 1 when a step failed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const { chromium } = require('playwright-core');

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
// The README's and the docs' pictures of the editor: copied from this run's screenshots into
// docs/images when every step passed (E2E_DOCS=0 leaves docs/images alone), so they always show the
// current build in the state the text describes.
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
const DOCS_SHOTS = {
  '01-findings.png': 'vscode-findings.png',
  '03-hover.png': 'vscode-hover.png',
  '04-quick-fix-menu.png': 'vscode-quick-fix.png',
  '05-quick-fix-inserted.png': 'vscode-quick-fix-inserted.png',
  '06-coverage.png': 'vscode-coverage.png',
  '11-highlighting.png': 'vscode-highlighting.png',
};
const VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const CACHE = process.env.CLAUSEWISE_E2E_CACHE || path.join(os.homedir(), '.cache', 'clausewise-e2e');
const CODE_SERVER = path.join(CACHE, `code-server-${VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ONLY = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : null;
const started = Date.now();
const isMac = false;
const MOD = isMac ? 'Meta' : 'Control';

function log(msg) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: opts.quiet ? 'pipe' : 'inherit', env: { ...process.env, ...opts.env } });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})${opts.quiet ? `\n${r.stdout}\n${r.stderr}` : ''}`);
  }
  return r;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

// ---------------------------------------------------------------------------------------------
// Set-up: package, install code-server, a workspace with the example, the extension installed.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-e2e-'));
const ws = path.join(tmp, 'contracts');
const userData = path.join(tmp, 'user-data');
const extensions = path.join(tmp, 'extensions');
const CONTRACT = path.join(ws, 'weak-msa.md');
let server;
let browser;

function cleanup() {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

if (!fs.existsSync(CHROMIUM)) {
  // On a developer's machine without Chromium, say so and pass; in CI (.ci/run installs it) fail.
  const message = `Chromium not found at ${CHROMIUM}: apt-get install -y chromium ripgrep libkrb5-dev (or set CHROMIUM)`;
  if (process.env.CI) throw new Error(message);
  console.log(`e2e: skipped. ${message}`);
  process.exit(0);
}

// Every editor picture the README shows is one this run makes (not one made by hand or by an older build).
{
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const made = new Set(Object.values(DOCS_SHOTS));
  const stale = [...readme.matchAll(/docs\/images\/(vscode-[\w-]+\.png)/g)].map((m) => m[1]).filter((f) => !made.has(f));
  if (stale.length) throw new Error(`README.md shows ${stale.join(', ')}, which this run does not make: add it to DOCS_SHOTS`);
}

fs.mkdirSync(SHOTS, { recursive: true });
for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));

if (!process.env.E2E_SKIP_PACKAGE || !fs.existsSync(path.join(ROOT, 'clausewise.vsix'))) {
  log('packaging clausewise.vsix');
  run('npm', ['run', '--silent', 'package'], { quiet: true });
}
log('setting up code-server');
run('bash', [path.join(ROOT, 'test', 'e2e', 'setup-code-server.sh')]);

fs.mkdirSync(ws, { recursive: true });
fs.copyFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), CONTRACT);
// Not a contract: the examples' README.
fs.copyFileSync(path.join(ROOT, 'examples', 'README.md'), path.join(ws, 'notes.md'));
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.showFoldingControls': 'always',
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
  'git.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
}, null, 2));

const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
log('installing clausewise.vsix into code-server');
run(process.execPath, [CODE_SERVER, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', path.join(ROOT, 'clausewise.vsix')], { quiet: true, env });

const port = await freePort();
log(`starting code-server on 127.0.0.1:${port}`);
server = spawn(process.execPath, [
  CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions,
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ws,
], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => { serverLog += d; });
server.stderr.on('data', (d) => { serverLog += d; });
await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30000);

browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    // playwright starts it with a new, empty profile (user-data dir) of its own.
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 960 }, deviceScaleFactor: 1 });
page.setDefaultTimeout(15000);

// ---------------------------------------------------------------------------------------------
// Helpers: the workbench as a user drives it.

const results = [];
async function step(name, fn) {
  if (ONLY && !ONLY.test(name)) return;
  const t0 = Date.now();
  try {
    // A notification left by an earlier step would otherwise show in this step's screenshots.
    await clearNotifications();
    await fn();
    results.push({ name, ok: true });
    log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    log(`FAIL ${name}: ${e instanceof Error ? e.message.split('\n').slice(0, 6).join('\n     ') : e}`);
    await page.screenshot({ path: path.join(SHOTS, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) }).catch(() => undefined);
    await page.keyboard.press('Escape').catch(() => undefined);
    await page.keyboard.press('Escape').catch(() => undefined);
  }
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

const visibleToasts = () => page.locator('.notifications-toasts .notification-toast:visible');

/** Clears notifications (toasts and the notification centre) through the Command Palette, when any show. */
async function clearNotifications() {
  const centre = page.locator('.notifications-center.visible');
  if (!(await visibleToasts().count()) && !(await centre.count())) return;
  await command('Notifications: Clear All Notifications');
  await until(async () => !(await visibleToasts().count()) && !(await centre.count()), 'the notifications to clear', 5000);
}

/**
 * Takes a screenshot of the state a step documents. No notification may show in it: with clear, any
 * is cleared first (only where no menu, hover or quick pick is open, since the Command Palette would
 * close it); otherwise one showing fails the step.
 */
async function shot(name, { clear = false } = {}) {
  await page.waitForTimeout(300);
  if (clear) await clearNotifications();
  const toasts = await visibleToasts().allInnerTexts();
  check(toasts.length === 0, `no notification in ${name} (showing: ${toasts.join(' | ').replace(/\s+/g, ' ').slice(0, 200)})`);
  check(!(await page.locator('.notifications-center.visible').count()), `no notification centre in ${name}`);
  await page.screenshot({ path: path.join(SHOTS, name) });
}

/** Polls fn until it returns a truthy value. */
async function until(fn, what, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Runs a command from the Command Palette, as a user would, by its title. */
async function command(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.waitForTimeout(150);
  await row.click();
}

/** Picks an item in an open quick pick by its text. */
async function quickPick(text, { type } = {}) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  if (type !== undefined) await input.fill(type);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  await page.waitForTimeout(150);
  await row.click();
}

async function goTo(line, column = 1) {
  await page.keyboard.press(`${MOD}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();

/** Focuses the editor of the first group (Ctrl+1), where the contract is. */
async function focusEditor() {
  await page.keyboard.press(`${MOD}+1`);
  await page.waitForTimeout(100);
}

async function setPanel(visible) {
  const shown = await page.locator('.part.panel').isVisible().catch(() => false);
  if (shown !== visible) {
    await page.keyboard.press(`${MOD}+J`);
    await page.locator('.part.panel').waitFor({ state: visible ? 'visible' : 'hidden' });
  }
}

/** Widens the side bar so the Contract Review view's descriptions fit in a screenshot. */
async function widenSideBar(width) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar || bar.width >= width) return;
  const x = bar.x + bar.width;
  const y = bar.y + bar.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - bar.width) / 2, y, { steps: 4 });
  await page.mouse.move(bar.x + width, y, { steps: 4 });
  await page.mouse.up();
}

/** Drags the editor hover's free edge (it is resizable) so that all of it shows in a screenshot. */
async function enlargeHover(hover) {
  const box = await hover.boundingBox();
  const editorBox = await editor().boundingBox();
  if (!box || !editorBox) return;
  for (const [edge, dy] of [['north', editorBox.y + 4 - box.y], ['south', editorBox.y + editorBox.height - 4 - (box.y + box.height)]]) {
    const sash = page.locator(`.monaco-resizable-hover .monaco-sash.orthogonal-edge-${edge}:not(.disabled)`).first();
    if (!(await sash.count()) || Math.abs(dy) < 20) continue;
    const s = await sash.boundingBox();
    if (!s) continue;
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
    await page.mouse.down();
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2 + dy / 2, { steps: 4 });
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2 + dy, { steps: 4 });
    await page.mouse.up();
    return;
  }
}

/** Picks an item of the open code action (light bulb) menu with the keyboard. */
/**
 * Opens the quick-fix menu at a position. On a loaded 2-core CI machine the first Ctrl+. can arrive
 * while the Go to Line box is still closing, or before the editor has asked for code actions, and
 * then no menu opens; so it tries again (three times) before it fails.
 */
async function openQuickFixMenu(line, column) {
  const menu = page.locator('.action-widget');
  for (let attempt = 1; ; attempt++) {
    await focusEditor();
    await goTo(line, column);
    await page.keyboard.press(`${MOD}+.`);
    try {
      await menu.waitFor({ timeout: 8000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`     no quick-fix menu after Ctrl+. (attempt ${attempt}), trying again`);
      await page.keyboard.press('Escape');
    }
  }
}

async function pickAction(label) {
  const menu = page.locator('.action-widget');
  await menu.waitFor();
  // JSON string syntax is also a valid CSS string, so quotes in a title ("defines \"Term\"") are escaped.
  await menu.locator(`.monaco-list-row[aria-label=${JSON.stringify(label)}]`).waitFor({ state: 'attached' });
  for (let i = 0; i < 40; i++) {
    const focused = await menu.locator('.monaco-list-row.focused').getAttribute('aria-label').catch(() => null);
    if (focused === label) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no "${label}" in the quick fix menu`);
}

async function save() {
  await focusEditor();
  await page.keyboard.press(`${MOD}+S`);
  await page.waitForTimeout(400);
}

function lineOf(text, needle, from = 0) {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`"${needle}" not in the contract`);
}

async function statusItems() {
  return page.locator('.statusbar-item').allInnerTexts();
}

const original = fs.readFileSync(CONTRACT, 'utf8');

// ---------------------------------------------------------------------------------------------
// The steps

log('opening VS Code in Chromium');
await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { timeout: 90000 });
await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'weak-msa.md' }).waitFor({ timeout: 60000 });

await step('open the example contract', async () => {
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'weak-msa.md' }).click();
  await editor().locator('.view-lines').filter({ hasText: 'Managed IT Services Agreement' }).waitFor();
  // The editor shows the injected highlighting: defined terms carry their own token colour.
  await until(async () => (await page.locator('.squiggly-error, .squiggly-warning').count()) > 0, 'squiggles in the editor', 45000);
});

await step('findings in the Problems panel', async () => {
  await page.keyboard.press(`${MOD}+Shift+M`);
  const rows = page.locator('.markers-panel .monaco-list-row');
  await until(async () => (await rows.filter({ hasText: 'clausewise' }).count()) >= 5, 'Clausewise rows in the Problems panel', 45000);
  const text = (await rows.allInnerTexts()).join('\n');
  check(text.includes('No audit rights'), 'the audit-rights finding is listed');
  check(/clausewise\s*\(?audit-rights/.test(text), 'source and rule id shown');
  const badge = await page.locator('.panel .composite-bar .badge-content, .part.panel .badge').first().innerText().catch(() => '');
  log(`     Problems panel: ${await rows.count()} rows visible, badge "${badge}"`);
  await shot('01-findings.png', { clear: true });
});

await step('language status reads the coverage and opens the review', async () => {
  const status = page.locator('#status\\.languageStatus');
  await status.waitFor();
  const re = /Clausewise: (\d+)\/22 covered, (\d+) weak, (\d+) missing \(it-outsourcing\)/;
  await until(async () => re.test(await status.locator('a').getAttribute('aria-label')), 'the status "Clausewise: N/22 covered, W weak, M missing (it-outsourcing)"');
  await status.click();
  const item = page.locator('.hover-language-status').filter({ hasText: re }).first();
  await item.waitFor();
  log(`     status: ${re.exec(await item.innerText())[0]}`);
  // Pin it, as a user may, so the text stays in the status bar (and in the later screenshots).
  await item.locator('.codicon-pin').dispatchEvent('click');
  await page.locator('.statusbar-item').filter({ hasText: re }).first().waitFor();
  await shot('02-status.png');
  await page.keyboard.press('Escape');
  // Its action opens the Contract Review view.
  await status.click();
  await item.locator('a.monaco-link', { hasText: 'Show review' }).dispatchEvent('click');
  await page.locator('.part.sidebar .composite.title').filter({ hasText: /Contract Review/i }).waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+Shift+E`);
});

await step('hover on a finding explains it', async () => {
  await setPanel(false);
  await focusEditor();
  const at = lineOf(original, 'promptly', lineOf(original, 'security breach').line - 1);
  await goTo(at.line, at.column + 2);
  await page.keyboard.press(`${MOD}+K`);
  await page.keyboard.press(`${MOD}+I`);
  const hover = page.locator('.monaco-editor .monaco-hover').filter({ hasText: 'Why it matters' }).first();
  await hover.waitFor();
  const text = await hover.innerText();
  check(text.includes('Breach notification deadline'), 'rule title in the hover');
  check(text.includes('Source:'), 'source in the hover');
  check(/Good wording/.test(text), 'example wording in the hover');
  // Figures the parties must choose are bracketed in plain text: "within [24] hours".
  check(/within \[?24\]? hours/.test(text), 'the clause example is rendered');
  await enlargeHover(page.locator('.monaco-editor .monaco-resizable-hover').first());
  await shot('03-hover.png');
  await page.keyboard.press('Escape');
  await setPanel(true);
});

/** The number of covered categories in the language status ("Clausewise: 15/22 covered, ..."). */
async function coveredCount() {
  const label = await page.locator('#status\\.languageStatus a').getAttribute('aria-label');
  return Number(/Clausewise: (\d+)\/22 covered/.exec(label ?? '')?.[1] ?? NaN);
}

// The opening words of the first and last paragraphs of the library's Audit Rights clause, numbered
// as section 11 ("11.1 The Supplier must keep complete", "11.8 Where the Services support"): read
// from clauses/audit-rights.md, so that rewording the clause does not break the test.
const auditParagraphs = [...fs.readFileSync(path.join(ROOT, 'clauses', 'audit-rights.md'), 'utf8').matchAll(/^\{\{n\}\}\.(\d+) (.*)$/gm)];
const openingOf = (m) => `11.${m[1]} ${m[2].replace(/^\{\{Supplier\}\}/, 'The Supplier').replace(/^\{\{Customer\}\}/, 'The Customer').split(/\s+/).slice(0, 4).join(' ')}`;
const auditFirst = openingOf(auditParagraphs[0]);
const auditLast = openingOf(auditParagraphs[auditParagraphs.length - 1]);

await step('quick fix inserts a clause', async () => {
  check(auditParagraphs.length >= 2 && !/\{\{|\[\[/.test(auditFirst + auditLast), `the opening words of the clause's paragraphs (${auditFirst} ... ${auditLast})`);
  const title = lineOf(original, '# Managed IT Services Agreement');
  const auditFinding = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'No audit rights' });
  // The finding is listed before the fix (so that its absence afterwards means something).
  await until(async () => (await auditFinding.count()) > 0, 'the audit-rights finding in the Problems panel');
  const coveredBefore = await coveredCount();
  check(Number.isFinite(coveredBefore), 'the language status gives the covered count');
  await openQuickFixMenu(title.line, 3);
  await shot('04-quick-fix-menu.png');
  await pickAction('Insert clause: Audit Rights, balanced position (defines "Business Day", "Term" in the definitions) (renumbers 11\u201313 as 12\u201314)');
  await editor().locator('.view-lines').filter({ hasText: 'Audit Rights' }).waitFor();
  await page.keyboard.press('Escape');
  await save();
  const saved = await until(() => {
    const t = fs.readFileSync(CONTRACT, 'utf8');
    return t !== original ? t : null;
  }, 'the contract to be saved');

  // In place: a section of its own, numbered and styled as its neighbours, after the last section on
  // other topics and before "General", the closing rule and the signature block.
  const lines = saved.split('\n');
  const at = (re) => lines.findIndex((l) => re.test(l));
  const heading = at(/^## 11\. Audit Rights$/);
  const before = at(/^## 10\. Term and Termination$/);
  const general = at(/^## 12\. General$/);
  const signed = at(/^Signed for and on behalf of/);
  const rule = lines.lastIndexOf('---', signed);
  check(heading > 0, `an "## 11. Audit Rights" heading, styled and numbered as the other sections (headings: ${lines.filter((l) => /^#/.test(l)).join(' | ')})`);
  check(before >= 0 && before < heading, 'after section 10');
  check(general > heading, 'before "General", renumbered 12');
  check(at(/^## 13\. Notices$/) > general && at(/^## 14\. Governing Law$/) > general, 'the later sections renumbered 13 and 14');
  check(rule > general && signed > rule, 'above the rule that opens the signatures and the signature block');
  const clause = lines.slice(heading + 1, general).join('\n');
  check(clause.includes(auditFirst) && clause.includes(auditLast), `the clause text, numbered 11.1 to 11.${auditParagraphs.length}, under the heading ("${auditFirst}" ... "${auditLast}")`);
  check(!/^\d+\.\d+\.\d+ /m.test(clause), 'no third numbering level');
  check(!lines.slice(signed).some((l) => /Audit/.test(l)), 'nothing inserted after the signatures');

  // The finding clears, and the category counts as covered.
  await until(async () => !(await auditFinding.count()), 'the audit-rights finding to go', 20000);
  await until(async () => (await coveredCount()) > coveredBefore, `the status to count more than ${coveredBefore} covered categories`);
  check(!(await auditFinding.count()), 'the audit-rights finding is gone from the Problems panel');

  // The clause in place: the other sections folded, so that the new section 11, the later sections and
  // the start of the signature block show on one screen (a taller window for this one picture: the
  // clause is long). The cursor inside section 11 keeps it open (Fold Level 2 leaves the region that
  // holds the cursor alone).
  await setPanel(false);
  await page.keyboard.press(`${MOD}+B`);
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 1600, height: 1300 });
  try {
    await focusEditor();
    await goTo(heading + 2, 1);
    await command('Fold Level 2');
    await until(async () => (await editor().locator('.codicon-folding-collapsed').count()) >= 6, 'the other sections folded');
    // The last section's fold runs to the end of the file, over the signature block: going to the
    // first signature line opens it again (the editor unfolds the region the cursor lands in).
    await goTo(signed + 1, 1);
    const viewLine = (text) => editor().locator('.view-lines .view-line').filter({ hasText: text }).first();
    const editorBox = await editor().boundingBox();
    const inView = async (text) => {
      if (!(await viewLine(text).count())) return false;
      const box = await viewLine(text).boundingBox({ timeout: 1000 }).catch(() => null);
      const sticky = (await editor().locator('.sticky-widget').count()) ? await editor().locator('.sticky-widget').first().boundingBox({ timeout: 1000 }).catch(() => null) : null;
      const top = sticky && sticky.height > 0 ? sticky.y + sticky.height : editorBox.y;
      return !!box && box.y >= top - 1 && box.y + box.height <= editorBox.y + editorBox.height + 1;
    };
    const signedLine = 'Signed for and on behalf of **Northwind';
    if (!(await until(() => inView(signedLine), 'the signature block', 5000).catch(() => false))) {
      // Should the editor keep it folded: unfold the last section by its keyboard shortcut.
      await goTo(at(/^## 14\. Governing Law$/) + 1, 1);
      await page.keyboard.press(`${MOD}+Shift+BracketRight`);
      await goTo(signed + 1, 1);
      await until(() => inView(signedLine), 'the signature block in view after unfolding the last section', 5000);
    }
    // Scroll line by line (Ctrl+Up, Ctrl+Down) until the heading of section 11 and the first
    // signature line both show.
    for (let i = 0; i < 80 && !(await inView('## 11. Audit Rights')); i++) {
      await page.keyboard.press(`${MOD}+ArrowUp`);
      await page.waitForTimeout(30);
    }
    for (let i = 0; i < 80 && !(await inView(signedLine)); i++) {
      await page.keyboard.press(`${MOD}+ArrowDown`);
      await page.waitForTimeout(30);
    }
    for (const text of ['## 11. Audit Rights', auditFirst, auditLast, '## 12. General', '## 14. Governing Law', signedLine]) {
      check(await inView(text), `"${text}" in view with the inserted clause`);
    }
    log(`     in place: section 10's heading ${(await inView('## 10. Term and Termination')) ? 'also' : 'not'} in view`);
    // The mouse away from the text, so that no hover covers it.
    await page.mouse.move(editorBox.x + editorBox.width - 5, editorBox.y + 5);
    await shot('05-quick-fix-inserted.png', { clear: true });
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, 'failed-quick-fix-in-place.png') }).catch(() => undefined);
    throw e;
  } finally {
    // Back to the layout the later steps expect, even when a check above failed.
    await page.keyboard.press('Escape');
    await command('Unfold All');
    await page.setViewportSize({ width: 1600, height: 960 });
    await page.keyboard.press(`${MOD}+B`);
    await page.locator('.part.sidebar').waitFor({ state: 'visible' });
    await setPanel(true);
  }
});

await step('coverage view lists the categories', async () => {
  await command('Clausewise: Show Contract Review');
  await widenSideBar(520);
  const view = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Contract Review' }) }).first();
  const rows = view.locator('.monaco-list-row');
  await until(async () => (await rows.count()) >= 20, 'category rows in the Contract Review view', 20000);
  // The verdicts of the contract as it is now, after the quick fix (the view refreshes after each review).
  await until(async () => {
    const text = (await rows.allInnerTexts()).join('\n');
    return ['Service levels', 'Audit rights', 'Exit and transition', 'Insurance'].every((t) => text.includes(t))
      && /Audit rights\s*present/.test(text) && /Insurance\s*missing/.test(text) && /Service levels\s*weak/.test(text);
  }, 'the verdicts: audit rights present (after the quick fix), insurance missing, service levels weak');
  // Expand service levels: the reason, the evidence and the findings.
  await rows.filter({ hasText: 'Service levels' }).first().locator('.monaco-tl-twistie').click();
  // The evidence's line depends on what the quick fix inserted above it (definitions, a clause).
  await until(async () => (await view.locator('.monaco-list-row').filter({ hasText: /\bline \d+/ }).count()) > 0, 'evidence and findings under Service levels');
  await shot('06-coverage.png', { clear: true });
});

await step('coverage view: click jumps to the evidence', async () => {
  await focusEditor();
  await goTo(1, 1);
  const view = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Contract Review' }) }).first();
  const evidence = view.locator('.monaco-list-row').filter({ has: page.locator('.codicon-quote') }).first();
  await evidence.click();
  // The first evidence of "Service levels" is clause 2.4, well below the title.
  await until(async () => {
    const t = await page.locator('.statusbar-item').filter({ hasText: /Ln \d+, Col \d+/ }).first().innerText();
    return Number(/Ln (\d+)/.exec(t)?.[1]) >= 30;
  }, 'the cursor to move to the evidence');
  check(await editor().locator('.view-lines').filter({ hasText: '2.4 The Supplier shall use its best efforts' }).count() > 0, 'the evidence is in view');
});

await step('coverage view: + inserts a missing clause', async () => {
  const view = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Contract Review' }) }).first();
  const row = view.locator('.monaco-list-row').filter({ hasText: 'Insurance' }).first();
  await row.hover();
  await row.locator('.action-label.codicon-add').click();
  await editor().locator('.view-lines').filter({ hasText: 'Insurance' }).waitFor();
  await page.keyboard.press('Escape');
  await save();
  await until(() => /^#+ \d+\. Insurance$/m.test(fs.readFileSync(CONTRACT, 'utf8')), 'an Insurance section in the saved file');
  await until(async () => /Insurance\s*present/.test((await view.locator('.monaco-list-row').allInnerTexts()).join('\n')), 'insurance to turn present');
});

await step('coverage view: accept a finding with a reason', async () => {
  const view = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Contract Review' }) }).first();
  const category = view.locator('.monaco-list-row').filter({ hasText: 'Indemnities' }).first();
  const finding = view.locator('.monaco-list-row').filter({ hasText: 'indemnities ·' }).first();
  // The view refreshes after each review (the insert above triggers one): a click on the twistie
  // during a refresh can be lost, so expand again until the finding shows.
  await until(async () => {
    if (await finding.count()) return true;
    if ((await category.getAttribute('aria-expanded')) !== 'true') await category.locator('.monaco-tl-twistie').click();
    await page.waitForTimeout(300);
    return (await finding.count()) > 0;
  }, 'the indemnities finding under its category');
  await finding.hover();
  await finding.locator('.action-label.codicon-check').click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('Indemnities are in the framework agreement');
  await page.keyboard.press('Enter');
  await save();
  const saved = await until(() => {
    const t = fs.readFileSync(CONTRACT, 'utf8');
    return t.includes('clausewise-disable-next-line indemnities') ? t : null;
  }, 'the suppression comment in the saved file');
  check(saved.includes('<!-- clausewise-disable-next-line indemnities -- Indemnities are in the framework agreement -->'), 'comment with the reason');
  await until(async () => !(await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'No indemnities' }).count()), 'the indemnities finding to go');
});

await step('insert clause from library with a preview', async () => {
  await focusEditor();
  await command('Clausewise: Insert Clause from Library');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('escalation');
  await page.waitForTimeout(300);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const tab = page.locator('.tab').filter({ hasText: 'Clause preview' });
  await tab.waitFor();
  await page.locator('.monaco-editor .view-lines').filter({ hasText: 'Escalation' }).first().waitFor();
  await shot('07-clause-preview.png');
  await page.keyboard.press('Escape');
  await tab.waitFor({ state: 'detached' });
});

await step('choose profiles: dora-critical for the folder', async () => {
  await focusEditor();
  await command('Clausewise: Choose Review Profiles');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'dora-critical' }).first();
  await row.waitFor();
  await row.click();
  await until(async () => (await row.getAttribute('aria-checked')) === 'true' || (await row.locator('input[type=checkbox]').isChecked().catch(() => false)), 'dora-critical ticked', 5000);
  await shot('08-choose-profiles.png');
  await page.keyboard.press('Enter');
  await quickPick('Workspace folder settings');
  const settings = path.join(ws, '.vscode', 'settings.json');
  await until(() => fs.existsSync(settings) && fs.readFileSync(settings, 'utf8').includes('dora-critical'), '.vscode/settings.json with dora-critical');
  // Findings now cite DORA.
  const at = lineOf(fs.readFileSync(CONTRACT, 'utf8'), '# Managed IT Services Agreement');
  await focusEditor();
  await goTo(at.line, 3);
  await until(async () => {
    await page.keyboard.press(`${MOD}+K`);
    await page.keyboard.press(`${MOD}+I`);
    const t = await page.locator('.monaco-editor .monaco-hover').filter({ hasText: 'Why it matters' }).first().innerText({ timeout: 3000 });
    if (t.includes('DORA Art. 30')) return true;
    await page.keyboard.press('Escape');
    return false;
  }, 'a hover citing DORA Art. 30');
  await shot('09-hover-dora.png');
  await page.keyboard.press('Escape');
});

await step('export the review report', async () => {
  await focusEditor();
  await command('Clausewise: Export Review Report');
  await quickPick('HTML page');
  // code-server's own save dialog: the suggested name is filled in; accept it.
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await until(async () => (await input.inputValue()).includes('weak-msa-review.html'), 'the suggested file name');
  await page.keyboard.press('Enter');
  const report = path.join(ws, 'weak-msa-review.html');
  await until(() => fs.existsSync(report) && fs.statSync(report).size > 1000, 'the report file');
  const html = fs.readFileSync(report, 'utf8');
  check(html.includes('<table>') && html.includes('Service levels'), 'coverage table in the report');
  check(html.includes('Findings'), 'findings in the report');
  await command('Notifications: Clear All Notifications');
});

await step('outline and folding', async () => {
  await setPanel(false);
  await command('Explorer: Focus on Outline View');
  const outline = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Outline' }) }).first();
  await until(async () => (await outline.locator('.monaco-list-row').filter({ hasText: 'Definitions' }).count()) > 0, 'the outline');
  const text = (await outline.locator('.monaco-list-row').allInnerTexts()).join('\n');
  check(text.includes('1. Definitions') || text.includes('1 Definitions'), 'numbered sections in the outline');
  await focusEditor();
  await goTo(1, 1);
  await command('Fold Level 2');
  await until(async () => (await editor().locator('.codicon-folding-collapsed').count()) >= 4, 'folded sections');
  await shot('10-outline-folding.png', { clear: true });
  await command('Unfold All');
});

await step('highlighting: obligation words, defined terms and blanks stand out', async () => {
  const text = fs.readFileSync(CONTRACT, 'utf8');
  const at = lineOf(text, ' shall ');
  await setPanel(false);
  await focusEditor();
  // The grammar's scope on "shall", read with the token inspector (a developer tool: closed again
  // before the screenshot, which shows the editor as a user sees it).
  await goTo(at.line, at.column + 2);
  await command('Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor();
  let t = '';
  await until(async () => {
    t = await widget.innerText();
    return /textmate scopes/i.test(t) && !/Loading/.test(t);
  }, 'the token inspector', 10000);
  check(/keyword\.other\.obligation\.[a-z.]*clausewise/.test(t), `an obligation scope of the Clausewise grammar on "shall" (got ${t.replace(/\s+/g, ' ').slice(0, 300)})`);
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'detached' });
  // What a user sees: the opening of the contract, its definitions and its first obligations, in
  // colours that differ from the plain text around them.
  await goTo(1, 1);
  const editorBox = await editor().boundingBox();
  await page.mouse.move(editorBox.x + editorBox.width - 5, editorBox.y + 5);
  // Definitions added by the earlier quick fix can push the first "shall" below the fold: scroll down a
  // few lines at a time (past the front matter) until it shows, keeping the opening's blank in view.
  const colours = await until(async () => {
    const seen = await editor().locator('.view-lines').evaluate((root) => {
      const plain = getComputedStyle(root.querySelector('.mtk1')).color;
      const colourOf = (word) => {
        const span = [...root.querySelectorAll('.view-line span span')].find((s) => s.textContent.trim() === word);
        return span ? getComputedStyle(span).color : null;
      };
      const shall = colourOf('shall');
      const blank = [...root.querySelectorAll('.view-line span span')].find((s) => /^_{4,}$/.test(s.textContent.trim()));
      return shall ? { plain, shall, blank: blank ? getComputedStyle(blank).color : null } : null;
    });
    if (!seen) {
      await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2);
      await page.mouse.wheel(0, 60);
      await page.mouse.move(editorBox.x + editorBox.width - 5, editorBox.y + 5);
    }
    return seen;
  }, '"shall" in view as a token of its own');
  check(colours.shall !== colours.plain, `"shall" in its own colour (${colours.shall}, plain text ${colours.plain})`);
  check(colours.blank && colours.blank !== colours.plain, `the blank "____" in its own colour (${colours.blank})`);
  check(!(await page.locator('.token-inspect-widget').count()), 'no token inspector in the screenshot');
  await shot('11-highlighting.png', { clear: true });
});

await step('snippets: clause- completes library clauses', async () => {
  await focusEditor();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('clause-sla');
  await page.keyboard.press(`${MOD}+Space`);
  const suggest = page.locator('.suggest-widget');
  await suggest.waitFor({ state: 'visible' });
  await until(async () => (await suggest.locator('.monaco-list-row').filter({ hasText: 'clause-sla' }).count()) > 0, 'clause-sla… snippets in the suggestions');
  await shot('12-snippets.png');
  await page.keyboard.press('Escape');
  await command('Revert File');
});

await step('a document that is not a contract: reviewed only when asked', async () => {
  await page.keyboard.press(`${MOD}+Shift+E`);
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'notes.md' }).click();
  await editor().locator('.view-lines').filter({ hasText: 'Example drafts' }).waitFor();
  const status = page.locator('#status\\.languageStatus a');
  await until(async () => /Clausewise: not reviewed/.test(await status.getAttribute('aria-label')), 'the status "Clausewise: not reviewed"');
  await command('Clausewise: Show Contract Review');
  const review = page.locator('.part.sidebar .welcome-view-content .monaco-button').filter({ hasText: 'Review as Contract' });
  await review.waitFor();
  await shot('14-not-a-contract.png', { clear: true });
  await review.click();
  await until(async () => /Clausewise: \d+\/22 covered/.test(await status.getAttribute('aria-label')), 'the status after reviewing it anyway');
  const view = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Contract Review' }) }).first();
  await until(async () => (await view.locator('.monaco-list-row').count()) >= 20, 'categories for the document reviewed anyway');
});

await step('walkthrough opens the example', async () => {
  await setPanel(false);
  await command('Welcome: Open Walkthrough');
  await quickPick('Get started with Clausewise', { type: 'Clausewise' });
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.filter({ hasText: 'Open the example contract' }).waitFor();
  await shot('13-walkthrough.png', { clear: true });
  const problems = async () => (await page.locator('#status\\.problems a').getAttribute('aria-label')).match(/\d+/g).reduce((a, b) => a + Number(b), 0);
  const before = await problems();
  await walkthrough.locator('.button-link, a.button-link, .getting-started-step .monaco-button').filter({ hasText: 'Open Example Contract' }).first().click();
  await page.locator('.tab').filter({ hasText: 'Untitled' }).first().waitFor();
  await until(async () => (await problems()) >= before + 30, 'findings on the opened (unsaved) example', 30000);
});

// ---------------------------------------------------------------------------------------------

await browser.close();
const failed = results.filter((r) => !r.ok);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failed.length && process.env.E2E_VERBOSE) console.log(serverLog.slice(-4000));
console.log(`\nScreenshots: ${path.relative(ROOT, SHOTS)}/ (${fs.readdirSync(SHOTS).filter((f) => f.endsWith('.png')).length} files); ${seconds}s`);
if (ONLY || process.env.E2E_DOCS === '0') {
  console.log('docs/images: left as they were (a partial run, or E2E_DOCS=0)');
} else if (failed.length) {
  console.log('docs/images: left as they were (a step failed)');
} else {
  const missing = Object.keys(DOCS_SHOTS).filter((f) => !fs.existsSync(path.join(SHOTS, f)));
  if (missing.length) {
    results.push({ name: 'docs images', ok: false });
    console.log(`docs/images: not updated, screenshots missing: ${missing.join(', ')}`);
  } else {
    for (const [from, to] of Object.entries(DOCS_SHOTS)) fs.copyFileSync(path.join(SHOTS, from), path.join(DOCS_IMAGES, to));
    console.log(`docs/images: ${Object.keys(DOCS_SHOTS).length} pictures updated from this run`);
  }
}
const failedAll = results.filter((r) => !r.ok);
console.log(`e2e: ${results.length - failedAll.length} passed, ${failedAll.length} failed`);
process.exit(failedAll.length ? 1 : 0);
