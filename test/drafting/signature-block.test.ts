import assert from 'node:assert/strict';
import { getRule } from '../../server/src/engine';
import { apply, assertDraftingMeta, findings, flagged, quiet } from './support';

const RULE = 'signature-block';
const OPENING = `# Managed Hosting Agreement

This Agreement is made on 3 February 2026 between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Services

1.1 The Supplier shall host the Customer's web shop. Any change to this Agreement must be signed by both parties.
`;

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data, and is off unless the settings name it', () => {
    assertDraftingMeta(RULE, 'warning');
    assert.equal(getRule(RULE)!.meta.enabledByDefault, false);
    const text = `${OPENING}\n## Signatures\n\nSigned for and on behalf of Quillfeather Systems Limited\n\nSignature: ____________\n`;
    assert.equal(findings(text, RULE).length, 1);
    assert.deepEqual(findings(text, RULE, {}), [], 'off by default');
    assert.deepEqual(findings(text, RULE, { severity: { drafting: 'warning' } }), [], 'a category setting does not switch it on');
  });

  it('fires on a party with no place to sign, and on a party block without a name or title line', () => {
    const text = `${OPENING}
## Signatures

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________

Name: ____________
`;
    const found = findings(text, RULE);
    assert.deepEqual(found.map((f) => f.diag.message), [
      'The signature block has no place for Harbourline Housing Association Limited to sign.',
      "The signature block for Quillfeather Systems Limited has no line for the signatory's title.",
    ]);
    assert.equal(found[0].diag.severity, 'warning');
    assert.deepEqual(flagged(text, RULE), ['## Signatures', 'Quillfeather Systems Limited']);
  });

  it('reads side-by-side blocks by column: a date line one party has and the other lacks', () => {
    const text = `${OPENING}
IN WITNESS WHEREOF the parties have signed this Agreement.

| For and on behalf of HARBOURLINE HOUSING ASSOCIATION LIMITED | For and on behalf of QUILLFEATHER SYSTEMS LIMITED |
| --- | --- |
| Signature: ________ | Signature: ________ |
| Name: ________ | Name: ________ |
| Title: ________ | Title: ________ |
| Date: ________ | |
`;
    assert.deepEqual(findings(text, RULE).map((f) => f.diag.message), ['The signature block for QUILLFEATHER SYSTEMS LIMITED has no line for the date.']);
    assert.equal(findings(text, RULE)[0].fixes.length, 0, 'no insertion into a table');
  });

  it('stays quiet on complete blocks, on a contract dated in its opening, on typed names under /s/, and on "signed by both parties" in a clause', () => {
    const complete = `${OPENING}
## Signatures

Signed for and on behalf of Harbourline Housing Association Limited

Signature: ____________

Name: ____________

Title: ____________

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________

Name: ____________

Title: ____________
`;
    quiet(complete, RULE);
    const typed = `${OPENING}
IN WITNESS WHEREOF the parties have signed this Agreement.

HARBOURLINE HOUSING ASSOCIATION LIMITED

By: /s/ Morag Pettigrew

Morag Pettigrew, Director of Finance

QUILLFEATHER SYSTEMS LIMITED

By: /s/ Tobias Grenfell

Tobias Grenfell, Chief Executive
`;
    quiet(typed, RULE);
    quiet(OPENING, RULE);
  });

  it('offers to add the missing lines under a stacked party block, keeping every line', () => {
    const text = `${OPENING}
## Signatures

Signed for and on behalf of Harbourline Housing Association Limited

Signature: ____________

Name: ____________

Title: ____________

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________
`;
    const [f] = findings(text, RULE);
    assert.equal(f.fixes[0].title, 'Add "Name:", "Title:" lines for Quillfeather Systems Limited');
    const fixed = apply(f, f.fixes[0]);
    assert.equal(fixed, `${text.trimEnd()}\n\nName: ____________\n\nTitle: ____________\n`);
    quiet(fixed, RULE);
  });
});
