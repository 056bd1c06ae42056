import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { findSignatureBlock, signatureOpenersRead, signatureSearchLooked } from '../../server/src/drafting/signatures';
import { namedParties, partyNameShapes, partyNameVariants } from '../../server/src/drafting/parties';

// Issue 13: while editing, whether each block opens a signature block is taken over from the previous
// model for the blocks an edit kept or moved (drafting/perBlock.ts), so finding the signature block no
// longer reads every block's text; the parties' names are read once per model and their search shapes
// are kept while the names are the same. Results must equal a fresh review's.

const body = Array.from({ length: 12 }, (_, i) => `## ${i + 2}. Clause ${i + 2}\n\n${i + 2}.1 The Supplier shall report to the Customer each month on item ${i}.\n`);
const text = `# Hosting Agreement

This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Services

1.1 Quillfeather Systems Ltd shall host the Customer's web shop.

${body.join('\n')}
## Signatures

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________

Name: ____________

Signed for and on behalf of Harbourline Housing Association Limited

Signature: ____________
`;

function edited(from: string, to: string, release = false) {
  const inc = new IncrementalReview();
  inc.review({ text, version: 1, force: true });
  const first = inc.review({ text, version: 1, force: true }).model;
  if (release) inc.releaseModelCaches();
  const next = text.replace(from, to);
  assert.notEqual(next, text);
  const got = inc.review({ text: next, version: 2, force: true, settings: { severity: { 'signature-block': 'warning' } } });
  assert.equal(inc.fullParseReason, null, 'the edit was spliced');
  const fresh = review({ text: next, version: 2, force: true, settings: { severity: { 'signature-block': 'warning' } } });
  return { first, model: got.model, got, fresh };
}

const aliases = (m: { parties: Array<{ alias: string }> }) => m.parties.map((p) => p.alias);
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x, (_k, v) => (v instanceof Set ? [...v] : v)));

describe('signature block and party names while editing', () => {
  it('tests only the re-parsed blocks for an opener after a keystroke in the body', () => {
    const { model, got, fresh } = edited('item 4.', 'item 4x.');
    const block = findSignatureBlock(model, aliases(model));
    assert.ok(block && block.parties.length === 2);
    const read = signatureOpenersRead(model);
    assert.ok(read !== undefined && read >= 1 && read <= 6 && model.blocks.length > 30, `read ${read} of ${model.blocks.length} blocks`);
    assert.deepEqual(plain(block), plain(findSignatureBlock(fresh.model, aliases(fresh.model))));
    assert.deepEqual(got.diagnostics, fresh.diagnostics);
  });

  it('finds an opener typed in a re-parsed block, and loses one edited away', () => {
    const added = edited('1.1 Quillfeather Systems Ltd shall host', 'IN WITNESS WHEREOF the parties sign.\n\nBy: ____\n\nName: ____\n\n1.1 Quillfeather Systems Ltd shall host');
    assert.equal(findSignatureBlock(added.model, aliases(added.model))!.first, findSignatureBlock(added.fresh.model, aliases(added.fresh.model))!.first);
    assert.deepEqual(added.got.diagnostics, added.fresh.diagnostics);
    const removed = edited('Signed for and on behalf of Quillfeather', 'Sent for and on behalf of Quillfeather');
    assert.deepEqual(plain(findSignatureBlock(removed.model, aliases(removed.model))), plain(findSignatureBlock(removed.fresh.model, aliases(removed.fresh.model))));
    assert.deepEqual(removed.got.diagnostics, removed.fresh.diagnostics);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { model, got, fresh } = edited('item 9.', 'item 9y.', true);
    assert.ok(signatureOpenersRead(model)! <= 6);
    assert.deepEqual(got.diagnostics, fresh.diagnostics);
  });

  it('reads the parties once per model and keeps the names\' search shapes between models', () => {
    const { first, model, fresh } = edited('item 2.', 'item 2z.');
    assert.equal(namedParties(model), namedParties(model), 'one answer per model');
    const before = partyNameShapes(first);
    const after = partyNameShapes(model);
    assert.ok(after.length >= 1);
    after.forEach((s, i) => assert.equal(s.name, before[i].name, 'the same shape object'));
    assert.deepEqual(plain(partyNameVariants(model)), plain(partyNameVariants(fresh.model)));
    assert.ok(partyNameVariants(model).length >= 1);
  });
});

describe('the signature block found from its candidates while editing (issue 13, figures)', () => {
  // A long contract: 150 clauses before the signatures, so that a search from the first block looks at
  // more than 450 blocks.
  const long = text.replace('## Signatures', `${Array.from({ length: 150 }, (_, i) => `## ${i + 20}. Clause ${i + 20}\n\n${i + 20}.1 The Supplier shall report on item ${i}.\n\n${i + 20}.2 The Supplier shall keep records.\n`).join('\n')}\n## Signatures`);
  const editLong = (from: string, to: string, release = false) => {
    const inc = new IncrementalReview();
    inc.review({ text: long, version: 1, force: true });
    if (release) inc.releaseModelCaches();
    const next = long.replace(from, to);
    assert.notEqual(next, long);
    const got = inc.review({ text: next, version: 2, force: true, settings: { severity: { 'signature-block': 'warning' } } });
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    const fresh = review({ text: next, version: 2, force: true, settings: { severity: { 'signature-block': 'warning' } } });
    assert.deepEqual(plain(findSignatureBlock(got.model, aliases(got.model))), plain(findSignatureBlock(fresh.model, aliases(fresh.model))));
    assert.deepEqual(got.diagnostics, fresh.diagnostics);
    return got.model;
  };

  it('looks at the candidates and the re-parsed blocks only, not every block before the signatures', () => {
    for (const release of [false, true]) {
      const model = editLong('80.2 The Supplier shall keep records.', '80.2 The Supplier shall keep all records.', release);
      assert.ok(model.blocks.length > 450);
      const looked = signatureSearchLooked(model)!;
      assert.ok(looked <= 20, `looked at ${looked} blocks, sections and candidates`);
    }
  });

  it('an opener typed before the signatures, and a heading number changed', () => {
    const model = editLong('120.2 The Supplier shall keep records.', '120.2 The Supplier shall keep records.\n\nIN WITNESS WHEREOF the parties have signed.\n\nBy: ________');
    assert.equal(findSignatureBlock(model, aliases(model))!.first, model.blocks.findIndex((b) => b.text.startsWith('IN WITNESS')));
    editLong('## 99. Clause 99', '## 959. Clause 99');
  });

  it('the signature heading retitled to one that is no opener: re-parsed, the tree taken over', () => {
    const model = editLong('## Signatures', '## Signed Copies');
    assert.equal(findSignatureBlock(model, aliases(model))!.first, model.blocks.findIndex((b) => b.text === 'Signed Copies'));
  });
});
