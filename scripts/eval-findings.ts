// Precision of error- and warning-level findings on real contracts (issue 9, point 7).
// `npm run eval` runs it with --check.
//
// test/accuracy/finding-judgements.json lists the reviews (a contract under ../shared and one profile)
// and a hand-made verdict on a sample of their error/warning findings. This script re-runs the engine
// on those reviews, matches the findings of today to the verdicts by (file, profile, rule, anchor), and
// prints precision per rule. The anchor is the 1-based line of the finding plus the first words of the
// flagged text, so a verdict survives unrelated edits but lapses when the finding moves or changes.
//
// Options:
//   --check        exit 1 when a rule that is an error under any profile has precision below 0.9, or a
//                  warning rule below 0.8, over its judged findings (rules with at least MIN_JUDGED)
//   --json         the numbers as JSON
//   --sample       unjudged findings up to 10 judged per rule (30 for rules firing 100 times or more),
//                  picked by a fixed hash so the sample is the same on every run, with the text around
//                  them, as JSON to judge; --cap N sets another limit per rule
//   --stale        list verdicts that match no finding of today
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review, RULES, PROFILES, getRule, type ReviewDiagnostic } from '../server/src/engine';

const root = resolve(__dirname, '..');
const shared = resolve(root, '../shared');
const judgementsPath = join(root, 'test', 'accuracy', 'finding-judgements.json');
const argv = process.argv.slice(2);
const args = new Set(argv);

/** Below this many judged findings a rule's precision is printed but not enforced (too noisy). */
export const MIN_JUDGED = 5;
export const THRESHOLD = { error: 0.9, warning: 0.8 } as const;

export interface Review { file: string; profile: string }
export interface Judgement {
  file: string; profile: string; ruleId: string; severity: 'error' | 'warning';
  /** "L<line>: <first words of the flagged text>" */
  anchor: string;
  verdict: 'tp' | 'fp';
  reason: string;
}
export interface JudgementFile { about: string; reviews: Review[]; judgements: Judgement[] }

