/**
 * Keeps the drafting measurement honest (issue 6): the fixtures' markers name real rules, the
 * checks find what the fixtures mark, every corpus finding has a hand-checked verdict, and
 * undefined-term is on by default only if its corpus precision reaches 0.9.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getRule, RULES } from '../../server/src/engine';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'drafting', 'fixtures');
const CORPUS = resolve(ROOT, '../shared/corpus/contracts');

interface Real { rule: string; onByDefault: boolean; judged: number; precision: number | null; status: string }
interface Row { rule: string; fixtureTp: number; fixtureFp: number; fixtureFn: number; corpusTp: number; corpusFp: number; corpusUnjudged: number; corpusPrecision: number | null; cuadTp?: number; cuadFp?: number; cuadUnjudged?: number }

describe('drafting evaluation (npm run eval:drafting)', function () {
  // The 252 CUAD filings make the run longer; on a loaded machine it can take minutes.
  this.timeout(600000);
  let json: { rows: Row[]; misses: string[]; extras: string[]; staleJudgements: string[]; staleCuad: string[]; corpus: number; cuadSample: number; realPrecision: Real[]; precisionFailures: string[] };
  let code: number | null;

  before(() => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval-drafting.ts'), '--json', '--check'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    code = r.status;
    json = JSON.parse(r.stdout);
  });

  it('fixture markers name drafting rules', () => {
    const drafting = new Set(RULES.filter((r) => r.meta.category === 'drafting').map((r) => r.meta.id));
    for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.md') && x !== 'README.md')) {
      for (const m of readFileSync(join(FIXTURES, f), 'utf8').matchAll(/<!--\s*expect:\s*([^>]*?)\s*-->/g)) {
        for (const id of m[1].split(/\s*,\s*/)) assert.ok(drafting.has(id), `${f}: unknown rule "${id}"`);
      }
    }
  });

  it('finds what the fixtures mark, with few false alarms (precision and recall at least 0.9)', () => {
    const tp = json.rows.reduce((a, r) => a + r.fixtureTp, 0);
    const fp = json.rows.reduce((a, r) => a + r.fixtureFp, 0);
    const fn = json.rows.reduce((a, r) => a + r.fixtureFn, 0);
    assert.ok(tp / (tp + fp) >= 0.9, `fixture precision ${tp}/${tp + fp}; false positives:\n${json.extras.join('\n')}`);
    assert.ok(tp / (tp + fn) >= 0.9, `fixture recall ${tp}/${tp + fn}; misses:\n${json.misses.join('\n')}`);
    for (const r of json.rows) assert.ok(r.fixtureTp > 0, `${r.rule} has at least one marked defect in the fixtures`);
  });

  it('has a hand-checked verdict for every corpus finding, and none left over', function () {
    if (!existsSync(CORPUS)) return this.skip();
    assert.deepEqual(json.staleJudgements, [], 'verdicts that match no finding');
    assert.equal(json.rows.reduce((a, r) => a + r.corpusUnjudged, 0), 0, 'run `npm run eval:drafting -- --unjudged`, read each finding and add its verdict to test/drafting/corpus-judgements.json');
    assert.equal(code, 0);
  });

  it('ships undefined-term on by default only if its corpus precision is at least 0.9', function () {
    if (!existsSync(CORPUS)) return this.skip();
    const row = json.rows.find((r) => r.rule === 'undefined-term')!;
    const precision = row.corpusTp / (row.corpusTp + row.corpusFp);
    const onByDefault = getRule('undefined-term')!.meta.enabledByDefault !== false;
    assert.equal(onByDefault, precision >= 0.9, `corpus precision ${precision.toFixed(2)}`);
  });

  it('judges the issue-16 rules on all CUAD development contracts: every finding has a verdict, and a rule on by default keeps 0.9 on real contracts', function () {
    if (!json.cuadSample) return this.skip();
    assert.deepEqual(json.staleCuad, [], 'CUAD verdicts that match no finding');
    for (const r of json.rows.filter((x) => x.cuadTp !== undefined)) {
      assert.equal(r.cuadUnjudged, 0, `${r.rule}: run \`npm run eval:drafting -- --unjudged\` and judge each CUAD finding in test/drafting/cuad-judgements.json`);
      const tp = r.corpusTp + r.cuadTp!;
      const all = tp + r.corpusFp + r.cuadFp!;
      if (all === 0 || getRule(r.rule)!.meta.enabledByDefault === false) continue;
      assert.ok(tp / all >= 0.9, `${r.rule} is on by default with precision ${tp}/${all} on real contracts`);
    }
  });

  it('reports precision on real contracts for every drafting rule, and no rule on by default falls short of it', function () {
    if (!existsSync(CORPUS)) return this.skip();
    const drafting = RULES.filter((r) => r.meta.category === 'drafting').map((r) => r.meta.id).sort();
    assert.deepEqual(json.realPrecision.map((r) => r.rule), drafting);
    for (const r of json.realPrecision) assert.equal(r.onByDefault, getRule(r.rule)!.meta.enabledByDefault !== false, r.rule);
    assert.deepEqual(json.precisionFailures, []);
    assert.deepEqual(json.realPrecision.filter((r) => r.status === 'fails').map((r) => r.rule), []);
  });

  it('the other drafting checks keep a corpus precision of at least 0.9', function () {
    if (!existsSync(CORPUS)) return this.skip();
    for (const r of json.rows) {
      if (getRule(r.rule)!.meta.enabledByDefault === false || r.corpusTp + r.corpusFp === 0) continue;
      assert.ok(r.corpusTp / (r.corpusTp + r.corpusFp) >= 0.9, `${r.rule}: ${r.corpusTp}/${r.corpusTp + r.corpusFp}`);
    }
  });
});
