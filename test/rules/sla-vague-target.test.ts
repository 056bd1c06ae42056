import assert from 'node:assert/strict';
import { assertMeta, checkReplaceFix, contract, expectFires, expectQuiet, findingsOf, numbered, run, sections, STRONG, textAt } from './support';

const RULE = 'sla-vague-target';

const VAGUE = contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The Supplier shall provide high availability for the Hosted Platform.

{n}.2 The Supplier shall respond promptly to every fault the Customer reports.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'sla', defaultSeverity: 'warning' }));

  it('fires on each vague service-level phrase, with a range on exactly those words', () => {
    const found = expectFires(VAGUE, RULE, 'warning');
    assert.deepEqual(found.map((f) => textAt(VAGUE, f.diag.range)), ['high availability', 'respond promptly']);
    assert.match(found[0].diag.message, /"high availability" is not measurable/);
  });

  it('offers a replacement only for availability wording', () => {
    const [avail, respond] = expectFires(VAGUE, RULE);
    assert.deepEqual(avail.fixes.map((f) => f.kind), ['replace']);
    assert.deepEqual(respond.fixes, []);
  });

  it('reports the phrase even inside **bold** markup, on the source characters', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Support

{n}.1 The Supplier shall give the Customer a **fast response** to every call.`));
    const [f] = expectFires(text, RULE);
    assert.equal(textAt(text, f.diag.range), 'fast response');
  });

  it('stays quiet on the same words inside a definition', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Definitions

"Resilient Hosting" means hosting designed for high availability across two data centres.`)), RULE);
  });

  it('stays quiet on the same words in a heading', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. High Availability

{n}.1 The Supplier shall make the Hosted Platform available at least 99.95% of the time.`)), RULE);
  });

  it('stays quiet on the customer\'s own duty to respond promptly (not a service level)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, numbered('Privacy', 'The Customer will respond promptly to complaints and removal requests from its users.'))), RULE);
  });

  it('still fires when the Supplier must respond promptly to the Customer\'s requests', () => {
    expectFires(contract(sections(STRONG.deliverables, numbered('Support', 'The Supplier shall respond promptly to the Customer\'s support requests.'))), RULE);
  });

  it('stays quiet on measurable service levels', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.sla)), RULE);
  });

  it('quick fix replaces "high availability" with a measurable target and keeps the rest of the text', () => {
    const fixed = checkReplaceFix(VAGUE, RULE, 'high availability', 'availability of at least [99.9]% in each calendar month');
    const again = findingsOf(run(fixed), RULE).map((d) => textAt(fixed, d.range));
    assert.deepEqual(again, ['respond promptly'], 'only the other phrase is left');
  });

  // Regression (was a bug, now fixed): sla-vague-target fires on "high availability" even when the same sentence states the number
  // (rule description: 'Service-level wording without a number'). Its quick fix then produces
  // "availability of at least [99.9]% in each calendar month of at least 99.9% in each month".
  it('stays quiet when the sentence itself gives the figure', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The Supplier shall provide high availability of at least 99.9% in each month.`)), RULE);
  });

  // Regression (was a bug, now fixed): sla-vague-target reports words inside "double quotes", which vague-wording treats as cited,
  // not promised (quotedRanges in vague-wording.ts); here the contract excludes those words.
  it('stays quiet on quoted words the contract cites rather than promises', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.sla, `## {n}. Entire Agreement

{n}.1 Statements in the Supplier's proposal such as "high availability" or "fast response" do not form part of this Agreement.`)), RULE);
  });

  // Regression (was a bug, now fixed): a definition that starts with its clause number ('4.1 "Resilient Hosting" means ...') is not
  // recognised as a definition (isDefinition regex in categories/scan.ts allows only an "(a)" prefix),
  // so its wording is reported as a service-level commitment.
  it('stays quiet on a numbered definition', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Definitions

{n}.1 "Resilient Hosting" means hosting designed for high availability across two data centres.`)), RULE);
  });
});
