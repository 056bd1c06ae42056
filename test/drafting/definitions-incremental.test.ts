import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { duplicateDefinitions } from '../../server/src/drafting/definitions';
import { partyNameVariants } from '../../server/src/drafting/parties';

// Issue 13: while editing, the facts about a block's definitions (their meanings, whether one widens
// an earlier definition) and what a block says of the parties' names are taken over from the
// previous model for the blocks an edit kept or moved. A definition's meaning also reads a few
// characters around its block, so an edit next to a block must still make it read again. Every
// step must equal a fresh review.

const filler = (n: number) => Array.from({ length: n }, (_, i) => `${n}.${i + 1} The Supplier shall keep records of the Services for audit purposes.`).join('\n\n');
const text = [
  '# Master Services Agreement',
  'Between Contoso Bank plc (the "Customer") and Fabrikam Systems Limited (the "Supplier").',
  '## 1. Definitions',
  '"Services" means the managed hosting services in Schedule 1.',
  '"Charges" means the fees in Schedule 2.',
  '## 2. Services',
  filler(2),
  'Fabrikam Systems Ltd shall provide the Services.',
  '## 3. Schedule terms',
  '"Services" means the support services described in this clause.',
  filler(3),
  '"Charges" includes expenses approved in advance.',
  'Payment terms apply.',
  '## 4. Other',
  filler(4),
].join('\n\n');

const edits: Array<[string, string]> = [
  // The block before the second "Services" definition: that definition's block is moved, not re-read.
  ['## 3. Schedule terms', '## 3. Schedule term'],
  // The widening definition's own block: it no longer widens, it is a second meaning.
  ['"Charges" includes expenses', '"Charges" means expenses'],
  // Back again, then an edit in the block after it (the characters read after its end).
  ['"Charges" means expenses', '"Charges" includes expenses'],
  ['Payment terms apply.', 'Payment terms  apply.'],
  // The second definition now says what the first says.
  ['the support services described in this clause', 'the managed hosting services in Schedule 1'],
  // A variant of the supplier's name written in a block after an edit, then changed.
  ['2.1 The Supplier shall keep', '2.1 The Supplier will keep'],
  ['Fabrikam Systems Ltd shall provide', 'Fabrikam Systems Limited shall provide'],
  ['Fabrikam Systems Limited shall provide', 'Fabrikam Systems Ltd. shall provide'],
];

describe('definition facts and party names while editing', () => {
  it('equal a fresh review after every edit, next to a definition or in it', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    let t = text;
    let version = 2;
    let seenDuplicate = 0;
    let seenVariant = 0;
    for (const [from, to] of edits) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const got = inc.review({ text: t, version: version++, force: true });
      assert.equal(inc.fullParseReason, null, `spliced: ${to}`);
      const fresh = review({ text: t, version, force: true });
      const dupGot = duplicateDefinitions(got.model).map((d) => [d.first.span, d.second.span]);
      const dupWant = duplicateDefinitions(fresh.model).map((d) => [d.first.span, d.second.span]);
      assert.deepEqual(dupGot, dupWant, `duplicate definitions after "${to}"`);
      seenDuplicate += dupGot.length;
      const varGot = partyNameVariants(got.model).map((v) => [v.span, v.text, v.legalName]);
      assert.deepEqual(varGot, partyNameVariants(fresh.model).map((v) => [v.span, v.text, v.legalName]), `party names after "${to}"`);
      seenVariant += varGot.length;
      const { model: _a, ...gotRest } = got;
      const { model: _b, ...wantRest } = fresh;
      assert.deepEqual(gotRest, wantRest, `review after "${to}"`);
    }
    assert.ok(seenDuplicate > 0 && seenVariant > 0, 'the text exercises both checks');
  });
});
