import assert from 'node:assert/strict';
import { buildContractModel, detectContract, type ContractDetection } from '../../server/src/model';

const detect = (text: string) => detectContract(buildContractModel(text));

const README = `# Clausewise

Clausewise reviews contract drafts written in Markdown. It runs in VS Code and on the command line.

## Install

You must have Node.js 20 or later. Run \`npm install\` and the build will create the bundles in dist.

## Usage

The command will print its findings. You will see one line per finding. Settings must be valid JSON, and the server will restart when they change. Tests must pass before you open a pull request, and each change will be reviewed by a maintainer.

## Licence

MIT. See the LICENSE file.
`;

const HANDBOOK = `# Staff Handbook

Welcome to the team. This handbook explains how we work.

## Working hours

Staff will normally work 37.5 hours a week. You must record your hours each Friday, and your manager will approve them.

## Leave

You must book annual leave at least two weeks ahead. Your manager will confirm it within five days. Sick leave must be reported before 10am on the first day.

## Conduct

Staff must treat colleagues with respect. Breaches of this policy may lead to disciplinary action, and serious breaches may lead to termination of employment.

## Equipment

You will receive a laptop on your first day. You must return it when you leave.
`;

const PLAIN_AGREEMENT = `SOFTWARE SUPPORT AGREEMENT

This Agreement is made on 2 March 2026 between Fenwick Tools Limited, whose registered office is at 4 Mill Lane, Leeds ("Fenwick"), and Orchard Dental Group plc ("Orchard").

1. SERVICES

1.1 Fenwick shall provide support for the practice management software described in Schedule 1.

1.2 Fenwick shall answer support calls between 8am and 6pm on Business Days.

2. CHARGES

2.1 Orchard shall pay Fenwick GBP 900 per month, within 30 days of each invoice.

3. TERM

3.1 This Agreement continues for 12 months and either party may terminate it on 60 days' notice.
`;

