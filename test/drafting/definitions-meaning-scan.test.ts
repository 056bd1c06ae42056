import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * A definitions section written as one block (a paragraph of lines, as plain text gives): each
 * definition's meaning was found by reading the block's text from its start up to the definition,
 * so the block was read once per definition, long enough within one call that TurboFan compiled
 * computeMeaning a second time on the stack (OSR) in the CLI's threads (issue 13, deopts). The
 * definitions of a block are now read on from where the one before stopped. Checked in a child
 * process under --trace-opt with the CLI's budget; the meanings themselves are the duplicate
 * definition rule's tests' (test/drafting/duplicate-definition.test.ts).
 */
const engine = resolve(__dirname, '../../server/src/engine/index.ts');
const definitions = resolve(__dirname, '../../server/src/drafting/definitions.ts');

describe('drafting/definitions: a block of many definitions is read once (issue 13, deopts)', () => {
  it('finds the meanings of 400 definitions in one block without compiling computeMeaning on the stack', () => {
    const code = `
      const e = await import(${JSON.stringify(engine)});
      const d = await import(${JSON.stringify(definitions)});
      const { review } = e.review ? e : e.default;
      const { duplicateDefinitions } = d.duplicateDefinitions ? d : d.default;
      const lines = [];
      for (let k = 0; k < 400; k++) lines.push('"Term' + k + '" means the item numbered ' + k + ' in the list kept by the Supplier;');
      lines.push('"Term7" means a different thing agreed later.');
      const text = '# Agreement\\n\\n## 1. Definitions\\n\\n' + lines.join('\\n') + '\\n\\n## 2. Services\\n\\nThe Supplier shall provide Term3.\\n';
      const model = review({ text, force: true }).model;
      const dups = duplicateDefinitions(model).map((x) => x.second.term);
      console.log('blocks ' + model.blocks.length + ' dups ' + JSON.stringify(dups));`;
    const r = spawnSync(process.execPath, ['--trace-opt', '--interrupt-budget=1048576', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /dups \["Term7"\]/);
    const osr = r.stdout.split('\n').filter((l) => /^\[compiling method .*JSFunction computeMeaning .*OSR/.test(l));
    assert.deepEqual(osr, [], 'compiled again on the stack');
  });
});
