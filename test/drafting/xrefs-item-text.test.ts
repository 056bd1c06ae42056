/**
 * Issue 13 (cliallocs2): a reference to an item of a section ("clause 2(a)") asks whether the
 * section writes that item; the section's text is joined once per model, not once per reference.
 * The answers stay those of reading each reference alone.
 */
import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { resolvedReferences } from '../../server/src/drafting/xrefs';

const refs = Array.from({ length: 15 }, (_, i) =>
  `## ${i + 3}. Clause ${i + 3}\n\n${i + 3}.1 The Supplier shall comply with clause 2(a) and clause 2(c).\n`);
const text = `# Agreement\n\n## 1. Scope\n\n1.1 The services.\n\n## 2. Duties\n\n2.1 The Supplier shall:\n\n(a) first item;\n(b) second item.\n\n${refs.join('\n')}`;

describe('cross-references to items: the section text read once', () => {
  it('joins a section\'s text once for all references to its items, with the same answers', () => {
    const model = buildContractModel(text, 0);
    const join = Array.prototype.join;
    let sectionJoins = 0;
    Array.prototype.join = function (this: unknown[], sep?: string) {
      const out = join.call(this, sep);
      if (out.includes('(a) first item')) sectionJoins++;
      return out;
    };
    let got;
    try {
      got = resolvedReferences(model);
    } finally {
      Array.prototype.join = join;
    }
    const toItems = got.filter((r) => r.base === '2' && r.parts.length > 0);
    assert.equal(toItems.length, 30);
    assert.deepEqual([...new Set(toItems.filter((r) => r.parts[0] === 'a').map((r) => r.status))], ['ok']);
    // An item the section does not write is not resolved as found.
    assert.ok(toItems.filter((r) => r.parts[0] === 'c').every((r) => r.status !== 'ok'));
    assert.equal(sectionJoins, 1);
  });
});
