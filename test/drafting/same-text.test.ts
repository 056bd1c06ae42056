import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { charactersCompared } from '../../server/src/drafting/same-text';

// Issue 13: a blank ("____") is read with the 400 characters before its block, so a kept block
// holding one takes its placeholders over only when those characters are unchanged. They are
// compared one by one only where they reach the edit: the text before the last block ahead of the
// splice and from the first moved block on is the previous text (drafting/same-text.ts).

const clauses = Array.from({ length: 40 }, (_, i) =>
  `## ${i + 2}. Records ${i + 1}\n\n${i + 2}.1 The Supplier shall keep the register of clause ${i + 2} signed by the officer named here ______ and shall show it to the Customer on request.`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## 1. Term\n\n1.1 This agreement starts on the Effective Date.\n\n${clauses.join('\n\n')}\n`;

describe('text kept by a splice', () => {
  it('lets kept blocks with blanks take their placeholders over without comparing what lies before them', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    let t = text;
    let version = 2;
    for (const [from, to] of [
      ['1.1 This agreement starts', '1.1 This agreement  starts'],
      ['21.1 The Supplier shall keep', '21.1 The Supplier shall always keep'],
      // Right before a blank's block: its look-back reaches the edit and is compared.
      ['## 30. Records 29', '## 30. Records 29a'],
    ] as Array<[string, string]>) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const before = charactersCompared();
      const v = version++;
      const got = inc.review({ text: t, version: v, force: true });
      const compared = charactersCompared() - before;
      assert.equal(inc.fullParseReason, null, `spliced: ${to}`);
      // 40 blocks with a blank, each reading 400 characters before it: 16,000 compared without the splice's word.
      assert.ok(compared <= 1600, `compared ${compared} characters after "${to}"`);
      const fresh = review({ text: t, version: v, force: true });
      const { model: _a, ...gotRest } = got;
      const { model: _b, ...wantRest } = fresh;
      assert.deepEqual(gotRest, wantRest, `review after "${to}"`);
    }
  });
});
