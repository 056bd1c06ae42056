// Writes everything downstream of the rule modules (server/src/rules/<id>.ts, the single source of
// each rule's metadata, examples, related rules and thresholds):
//   docs/rules/<id>.md          the generated blocks (header, Examples, Settings, Related rules)
//                               between `<!-- generated:NAME begin -->` / `<!-- generated:NAME end -->`;
//                               the prose around them is hand-written and left alone
//   docs/rules/README.md        the rule tables, the category table and the thresholds table
//   README.md                   the category table and the thresholds table
//   package.json                clausewise.severity, clausewise.thresholds and clausewise.clausePosition
//   schema/clausewise.schema.json  the thresholds of the config file
//   server/src/rules/thresholds.generated.ts  the Thresholds type
//   client/src/generated/categories.ts        the category titles the client shows
//   scripts/generated/vocabulary.json         category ids and threshold names for generate-clauses.mjs
// (server/src/rules/all.generated.ts, the list of rule modules, is written by generate-rule-index.ts,
// which runs first; its staleness is reported here too.)
// Run by `npm run gen` (so by every build). `--check` writes nothing and exits 1 naming each stale file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CATEGORIES, CATEGORY_IDS, DRAFTING, getClause, PROFILES, RULES } from '../server/src/engine';
import type { RuleMeta, ThresholdDecl } from '../server/src/rules/types';
import { clausePositionProperty, severityProperties } from './generate-settings';
import { ruleIndex } from './generate-rule-index';

const ROOT = join(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// Shared helpers

const byId = new Map(RULES.map((r) => [r.meta.id, r.meta]));
const categoryTitle = (c: string) => (c === DRAFTING ? 'Drafting' : CATEGORIES[c as keyof typeof CATEGORIES].title);
/** RULES' order, which the docs follow: categories in spec order, then drafting; ids sorted within each. */
const ORDERED: RuleMeta[] = RULES.map((r) => r.meta);
const sameCategory = (m: RuleMeta) => ORDERED.filter((o) => o.category === m.category && o.id !== m.id);
const optIn = (m: RuleMeta) => m.enabledByDefault === false;

export function allThresholds(): Array<ThresholdDecl & { rule: string }> {
  const out: Array<ThresholdDecl & { rule: string }> = [];
  for (const m of ORDERED) for (const t of m.thresholds ?? []) out.push({ ...t, rule: m.id });
  return out;
}

/** Problems in the declarations that would make the generated files wrong. */
function declarationProblems(): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const t of allThresholds()) {
    if (seen.has(t.name)) out.push(`threshold ${t.name} is declared by both ${seen.get(t.name)} and ${t.rule}: declare it once and let the other rule read it`);
    seen.set(t.name, t.rule);
  }
  for (const m of ORDERED) {
    for (const r of m.related ?? []) if (!byId.has(r)) out.push(`server/src/rules/${m.id}.ts: related rule "${r}" does not exist`);
    if (!m.examples.flagged.length || !m.examples.fine.length) out.push(`server/src/rules/${m.id}.ts: needs at least one flagged and one fine example`);
    if (m.clauseId && !getClause(m.clauseId)) out.push(`server/src/rules/${m.id}.ts: clause "${m.clauseId}" is not in the library`);
  }
  return out;
}

const BEGIN = (name: string) => new RegExp(`^<!-- generated:${name} begin\\b[^\\n]*-->$`, 'm');
const END = (name: string) => new RegExp(`^<!-- generated:${name} end -->$`, 'm');
const begin = (name: string, source: string) => `<!-- generated:${name} begin: written by npm run gen from ${source}; edit there, not here -->`;
const end = (name: string) => `<!-- generated:${name} end -->`;

