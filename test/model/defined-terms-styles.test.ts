/**
 * Definition styles added for the drafting checks (issue 6): 'each a "Party"', '"X" or "Y" will have
 * the meaning', '"X" is the ...', unquoted "X means", and list or table entries in a definitions
 * section. The original styles are covered by defined-terms.test.ts.
 */
import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';

const TEXT = `# Support Agreement

This Agreement is made between Copperleaf Analytics GmbH (the "Supplier") and Sandpiper Retail plc (the "Customer"), each a "Party" and together the "Parties". Sandpiper Retail plc, hereinafter referred to as "Sandpiper", signs below.

## 1. Definitions

"Processing" or "Process" will have the meaning given in the UK GDPR.

"Effective Date" is the date on which both parties have signed.

Business Day means a day other than a Saturday, a Sunday or a public holiday in England.

1.4 Support Hours mean 08:00 to 18:00 on Business Days.

Change Control Procedure\tthe procedure in clause 9.

Release Note: the notes issued with each release.

| Term | Meaning |
| --- | --- |
| Service Window | 22:00 to 02:00 on Sundays |

## 2. Services

The Supplier means well but this is not a definition. This Agreement means business.
`;

describe('model: defined terms (drafting styles)', () => {
  const m = buildContractModel(TEXT);
  const style = (t: string) => m.definedTerms.find((d) => d.term === t)?.style;

  it('reads terms defined in passing: each a "Party", together the "Parties", hereinafter referred to as', () => {
    assert.equal(style('Party'), 'inline');
    assert.equal(style('Parties'), 'inline');
    assert.equal(style('Sandpiper'), 'inline');
  });

  it('reads "X" or "Y" will have the meaning, and "X" is the ... at the start of a paragraph', () => {
    assert.equal(style('Processing'), 'means');
    assert.equal(style('Process'), 'means');
    assert.equal(style('Effective Date'), 'means');
  });

  it('reads unquoted "X means" at the start of a paragraph, after an optional clause number', () => {
    assert.equal(style('Business Day'), 'unquoted');
    assert.equal(style('Support Hours'), 'unquoted');
  });

  it('reads tab-separated entries anywhere, and "X:" entries and table rows in a definitions section', () => {
    assert.equal(style('Change Control Procedure'), 'list');
    assert.equal(style('Release Note'), 'list');
    assert.equal(style('Service Window'), 'list');
    assert.equal(style('Term'), undefined, 'the header row of the table is not a term');
  });

  it('does not read sentences that merely start with a capitalised word and "means"', () => {
    assert.equal(style('The Supplier'), undefined);
    assert.equal(style('This Agreement'), undefined);
  });

  it('points each span at the term in the source', () => {
    for (const d of m.definedTerms) assert.equal(TEXT.slice(d.span.start, d.span.end), d.term, d.term);
  });
});
