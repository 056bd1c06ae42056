// The README's accuracy table is the one `npm run eval` prints (in the integration suite: it runs the
// whole evaluation, cross-validation on ../shared/cuad-dev included).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'labels.json');

describe('README figures', () => {
  it('the accuracy table equals the output of npm run eval', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`    accuracy not checked: corpus not found at ${path.dirname(CORPUS)}`);
      this.skip();
    }
    this.timeout(600_000); // the whole evaluation: about 40 s on an idle machine, minutes on a busy one
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'eval.ts'), '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const corpus = (JSON.parse(r.stdout) as { corpus: { macroF1: number; weakAgreement: number; rows: Array<{ missingPrecision: number }> } }).corpus;
    const m = { ...corpus, worstMissingPrecision: Math.min(...corpus.rows.map((x) => x.missingPrecision)) };
    // The value, optionally followed by its 95% interval: "0.987 [0.946, 1.000]".
    const row = (label: RegExp) => new RegExp(`\\| ${label.source}[^|]* \\| ([0-9.]+)(?: \\[[^\\]|]*\\])? \\|`).exec(README)?.[1];
    assert.equal(row(/macro F1 of presence/), m.macroF1.toFixed(3));
    assert.equal(row(/lowest precision of a "missing" verdict/), m.worstMissingPrecision.toFixed(2));
    assert.equal(row(/weak\/adequate agreement/), m.weakAgreement.toFixed(2));
  });
});
