import { contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'vague-wording';
// vague-wording reports at information level by default (measured precision, docs/rules/vague-wording.md).
const clause = (s: string) => contract(sections(STRONG.deliverables, `## {n}. General\n\n{n}.1 ${s}`));

describe(`rule ${RULE}: carve-outs and bounded words`, () => {
  it('stays quiet on "as required by law" and "as required under" a named statute', () => {
    expectQuiet(clause('The Supplier shall disclose Customer Data only as required by law.'), RULE);
    expectQuiet(clause('The Supplier shall keep records as required under HIPAA.'), RULE);
    expectQuiet(clause('The Supplier shall report as required by any applicable regulation.'), RULE);
  });

  it('still fires on a bare "as required"', () => {
    expectFires(clause('The Supplier shall provide extra staff as required.'), RULE, 'information');
  });

  it('stays quiet on a timing word the sentence already bounds', () => {
    expectQuiet(clause('The Supplier shall respond in a timely manner, and in any event within ten business days.'), RULE);
    expectQuiet(clause('The Supplier shall promptly, and no later than 48 hours after discovery, notify the Customer of the defect.'), RULE);
    expectQuiet(clause('The Supplier shall review the plan regularly and at least once every quarter.'), RULE);
  });

  it('still fires on an unbounded timing word', () => {
    expectFires(clause('The Supplier shall respond to questions in a timely manner.'), RULE, 'information');
    expectFires(clause('The Supplier shall review the plan periodically.'), RULE, 'information');
  });
});
