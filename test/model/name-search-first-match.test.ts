import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * A CLI thread's first searches for a party's names may all find nothing (a category's test over
 * texts that do not name the party) until TurboFan has compiled PartyNameSearch.next; the store of
 * the match's end, reached only on a match, then had no type feedback and the first match
 * deoptimised the compiled code (issue 13, deopts). Checked in a child process (natives).
 */
const nameSearch = resolve(__dirname, '../../server/src/model/name-search.ts');

describe('model: PartyNameSearch.next stays optimised at its first match (issue 13, deopts)', () => {
  it('finds a first match after only failed searches without deoptimising', () => {
    const code = `
      const ns = await import(${JSON.stringify(nameSearch)});
      const { PartyNameSearch } = ns.PartyNameSearch ? ns : ns.default;
      const search = new PartyNameSearch(['Supplier', 'Vendor']);
      // Names' first letters met, never a whole name (nor one inside a word).
      const misses = ['the Service shall be provided by Sam', 'Valid Suppliers only', 'no party here at all'];
      // The helpers' own feedback as a CLI run has it: matches found through last() (its own loop).
      for (let k = 0; k < 200; k++) search.last('the Supplier and the Vendor agree; Supplier Data stays', false);
      const f = (t) => search.next(t, 0, false);
      %PrepareFunctionForOptimization(f);
      for (let k = 0; k < 200; k++) for (const t of misses) f(t);
      %OptimizeFunctionOnNextCall(f);
      f(misses[0]);
      const before = (%GetOptimizationStatus(f) & 16) !== 0;
      const results = [f('paid by the Supplier monthly'), search.end, f(misses[1]), search.end];
      const after = (%GetOptimizationStatus(f) & 16) !== 0;
      console.log(JSON.stringify({ before, after, results }));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--interrupt-budget=1073741824', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    // The end stays the last match's when a search finds nothing.
    assert.deepEqual(out.results, [12, 20, -1, 20]);
    assert.ok(out.before, 'optimised before the first match');
    assert.ok(out.after, 'deoptimised by the first match');
  });
});
