import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { FactCache, inFactRound } from '../../server/src/model/facts';
import { recordSplice } from '../../server/src/model/trace';
import { blocksNamingParties, partyNameVariants } from '../../server/src/drafting/parties';

// Issue 13: while editing, party-name-variant keeps for the next model only the blocks where it
// found a variant of a party's name (with what it found there), and an edit takes those entries
// over (kept before the edit, moved after it) and reads the re-parsed blocks: an edit costs the few
// blocks with a variant, not one entry per block of the document. The variants equal a fresh read's.

const OPENING = `# Managed Hosting Agreement

This Agreement is made between Larkspur Retail Group plc, a company registered in England and Wales (the "Customer"), and Tailspin Systems Limited, a company registered in England and Wales (the "Supplier").`;

const clauses = (edit: string) => `${OPENING}\n\n${Array.from({ length: 80 }, (_, i) => `${i + 1}. ${i === 10 || i === 60 ? 'Tailspin Systems Ltd hosts the shop.' : i === 30 ? edit : 'The Supplier reports monthly.'}`).join('\n\n')}\n`;

describe('party name facts kept as the blocks that write a variant', () => {
  const before = buildContractModel(clauses('The Supplier reports monthly.'));
  const after = buildContractModel(clauses('The Supplier and Tailspin Ltd report each month.'));
  // One block was re-parsed (its text changed); the blocks after it moved.
  const edited = before.blocks.findIndex((b, i) => b.text !== after.blocks[i].text);
  recordSplice(after, { previous: before, prefix: edited, fresh: 1, oldAfter: edited + 1 });

  it('lists only the blocks with a variant, and an edit finds what a fresh read finds', () => {
    const got = inFactRound(new FactCache(), () => {
      partyNameVariants(before);
      assert.ok(after.blocks.length >= 80);
      // Clauses 11 and 61 write a variant (the opening's legal names are no variants).
      assert.equal(blocksNamingParties(before), 2, 'the two clauses, not every block');
      return partyNameVariants(after);
    });
    assert.equal(blocksNamingParties(after), 3, 'the re-parsed clause writes a variant too');
    const fresh = partyNameVariants(buildContractModel(after.text));
    assert.deepEqual(got, fresh);
    assert.deepEqual(got.map((v) => v.text), ['Tailspin Systems Ltd', 'Tailspin Ltd', 'Tailspin Systems Ltd']);
    // The moved clause's variant stands where the new text has it.
    assert.equal(got[2].span.start, after.text.lastIndexOf('Tailspin Systems Ltd'));
  });
});
