// Scores the drafting-hygiene rules (issue 6). `npm run eval:drafting`.
//
// 1. Fixtures (test/drafting/fixtures/*.md): contracts written with defects marked where they stand,
//    `<!-- expect: rule-id[, rule-id ...] -->` at the end of the line. Per rule: precision and
//    recall of (line, rule) pairs.
// 2. Corpus (../shared/corpus/contracts): real contracts with no defect labels. Every drafting
//    finding is listed so that a person can check it; precision is computed from the hand-checked
//    verdicts in test/drafting/corpus-judgements.json, keyed "file:line:rule" (line 1-based). A key
//    whose line holds several findings of the rule may give a verdict per flagged text ("items").
//    Recall cannot be measured there (nobody listed every defect of those contracts).
//
// 3. CUAD development contracts (../shared/cuad-dev, all 252): the rules of issue 16 are judged there
//    too, verdicts in test/drafting/cuad-judgements.json in the same form.
//
// Precision on real contracts (corpus and CUAD verdicts together) is the measure that decides
// whether a rule may be on by default: the run fails (exit 1) when a rule that is on by default has
// precision below 0.9 over at least 5 judged findings (issues 6 and 16).
//
// Opt-in rules are switched on here so that they are measured.
// Options: --cuad-sample (only every 8th CUAD contract by name, for a quicker run),
// --list (every corpus finding with its verdict), --unjudged (only findings without a
// verdict, as JSON to paste into the judgements file), --json (the numbers as JSON),
// --check (exit 1 also when a finding has no verdict or a verdict has no finding).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review, RULES, type ReviewSettings } from '../server/src/engine';

const root = resolve(__dirname, '..');
const fixturesDir = join(root, 'test', 'drafting', 'fixtures');
const corpusDir = resolve(root, '../shared/corpus/contracts');
const judgementsPath = join(root, 'test', 'drafting', 'corpus-judgements.json');
const cuadDir = resolve(root, '../shared/cuad-dev');
const cuadJudgementsPath = join(root, 'test', 'drafting', 'cuad-judgements.json');
const args = new Set(process.argv.slice(2));
const staleCuad: string[] = [];

const DRAFTING_RULES = RULES.filter((r) => r.meta.category === 'drafting').map((r) => r.meta.id).sort();
/** Rules also judged on the CUAD development contracts: those issue 16 added or widened. */
const CUAD_RULES = ['party-name-variant', 'inconsistent-figure', 'number-without-unit', 'duplicate-clause-title', 'signature-block'].filter((id) => DRAFTING_RULES.includes(id));
// Opt-in rules are switched on here so that they are measured.
const SETTINGS: ReviewSettings = { severity: Object.fromEntries(RULES.filter((r) => r.meta.category === 'drafting' && r.meta.enabledByDefault === false).map((r) => [r.meta.id, r.meta.defaultSeverity])) };

export interface Finding { file: string; line: number; rule: string; message: string; text: string; flagged: string }
type Counts = { tp: number; fp: number; fn: number };

export function drafting(file: string, text: string): Finding[] {
  const lines = text.split(/\r\n|\r|\n/);
  return review({ text, path: file, force: true, settings: SETTINGS }).diagnostics
    .filter((d) => d.category === 'drafting')
    .map((d) => ({
      file, line: d.range.start.line + 1, rule: d.ruleId, message: d.message, text: lines[d.range.start.line].trim(),
      flagged: d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : lines[d.range.start.line].slice(d.range.start.character),
    }));
}

/** Expected (line, rule) pairs of a fixture, from its `<!-- expect: ... -->` markers. */
export function expectations(text: string): Array<{ line: number; rule: string }> {
  const out: Array<{ line: number; rule: string }> = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    const m = /<!--\s*expect:\s*([^>]*?)\s*-->/.exec(l);
    if (m) for (const r of m[1].split(/\s*,\s*/).filter(Boolean)) out.push({ line: i + 1, rule: r });
  });
  return out;
}