/** Replaces the body between a region's markers; null when the file has no such region. */
function replaceRegion(text: string, name: string, source: string, body: string): string | null {
  const b = BEGIN(name).exec(text);
  const e = END(name).exec(text);
  if (!b || !e || e.index < b.index) return null;
  return `${text.slice(0, b.index)}${begin(name, source)}\n${body.replace(/\n+$/, '')}\n${text.slice(e.index)}`;
}

// ---------------------------------------------------------------------------------------------
// Docs page of one rule

function quickFixText(m: RuleMeta): string {
  if (m.quickFix) return m.quickFix;
  const c = m.clauseId ? getClause(m.clauseId) : undefined;
  return c ? `insert clause "${c.title}" (\`${c.id}\`)` : 'none';
}

function profileLines(m: RuleMeta): string[] {
  const drafting = m.category === DRAFTING;
  const out: string[] = [];
  for (const p of Object.values(PROFILES)) {
    if (!drafting && !(p.categories as readonly string[]).includes(m.category)) continue;
    if (m.silentUnder?.includes(p.id)) { out.push(`  - \`${p.id}\`: not reported (the profile is already on)`); continue; }
    const severity = p.severities[m.id] ?? m.defaultSeverity;
    const cite = p.citations[m.id] ? `, citing ${p.citations[m.id]}` : '';
    out.push(`  - \`${p.id}\`: \`${severity}\`${optIn(m) ? ' (when enabled)' : ''}${cite}`);
  }
  return out;
}

