import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';

const TEXT = `# Hosting Agreement

This Agreement is made between Copperleaf Analytics GmbH (“Copperleaf”) and Sandpiper Retail plc (the "Customer").

## 1. Definitions

1.1 "Business Day" means a day other than a weekend or a public holiday in London.

"Charges" means the sums set out in Schedule 2.

**"Service Hours"** means 08:00 to 18:00 on Business Days.

“Go-Live Date” shall mean the date in clause 4.2.

"**Maintenance Window**" has the meaning given in Schedule 3.

## 2. Services

The hosting services described in Schedule 1 (the "Services") start on the Go-Live Date. The platform (the **"Platform"**) runs in two data centres, together with its mirrors (collectively, the "Mirrors").
`;

describe('model: defined terms', () => {
  const m = buildContractModel(TEXT);
  const term = (t: string) => m.definedTerms.find((d) => d.term === t);

  it('finds "X" means definitions, with and without a clause number, and "shall mean" / "has the meaning"', () => {
    for (const t of ['Business Day', 'Charges', 'Go-Live Date', 'Maintenance Window']) {
      assert.equal(term(t)?.style, 'means', `"${t}" is defined in the means style`);
    }
  });

  it('finds parenthetical definitions: (the "Services"), (collectively, the "Mirrors") and curly quotes', () => {
    assert.equal(term('Services')?.style, 'parenthetical');
    assert.equal(term('Mirrors')?.style, 'parenthetical');
    assert.equal(term('Copperleaf')?.style, 'parenthetical');
    assert.equal(term('Customer')?.style, 'parenthetical');
  });

  it('sees through **bold** markup around or inside the quotes', () => {
    assert.equal(term('Service Hours')?.style, 'means');
    assert.equal(term('Platform')?.style, 'parenthetical');
    assert.equal(term('Maintenance Window')?.style, 'means');
  });

  it('points each term span at the term itself in the source, without quotes or markup', () => {
    for (const d of m.definedTerms) assert.equal(TEXT.slice(d.span.start, d.span.end), d.term, `span of ${d.term}`);
  });

  it('keeps the defining sentence, not the whole paragraph', () => {
    assert.equal(term('Services')!.definition, 'The hosting services described in Schedule 1 (the "Services") start on the Go-Live Date.');
    assert.equal(term('Charges')!.definition, '"Charges" means the sums set out in Schedule 2.');
  });

  it('finds nothing in a text without quoted capitalised terms, nor in code blocks', () => {
    const plain = buildContractModel('# Note\n\nThe word "means" is used here. A "lower" case term is not defined.\n\n```\n"Secret" means nothing here.\n```\n');
    assert.deepEqual(plain.definedTerms.map((d) => d.term), []);
  });
});
