import assert from 'node:assert/strict';
import { buildContractModel, detectContract } from '../../server/src/model';

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
});
