// The bench's CLI row: its rounds alternate the order of the measurements, its ratio is taken round
// by round, and its floor is read and parsed in a process of its own (scripts/parse-floor.mjs).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { medianOf, pairedRatio, roundOrder } from '../../scripts/bench-rounds';

const ROOT = path.resolve(__dirname, '..', '..');

describe('bench rounds (scripts/bench-rounds.ts)', () => {
  it('rotates the order from round to round, so each measurement runs first once in every n rounds', () => {
    const names = ['floor', 'cli', 'markdownlint'];
    const orders = [0, 1, 2].map((r) => roundOrder(names, r));
    assert.deepEqual(orders, [['floor', 'cli', 'markdownlint'], ['cli', 'markdownlint', 'floor'], ['markdownlint', 'floor', 'cli']]);
    for (const o of orders) assert.deepEqual([...o].sort(), [...names].sort());
    assert.deepEqual(roundOrder(names, 3), orders[0]);
    assert.deepEqual(roundOrder(['floor', 'cli'], 1), ['cli', 'floor']);
    assert.deepEqual(roundOrder([], 4), []);
  });

  it('takes the median, averaging the two middle values of an even count', () => {
    assert.equal(medianOf([5, 1, 3]), 3);
    assert.equal(medianOf([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(medianOf([])));
  });

  it('summarises the ratio round by round, not as a ratio of medians', () => {
    // Round 2 was loaded for both runs: paired, the rounds say 1.5x, 1.0x, 1.0x, so 1.0x; the
    // medians of each (6 s against 5 s) would pair round 1's CLI with round 3's floor: 1.2x.
    const r = pairedRatio([6, 12, 5], [4, 12, 5]);
    assert.deepEqual(r.perRound, [1.5, 1, 1]);
    assert.equal(r.median, 1);
    assert.equal(medianOf([6, 12, 5]) / medianOf([4, 12, 5]), 1.2);
    assert.throws(() => pairedRatio([1, 2], [1]), /2 values against 1 references/);
  });
});

describe('the parse floor (scripts/parse-floor.mjs)', () => {
  it('reads and parses the files it is given in a process of its own and reports the time of that loop', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clausewise-floor-'));
    try {
      const a = path.join(dir, 'a.txt');
      const b = path.join(dir, 'b.txt');
      writeFileSync(a, '# Title\n\nThe Supplier shall provide the Services.\n');
      writeFileSync(b, 'One line.\n');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'parse-floor.mjs'), a, b], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.files, 2);
      assert.equal(out.chars, 50 + 10);
      assert.ok(out.wallMs >= 0 && out.cpuMs >= 0, r.stdout);
      if (process.platform === 'linux') assert.equal(typeof out.mainThreadCpuMs, 'number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