function header(m: RuleMeta): string {
  const category = m.category === DRAFTING
    ? '`drafting` (Drafting hygiene: applies under every profile, outside the coverage verdicts)'
    : `\`${m.category}\` (${categoryTitle(m.category)})`;
  return [
    m.description,
    '',
    `- **Category:** ${category}`,
    `- **Default severity:** \`${m.defaultSeverity}\`${optIn(m) ? ' (off by default: opt-in, see below)' : ''}`,
    `- **Quick fix:** ${quickFixText(m)}`,
    ...(m.thresholds?.length ? [`- **Thresholds:** ${m.thresholds.map((t) => `\`${t.name}\``).join(', ')} (see [Settings](#settings))`] : []),
    ...(m.citations?.length ? [`- **Sources:** ${m.citations.join('; ')}`] : []),
    `- **Profiles** (and the severity under each):${m.category === DRAFTING ? ' drafting rules apply under every profile, at the same severity.' : ''}`,
    ...profileLines(m),
  ].join('\n');
}

function examples(m: RuleMeta): string {
  const ex = m.examples;
  const block = (e: { markdown: string; why: string }) => ['```markdown', e.markdown, '```', '', e.why];
  return [
    '## Examples',
    '',
    'These are short excerpts of a contract. Clausewise reviews the whole document, so another clause elsewhere in your draft can change the result.',
    ...(ex.settings ? ['', `These examples assume ${Object.keys(ex.settings).length > 1 ? 'these settings' : 'this setting'}:`, '', '```json', JSON.stringify(ex.settings, null, 2), '```'] : []),
    '',
    '### ❌ Flagged',
    ...ex.flagged.flatMap((e) => ['', ...block(e)]),
    '',
    '### ✅ Not flagged',
    ...ex.fine.flatMap((e) => ['', ...block(e)]),
  ].join('\n');
}

function thresholdRows(ts: ReadonlyArray<ThresholdDecl & { rule?: string }>, withRule: boolean, link: (id: string) => string): string[] {
  return [
    `| Threshold | Unit | Default |${withRule ? ' Rule |' : ''} What it means |`,
    `| --- | --- | --- |${withRule ? ' --- |' : ''} --- |`,
    ...ts.map((t) => `| \`${t.name}\` | ${t.unit} | ${t.default === undefined ? 'not set: no check' : `\`${t.default}\``} |${withRule && t.rule ? ` [\`${t.rule}\`](${link(t.rule)}) |` : ''} ${t.description} |`),
  ];
}

function settings(m: RuleMeta): string {
  const id = m.id;
  const out: string[] = ['## Settings', ''];
  const sharesCategoryId = m.category !== DRAFTING && m.category === id;
  const others = sameCategory(m);
  if (optIn(m)) {
    out.push(
      'The rule is off unless your settings name it. In VS Code, open **Settings**, search for *Clausewise: Severity* and choose **Edit in settings.json**, then switch it on with a severity:',
      '', '```json', `"clausewise.severity": { "${id}": "warning" }`, '```', '',
      `Use \`"information"\` or \`"hint"\` for a quieter finding. An entry for the whole category, \`"${m.category}"\`, does not switch this rule on: only its own id does. To switch it off again, remove the entry or write:`,
      '', '```json', `"clausewise.severity": { "${id}": "off" }`, '```', '',
      `On the command line, \`--enable ${id}\` switches it on for one run. Other editors pass the same setting to the Clausewise language server in its \`clausewise\` settings section, and the command line reads it from a Clausewise configuration file.`,
    );
  } else {
    out.push(
      'In VS Code, open **Settings**, search for *Clausewise: Severity* and choose **Edit in settings.json**. Then add the rule id:',
      '', '```json', `"clausewise.severity": { "${id}": "off" }`, '```', '',
    );
    let scope: string;
    if (sharesCategoryId && others.length) {
      const list = others.map((o) => `[\`${o.id}\`](${o.id}.md)`).join(', ');
      const keep = others.map((o) => `"${o.id}": "${o.defaultSeverity}"`).join(', ');
      scope = others.length === 1
        ? `This rule and its category share the id \`${id}\`, so the entry also applies to ${list}, unless that rule has an entry of its own. To switch off only this rule, keep the other one explicitly: \`{ "${id}": "off", ${keep} }\`.`
        : `This rule and its category share the id \`${id}\`, so the entry also applies to ${list}, unless those rules have entries of their own. To switch off only this rule, keep the others explicitly: \`{ "${id}": "off", ${keep} }\`.`;
    } else if (sharesCategoryId) {
      scope = `This rule and its category share the id \`${id}\`, so the entry covers the whole category.`;
    } else if (m.category === DRAFTING) {
      scope = 'An entry for this rule beats an entry for its whole category, `"drafting"`, so you can switch all drafting checks off and keep this one, or the other way round.';
    } else {
      scope = `An entry for this rule beats an entry for its whole category, \`"${m.category}"\`, so you can switch the category off and keep this rule, or the other way round.`;
    }
    out.push(`Use \`"error"\`, \`"warning"\`, \`"information"\` or \`"hint"\` instead of \`"off"\` to make the finding more or less prominent. ${scope} Other editors pass the same setting to the Clausewise language server in its \`clausewise\` settings section.`);
  }
  out.push(
    '',
    `To silence one finding and record why, put a comment on the line above the flagged text${m.category === DRAFTING ? '' : ' (for a finding on the document title, above the title)'}:`,
    '', '```markdown', `<!-- clausewise-disable-next-line ${id} -- reason -->`, '```', '',
    'The comment is invisible when the Markdown is rendered, and the finding moves to the **accepted deviations** of the JSON and Markdown reports with your reason, so the review state lives in the file and in git. `<!-- clausewise-disable RULE -->` / `<!-- clausewise-enable RULE -->` cover a stretch of text and `<!-- clausewise-disable-file RULE -->` the whole file; a category id works as well as a rule id. In VS Code the light bulb offers **Accept this finding…**, which writes the comment for you.',
  );
  if (m.thresholds?.length) {
    out.push(
      '', '### Thresholds', '',
      'The rule compares the contract with these playbook figures, set in the `clausewise.thresholds` setting (or under `thresholds` in a Clausewise configuration file):',
      '', ...thresholdRows(m.thresholds, false, (r) => `${r}.md`),
    );
  }
  return out.join('\n');
}

function related(m: RuleMeta): string {
  const ids = [...sameCategory(m).map((o) => o.id), ...(m.related ?? []).filter((r) => byId.get(r)?.category !== m.category)];
  const lines = ids.map((r) => byId.get(r)!).map((o) => `- [\`${o.id}\`](${o.id}.md): ${o.title}. ${o.description}`);
  return ['## Related rules', '', ...(lines.length ? lines : ['None.'])].join('\n');
}

/** A new page: the generated blocks and the hand-written sections to fill in (the docs test rejects the TODOs). */
function skeleton(m: RuleMeta): string {
  const src = `server/src/rules/${m.id}.ts`;
  const region = (name: string, body: string) => `${begin(name, src)}\n${body}\n${end(name)}`;
  return [
    `# ${m.id}: ${m.title}`, '', region('header', header(m)), '',
    '## What it checks', '', 'TODO: what the rule looks for, what counts as adequate, and where the finding is placed.', '',
    '## Why it matters', '', `TODO: ${m.rationale}`, '',
    region('examples', examples(m)), '',
    '## Quick fix', '', 'TODO: what the quick fix inserts or replaces, or why there is none.', '',
    region('settings', settings(m)), '',
    region('related', related(m)), '',
  ].join('\n');
}

export function rulePage(m: RuleMeta, current: string | undefined): string {
  if (current === undefined) return skeleton(m);
  const src = `server/src/rules/${m.id}.ts`;
  let text = current.replace(/\r\n/g, '\n');
  // The title line is generated too: it sits above the header block so the page starts with its heading.
  text = text.replace(/^# [^\n]*/, `# ${m.id}: ${m.title}`);
  for (const [name, body] of [['header', header(m)], ['examples', examples(m)], ['settings', settings(m)], ['related', related(m)]] as const) {
    const next = replaceRegion(text, name, src, body);
    if (next === null) throw new Error(`docs/rules/${m.id}.md has no generated "${name}" block: restore its markers (<!-- generated:${name} begin … --> … <!-- generated:${name} end -->) or delete the page to start from a skeleton`);
    text = next;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Index pages

/** The quick fix in the index tables: the rule's own words, else the clause it inserts. */
function fixCell(m: RuleMeta): string {
  if (m.quickFix) return m.quickFix[0].toUpperCase() + m.quickFix.slice(1);
  return m.clauseId ? `Insert \`${m.clauseId}\`` : 'None';
}

function ruleTable(rules: RuleMeta[]): string {
  return [
    '| Rule | Category | Default severity | What it checks | Quick fix |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((m) => `| [\`${m.id}\`](${m.id}.md) | \`${m.category}\` | ${m.defaultSeverity} | ${m.description} | ${fixCell(m)} |`),
  ].join('\n');
}

function docsIndex(current: string): string {
  const src = 'server/src/rules/';
  let text = current;
  const parts: Array<[string, string]> = [
    ['rules', ruleTable(ORDERED.filter((m) => m.category !== DRAFTING))],
    ['drafting-rules', ruleTable(ORDERED.filter((m) => m.category === DRAFTING))],
    ['categories', [
      '| Category | Topic | What counts as present | Rules |',
      '| --- | --- | --- | --- |',
      ...CATEGORY_IDS.map((c) => `| \`${c}\` | ${CATEGORIES[c].title} | ${CATEGORIES[c].expectation} | ${ORDERED.filter((m) => m.category === c).map((m) => `[\`${m.id}\`](${m.id}.md)`).join(', ')} |`),
    ].join('\n')],
    ['thresholds', thresholdRows(allThresholds(), true, (r) => `${r}.md`).join('\n')],
  ];
  for (const [name, body] of parts) {
    const next = replaceRegion(text, name, src, body);
    if (next === null) throw new Error(`docs/rules/README.md has no generated "${name}" block`);
    text = next;
  }
  return text;
}

function readme(current: string): string {
  const link = (id: string) => `docs/rules/${id}.md`;
  const categories = [
    '| category | rules |',
    '| --- | --- |',
    ...CATEGORY_IDS.map((c) => `| ${CATEGORIES[c].title} (\`${c}\`) | ${ORDERED.filter((m) => m.category === c).map((m) => `[\`${m.id}\`](${link(m.id)})`).join(', ')} |`),
  ].join('\n');
  let text = current;
  for (const [name, body] of [['categories', categories], ['thresholds', thresholdRows(allThresholds(), true, link).join('\n')]] as const) {
    const next = replaceRegion(text, name, 'server/src/rules/', body);
    if (next === null) throw new Error(`README.md has no generated "${name}" block`);
    text = next;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Schemas, types and the client's titles

const ruleOf = (t: ThresholdDecl) => allThresholds().find((x) => x.name === t.name)!.rule;

function thresholdSchema(t: ThresholdDecl, markdown: boolean): Record<string, unknown> {
  return {
    type: t.type,
    ...(t.minimum !== undefined ? { minimum: t.minimum } : {}),
    ...(t.maximum !== undefined ? { maximum: t.maximum } : {}),
    ...(t.default !== undefined ? { default: t.default } : {}),
    [markdown ? 'markdownDescription' : 'description']: `${t.description} Checked by ${markdown ? `\`${ruleOf(t)}\`` : ruleOf(t)}.`,
  };
}

function packageJson(current: string): string {
  const pkg = JSON.parse(current);
  const props = pkg.contributes?.configuration?.properties as Record<string, Record<string, unknown>> | undefined;
  if (!props?.['clausewise.severity'] || !props['clausewise.thresholds']) throw new Error('package.json has no clausewise.severity or clausewise.thresholds setting to fill in');
  const severity = props['clausewise.severity'];
  severity.properties = severityProperties();
  // Names outside the list are flagged in settings.json (they would have no effect).
  severity.additionalProperties = false;
  delete severity.propertyNames;
  props['clausewise.thresholds'].properties = Object.fromEntries(allThresholds().map((t) => [t.name, thresholdSchema(t, true)]));
  props['clausewise.thresholds'].additionalProperties = false;
  const order = props['clausewise.thresholds'].order as number | undefined;
  props['clausewise.clausePosition'] = { ...clausePositionProperty(), ...(order !== undefined ? { order: order + 1 } : {}) };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function configSchema(current: string): string {
  const schema = JSON.parse(current);
  if (!schema.properties?.thresholds) throw new Error('schema/clausewise.schema.json has no "thresholds" property to fill in');
  const wanted = Object.fromEntries(allThresholds().map((t) => [t.name, thresholdSchema(t, false)]));
  // The file is hand-formatted with one line per threshold: rewrite only that object, keeping the rest as written.
  const at = current.indexOf('"properties": {', current.indexOf('"thresholds": {'));
  let depth = 0;
  let close = -1;
  for (let i = at + '"properties": '.length; i < current.length; i++) {
    if (current[i] === '{') depth++;
    else if (current[i] === '}' && --depth === 0) { close = i; break; }
  }
  const indent = /\n([ ]*)"properties": \{/.exec(current.slice(0, at + 20).slice(current.lastIndexOf('\n', at) - 1))?.[1] ?? '      ';
  const body = Object.entries(wanted).map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${JSON.stringify(v).replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/,"/g, ', "').replace(/":/g, '": ')}`).join(',\n');
  const next = close < 0 ? '' : `${current.slice(0, at)}"properties": {\n${body}\n${indent}}${current.slice(close + 1)}`;
  try {
    const parsed = JSON.parse(next);
    if (JSON.stringify(parsed.properties.thresholds.properties) === JSON.stringify(wanted)) return next;
  } catch { /* fall through to a plain rewrite */ }
  schema.properties.thresholds.properties = wanted;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const GENERATED_TS = '// Generated by `npm run gen` (scripts/generate-rules.ts) from the rule modules: do not edit.\n';

function thresholdsType(): string {
  return [
    GENERATED_TS.trimEnd(),
    '',
    '/** Playbook figures from `clausewise.thresholds`, one per threshold a rule declares in its meta. */',
    'export interface Thresholds {',
    ...allThresholds().flatMap((t) => [`  /** ${t.description.replace(/\*\//g, '* /')} Unit: ${t.unit}. Checked by ${t.rule}. */`, `  ${t.name}?: number;`]),
    '}',
    '',
  ].join('\n');
}

function clientCategories(): string {
  return [
    GENERATED_TS.trimEnd(),
    '// The client bundles this plain data instead of importing the server\'s categories.',
    '',
    '/** Category ids in spec order (shared/spec/README.md, section 2) with the titles the server uses. */',
    'export const CATEGORY_TITLES: ReadonlyArray<readonly [string, string]> = [',
    ...CATEGORY_IDS.map((c) => `  [${JSON.stringify(c)}, ${JSON.stringify(CATEGORIES[c].title)}],`),
    '];',
    '',
  ].join('\n');
}

function vocabulary(): string {
  return `${JSON.stringify({ comment: 'Generated by npm run gen (scripts/generate-rules.ts); read by scripts/generate-clauses.mjs.', categories: CATEGORY_IDS, thresholds: allThresholds().map((t) => t.name) }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------

export interface Output { path: string; current: string | undefined; next: string }

/** Every generated file with its current and its due content. Throws on a declaration problem. */
export function outputs(): Output[] {
  const problems = declarationProblems();
  if (problems.length) throw new Error(`rule declarations:\n  ${problems.join('\n  ')}`);
  const read = (p: string) => (existsSync(join(ROOT, p)) ? readFileSync(join(ROOT, p), 'utf8') : undefined);
  const out: Output[] = [ruleIndex()];
  const add = (path: string, make: (current: string | undefined) => string) => {
    const current = read(path);
    out.push({ path, current, next: make(current) });
  };
  const need = (path: string) => (c: string | undefined) => { if (c === undefined) throw new Error(`${path} is missing`); return c; };
  for (const m of ORDERED) add(`docs/rules/${m.id}.md`, (c) => rulePage(m, c));
  add('docs/rules/README.md', (c) => docsIndex(need('docs/rules/README.md')(c)));
  add('README.md', (c) => readme(need('README.md')(c)));
  add('package.json', (c) => packageJson(need('package.json')(c)));
  add('schema/clausewise.schema.json', (c) => configSchema(need('schema/clausewise.schema.json')(c)));
  add('server/src/rules/thresholds.generated.ts', () => thresholdsType());
  add('client/src/generated/categories.ts', () => clientCategories());
  add('scripts/generated/vocabulary.json', () => vocabulary());
  return out;
}

/** The generated files that differ from what `npm run gen` would write. */
export function staleFiles(): string[] {
  return outputs().filter((o) => o.current?.replace(/\r\n/g, '\n') !== o.next).map((o) => o.path);
}

function main(): void {
  const check = process.argv.includes('--check');
  let all: Output[];
  try { all = outputs(); } catch (e) { console.error(`generate-rules: ${(e as Error).message}`); process.exit(1); }
  const stale = all.filter((o) => o.current?.replace(/\r\n/g, '\n') !== o.next);
  if (check) {
    if (!stale.length) return;
    for (const o of stale) console.error(`${o.path}: ${o.current === undefined ? 'missing' : 'out of date with the rule modules'}; run \`npm run gen\` and commit the result.`);
    process.exit(1);
  }
  for (const o of stale) {
    mkdirSync(dirname(join(ROOT, o.path)), { recursive: true });
    writeFileSync(join(ROOT, o.path), o.next);
  }
  console.log(`rules: ${RULES.length} rules -> ${stale.length ? stale.map((o) => o.path).join(', ') : 'all generated files up to date'}`);
}

if (require.main === module) main();