function score(expected: Array<{ line: number; rule: string }>, found: Finding[], per: Map<string, Counts>, misses: string[], extras: string[], file: string): void {
  const remaining = [...expected];
  for (const f of found) {
    const c = per.get(f.rule)!;
    const at = remaining.findIndex((e) => e.line === f.line && e.rule === f.rule);
    if (at >= 0) { c.tp++; remaining.splice(at, 1); } else { c.fp++; extras.push(`${file}:${f.line} ${f.rule}: ${f.message}`); }
  }
  for (const e of remaining) {
    (per.get(e.rule) ?? per.set(e.rule, { tp: 0, fp: 0, fn: 0 }).get(e.rule)!).fn++;
    misses.push(`${file}:${e.line} ${e.rule}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** A drafting rule on by default must reach this precision on real contracts (issues 6 and 16). */
export const PRECISION_TARGET = 0.9;
/** Below this many judged findings a precision says too little to hold a rule to the target. */
export const MIN_JUDGED = 5;

export type PrecisionStatus = 'meets' | 'fails' | 'below, off by default' | 'too few judged' | 'no finding';
const STATUS_TEXT: Record<PrecisionStatus, string> = {
  meets: `at least ${PRECISION_TARGET}`,
  fails: `**below ${PRECISION_TARGET} while on by default: fails**`,
  'below, off by default': `below ${PRECISION_TARGET}, so off by default`,
  'too few judged': `fewer than ${MIN_JUDGED} judged findings: not held to the target`,
  'no finding': 'no finding to judge',
};
export interface RealPrecision { rule: string; onByDefault: boolean; tp: number; fp: number; unjudged: number; contracts: number; judged: number; precision: number; status: PrecisionStatus }

/** Precision per rule over the judged findings on real contracts, and whether it holds the rule to the target. */
export function realPrecision(counts: Array<Omit<RealPrecision, 'judged' | 'precision' | 'status'>>): RealPrecision[] {
  return counts.map((c) => {
    const judged = c.tp + c.fp;
    const precision = ratio(c.tp, judged);
    const status: PrecisionStatus = judged === 0 ? 'no finding' : judged < MIN_JUDGED ? 'too few judged' : precision >= PRECISION_TARGET ? 'meets' : c.onByDefault ? 'fails' : 'below, off by default';
    return { ...c, judged, precision, status };
  });
}

// Run as a script (npm run eval:drafting); a test imports realPrecision without running it.
if (require.main === module) main();

function main(): void {
  // --- fixtures ------------------------------------------------------------------------------------
  const fixturePer = new Map<string, Counts>(DRAFTING_RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  const extras: string[] = [];
  const fixtureFiles = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort() : [];
  for (const f of fixtureFiles) {
    const text = readFileSync(join(fixturesDir, f), 'utf8');
    score(expectations(text), drafting(f, text), fixturePer, misses, extras, f);
  }

  // --- corpus --------------------------------------------------------------------------------------
  interface Judgement { verdict: 'tp' | 'fp'; note?: string }
  type Entry = Judgement | { items: Record<string, Judgement> };
  const judgements: Record<string, Entry> = existsSync(judgementsPath) ? JSON.parse(readFileSync(judgementsPath, 'utf8')).judgements ?? {} : {};
  /** The verdict for one finding: the key's, or the key's verdict for the flagged words. */
  function verdictOf(key: string, flagged: string): Judgement | undefined {
    return verdictIn(judgements, key, flagged);
  }
  function verdictIn(book: Record<string, Entry>, key: string, flagged: string): Judgement | undefined {
    const e = book[key];
    if (!e) return undefined;
    if ('items' in e) return e.items[flagged.replace(/\s+/g, ' ')];
    return e;
  }
  const corpusPer = new Map<string, { tp: number; fp: number; unjudged: number }>(DRAFTING_RULES.map((r) => [r, { tp: 0, fp: 0, unjudged: 0 }]));
  const corpusFindings: Array<Finding & { key: string; verdict?: Judgement }> = [];
  const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort() : [];
  for (const f of corpusFiles) {
    const text = readFileSync(join(corpusDir, f), 'utf8');
    for (const finding of drafting(f, text)) {
      const key = `${f}:${finding.line}:${finding.rule}`;
      const verdict = verdictOf(key, finding.flagged);
      corpusFindings.push({ ...finding, key, verdict });
      const c = corpusPer.get(finding.rule)!;
      if (!verdict) c.unjudged++;
      else if (verdict.verdict === 'tp') c.tp++;
      else c.fp++;
    }
  }
  // --- CUAD development contracts ------------------------------------------------------------------
  // The rules added by issue 16 are also judged on the 252 CUAD development contracts, since the 18
  // corpus contracts hold few of their cases. Verdicts live in test/drafting/cuad-judgements.json in
  // the same form, one for every finding of a run over all 252; --cuad-sample takes every 8th file.
  const cuadPer = new Map<string, { tp: number; fp: number; unjudged: number }>(CUAD_RULES.map((r) => [r, { tp: 0, fp: 0, unjudged: 0 }]));
  const cuadJudgements: Record<string, Entry> = existsSync(cuadJudgementsPath) ? JSON.parse(readFileSync(cuadJudgementsPath, 'utf8')).judgements ?? {} : {};
  const cuadFindings: Array<Finding & { key: string; verdict?: Judgement }> = [];
  const cuadFiles = existsSync(cuadDir) ? readdirSync(cuadDir).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => !args.has('--cuad-sample') || i % 8 === 0) : [];
  for (const f of cuadFiles) {
    const text = readFileSync(join(cuadDir, f), 'utf8');
    for (const finding of drafting(f, text)) {
      if (!cuadPer.has(finding.rule)) continue;
      const key = `${f}:${finding.line}:${finding.rule}`;
      const verdict = verdictIn(cuadJudgements, key, finding.flagged);
      cuadFindings.push({ ...finding, key, verdict });
      const c = cuadPer.get(finding.rule)!;
      if (!verdict) c.unjudged++;
      else if (verdict.verdict === 'tp') c.tp++;
      else c.fp++;
    }
  }
  // Verdicts for files outside a --cuad-sample run are kept; only those of the files run must match.
  const sampled = new Set(cuadFiles);
  for (const k of Object.keys(cuadJudgements)) if (sampled.has(k.replace(/:\d+:[\w-]+$/, '')) && !cuadFindings.some((f) => f.key === k)) staleCuad.push(k);

  const staleJudgements = Object.keys(judgements).filter((k) => !corpusFindings.some((f) => f.key === k));
  for (const [k, e] of Object.entries(judgements)) {
    if ('items' in e) for (const t of Object.keys(e.items)) if (!corpusFindings.some((f) => f.key === k && f.flagged.replace(/\s+/g, ' ') === t)) staleJudgements.push(`${k} "${t}"`);
  }

  // --- report --------------------------------------------------------------------------------------
  const rows = DRAFTING_RULES.map((rule) => {
    const fx = fixturePer.get(rule)!;
    const cp = corpusPer.get(rule)!;
    return {
      rule,
      fixtureTp: fx.tp, fixtureFp: fx.fp, fixtureFn: fx.fn,
      fixturePrecision: ratio(fx.tp, fx.tp + fx.fp), fixtureRecall: ratio(fx.tp, fx.tp + fx.fn),
      corpusFindings: cp.tp + cp.fp + cp.unjudged, corpusTp: cp.tp, corpusFp: cp.fp, corpusUnjudged: cp.unjudged,
      corpusPrecision: ratio(cp.tp, cp.tp + cp.fp),
      ...(cuadPer.has(rule) ? (() => { const c = cuadPer.get(rule)!; return { cuadFindings: c.tp + c.fp + c.unjudged, cuadTp: c.tp, cuadFp: c.fp, cuadUnjudged: c.unjudged, cuadPrecision: ratio(c.tp, c.tp + c.fp), realPrecision: ratio(c.tp + cp.tp, c.tp + c.fp + cp.tp + cp.fp) }; })() : {}),
    };
  });
  const undefinedRow = rows.find((r) => r.rule === 'undefined-term');
  const real = realPrecision(rows.map((r) => ({
    rule: r.rule,
    onByDefault: RULES.find((x) => x.meta.id === r.rule)?.meta.enabledByDefault !== false,
    tp: r.corpusTp + (r.cuadTp ?? 0), fp: r.corpusFp + (r.cuadFp ?? 0), unjudged: r.corpusUnjudged + (r.cuadUnjudged ?? 0),
    contracts: corpusFiles.length + (r.cuadFindings === undefined ? 0 : cuadFiles.length),
  })));
  const precisionFailures = real.filter((r) => r.status === 'fails').map((r) => `${r.rule} is on by default with precision ${fmt(r.precision)} (${r.tp} of ${r.judged} judged findings right) on ${r.contracts} real contracts, below ${PRECISION_TARGET}: fix its false positives or switch it off by default`);

  if (args.has('--json')) {
    console.log(JSON.stringify({ fixtures: fixtureFiles, corpus: corpusFiles.length, cuadSample: cuadFiles.length, rows, realPrecision: real, precisionFailures, misses, extras, staleJudgements, staleCuad }, null, 2));
  } else if (args.has('--unjudged')) {
    const out: Record<string, { verdict: string; note: string; flagged: string; message: string }> = {};
    for (const f of [...corpusFindings, ...cuadFindings]) if (!f.verdict) out[`${f.key} ${f.flagged}`] = { verdict: '??', note: '', flagged: f.flagged, message: f.message };
    console.log(JSON.stringify(out, null, 2));
  } else {
    console.log(`Drafting hygiene: ${fixtureFiles.length} fixtures (test/drafting/fixtures), ${corpusFiles.length} corpus contracts (${corpusDir})`);
    console.log('');
    console.log('| rule | fixtures TP/FP/FN | fixture precision | fixture recall | corpus findings | corpus TP/FP (unjudged) | corpus precision |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      console.log(`| ${r.rule} | ${r.fixtureTp}/${r.fixtureFp}/${r.fixtureFn} | ${fmt(r.fixturePrecision)} | ${fmt(r.fixtureRecall)} | ${r.corpusFindings} | ${r.corpusTp}/${r.corpusFp}${r.corpusUnjudged ? ` (${r.corpusUnjudged})` : ''} | ${fmt(r.corpusPrecision)} |`);
    }
    const all = rows.reduce((a, r) => ({ tp: a.tp + r.fixtureTp, fp: a.fp + r.fixtureFp, fn: a.fn + r.fixtureFn, ctp: a.ctp + r.corpusTp, cfp: a.cfp + r.corpusFp }), { tp: 0, fp: 0, fn: 0, ctp: 0, cfp: 0 });
    console.log(`| **all** | ${all.tp}/${all.fp}/${all.fn} | ${fmt(ratio(all.tp, all.tp + all.fp))} | ${fmt(ratio(all.tp, all.tp + all.fn))} | ${corpusFindings.length} | ${all.ctp}/${all.cfp} | ${fmt(ratio(all.ctp, all.ctp + all.cfp))} |`);
    console.log('');
    if (undefinedRow) {
      const p = undefinedRow.corpusPrecision;
      console.log(`undefined-term corpus precision ${fmt(p)}: ${p >= 0.9 ? 'at least 0.9, may be on by default' : 'below 0.9, so it ships off by default (opt-in)'}.`);
    }
    if (cuadFiles.length) {
      console.log(`\nRules of issue 16 on ${cuadFiles.length === 252 ? 'all' : `a sample of`} ${cuadFiles.length} CUAD development contracts (test/drafting/cuad-judgements.json):\n`);
      console.log('| rule | CUAD findings | CUAD TP/FP (unjudged) | CUAD precision |');
      console.log('| --- | --- | --- | --- |');
      for (const r of rows) if ('cuadFindings' in r) console.log(`| ${r.rule} | ${r.cuadFindings} | ${r.cuadTp}/${r.cuadFp}${r.cuadUnjudged ? ` (${r.cuadUnjudged})` : ''} | ${fmt(r.cuadPrecision!)} |`);
    }
    console.log(`\nPrecision on real contracts (corpus and CUAD verdicts together; a rule on by default needs ${PRECISION_TARGET} over at least ${MIN_JUDGED} judged findings):\n`);
    console.log('| rule | on by default | real contracts | judged findings (n) | right | precision | verdict |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of real) console.log(`| ${r.rule} | ${r.onByDefault ? 'yes' : 'no'} | ${r.contracts} | ${r.judged}${r.unjudged ? ` (+${r.unjudged} unjudged)` : ''} | ${r.tp} | ${fmt(r.precision)} | ${STATUS_TEXT[r.status]} |`);
    if (misses.length) console.log(`\nFixture misses (marked, not found):\n  ${misses.join('\n  ')}`);
    if (extras.length) console.log(`\nFixture false positives (found, not marked):\n  ${extras.join('\n  ')}`);
    const unjudged = [...corpusFindings, ...cuadFindings].filter((f) => !f.verdict);
    if (unjudged.length) console.log(`\n${unjudged.length} corpus findings have no verdict in test/drafting/corpus-judgements.json (run with --unjudged).`);
    if (staleCuad.length) console.log(`\n${staleCuad.length} CUAD verdicts match no finding any more:\n  ${staleCuad.join('\n  ')}`);
    if (staleJudgements.length) console.log(`\n${staleJudgements.length} verdicts match no finding any more:\n  ${staleJudgements.join('\n  ')}`);
    if (args.has('--list')) {
      console.log('\nEvery corpus finding (verdict, file:line, rule, message, line text):');
      for (const f of [...corpusFindings, ...cuadFindings]) console.log(`  [${f.verdict?.verdict ?? '??'}] ${f.file}:${f.line} ${f.rule} "${f.flagged}": ${f.message}${f.verdict?.note ? `\n        judged: ${f.verdict.note}` : ''}`);
    }
  }
  if (precisionFailures.length) {
    console.error(`\nDrafting precision target not met:\n  ${precisionFailures.join('\n  ')}`);
    process.exitCode = 1;
  }
  if (args.has('--check') && ([...corpusFindings, ...cuadFindings].some((f) => !f.verdict) || staleJudgements.length || staleCuad.length)) process.exitCode = 1;
}
