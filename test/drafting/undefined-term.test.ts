import assert from 'node:assert/strict';
import { getRule } from '../../server/src/engine';
import { apply, assertLinesKept, checkReplace, contract, findings, flagged, ON, quiet } from './support';

const RULE = 'undefined-term';

const DEFS = `## 1. Definitions

1.1 In this Agreement:

"Acceptance Certificate" means the certificate the Customer signs when a Deliverable passes its tests.

"Charges" means the fees set out in Schedule 3.

"Deliverables" means the items listed in Schedule 2.

"Services" means the services described in Schedule 1.`;

describe(`drafting rule ${RULE}`, () => {
  it('is a drafting rule that is off by default (opt-in)', () => {
    const rule = getRule(RULE)!;
    assert.equal(rule.meta.category, 'drafting');
    assert.equal(rule.meta.defaultSeverity, 'warning');
    assert.equal(rule.meta.enabledByDefault, false);
    const text = contract(`${DEFS}\n\n## 2. Acceptance\n\n2.1 The Customer shall sign an Acceptance Form for each of the Deliverables.`);
    assert.deepEqual(flagged(text, RULE, {}), [], 'off without a setting');
    assert.deepEqual(flagged(text, RULE, { severity: { drafting: 'warning' } }), [], 'a category setting does not switch it on');
    assert.deepEqual(flagged(text, RULE, ON), ['Acceptance Form']);
    assert.deepEqual(flagged(text, RULE, { severity: { 'undefined-term': 'off' } }), []);
  });

  it('fires on capitalised terms that are not defined, once per term at its first use', () => {
    const text = contract(`${DEFS}

## 2. Acceptance

2.1 The Supplier shall deliver each of the Deliverables with a Test Report, and the Customer shall then issue the Acceptance Certificate.

2.2 Where a Test Report shows a Critical Defect, the Customer may reject the Deliverable and the Supplier's Charges for it are suspended.

2.3 The Supplier shall fix each Critical Defect within five Business Days.`);
    assert.deepEqual(flagged(text, RULE), ['Test Report', 'Critical Defect', 'Business Days']);
    const [report] = findings(text, RULE);
    assert.match(report.diag.message, /"Test Report" is capitalised like a defined term but the contract does not define it \(used 2 times\)/);
  });

  it('stays quiet on sentence starts, headings, party names, proper nouns, months, days, laws, titles and acronyms', () => {
    const text = contract(`${DEFS}

## 2. Acceptance Testing

2.1 Testing starts on Monday 3 March 2025 at the Customer's offices in Manchester. Deliverables that fail are retested.

2.2 Harbourline Housing Association Limited and Quillfeather Systems Limited shall comply with the Data Protection Act 2018, the UK GDPR and ISO/IEC 27001.

2.3 The Customer's Chief Information Officer may attend, and the High Court of England and Wales has jurisdiction.

2.4 Key Performance Indicators (KPIs) are reported monthly through Microsoft Teams.

2.5 (a) Retesting is free; (b) Delays are reported; and (c) Charges are unaffected.

2.6 The Services are described in Schedule 1 (Service Description) and clause 2 of the Master Agreement.`);
    quiet(text, RULE);
  });

  it('does not check a document that takes its definitions from another document, or defines fewer than three terms', () => {
    const incorporated = contract(`${DEFS}\n\nCapitalised terms not defined in this Agreement have the meanings given in the Master Agreement.\n\n## 2. Acceptance\n\n2.1 The Customer shall issue a Test Report.`);
    quiet(incorporated, RULE);
    const few = contract('"Services" means hosting.\n\n## 1. Acceptance\n\n1.1 The Customer shall issue a Test Report for the Services.');
    quiet(few, RULE);
  });

  it('offers to use the defined term it resembles, to insert a definition, or to write it in lower case', () => {
    const text = contract(`${DEFS}

## 2. Acceptance

2.1 The Customer shall sign an Acceptance Certficate for each of the Deliverables.

2.2 The Supplier shall keep a Risk Register for the Services.`);
    const [typo, register] = findings(text, RULE);
    assert.equal(textAt(text, typo), 'Acceptance Certficate');
    assert.deepEqual(typo.fixes.map((f) => f.title), [
      'Replace "Acceptance Certficate" with the defined term "Acceptance Certificate"',
      'Insert a definition of "Acceptance Certficate" in the definitions',
      'Replace "Acceptance Certficate" with "acceptance certficate" (not a defined term)',
    ]);
    const fixed = checkReplace(text, typo, typo.fixes[0]);
    assert.ok(fixed.includes('sign an Acceptance Certificate for each'));
    quiet(fixed.replace('Risk Register', 'risk register'), RULE);

    // The definition goes into the definitions, in alphabetical order, in the neighbours' style, and only inserts.
    const insert = register.fixes.find((f) => f.kind === 'edits')!;
    const withDefinition = apply(register, insert);
    assertLinesKept(text, withDefinition);
    assert.ok(withDefinition.includes('"Deliverables" means the items listed in Schedule 2.\n\n"Risk Register" means [●].\n\n"Services" means'));
    assert.deepEqual(flagged(withDefinition, RULE), ['Acceptance Certficate']);

    const lower = register.fixes[register.fixes.length - 1];
    assert.ok(checkReplace(text, register, lower).includes('keep a risk register for'));
  });
});

function textAt(text: string, f: { diag: { range: { start: { line: number; character: number }; end: { line: number; character: number } } } }): string {
  const lines = text.split('\n');
  const r = f.diag.range;
  return r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : '';
}
