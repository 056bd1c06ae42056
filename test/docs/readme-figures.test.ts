// The README lists the examples in examples/ and names the commands beside its figures. That the
// accuracy table equals the output of `npm run eval` is checked by readme-accuracy.integration.test.ts
// (it runs the whole evaluation).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README figures', () => {
  it('mentions every example contract', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'examples')).filter((x) => x.endsWith('.md') && x !== 'README.md')) {
      assert.ok(README.includes(`examples/${f}`), `README mentions examples/${f}`);
    }
  });

  it('names the command beside the test time and the speed figures', () => {
    assert.doesNotMatch(README, /about two minutes/);
    assert.match(README, /Measured with `time npm test`/);
    assert.match(README, /`npm run bench` times full reviews/);
  });
});
