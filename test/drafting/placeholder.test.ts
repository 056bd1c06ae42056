import assert from 'node:assert/strict';
import { assertDraftingMeta, assertLinesKept, checkReplace, contract, findings, flagged, quiet } from './support';

const RULE = 'placeholder';

describe(`drafting rule ${RULE}`, () => {
  it('has its meta data', () => assertDraftingMeta(RULE, 'warning'));

  it('fires on bracketed placeholders, template variables, blanks and XX', () => {
    const text = contract(`## 1. Commercial Terms

1.1 This Agreement starts on [DATE] and the Supplier's liability is capped at [AMOUNT].

1.2 Interest accrues at [●] per cent, and the notice period is [N] days.

1.3 Send invoices to {{billing_address}} within ____ days, quoting reference XX-2025.

1.4 The Customer's head of IT, [insert name], approves changes.

1.5 The annual fee is £XX, payable on <insert date>.`);
    assert.deepEqual(flagged(text, RULE), ['[DATE]', '[AMOUNT]', '[●]', '[N]', '{{billing_address}}', '____', 'XX-2025', '[insert name]', 'XX', '<insert date>']);
    const [first] = findings(text, RULE);
    assert.equal(first.diag.severity, 'warning');
    assert.match(first.diag.message, /"\[DATE\]" is a placeholder in square brackets left in the draft/);
  });

  it('reports a bare TBD or "to be agreed" outside the obligations vague-wording checks, and never the same words twice', () => {
    const text = contract(`## 1. Definitions

"Go-Live Date" means the date on which the platform goes live, which is TBC.

## 2. Services

2.1 The Supplier shall provide the reports listed in Schedule 1, with the format to be agreed.

## 3. Charges

Hosting charges: TBD.`);
    const found = flagged(text, RULE);
    // TBC in a definition and TBD in a line of the charges are ours; "to be agreed" in the duty belongs to vague-wording.
    assert.deepEqual(found, ['TBC', 'TBD']);
    assert.ok(flagged(text, 'vague-wording').includes('to be agreed'));
  });

  it('owns every open point when the profiles do not review scope and deliverables (vague-wording does not run)', () => {
    const text = contract(`## 1. Processing

1.1 The Processor shall process the personal data with the format to be agreed.`);
    assert.deepEqual(flagged(text, RULE, { profiles: ['gdpr-processor'] }), ['to be agreed']);
  });

  it('stays quiet on near misses: signature blanks, [Reserved], links, Roman numerals, quoted TBD, redactions', () => {
    const text = contract(`## 1. General

1.1 Article XX of the old agreement is replaced; see [the portal](https://example.com) and footnote [1].

1.2 The words "to be agreed" in a price clause are an agreement to agree.

## 2. [Reserved]

## 3. Execution

Signed for and on behalf of Quillfeather Systems Limited

By: ____________________

Name: ____________________

Date: ____________________`);
    quiet(text, RULE);
  });

  it('treats [*] as a redaction in a filed contract that says portions were omitted', () => {
    const text = contract(`Confidential portions omitted and filed separately with the Commission are marked [*].

## 1. Fees

1.1 The monthly fee is $[*] per site.`);
    quiet(text, RULE);
  });

  it('offers to fill "[Supplier name]" with the party\'s legal name, replacing only the placeholder', () => {
    const text = contract(`## 1. Notices

1.1 Notices to the Supplier go to [Supplier name] at its registered office.`);
    const [f] = findings(text, RULE);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].title, 'Replace "[Supplier name]" with "Quillfeather Systems Limited"');
    const fixed = checkReplace(text, f, f.fixes[0]);
    assert.ok(fixed.includes('go to Quillfeather Systems Limited at its registered office'));
    assertLinesKept(text, fixed, '[Supplier name]');
    quiet(fixed, RULE);
  });

  it('has no fix where only the drafter knows the value', () => {
    const text = contract('## 1. Term\n\n1.1 This Agreement starts on [DATE].');
    assert.deepEqual(findings(text, RULE)[0].fixes, []);
  });

  it('fires on placeholders in other shapes: instructions, option tags, punctuation, angle-bracket fields, titles and headings', () => {
    const text = `# Services Agreement [month] [year]

This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Phase [PHASE NAME, # WEEKS]

1.1 The Supplier shall provide [describe the services] to the Customer.

1.2 [If hosted:] The Supplier shall host the platform in the United Kingdom.

1.3 [Optional Module] The Supplier shall provide a mobile application.

1.4 The price is set out in <PRICE TABLE>.
`;
    assert.deepEqual(flagged(text, RULE), ['[month]', '[year]', '[PHASE NAME, # WEEKS]', '[describe the services]', '[If hosted:]', '[Optional Module]', '<PRICE TABLE>']);
    const option = findings(text, RULE).find((f) => f.diag.message.startsWith('"[Optional Module]"'))!;
    assert.match(option.diag.message, /option tag .* Keep or delete the optional text, then remove the tag/);
  });

  it('stays quiet on blank signature lines, units in table headings and SGML page tags', () => {
    const text = contract(`## 1. Volumes

| Product | Quantity [Metric Tons / Year] |
| --- | --- |
| Resin | 400 |

<PAGE>

## Signatures

Signed for and on behalf of the Customer

Signature: ______________________

Name: ______________________

Title: ______________________

Date: ______________________`);
    quiet(text, RULE);
  });
});
