import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, sections, STRONG } from './support';

const RULE = 'key-personnel';

const warranties = (extra = '') => `## {n}. Warranties

{n}.1 The Supplier warrants that it shall perform the Services with reasonable skill and care.

{n}.2 The Supplier shall comply with all applicable laws in performing the Services.${extra}`;

const GAP = contract(sections(STRONG.deliverables, warranties()));
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'due-diligence', defaultSeverity: 'information', clauseId: 'key-personnel' }));

  it('fires on warranties that say nothing of the people, at the warranties clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Warranties');
  });

  it('fires at the title when there are no supplier warranties at all', () => {
    const [f] = expectFires(MISSING, RULE, 'information');
    assertAtTitle(MISSING, f.diag);
  });

  it('stays quiet when named key personnel may not be removed without consent', () => {
    expectQuiet(contract(sections(STRONG.deliverables, warranties('\n\n{n}.3 The Supplier shall not remove the key personnel named in Schedule 5 without the Customer\'s consent.'))), RULE);
  });

  it('stays quiet when the supplier must background-check its staff', () => {
    expectQuiet(contract(sections(STRONG.deliverables, warranties('\n\n{n}.3 The Supplier shall carry out background checks on every person who works on the Services.'))), RULE);
  });

  it('quick fix inserts the key personnel clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });
});
