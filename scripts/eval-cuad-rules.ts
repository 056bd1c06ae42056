// Scores the rule-based coverage verdicts on ../shared/cuad-dev against the experts' columns, for the
// categories the dataset's README maps. Documents are split into two folds by sorted file name (even
// index = fold A, odd = fold B): tune only on fold A's errors and quote fold B as the held-out figure.
// `npx tsx scripts/eval-cuad-rules.ts [--errors A|B] [--category id]`
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review, categoryAssessor, type CategoryId } from '../server/src/engine';
import { buildContractModel } from '../server/src/model';
import { CUAD_CATEGORIES, CUAD_TARGET, foldOf, loadCuadDev } from './accuracy/cuad-dev';

const dir = resolve(__dirname, '../../shared/cuad-dev');
if (!existsSync(join(dir, 'master_clauses.csv'))) {
  console.log(`cuad rules eval skipped: ${join(dir, 'master_clauses.csv')} not found.`);
  process.exit(0);
}
// The same documents, labels and folds as `npm run eval` and `npm run train` (scripts/accuracy/cuad-dev.ts).
const docs = loadCuadDev(dir);

const args = process.argv.slice(2);
const showErrors = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : null;
const onlyCat = args.includes('--category') ? args[args.indexOf('--category') + 1] : null;
const fast = args.includes('--fast');
function fastAssessor(text: string) {
  // The files are .txt: read as plain text, as review() does for that extension.
  const assess = categoryAssessor(buildContractModel(text, 0, 'plain'), null);
  return (c: string) => assess(c as CategoryId);
}
type C = { tp: number; fp: number; fn: number; tn: number };
const counts: Record<'A' | 'B', Record<string, C>> = { A: {}, B: {} };
for (const f of ['A', 'B'] as const) for (const c of CUAD_CATEGORIES) counts[f][c] = { tp: 0, fp: 0, fn: 0, tn: 0 };
docs.forEach((doc, i) => {
  const fold = foldOf(i) === 0 ? 'A' : 'B';
  // --fast assesses the categories alone (no rules), for quick tuning loops; verdicts are the same.
  const assess = fast ? fastAssessor(doc.text) : (() => { const r = review({ text: doc.text, path: doc.file, force: true }); return (c: string) => r.assessments.find((x) => x.category === c); })();
  for (const cat of CUAD_CATEGORIES) {
    const a = assess(cat);
    const verdict = a?.verdict ?? 'missing';
    const predicted = verdict !== 'missing';
    const gold = doc.labels[cat];
    const c = counts[fold][cat];
    if (predicted && gold) c.tp++; else if (predicted) c.fp++; else if (gold) c.fn++; else c.tn++;
    if (showErrors === fold && predicted !== gold && (!onlyCat || onlyCat === cat)) {
      console.log(`\n[${fold}] ${doc.file} ${cat}: ${predicted ? `FALSE PRESENT (${verdict}: ${a?.reason})` : 'FALSE MISSING'}`);
      if (predicted) for (const e of a?.evidence.slice(0, 3) ?? []) console.log(`    ours[${e.requirement}]: ${e.text.slice(0, 220)}`);
      else console.log(`    gold: ${doc.spans[cat].join(' | ').slice(0, 400).replace(/\s+/g, ' ')}`);
    }
  }
});

const f1 = (c: C) => (c.tp + c.fp + c.fn === 0 ? 1 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
const missP = (c: C) => (c.tn + c.fn === 0 ? 1 : c.tn / (c.tn + c.fn));
console.log(`\nCUAD dev rules-only coverage (${docs.length} files); fold A = even index, fold B = odd (held out)`);
console.log('category                    A: f1  miss-p  (tp fp fn tn)      B: f1  miss-p  (tp fp fn tn)');
for (const cat of CUAD_CATEGORIES) {
  const a = counts.A[cat], b = counts.B[cat];
  const cell = (c: C) => `${f1(c).toFixed(3)}  ${missP(c).toFixed(3)}  (${c.tp} ${c.fp} ${c.fn} ${c.tn})`.padEnd(30);
  console.log(`${cat.padEnd(26)}  ${cell(a)}    ${cell(b)}`);
}
for (const fold of ['A', 'B'] as const) {
  const macro = CUAD_TARGET.reduce((s, c) => s + f1(counts[fold][c]), 0) / CUAD_TARGET.length;
  const worst = Math.min(...CUAD_TARGET.map((c) => missP(counts[fold][c])));
  console.log(`fold ${fold}: macro F1 (4 target categories) ${macro.toFixed(3)}, worst missing precision ${worst.toFixed(3)}`);
}