describe('model: contract detection', () => {
  it('does not take a project README for a contract', () => {
    assert.equal(detect(README).isContract, false);
  });

  it('does not take a staff handbook for a contract, despite "must" and "will"', () => {
    const d = detect(HANDBOOK);
    assert.equal(d.isContract, false, d.reason);
  });

  it('takes a plain-text agreement without Markdown for a contract', () => {
    const d = detect(PLAIN_AGREEMENT);
    assert.equal(d.isContract, true, d.reason);
    assert.match(d.reason, /title|parties|contract/);
  });

  it('lets front matter review: true make a README a contract', () => {
    const d = detect(`---\nclausewise:\n  review: true\n---\n${README}`);
    assert.deepEqual(d, { isContract: true, reason: 'front matter sets clausewise.review: true' });
  });

  it('lets front matter review: false switch a real agreement off', () => {
    const d = detect(`---\nclausewise: { review: false }\n---\n${PLAIN_AGREEMENT}`);
    assert.deepEqual(d, { isContract: false, reason: 'front matter sets clausewise.review: false' });
  });

  it('accepts the shorthand clausewise: false / true', () => {
    assert.equal(detect(`---\nclausewise: false\n---\n${PLAIN_AGREEMENT}`).isContract, false);
    assert.equal(detect(`---\nclausewise: true\n---\n${README}`).isContract, true);
  });

  it('says an empty file is not a contract, without throwing', () => {
    const d = detect('');
    assert.equal(d.isContract, false);
    assert.match(d.reason, /too short/);
  });

  it('says a file with only front matter is not a contract', () => {
    assert.equal(detect('---\ntitle: Services Agreement\n---\n').isContract, false);
  });

  it('falls back to text detection when the front matter is invalid', () => {
    const m = buildContractModel(`---\nclausewise: [review\n---\n${PLAIN_AGREEMENT}`);
    assert.ok(m.frontMatterError);
    assert.equal(detectContract(m).isContract, true);
  });

  it('reads no vocabulary over the whole text for a titled contract that names its parties (issue 13: once per keystroke)', () => {
    const model = buildContractModel(`# Master Services Agreement\n\n${PLAIN_AGREEMENT.split('\n').slice(1).join('\n')}`);
    assert.ok(model.parties.length > 0);
    // Every regular-expression search over the whole text (String.prototype.match and RegExp.prototype.exec both end in exec).
    const exec = RegExp.prototype.exec;
    let wholeTextSearches = 0;
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      if (s === model.text) wholeTextSearches++;
      return exec.call(this, s);
    };
    let d;
    try {
      d = detectContract(model);
    } finally {
      RegExp.prototype.exec = exec;
    }
    assert.equal(d.isContract, true);
    assert.match(d.reason, /title reads as a contract/);
    assert.equal(wholeTextSearches, 0);
  });

  it('decides as counting everything first did, for texts each test decides', () => {
    // The detection before the counts were made lazy (issue 13), for comparison.
    const eager = (text: string): ContractDetection => {
      const model = buildContractModel(text);
      const review = model.frontMatterSettings.review;
      if (review !== undefined) return detectContract(model);
      const words = model.text.length / 6;
      if (words < 40) return { isContract: false, reason: 'too short to be a contract' };
      const obligations = (model.text.match(/\b(shall|must|will|agrees? to|undertakes? to|is responsible for|warrants?)\b/gi) ?? []).length;
      const contractWords = (model.text.match(/\b(hereby|herein|hereunder|hereto|thereof|party|parties|termination|terminate|indemnif\w*|liability|liable|governing law|in witness whereof|effective date|confidential information|service levels?|service credits?|this (?:agreement|contract|schedule)|warrant(?:y|ies|s))\b/gi) ?? []).length;
      const titled = /\b(agreement|contract|statement of work|sow|service level|sla|terms and conditions|terms of service|standard terms|schedule|addendum|order form|work order|memorandum of understanding|data processing|dpa|performance work statement|licen[cs]e)\b/i.test(model.title);
      const roles = new Set(model.parties.map((p) => p.role));
      const hasParties = roles.has('supplier') || roles.has('customer') || /\bbetween\s[^\n]{0,300}?\sand\s/i.test(model.text.slice(0, 5000));
      const selfReferences = (model.text.match(/\bthis (?:agreement|contract|statement of work|schedule)\b/gi) ?? []).length;
      const density = (contractWords / words) * 1000;
      if (titled && (hasParties || contractWords >= 5 || obligations >= 5)) return { isContract: true, reason: `the title reads as a contract ("${model.title.slice(0, 60)}")` };
      if (hasParties && contractWords >= 8 && obligations >= 8) return { isContract: true, reason: 'it names parties and uses contract language' };
      if (roles.has('supplier') && roles.has('customer') && obligations >= 10) return { isContract: true, reason: 'it sets obligations between a supplier and a customer' };
      if (selfReferences >= 3 && obligations >= 5) return { isContract: true, reason: 'it refers to itself as an agreement or contract and sets obligations' };
      if (density >= 6 && obligations >= 15 && contractWords >= 15) return { isContract: true, reason: 'it reads as a contract (obligation and contract vocabulary)' };
      return { isContract: false, reason: 'it does not read as a contract (no contract title, parties or contract vocabulary)' };
    };
    const untitled = PLAIN_AGREEMENT.replace('SOFTWARE SUPPORT AGREEMENT', 'FENWICK AND ORCHARD');
    const clauses = (n: number, sentence: string) => Array.from({ length: n }, (_, i) => `${i + 1}. ${sentence}`).join('\n\n');
    const texts = [
      README, HANDBOOK, PLAIN_AGREEMENT, untitled,
      `${untitled}\n\n${clauses(8, 'Each party shall keep Confidential Information secret hereunder.')}`,
      `# Notes\n\n${clauses(12, 'The Supplier shall report to the Customer monthly.')}`,
      `# Notes\n\n${clauses(6, 'This agreement says the team must report each week on progress and plans.')}`,
      `# Notes\n\n${clauses(20, 'The parties shall settle liability and termination hereunder.')}`,
      `# Notes\n\n${clauses(20, 'We will meet on Monday and talk about the weather and the roads in the north.')}`,
    ];
    for (const t of texts) assert.deepEqual(detect(t), eager(t));
    // Each of the tests after the title's decides at least one of them.
    const reasons = new Set(texts.map((t) => detect(t).reason));
    for (const r of [/names parties/, /between a supplier and a customer/, /refers to itself/, /vocabulary\)/, /does not read/]) {
      assert.ok([...reasons].some((x) => r.test(x)), `${r} decides none: ${[...reasons].join(' | ')}`);
    }
  });
});
