// Scores the rule-based coverage verdicts on ../shared/cuad-dev against the experts' columns, for the
// categories the dataset's README maps. Documents are split into two folds by sorted file name (even
// index = fold A, odd = fold B): tune only on fold A's errors and quote fold B as the held-out figure.
// `npx tsx scripts/eval-cuad-rules.ts [--errors A|B] [--category id]`
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review, categoryAssessor, type CategoryId } from '../server/src/engine';
import { buildContractModel } from '../server/src/model';

const dir = resolve(__dirname, '../../shared/cuad-dev');
const csvPath = join(dir, 'master_clauses.csv');
if (!existsSync(csvPath)) {
  console.log(`cuad rules eval skipped: ${csvPath} not found.`);
  process.exit(0);
}

/** RFC 4180 rows (quoted fields may hold commas, newlines and doubled quotes); no CSV library is installed and this is all we need. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const COLUMNS: Record<string, string> = {
  'governing-law': 'Governing Law', 'audit-rights': 'Audit Rights', 'limitation-of-liability': 'Cap On Liability',
  insurance: 'Insurance', 'ip-ownership': 'Ip Ownership Assignment', exit: 'Post-Termination Services',
};
const TARGET = ['governing-law', 'audit-rights', 'limitation-of-liability', 'insurance'];

/** File names in the CSV end in .pdf and sometimes differ from the .txt names in spacing. */
const key = (name: string) => name.replace(/\.(pdf|txt)$/i, '').replace(/&/g, '_').replace(/-$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
const col = (name: string) => header.findIndex((h) => h.trim() === name);
const labels = new Map<string, Record<string, { present: boolean; spans: string }>>();
for (const r of rows) {
  if (!r[0]) continue;
  const base = key(r[0]);
  const entry: Record<string, { present: boolean; spans: string }> = {};
  for (const [cat, name] of Object.entries(COLUMNS)) {
    const spans = (r[col(name)] ?? '').trim();
    const ai = header.findIndex((h) => h.replace(/\s+/g, '').toLowerCase() === `${name}-Answer`.replace(/\s+/g, '').toLowerCase());
    // Some answers are values (Governing Law-Answer names the state); only Yes/No answers decide.
    const answer = ai >= 0 ? (r[ai] ?? '').trim().toLowerCase() : '';
    entry[cat] = { present: spans !== '' && spans !== '[]' && answer !== 'no', spans };
  }
  labels.set(base, entry);
}

const args = process.argv.slice(2);
const showErrors = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : null;
const onlyCat = args.includes('--category') ? args[args.indexOf('--category') + 1] : null;
const fast = args.includes('--fast');
function fastAssessor(text: string) {
  // The files are .txt: read as plain text, as review() does for that extension.
  const assess = categoryAssessor(buildContractModel(text, 0, 'plain'), null);
  return (c: string) => assess(c as CategoryId);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
type C = { tp: number; fp: number; fn: number; tn: number };
const counts: Record<'A' | 'B', Record<string, C>> = { A: {}, B: {} };
for (const f of ['A', 'B'] as const) for (const c of Object.keys(COLUMNS)) counts[f][c] = { tp: 0, fp: 0, fn: 0, tn: 0 };
let unlabelled = 0;
files.forEach((file, i) => {
  const fold = i % 2 === 0 ? 'A' : 'B';
  const label = labels.get(key(file));
  if (!label) { unlabelled++; console.log(`no labels for ${file}`); return; }
  const text = readFileSync(join(dir, file), 'utf8');
  // --fast assesses the categories alone (no rules), for quick tuning loops; verdicts are the same.
  const assess = fast ? fastAssessor(text) : (() => { const r = review({ text, path: file, force: true }); return (c: string) => r.assessments.find((x) => x.category === c); })();
  for (const cat of Object.keys(COLUMNS)) {
    const a = assess(cat);
    const verdict = a?.verdict ?? 'missing';
    const predicted = verdict !== 'missing';
    const gold = label[cat].present;
    const c = counts[fold][cat];
    if (predicted && gold) c.tp++; else if (predicted) c.fp++; else if (gold) c.fn++; else c.tn++;
    if (showErrors === fold && predicted !== gold && (!onlyCat || onlyCat === cat)) {
      console.log(`\n[${fold}] ${file} ${cat}: ${predicted ? `FALSE PRESENT (${verdict}: ${a?.reason})` : 'FALSE MISSING'}`);
      if (predicted) for (const e of a?.evidence.slice(0, 3) ?? []) console.log(`    ours[${e.requirement}]: ${e.text.slice(0, 220)}`);
      else console.log(`    gold: ${label[cat].spans.slice(0, 400).replace(/\s+/g, ' ')}`);
    }
  }
});

const f1 = (c: C) => (c.tp + c.fp + c.fn === 0 ? 1 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
const missP = (c: C) => (c.tn + c.fn === 0 ? 1 : c.tn / (c.tn + c.fn));
console.log(`\nCUAD dev rules-only coverage (${files.length} files${unlabelled ? `, ${unlabelled} unlabelled` : ''}); fold A = even index, fold B = odd (held out)`);
console.log('category                    A: f1  miss-p  (tp fp fn tn)      B: f1  miss-p  (tp fp fn tn)');
for (const cat of Object.keys(COLUMNS)) {
  const a = counts.A[cat], b = counts.B[cat];
  const cell = (c: C) => `${f1(c).toFixed(3)}  ${missP(c).toFixed(3)}  (${c.tp} ${c.fp} ${c.fn} ${c.tn})`.padEnd(30);
  console.log(`${cat.padEnd(26)}  ${cell(a)}    ${cell(b)}`);
}
for (const fold of ['A', 'B'] as const) {
  const macro = TARGET.reduce((s, c) => s + f1(counts[fold][c]), 0) / TARGET.length;
  const worst = Math.min(...TARGET.map((c) => missP(counts[fold][c])));
  console.log(`fold ${fold}: macro F1 (4 target categories) ${macro.toFixed(3)}, worst missing precision ${worst.toFixed(3)}`);
}
