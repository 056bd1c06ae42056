import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { formMatcher, formSearch, isSpaceCode } from '../../server/src/drafting/term-matcher';
import { definitionsByTerm, escapeRegExp, formTable } from '../../server/src/drafting/terms';
import { buildContractModel } from '../../server/src/model';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns } from '../support/property-runs';
import { regExpsBuiltDuring } from '../support/regexps-built';

/** What the matcher stands for: the global expression of the forms, in order. */
function expressionMatches(forms: string[], text: string) {
  const re = new RegExp(`(?<![A-Za-z0-9])(?:${forms.map((f) => f.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|')})(?![A-Za-z0-9])`, 'g');
  return [...text.matchAll(re)].map((m) => ({ at: m.index!, length: m[0].length }));
}

/** The same, with the index of the branch that matched (the expression's first capture that took part). */
function expressionRanks(forms: string[], text: string): number[] {
  const re = new RegExp(`(?<![A-Za-z0-9])(?:${forms.map((f) => `(${f.split(/\s+/).map(escapeRegExp).join('\\s+')})`).join('|')})(?![A-Za-z0-9])`, 'g');
  return [...text.matchAll(re)].flatMap((m) => [m.index!, m[0].length, m.slice(1).findIndex((g) => g !== undefined)]);
}

/** formSearch's triples (start, length, rank) for one text. */
function searched(forms: string[], text: string): number[] {
  const found: number[] = [];
  return found.slice(0, formSearch(forms)(text, found));
}

describe('defined-term forms matcher', () => {
  it('finds whole forms only, the earlier form first, across any run of white space', () => {
    const match = formMatcher(['Service Levels', 'Service Level', 'Supplier', 'AT&T']);
    assert.deepEqual(match('the Service\n  Levels and Supplier\'s SupplierX AT&Tx and AT&T.'), [
      { at: 4, length: 16 }, { at: 25, length: 8 }, { at: 56, length: 4 },
    ]);
    // Not inside a word, and the first form in order wins over a longer match of a later one.
    assert.deepEqual(formMatcher(['ab', 'ab c'])('xab c ab c'), [{ at: 6, length: 2 }]);
  });

  it('models forms with leading or trailing white space, and empty ones, as the expression reads them', () => {
    // A trailing run gives back one character where a letter follows the whole run, if it has two.
    const text = 'Term  x Term y Term\tTerm \n  Termz  Term';
    for (const forms of [['Term '], [' Term'], ['Term  '], ['  '], [''], ['Term', ''], ['Term ', 'Term'], ['x y', ' ', 'Term'], ['', ' Term ']]) {
      assert.deepEqual(formMatcher(forms)(text), expressionMatches(forms, text), JSON.stringify(forms));
    }
    assert.deepEqual(formMatcher(['Term '])('Term  x, Term x'), [{ at: 0, length: 5 }]);
    // Forms that start above U+007F (beside the table of ASCII first codes).
    assert.deepEqual(formMatcher(['\u03a9mega', '\u00e9t\u00e9'])('x \u00e9t\u00e9 \u03a9mega.'), [{ at: 2, length: 3 }, { at: 6, length: 5 }]);
    // An empty form matches where nothing alphanumeric stands on either side, the end included.
    assert.deepEqual(formMatcher([''])('a, b.'), [{ at: 2, length: 0 }, { at: 5, length: 0 }]);
  });

  it('compiles no expression of the forms: at most one of their first characters, once per set of them', () => {
    assert.ok(regExpsBuiltDuring(() => formTable(new Map([[' Lead', 1], ['Trail ', 2], ['Plain Term', 3]]))) <= 1);
    // Other forms with the same first characters (white space, P, T) reuse it.
    assert.equal(regExpsBuiltDuring(() => formMatcher(['Pear Tree', 'Tree', '\tLeaf'])('a Pear Tree')), 0);
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
      assert.deepEqual(formMatcher(forms)(text), expressionMatches(forms, text));
      // Which form matched: the term index resolves a match through it (terms.ts termsInBlock).
      assert.deepEqual(searched(forms, text), expressionRanks(forms, text));
    }), { numRuns: propertyRuns(400) });
  });

  it('finds what the expression finds with forms that start or end with white space, or are empty', () => {
    // Letters above U+007F too: a form may start with one (the matcher's first-code table covers only ASCII).
    const piece = fc.constantFrom('a', 'b', 'A', '1', ' ', '  ', '\n', '\u00a0', '\u2003', '-', '.', 'ab', '\u00e9', '\u03a9', '\u03a9a');
    const word = fc.array(fc.constantFrom('a', 'b', 'A', '1', '-', '.', '\u00e9', '\u03a9'), { minLength: 1, maxLength: 2 }).map((cs) => cs.join(''));
    const gap = fc.constantFrom(' ', '\t', '  ', '\u00a0', '\n ');
    const form = fc.oneof(
      fc.constant(''),
      gap,
      fc.tuple(fc.option(gap, { nil: '' }), fc.array(word, { minLength: 1, maxLength: 2 }), fc.option(gap, { nil: '' })).map(([lead, ws, trail]) => lead + ws.join(' ') + trail),
    );
    fc.assert(fc.property(fc.array(form, { minLength: 1, maxLength: 6 }), fc.array(piece, { maxLength: 30 }), (forms, pieces) => {
      // Ordered as formTable orders them: longest first, stably.
      const ordered = [...forms].sort((a, b) => b.length - a.length);
      const text = pieces.join('');
      assert.deepEqual(formMatcher(ordered)(text), expressionMatches(ordered, text), `${JSON.stringify(ordered)} in ${JSON.stringify(text)}`);
      assert.deepEqual(searched(ordered, text), expressionRanks(ordered, text), `${JSON.stringify(ordered)} in ${JSON.stringify(text)}`);
    }), { numRuns: propertyRuns(3000) });
  });

  it('finds what the expression finds with the defined terms of real contracts', function () {
    const dir = resolve(__dirname, '../../../shared/cuad-dev');
    if (!existsSync(dir)) this.skip(); // ../shared/cuad-dev is absent: nothing to compare on
    this.timeout(120_000);
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 40 === 0).map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const text of [...texts, generateContract(60_000)]) {
      const model = buildContractModel(text, 0, 'plain');
      const table = formTable(definitionsByTerm(model));
      if (!table.search) continue;
      const ordered = [...table.forms.keys(), ...table.upperForms.keys()].sort((a, b) => b.length - a.length);
      const found: number[] = [];
      const n = table.search(text, found);
      const matches = [];
      for (let k = 0; k < n; k += 3) {
        matches.push({ at: found[k], length: found[k + 1] });
        // A match resolves through its form as through its own text, white space flattened.
        const ranked = table.byRank[found[k + 2]];
        if (!ranked) continue;
        const flat = text.slice(found[k], found[k] + found[k + 1]).replace(/\s+/g, ' ');
        const own = table.forms.get(flat);
        assert.deepEqual(ranked, { ...(own ?? table.upperForms.get(flat)!), upper: !own });
      }
      assert.deepEqual(matches, expressionMatches(ordered, text));
    }
  });
});
