import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * The CLI's threads each compile the hot character loops with TurboFan, and every deoptimisation
 * costs a compile again (issue 13, clivm): reading a code outside the text (charCodeAt(-1) at the
 * text's start, charCodeAt(length) after a name or label at its end) deoptimised
 * PartyNameSearch.next and writesItem once per call site and thread ("out of bounds"). These check,
 * in a child process (the natives need --allow-natives-syntax, and a deoptimisation already taken
 * in this process would hide one), that optimised code stays optimised at the text's edges.
 */
const nameSearch = resolve(__dirname, '../../server/src/model/name-search.ts');
const itemLabel = resolve(__dirname, '../../server/src/drafting/item-label.ts');

function optimisedAfterEdges(body: string): { before: boolean; after: boolean; results: unknown[] } {
  const code = `
    const ns = await import(${JSON.stringify(nameSearch)});
    const il = await import(${JSON.stringify(itemLabel)});
    const { atWordBoundary, PartyNameSearch } = ns.atWordBoundary ? ns : ns.default;
    const { writesItem } = il.writesItem ? il : il.default;
    const optimised = new Function('f', 'return (%GetOptimizationStatus(f) & 16) !== 0');
    const prepare = new Function('f', '%PrepareFunctionForOptimization(f)');
    const optimise = new Function('f', '%OptimizeFunctionOnNextCall(f)');
    ${body}
    console.log(JSON.stringify({ before, after, results }));`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('model: name searches read no code outside the text (issue 13, clivm)', () => {
  it('atWordBoundary at the text\'s start and end does not deoptimise its optimised code', () => {
    const out = optimisedAfterEdges(`
      const text = 'The Supplier shall pay';
      const f = (i) => atWordBoundary(text, i);
      prepare(f);
      for (let k = 0; k < 50; k++) for (let i = 1; i < text.length; i++) f(i);
      optimise(f);
      f(5);
      const before = optimised(f);
      const results = [f(0), f(text.length), f(4), f(5)];
      const after = optimised(f);`);
    assert.deepEqual(out.results, [true, true, true, false]);
    assert.ok(out.before, 'optimised before the edges');
    assert.ok(out.after, 'deoptimised by a read outside the text');
  });

  it('PartyNameSearch.next finds a name at the text\'s start and end without deoptimising', () => {
    const out = optimisedAfterEdges(`
      const search = new PartyNameSearch(['Supplier']);
      const inside = 'and the Supplier shall pay the Customer';
      const f = (t) => search.next(t, 0, false);
      prepare(f);
      for (let k = 0; k < 200; k++) f(inside);
      optimise(f);
      f(inside);
      const before = optimised(f);
      const results = [f('Supplier shall'), f('paid by the Supplier'), f(inside)];
      const after = optimised(f);`);
    assert.deepEqual(out.results, [0, 12, 8]);
    assert.ok(out.before, 'optimised before the edges');
    assert.ok(out.after, 'deoptimised by a read outside the text');
  });

  it('writesItem with a label at the text\'s end does not deoptimise, and reads digits as letters are read', () => {
    const out = optimisedAfterEdges(`
      // The shared helpers as a CLI run has them: called from everywhere on every kind of code and
      // position (writesItem reads codes only around its label's places since issue 13, deopts).
      const { codeAt, isSpaceCode } = ns.codeAt ? ns : ns.default;
      for (let k = 0; k < 20; k++) for (let c = -1; c < 70000; c += 7) { isSpaceCode(c); codeAt('ab', c % 4 - 1); }
      // Every branch taken while warming (items written "(b)", "b)" and "c.", other items, none), away from the text's end.
      const warm = [['the services\\n(a) and (b) then', 'b'], ['x b) y', 'b'], ['x c. y', 'C'], ['x (c) y', 'c'], ['x (a) b. c) y', 'z'], ['x (a)b y', 'a'], ['x b, y', 'b']];
      const f = (t, l) => writesItem(t, l);
      prepare(f);
      for (let k = 0; k < 200; k++) for (const [t, l] of warm) f(t, l);
      optimise(f);
      f('x b) y', 'b');
      const before = optimised(f);
      const results = [f('see (b)', 'b'), f('see b', 'b'), f('item (2) here', '2'), f('item 3. here', '3'), f('item (b2) x', 'B2'), f('item (2) x', 'b')];
      const after = optimised(f);`);
    assert.deepEqual(out.results, [false, false, true, true, true, false]);
    assert.ok(out.before, 'optimised before the edges');
    assert.ok(out.after, 'deoptimised at the text\'s end or by a digit label');
  });
});
