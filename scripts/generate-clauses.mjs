// Builds the two generated views of the clause library (clauses/*.md, the single source of truth):
//   server/src/library/clauses.generated.json  read by quick fixes and the language server
//   server/src/library/clause-titles.generated.json  each clause's title by id: what a review's
//                                              "Insert clause" fixes name, so that a review (the CLI)
//                                              does not parse the whole library for them
//   snippets/clauses.code-snippets             VS Code snippets, prefix "clause-<id>"
// Fails with the file and the problem when a clause file is malformed.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--dir DIR` validates another folder of clause files (the tests' malformed samples); `--no-write`
// only validates.
const argDir = process.argv.indexOf('--dir');
const dir = argDir > 0 ? process.argv[argDir + 1] : join(root, 'clauses');
const write = !process.argv.includes('--no-write') && argDir < 0;
// Category ids and threshold names, written from the rule modules by scripts/generate-rules.ts (a
// JSON file, so this script needs neither tsx nor the server code, whose library reads its output).
const vocabulary = JSON.parse(readFileSync(join(root, 'scripts/generated/vocabulary.json'), 'utf8'));
const CATEGORIES = new Set(vocabulary.categories);
// Playbook thresholds (declared by the rules' meta) that can supply a variable's default.
const THRESHOLDS = new Set(vocabulary.thresholds);
const errors = [];
const clauses = [];
// The glossary: every defined term the clauses use, defined once (clauses/_glossary.yaml).
const glossary = [];
{
  const fail = (msg) => errors.push(`clauses/_glossary.yaml: ${msg}`);
  let g;
  try { g = parse(readFileSync(join(dir, '_glossary.yaml'), 'utf8')); } catch (e) { fail(e.message.split('\n')[0]); g = { terms: [] }; }
  for (const t of g?.terms ?? []) {
    if (typeof t.term !== 'string' || typeof t.definition !== 'string') { fail(`each entry needs "term" and "definition": ${JSON.stringify(t)}`); continue; }
    if (glossary.some((x) => x.term === t.term)) fail(`"${t.term}" is defined twice`);
    glossary.push({ term: t.term, aliases: Array.isArray(t.aliases) ? t.aliases.map(String) : [], definition: t.definition.trim().replace(/\s+/g, ' ') });
  }
}
// The three negotiating positions of a clause (clauses/README.md, "Positions"). The body is the
// balanced text; customer and supplier positions change figures, replace numbered paragraphs or add
// paragraphs. Returns null (after reporting) when the block is malformed.
export const POSITIONS = ['customer', 'balanced', 'supplier'];
function readPositions(raw, body, declared, fail) {
  if (raw === undefined) return null;
  const where = (p, key) => `positions.${p}${key ? `.${key}` : ''}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) { fail('"positions" must be a mapping with the keys balanced, customer and supplier'); return null; }
  const problems = [];
  const bad = (msg) => problems.push(msg);
  for (const k of Object.keys(raw)) if (!POSITIONS.includes(k)) bad(`unknown position "${k}" (the positions are ${POSITIONS.join(', ')})`);
  const paragraphNumbers = new Set([...body.matchAll(/^\{\{n\}\}\.(\d+) /gm)].map((x) => x[1]));
  const out = {};
  for (const p of POSITIONS) {
    const v = raw[p];
    if (!v || typeof v !== 'object' || Array.isArray(v)) { bad(`"${where(p)}" is missing (every clause needs all three positions, each with a "tradeoff" line)`); continue; }
    const keys = p === 'balanced' ? ['tradeoff'] : ['tradeoff', 'defaults', 'paragraphs', 'add'];
    for (const k of Object.keys(v)) if (!keys.includes(k)) bad(`"${where(p, k)}" is not allowed (${p === 'balanced' ? 'the balanced position is the body itself: give only its tradeoff' : `use ${keys.join(', ')}`})`);
    if (typeof v.tradeoff !== 'string' || !v.tradeoff.trim()) bad(`"${where(p, 'tradeoff')}" must be a non-empty line of text`);
    else if (/\n/.test(v.tradeoff.trim())) bad(`"${where(p, 'tradeoff')}" must be one line`);
    const pos = { tradeoff: typeof v.tradeoff === 'string' ? v.tradeoff.trim() : '' };
    const text = (s, key) => {
      if (typeof s !== 'string' || !s.trim()) { bad(`"${key}" must be non-empty text`); return null; }
      if (/^\s*\{\{n\}\}\./.test(s)) bad(`"${key}" must be written without the "{{n}}.N " number prefix`);
      if (/\$/.test(s)) bad(`"${key}" must not contain "$" (write a currency code instead)`);
      if (/\n\s*\n/.test(s.trim())) bad(`"${key}" must be a single paragraph (no blank line)`);
      for (const [, u] of s.matchAll(/\[\[([a-z0-9_]+)\]\]/g)) if (!declared.has(u)) bad(`"${key}" uses [[${u}]], which is not declared under variables`);
      // Single line breaks stay: a list paragraph keeps its "(a) ..." lines.
      return s.trim();
    };
    if (v.defaults !== undefined) {
      if (!v.defaults || typeof v.defaults !== 'object' || Array.isArray(v.defaults)) bad(`"${where(p, 'defaults')}" must map variable names to figures`);
      else {
        pos.defaults = {};
        for (const [name, val] of Object.entries(v.defaults)) {
          if (!declared.has(name)) bad(`"${where(p, 'defaults')}" names "${name}", which is not a declared variable`);
          if (val === null || val === undefined || String(val) === '' || typeof val === 'object') bad(`"${where(p, `defaults.${name}`)}" must be a figure`);
          else pos.defaults[name] = String(val);
        }
      }
    }
    if (v.paragraphs !== undefined) {
      if (!v.paragraphs || typeof v.paragraphs !== 'object' || Array.isArray(v.paragraphs)) bad(`"${where(p, 'paragraphs')}" must map paragraph numbers ("3") to replacement text`);
      else {
        pos.paragraphs = {};
        for (const [n, s] of Object.entries(v.paragraphs)) {
          if (!paragraphNumbers.has(String(n))) bad(`"${where(p, `paragraphs.${n}`)}": the body has no paragraph {{n}}.${n}`);
          const t = text(s, where(p, `paragraphs.${n}`));
          if (t) pos.paragraphs[String(n)] = t;
        }
      }
    }
    if (v.add !== undefined) {
      if (!Array.isArray(v.add)) bad(`"${where(p, 'add')}" must be a list of paragraphs`);
      else pos.add = v.add.map((s, i) => text(s, where(p, `add[${i}]`))).filter(Boolean);
    }
    out[p] = pos;
  }
  if (problems.length) { for (const m of problems) fail(m); return null; }
  return out;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md' && !f.startsWith('_')).sort()) {
  const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  const fail = (msg) => errors.push(`clauses/${file}: ${msg}`);
  if (!m) { fail('missing YAML front matter between --- lines'); continue; }
  let meta;
  try { meta = parse(m[1]); } catch (e) { fail(`invalid YAML: ${e.message.split('\n')[0]}`); continue; }
  const body = m[2].trim();
  for (const key of ['id', 'category', 'title', 'summary', 'rationale']) if (typeof meta[key] !== 'string' || !meta[key].trim()) fail(`front matter needs a non-empty "${key}"`);
  if (meta.id !== file.replace(/\.md$/, '')) fail(`id "${meta.id}" must equal the file name`);
  if (!CATEGORIES.has(meta.category)) fail(`unknown category "${meta.category}"`);
  const variables = Array.isArray(meta.variables) ? meta.variables : [];
  const declared = new Set(variables.map((v) => v.name));
  const positions = readPositions(meta.positions, body, declared, fail);
  // A variable may appear only in a position's wording (a supplier's cap, say).
  const positionTexts = positions ? Object.values(positions).flatMap((p) => [...Object.values(p.paragraphs ?? {}), ...(p.add ?? [])]) : [];
  const used = new Set([...[body, ...positionTexts].join('\n').matchAll(/\[\[([a-z0-9_]+)\]\]/g)].map((x) => x[1]));
  for (const u of used) if (!declared.has(u)) fail(`[[${u}]] is used but not declared under variables`);
  for (const v of variables) {
    if (!used.has(v.name)) fail(`variable "${v.name}" is declared but not used`);
    if (v.default === undefined || v.default === null || String(v.default) === '') fail(`variable "${v.name}" needs a default`);
    if (v.threshold !== undefined && !THRESHOLDS.has(v.threshold)) fail(`variable "${v.name}": unknown threshold "${v.threshold}"`);
  }
  if (/\$/.test(body)) fail('the body must not contain "$" (write a currency code instead)');
  const unknown = [...[body, ...positionTexts].join('\n').matchAll(/\{\{([^}]*)\}\}/g)].map((x) => x[1]).filter((x) => !['n', 'supplier', 'Supplier', 'customer', 'Customer'].includes(x));
  if (unknown.length) fail(`unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}`);
  const requires = Array.isArray(meta.requires) ? meta.requires.map(String) : [];
  clauses.push({
    requires,
    id: meta.id, category: meta.category, title: meta.title.trim(), summary: meta.summary.trim(), rationale: meta.rationale.trim().replace(/\s+/g, ' '),
    variables: variables.map((v) => ({
      name: v.name, description: String(v.description ?? ''), default: String(v.default),
      ...(v.threshold ? { threshold: v.threshold, ...(v.thresholdFormat ? { thresholdFormat: v.thresholdFormat } : {}) } : {}),
    })),
    body,
    ...(positions ? { positions } : {}),
  });
}
const ids = new Set(clauses.map((c) => c.id));
for (const c of clauses) if (!c.positions) errors.push(`clauses/${c.id}.md: front matter needs a "positions" block with balanced, customer and supplier (see clauses/README.md)`);
for (const c of clauses) for (const r of c.requires) if (!ids.has(r)) errors.push(`clauses/${c.id}.md: requires unknown clause "${r}"`);
if (errors.length) {
  console.error(`Clause library has ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
  process.exit(2);
}

