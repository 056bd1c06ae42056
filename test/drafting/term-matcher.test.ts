import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { formMatcher, isSpaceCode } from '../../server/src/drafting/term-matcher';
import { definitionsByTerm, escapeRegExp, formTable } from '../../server/src/drafting/terms';
import { buildContractModel } from '../../server/src/model';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns } from '../support/property-runs';

/** What the matcher stands for: the global expression of the forms, in order. */
function expressionMatches(forms: string[], text: string) {
  const re = new RegExp(`(?<![A-Za-z0-9])(?:${forms.map((f) => f.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|')})(?![A-Za-z0-9])`, 'g');
  return [...text.matchAll(re)].map((m) => ({ at: m.index!, length: m[0].length }));
}

describe('defined-term forms matcher', () => {
  it('finds whole forms only, the earlier form first, across any run of white space', () => {
    const match = formMatcher(['Service Levels', 'Service Level', 'Supplier', 'AT&T'])!;
    assert.deepEqual(match('the Service\n  Levels and Supplier\'s SupplierX AT&Tx and AT&T.'), [
      { at: 4, length: 16 }, { at: 25, length: 8 }, { at: 56, length: 4 },
    ]);
    // Not inside a word, and the first form in order wins over a longer match of a later one.
    assert.deepEqual(formMatcher(['ab', 'ab c'])!('xab c ab c'), [{ at: 6, length: 2 }]);
  });

  it('leaves forms with leading or trailing white space, or empty ones, to the expression', () => {
    assert.equal(formMatcher(['Term ']), null);
    assert.equal(formMatcher([' Term']), null);
    assert.equal(formMatcher(['']), null);
  });

  it('knows JavaScript white space', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `code ${c.toString(16)}`);
  });

  it('finds what the expression finds, on random forms and texts', () => {
    const piece = fc.constantFrom('a', 'b', 'A', 'B', '1', ' ', '\n', '\u00a0', '&', '-', "'", '.', 'ab', 'AB');
    const word = fc.array(fc.constantFrom('a', 'b', 'A', 'B', '1', '&', '-', "'", '.'), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
    const form = fc.array(word, { minLength: 1, maxLength: 3 }).chain((ws) => fc.array(fc.constantFrom(' ', '\t', '  ', '\u00a0'), { minLength: ws.length - 1, maxLength: ws.length - 1 }).map((gaps) => ws.map((w, i) => (i ? gaps[i - 1] : '') + w).join('')));
    fc.assert(fc.property(fc.array(form, { minLength: 1, maxLength: 8 }), fc.array(piece, { maxLength: 40 }), (forms, pieces) => {
      const text = pieces.join('');
      assert.deepEqual(formMatcher(forms)!(text), expressionMatches(forms, text));
    }), { numRuns: propertyRuns(400) });
  });

  it('finds what the expression finds with the defined terms of real contracts', function () {
    const dir = resolve(__dirname, '../../../shared/cuad-dev');
    if (!existsSync(dir)) this.skip(); // ../shared/cuad-dev is absent: nothing to compare on
    this.timeout(120_000);
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 40 === 0).map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const text of [...texts, generateContract(60_000)]) {
      const model = buildContractModel(text, 0, 'plain');
      const table = formTable(definitionsByTerm(model));
      if (!table.match) continue;
      const ordered = [...table.forms.keys(), ...table.upperForms.keys()].sort((a, b) => b.length - a.length);
      assert.deepEqual(table.match(text), expressionMatches(ordered, text));
    }
  });
});
