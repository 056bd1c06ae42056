import assert from 'node:assert/strict';
import { assertDraftingMeta, checkReplace, contract, findings, flagged, quiet } from './support';

const RULE = 'impossible-date';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on days a month does not have, in every date style', () => {
    const text = contract(`## 1. Dates

1.1 The first milestone is 31 April 2026, the second is June 31, 2026 and the third the 30th day of February, 2027.

1.2 Payment is due on 29 February 2027 and the review on 2026-09-31.

1.3 The numeric date 31/13/2026 is no date either way round.`);
    assert.deepEqual(flagged(text, RULE), ['31 April 2026', 'June 31, 2026', '30th day of February, 2027', '29 February 2027', '2026-09-31', '31/13/2026']);
    const msgs = findings(text, RULE).map((f) => f.diag.message);
    assert.match(msgs[0], /April has 30 days/);
    assert.match(msgs[3], /2027 is not a leap year/);
  });

  it('fires on a period that ends before it starts, in a sentence or in two definitions', () => {
    const text = contract(`## 1. Definitions

"Commencement Date" means 1 May 2025.

"Expiry Date" means 30 April 2025.

## 2. Term

2.1 The pilot runs from 1 March 2026 to 28 February 2026, and the support period between 1 June 2026 and 1 January 2026.`);
    assert.deepEqual(flagged(text, RULE), ['30 April 2025', '28 February 2026', '1 January 2026']);
    assert.match(findings(text, RULE)[0].diag.message, /Expiry Date \(30 April 2025\) is before the Commencement Date \(1 May 2025\)/);
  });

  it('takes a defined date only from the definition itself, never from a later paragraph', () => {
    // The start is defined without a date; the next date of the document (a launch in another
    // paragraph) is after the expiry, and must not be read as the start.
    const text = contract(`## 1. Definitions

"Commencement Date" means the date on which both parties have signed this Agreement.

The service launch is planned for 1 June 2025.

"Expiry Date" means 30 April 2025.`);
    quiet(text, RULE);
    // The same definitions with the start date written in the definition do disagree.
    assert.deepEqual(flagged(text.replace('the date on which both parties have signed this Agreement', '1 June 2025'), RULE), ['30 April 2025']);
  });

  it('stays quiet on real dates, leap days in leap years, ambiguous numeric dates and page footers', () => {
    const text = contract(`## 1. Dates

1.1 The term runs from 1 March 2025 to 28 February 2028; the leap day 29 February 2028 is a working day, and so is 29 February.

1.2 The numeric date 04/05/2026 is a date whichever way it is read, and 13/05/2026 is 13 May.

1.3 Monday 3 March 2025 is the first meeting.   Commercial in Confidence   Page 32   May 2004`);
    quiet(text, RULE);
  });

  it('offers to replace the day with the last day of the month, changing only the day', () => {
    const text = contract('## 1. Dates\n\n1.1 The first milestone is 31 April 2026.');
    const [f] = findings(text, RULE);
    assert.equal(f.fixes[0].title, 'Replace the day "31" with "30" (the last day of that month)');
    const fixed = checkReplace(text, f, f.fixes[0]);
    assert.ok(fixed.includes('milestone is 30 April 2026.'));
    quiet(fixed, RULE);
  });

  it('has no fix for a period that ends before it starts', () => {
    const text = contract('## 1. Term\n\n1.1 The pilot runs from 1 March 2026 to 28 February 2026.');
    assert.deepEqual(findings(text, RULE)[0].fixes, []);
  });
});
