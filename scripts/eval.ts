// Scores Clausewise's coverage verdicts against the hand labels in ../shared/corpus/labels.json:
// per-category precision, recall and F1 of presence, precision of "missing" verdicts, and
// weak/adequate agreement on the contracts where both say present. `npm run eval`.
// Options: --verbose (list every disagreement with the label's evidence), --json.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review } from '../server/src/engine';

interface Label { present: boolean; quality: 'adequate' | 'weak' | null; evidence: string }
interface Entry { id: string; file: string; labels: Record<string, Label> }

const root = resolve(__dirname, '..');
// CLAUSEWISE_CORPUS points at another copy of the corpus (and lets a test check the message below).
const corpus = resolve(root, process.env.CLAUSEWISE_CORPUS ?? '../shared/corpus');
const labelsPath = join(corpus, 'labels.json');
if (!existsSync(labelsPath)) {
  console.log(`accuracy not checked: corpus not found at ${corpus} (npm run eval needs ${labelsPath}; the labelled corpus lives in ../shared/corpus)`);
  process.exit(0);
}
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');
const data = JSON.parse(readFileSync(labelsPath, 'utf8')) as { categories: string[]; contracts: Entry[] };

type Counts = { tp: number; fp: number; fn: number; tn: number; weakAgree: number; weakTotal: number };
const per = new Map<string, Counts>();
for (const c of data.categories) per.set(c, { tp: 0, fp: 0, fn: 0, tn: 0, weakAgree: 0, weakTotal: 0 });
const disagreements: string[] = [];
// Plain-text contracts (no Markdown headings) must score as well as Markdown ones: count both.
const byFormat = { markdown: { ok: 0, total: 0 }, plain: { ok: 0, total: 0 } };

for (const entry of data.contracts) {
  const path = join(corpus, 'contracts', entry.file.split('/').pop()!);
  const text = readFileSync(path, 'utf8');
  const result = review({ text, path: entry.file, force: true });
  const format = result.model.usesMarkdownHeadings ? 'markdown' : 'plain';
  for (const cat of data.categories) {
    const label = entry.labels[cat];
    if (!label) continue;
    const verdict = result.coverage[cat as keyof typeof result.coverage] ?? 'missing';
    const predicted = verdict !== 'missing';
    byFormat[format].total++;
    if (predicted === label.present) byFormat[format].ok++;
    const c = per.get(cat)!;
    if (predicted && label.present) {
      c.tp++;
      c.weakTotal++;
      const predictedWeak = verdict === 'weak';
      if (predictedWeak === (label.quality === 'weak')) c.weakAgree++;
      else if (verbose) disagreements.push(`${entry.id} ${cat}: quality ${verdict} vs label ${label.quality} — ${label.evidence}`);
    } else if (predicted && !label.present) {
      c.fp++;
      const a = result.assessments.find((x) => x.category === cat);
      disagreements.push(`${entry.id} ${cat}: FALSE PRESENT (${verdict}: ${a?.reason}) — label: ${label.evidence}${verbose && a?.evidence[0] ? `\n      ours: ${a.evidence[0].text.slice(0, 160)}` : ''}`);
    } else if (!predicted && label.present) {
      c.fn++;
      disagreements.push(`${entry.id} ${cat}: FALSE MISSING — label (${label.quality}): ${label.evidence}`);
    } else c.tn++;
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : ' n/a');
const rows: Array<Record<string, number | string>> = [];
let f1Sum = 0;
let worstMissingPrecision = 1;
let agree = 0, agreeTotal = 0;
for (const [cat, c] of per) {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  const f1 = c.tp === 0 && c.fp === 0 && c.fn === 0 ? 1 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  const missingPrecision = c.tn + c.fn === 0 ? 1 : c.tn / (c.tn + c.fn);
  f1Sum += f1;
  worstMissingPrecision = Math.min(worstMissingPrecision, missingPrecision);
  agree += c.weakAgree; agreeTotal += c.weakTotal;
  rows.push({ category: cat, tp: c.tp, fp: c.fp, fn: c.fn, tn: c.tn, precision: p, recall: r, f1, missingPrecision, weakAgreement: c.weakTotal ? c.weakAgree / c.weakTotal : NaN });
}
const macroF1 = f1Sum / per.size;
if (asJson) {
  console.log(JSON.stringify({ macroF1, worstMissingPrecision, weakAgreement: agree / agreeTotal, byFormat, rows }, null, 2));
} else {
  console.log(`Clausewise eval on ${data.contracts.length} labelled contracts (${corpus})\n`);
  console.log('category                  tp  fp  fn  tn   prec  rec    f1   miss-prec  weak-agree');
  for (const r of rows) {
    console.log(`${String(r.category).padEnd(24)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)} ${String(r.tn).padStart(3)}   ${fmt(r.precision as number)}  ${fmt(r.recall as number)}  ${fmt(r.f1 as number)}   ${fmt(r.missingPrecision as number)}       ${fmt(r.weakAgreement as number)}`);
  }
  console.log(`\nmacro F1 of presence: ${macroF1.toFixed(3)}   worst missing-precision: ${worstMissingPrecision.toFixed(2)}   weak/adequate agreement: ${(agree / agreeTotal).toFixed(2)} (${agree}/${agreeTotal})`);
  const acc = (f: { ok: number; total: number }) => (f.total ? (f.ok / f.total).toFixed(3) : 'n/a');
  console.log(`presence accuracy by format: Markdown headings ${acc(byFormat.markdown)} (${byFormat.markdown.total / data.categories.length} contracts), plain text ${acc(byFormat.plain)} (${byFormat.plain.total / data.categories.length} contracts)`);
  if (disagreements.length) console.log(`\nDisagreements (${disagreements.length}):\n  ${disagreements.join('\n  ')}`);
}

// --check: fail (exit 1) when the published targets are not met, so CI catches a regression.
if (process.argv.includes('--check')) {
  const failures: string[] = [];
  if (macroF1 < 0.95) failures.push(`macro F1 ${macroF1.toFixed(3)} < 0.95`);
  for (const r of rows) if ((r.missingPrecision as number) < 0.9) failures.push(`${r.category}: missing-precision ${(r.missingPrecision as number).toFixed(2)} < 0.90`);
  if (failures.length) {
    console.error(`\neval targets not met:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\neval targets met: macro F1 >= 0.95 and missing-precision >= 0.90 in every category');
}