if (!write) {
  console.log(`clause library: ${clauses.length} clauses are valid`);
  process.exit(0);
}
const outJson = join(root, 'server/src/library/clauses.generated.json');
mkdirSync(dirname(outJson), { recursive: true });
writeFileSync(outJson, JSON.stringify(clauses, null, 1) + '\n');
writeFileSync(join(root, 'server/src/library/clause-titles.generated.json'), JSON.stringify(Object.fromEntries(clauses.map((c) => [c.id, c.title])), null, 1) + '\n');
writeFileSync(join(root, 'server/src/library/glossary.generated.json'), JSON.stringify(glossary, null, 1) + '\n');

// Snippets: party placeholders become choice-free tab stops with a sensible default; variables are
// numbered tab stops in order of first use, so the same variable is mirrored everywhere it appears.
const escapeSnippet = (s) => s.replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/\}/g, '\\}');
// The clause as written for one position (mirrors clauseAt in server/src/library/index.ts, which the
// quick fixes use; this script runs before any TypeScript is built).
function atPosition(c, position) {
  const spec = c.positions[position];
  if (position === 'balanced') return c;
  let last = 0;
  const body = c.body.split(/\n\s*\n/).map((p) => {
    const m = /^\{\{n\}\}\.(\d+) /.exec(p);
    if (!m) return p;
    last = Math.max(last, Number(m[1]));
    return spec.paragraphs?.[m[1]] ? `{{n}}.${m[1]} ${spec.paragraphs[m[1]]}` : p;
  });
  for (const extra of spec.add ?? []) body.push(`{{n}}.${++last} ${extra}`);
  return { ...c, body: body.join('\n\n'), variables: c.variables.map((v) => (spec.defaults?.[v.name] !== undefined ? { ...v, default: spec.defaults[v.name] } : v)) };
}
const LABELS = { customer: 'customer-favourable', balanced: 'balanced', supplier: 'supplier-favourable' };
const snippets = {};
for (const base of clauses) for (const position of POSITIONS) {
  const c = atPosition(base, position);
  const order = [];
  const body = escapeSnippet(`## {{n}}. ${c.title}\n\n${c.body}\n`);
  const tab = (name) => { if (!order.includes(name)) order.push(name); return order.indexOf(name) + 1; };
  const defaults = { n: 'N', supplier: 'the Supplier', Supplier: 'The Supplier', customer: 'the Customer', Customer: 'The Customer' };
  const text = body
    .replace(/\{\{(n|supplier|Supplier|customer|Customer)\\\}\\\}/g, (_, k) => `\${${tab('@' + k)}:${defaults[k]}}`)
    .replace(/\[\[([a-z0-9_]+)\]\]/g, (_, v) => `\${${tab(v)}:${escapeSnippet(c.variables.find((x) => x.name === v).default)}}`);
  // The balanced text keeps the plain prefix; the other positions add theirs ("clause-audit-rights-supplier").
  const balanced = position === 'balanced';
  snippets[`Clausewise: ${c.title}${balanced ? '' : ` (${LABELS[position]})`}`] = {
    prefix: balanced ? `clause-${c.id}` : `clause-${c.id}-${position}`,
    description: `${c.summary} [${LABELS[position]}: ${c.positions[position].tradeoff}]`,
    body: text.split('\n'), scope: 'markdown,plaintext',
  };
}
mkdirSync(join(root, 'snippets'), { recursive: true });
writeFileSync(join(root, 'snippets/clauses.code-snippets'), JSON.stringify(snippets, null, 2) + '\n');
console.log(`clause library: ${clauses.length} clauses -> server/src/library/clauses.generated.json, snippets/clauses.code-snippets`);