const ANCHOR_WORDS = 6;
/** The anchor of a finding: its line and the first few words of the text it flags. */
export function anchorOf(d: ReviewDiagnostic, lines: string[]): string {
  const { start, end } = d.range;
  const line = lines[start.line] ?? '';
  const flagged = start.line === end.line ? line.slice(start.character, end.character) : line.slice(start.character);
  const words = flagged.replace(/[#*_`>|]/g, ' ').trim().split(/\s+/).filter(Boolean).slice(0, ANCHOR_WORDS).join(' ');
  return `L${start.line + 1}: ${words}`;
}

const keyOf = (j: { file: string; profile: string; ruleId: string; anchor: string }) => `${j.file}\u0000${j.profile}\u0000${j.ruleId}\u0000${j.anchor}`;

/**
 * Error and warning findings of one review, with their anchors; also lower ones of the rules in
 * `alsoRules` (rules with verdicts that have since been demoted stay measured).
 */
export function findingsOf(r: Review, alsoRules: ReadonlySet<string> = new Set()): Array<{ d: ReviewDiagnostic; anchor: string; key: string; lines: string[] }> {
  const text = readFileSync(join(shared, r.file), 'utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const result = review({ text, path: r.file, force: true, settings: { profiles: [r.profile] } });
  return result.diagnostics
    .filter((d) => (d.severity === 'error' || d.severity === 'warning' || alsoRules.has(d.ruleId)) && d.category !== 'drafting')
    .map((d) => {
      const anchor = anchorOf(d, lines);
      return { d, anchor, key: keyOf({ file: r.file, profile: r.profile, ruleId: d.ruleId, anchor }), lines };
    });
}

/** The highest severity a rule has under any profile (its default, or what a profile raises it to). */
export function worstSeverity(ruleId: string): 'error' | 'warning' | 'other' {
  const rule = getRule(ruleId);
  const all = [rule?.meta.defaultSeverity, ...Object.values(PROFILES).map((p) => p.severities[ruleId])];
  if (all.includes('error')) return 'error';
  if (all.includes('warning')) return 'warning';
  return 'other';
}

function hash(s: string): string { return createHash('sha1').update(s).digest('hex'); }
const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

function main(): void {
  if (!existsSync(shared)) {
    console.log(`Finding precision: skipped, ${shared} is absent (the judged contracts live there).`);
    return;
  }
  const data: JudgementFile = JSON.parse(readFileSync(judgementsPath, 'utf8'));
  const verdicts = new Map<string, Judgement>();
  for (const j of data.judgements) verdicts.set(keyOf(j), j);

  // Rules with verdicts that are no longer an error or warning under any profile stay measured.
  const demotedRules = new Set(data.judgements.map((j) => j.ruleId).filter((id) => worstSeverity(id) === 'other'));
  const per = new Map<string, { tp: number; fp: number; unjudged: number }>();
  const row = (id: string) => per.get(id) ?? per.set(id, { tp: 0, fp: 0, unjudged: 0 }).get(id)!;
  const matched = new Set<string>();
  const unjudged: Array<{ review: Review; f: ReturnType<typeof findingsOf>[number] }> = [];
  for (const r of data.reviews) {
    if (!existsSync(join(shared, r.file))) { console.error(`missing contract: ${r.file}`); process.exitCode = 1; continue; }
    for (const f of findingsOf(r, demotedRules)) {
      const v = verdicts.get(f.key);
      const c = row(f.d.ruleId);
      if (!v) { c.unjudged++; unjudged.push({ review: r, f }); continue; }
      matched.add(f.key);
      if (v.verdict === 'tp') c.tp++; else c.fp++;
    }
  }
  const stale = data.judgements.filter((j) => !matched.has(keyOf(j)));
  const staleBy = new Map<string, number>();
  for (const j of stale) staleBy.set(j.ruleId, (staleBy.get(j.ruleId) ?? 0) + 1);
  for (const id of staleBy.keys()) row(id);

  if (args.has('--sample')) {
    // Up to 10 verdicts per rule, 30 for a rule that fires 100 times or more.
    // --cap N raises the limit for every rule (to judge all findings of a rule that fires rarely).
    const capArg = argv.includes('--cap') ? Number(argv[argv.indexOf('--cap') + 1]) : NaN;
    const capOf = (id: string) => { const c = row(id); return Number.isFinite(capArg) ? capArg : c.tp + c.fp + c.unjudged >= 100 ? 30 : 10; };
    const judgedPer = new Map<string, number>();
    for (const j of data.judgements) if (matched.has(keyOf(j))) judgedPer.set(j.ruleId, (judgedPer.get(j.ruleId) ?? 0) + 1);
    const sorted = [...unjudged].sort((a, b) => hash(a.f.key).localeCompare(hash(b.f.key)));
    const out: unknown[] = [];
    for (const { review: r, f } of sorted) {
      const n = judgedPer.get(f.d.ruleId) ?? 0;
      if (n >= capOf(f.d.ruleId)) continue;
      judgedPer.set(f.d.ruleId, n + 1);
      const l = f.d.range.start.line;
      out.push({ file: r.file, profile: r.profile, ruleId: f.d.ruleId, severity: f.d.severity, anchor: f.anchor, message: f.d.message, context: f.lines.slice(Math.max(0, l - 1), l + 3).join(' | ').slice(0, 600) });
    }
    console.log(JSON.stringify(out, null, 2));
    return;
  }

  const rows = [...per.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, c]) => {
    const judged = c.tp + c.fp;
    const worst = worstSeverity(rule);
    const threshold = worst === 'error' ? THRESHOLD.error : worst === 'warning' ? THRESHOLD.warning : 0;
    const precision = ratio(c.tp, judged);
    const failing = judged >= MIN_JUDGED && precision < threshold;
    return { rule, worst, judged, tp: c.tp, fp: c.fp, precision: Number.isFinite(precision) ? precision : null, unjudged: c.unjudged, stale: staleBy.get(rule) ?? 0, threshold, failing };
  });
  const failing = rows.filter((r) => r.failing);
  // The total covers the rules that are errors or warnings somewhere (demoted rules are listed apart).
  const total = rows.filter((r) => r.threshold > 0).reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, un: a.un + r.unjudged }), { tp: 0, fp: 0, un: 0 });

  if (args.has('--json')) {
    console.log(JSON.stringify({ reviews: data.reviews.length, judgements: data.judgements.length, rows, stale: stale.map((j) => `${j.file} [${j.profile}] ${j.ruleId} ${j.anchor}`) }, null, 2));
  } else {
    console.log(`Finding precision: ${data.judgements.length} hand-judged error/warning findings, ${data.reviews.length} reviews (contract x profile) of ../shared (test/accuracy/finding-judgements.json)`);
    console.log('');
    console.log('| rule | worst severity | judged | TP | FP | precision | target | unjudged now | verdicts unmatched |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      const target = r.threshold ? `${r.threshold.toFixed(1)}${r.judged < MIN_JUDGED ? ` (n<${MIN_JUDGED})` : ''}` : '-';
      console.log(`| ${r.rule} | ${r.worst} | ${r.judged} | ${r.tp} | ${r.fp} | ${fmt(r.precision ?? NaN)}${r.failing ? ' FAIL' : ''} | ${target} | ${r.unjudged} | ${r.stale} |`);
    }
    console.log(`| **all error/warning rules** | | ${total.tp + total.fp} | ${total.tp} | ${total.fp} | ${fmt(ratio(total.tp, total.tp + total.fp))} | | ${total.un} | |`);
    if (args.has('--stale') && stale.length) console.log(`\nVerdicts that match no finding:\n  ${stale.map((j) => `${j.file} [${j.profile}] ${j.ruleId} ${j.anchor}`).join('\n  ')}`);
    console.log('');
  }
  if (args.has('--check') && failing.length) {
    console.error(`Finding precision below target: ${failing.map((r) => `${r.rule} ${fmt(r.precision ?? NaN)} < ${r.threshold}`).join(', ')}`);
    process.exitCode = 1;
  }
  // Unknown rule ids in the judgements are a defect of the file, not a measurement.
  const unknown = data.judgements.filter((j) => !RULES.some((r) => r.meta.id === j.ruleId));
  if (unknown.length) { console.error(`Unknown rule ids in judgements: ${[...new Set(unknown.map((j) => j.ruleId))].join(', ')}`); process.exitCode = 1; }
}

main();
