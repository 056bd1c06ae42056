import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * writesItem runs over every reference's text in both of the CLI's threads, and TurboFan compiles it
 * once each: a form of label first found after that compile ("b." after only "(b)" so far, or the
 * other way round) reached code without type feedback and deoptimised it, a compile again per form
 * and thread (issue 13, deopts). Checked in a child process (the natives need
 * --allow-natives-syntax, and a deoptimisation already taken in this process would hide one).
 */
const itemLabel = resolve(__dirname, '../../server/src/drafting/item-label.ts');
const nameSearch = resolve(__dirname, '../../server/src/model/name-search.ts');

function run(body: string): { before: boolean; after: boolean; results: unknown[] } {
  const code = `
    const il = await import(${JSON.stringify(itemLabel)});
    const ns = await import(${JSON.stringify(nameSearch)});
    const { writesItem } = il.writesItem ? il : il.default;
    const { codeAt, isSpaceCode } = ns.codeAt ? ns : ns.default;
    // The shared helpers as a CLI run has them: called from everywhere, on every kind of code and
    // position, long before writesItem is compiled (their feedback is theirs, not writesItem's).
    for (let k = 0; k < 20; k++) for (let c = -1; c < 70000; c += 7) { isSpaceCode(c); codeAt('ab', c % 4 - 1); }
    const optimised = new Function('f', 'return (%GetOptimizationStatus(f) & 16) !== 0');
    const prepare = new Function('f', '%PrepareFunctionForOptimization(f)');
    const optimise = new Function('f', '%OptimizeFunctionOnNextCall(f)');
    // writesItem itself, not a caller it may or may not be inlined into.
    const f = writesItem;
    prepare(f);
    ${body}
    for (let k = 0; k < 200; k++) for (const [t, l] of warm) f(t, l);
    optimise(f);
    f(warm[0][0], warm[0][1]);
    const before = optimised(f);
    const results = late.map(([t, l]) => f(t, l));
    const after = optimised(f);
    console.log(JSON.stringify({ before, after, results }));`;
  // A budget V8 never reaches here: writesItem is compiled when the test says, not while it is warmed.
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--interrupt-budget=1073741824', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('drafting: writesItem stays optimised when a form of label is first found late (issue 13, deopts)', () => {
  it('"b." and "b)" after only bracketed labels', () => {
    const out = run(`
      const warm = [['the services\\n(a) and (b) then', 'b'], ['x (c) y', 'c'], ['x a b c y', 'z'], ['nothing here', 'b'], ['x (d)e y', 'd']];
      const late = [['x b. y', 'b'], ['x B) y', 'b'], ['x b.y', 'b'], ['x (b) y', 'b'], ['x 2. y', '2'], ['x b', 'b']];`);
    assert.deepEqual(out.results, [true, true, false, true, true, false]);
    assert.ok(out.before, 'optimised before the late forms');
    assert.ok(out.after, 'deoptimised by a form of label first found after the compile');
  });

  it('"(b)" after only "b." and "b)" labels', () => {
    const out = run(`
      const warm = [['the services\\na. and b. then', 'b'], ['x c) y', 'c'], ['x a b c y', 'z'], ['nothing here', 'b'], ['x d.e y', 'd']];
      const late = [['x (b) y', 'b'], ['x (B)\\ty', 'b'], ['x (b)y', 'b'], ['x b. y', 'b'], ['x (iv) y', 'IV'], ['x (b', 'b']];`);
    assert.deepEqual(out.results, [true, true, false, true, true, false]);
    assert.ok(out.before, 'optimised before the late forms');
    assert.ok(out.after, 'deoptimised by a form of label first found after the compile');
  });

  it('a long section without the item is not compiled again on the stack (OSR)', () => {
    // A section's text of about 200 KB that never writes the item "(b)": the character loop read it
    // whole in each call, so the call running when TurboFan had compiled writesItem was compiled
    // again for its loop (OSR), in each of the CLI's threads. With the CLI's budget (1 MB).
    const code = `
      const il = await import(${JSON.stringify(itemLabel)});
      const { writesItem } = il.writesItem ? il : il.default;
      const line = 'The Supplier shall provide the services in clause 4 (a) to the Customer, and report monthly on the levels reached.\\n';
      const text = line.repeat(1800);
      let found = 0;
      for (let k = 0; k < 40; k++) if (writesItem(text, 'b')) found++;
      console.log('found ' + found + ' of ' + text.length);`;
    const r = spawnSync(process.execPath, ['--trace-opt', '--interrupt-budget=1048576', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /found 0 of 2\d{5}/);
    const osr = r.stdout.split('\n').filter((l) => /^\[compiling method .*JSFunction (?:writesItem|itemFrom|itemAt|labelEnd) .*OSR/.test(l));
    assert.deepEqual(osr, [], 'compiled again on the stack');
  });
});
