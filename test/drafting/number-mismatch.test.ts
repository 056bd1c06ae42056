import assert from 'node:assert/strict';
import { assertDraftingMeta, checkReplace, contract, findings, flagged, quiet } from './support';

const RULE = 'number-mismatch';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires when words and figures disagree, in either order, with per cent and currency', () => {
    const text = contract(`## 1. Terms

1.1 Either party may terminate on thirty (60) days' notice.

1.2 The Supplier shall reply within 48 (twenty-four) hours.

1.3 Service credits are capped at ten per cent (15%) of the monthly charges.

1.4 The liability cap is one hundred thousand pounds (£10,000).

1.5 Transition lasts one hundred and twenty (102) days.`);
    assert.deepEqual(flagged(text, RULE), ['thirty (60)', '48 (twenty-four)', 'ten per cent (15%)', 'one hundred thousand pounds (£10,000)', 'one hundred and twenty (102)']);
    assert.match(findings(text, RULE)[0].diag.message, /the words say 30 but the figure says 60/);
  });

  it('stays quiet when they agree, and on numbers that are not written twice', () => {
    const text = contract(`## 1. Terms

1.1 Either party may terminate on thirty (30) days' notice, or on sixty (60) days' notice after the first year.

1.2 The Supplier shall reply within 24 (twenty-four) hours and resolve within four hours.

1.3 Credits are capped at ten per cent (10%) and the cap is one hundred thousand pounds (£100,000).

1.4 Clause 3 (two parts) and item two (b) are unrelated to the numbers above.`);
    quiet(text, RULE);
  });

  it('offers two replacements, each changing only the words or only the figure', () => {
    const text = contract('## 1. Term\n\n1.1 Either party may terminate on Thirty (60) days\' notice.');
    const [f] = findings(text, RULE);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Replace "Thirty" with "Sixty" (keep the figure 60)', 'Replace "60" with "30" (keep the words "Thirty")']);
    assert.ok(checkReplace(text, f, f.fixes[0]).includes('terminate on Sixty (60) days'));
    assert.ok(checkReplace(text, f, f.fixes[1]).includes('terminate on Thirty (30) days'));
    quiet(checkReplace(text, f, f.fixes[0]), RULE);
  });
});
