/**
 * The CLI on the shipped examples: a weak draft fails with errors, a strong one passes.
 * Skips (with the reason) while examples or rules are still missing.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine';
import { exampleFiles, ROOT, runCli, runJson } from './helpers';

describe('cli: examples', () => {

  const examples = exampleFiles().map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  const weak = examples.filter((f) => /weak/i.test(path.basename(f)));
  const strong = examples.filter((f) => /strong/i.test(path.basename(f)));

  it('every example is reviewed without input problems; weak and strong ones read as contracts', async function () {
    if (!examples.length) return this.skip();
    const r = await runJson(['--fail-on', 'none', ...examples], { cwd: ROOT });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    for (const f of r.json.files) if (weak.includes(f.path) || strong.includes(f.path)) assert.equal(f.isContract, true, `${f.path} reads as a contract`);
  });

  it('a weak example exits 1 with at least one error', async function () {
    if (!weak.length || !RULES.length) return this.skip();
    for (const f of weak) {
      const r = await runJson([f], { cwd: ROOT });
      assert.equal(r.code, 1, `${f}: ${r.stderr}`);
      assert.ok(r.json.summary.errors >= 1, `${f} has errors`);
      assert.ok(Object.values(r.json.files[0].coverage).some((v) => v !== 'present'), `${f} has gaps in coverage`);
      assert.match((await runCli([f], { cwd: ROOT })).stdout, /^\d+ findings? \([1-9]\d* errors?/m);
    }
  });

  it('a strong example exits 0', async function () {
    if (!strong.length || !RULES.length) return this.skip();
    for (const f of strong) {
      const r = await runJson([f], { cwd: ROOT });
      assert.equal(r.code, 0, `${f}: ${JSON.stringify(r.json.files[0].diagnostics.filter((d) => d.severity === 'error'), null, 2)}\n${r.stderr}`);
      assert.equal(r.json.summary.errors, 0);
    }
  });

  it('a weak example has more findings and fewer present categories than a strong one', async function () {
    if (!weak.length || !strong.length || !RULES.length) return this.skip();
    const stats = async (f: string) => {
      const j = (await runJson(['--fail-on', 'none', f], { cwd: ROOT })).json;
      const s = j.summary;
      return { findings: s.errors + s.warnings + s.information + s.hints, present: Object.values(j.files[0].coverage).filter((v) => v === 'present').length };
    };
    const w = await stats(weak[0]);
    const s = await stats(strong[0]);
    assert.ok(w.findings > s.findings, `${weak[0]} ${w.findings} findings vs ${strong[0]} ${s.findings}`);
    assert.ok(w.present < s.present, `${weak[0]} ${w.present} present vs ${strong[0]} ${s.present}`);
  });
});
