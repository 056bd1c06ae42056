import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { setTextCaches } from '../../server/src/model/text-caches';
import { termIndex, termIndexStats, usesBefore } from '../../server/src/drafting/terms';
import { usesBeforeDefinition } from '../../server/src/drafting/definitions';

// usesBefore (the early uses of a term that used-before-definition looks at) walks only the blocks
// before its end (issue 13, CLI per-file work).

const later = Array.from({ length: 40 }, (_, i) => `${i + 3}. Clause ${i + 3} applies to the parties.`).join('\n\n');
const text = `# Supply Agreement\n\nThe Widget must be tested.\n\n1. Scope covers the Widget.\n\n2. Acme supplies a device (the "Widget") to the Buyer.\n\n${later}\n`;

function fresh() {
  // As a CLI run: no text caches, so the index is built for this model alone.
  const caches = setTextCaches(false);
  try {
    return review({ text, version: 1, force: true }).model;
  } finally {
    setTextCaches(caches);
  }
}

describe('usesBefore', () => {
  it('stops at the first block that starts at or after its end', () => {
    const model = fresh();
    const idx = termIndex(model);
    const def = idx.byKey.get('Widget')![0];
    // The review's own rules have asked already: count this call's blocks only.
    const before = termIndexStats(idx).blocksWalked;
    const uses = [...usesBefore(idx, 'Widget', def.span.start)];
    assert.deepEqual(uses.map((u) => text.slice(u.span.start, u.span.end)), ['Widget', 'Widget']);
    // The blocks from the first use to the definition's; not the forty after it.
    const walked = termIndexStats(idx).blocksWalked - before;
    assert.ok(walked <= def.block + 1, `walked ${walked} blocks of ${model.blocks.length}`);
  });

  it('leaves used-before-definition as it was: the early use far from its definition is found', () => {
    const far = Array.from({ length: 6 }, (_, i) => `${i + 2}. The parties agree on clause ${i + 2} and its terms, in full and without reservation of any kind whatsoever, for the whole period.`).join('\n\n');
    const t = `# Supply Agreement\n\n1. The parties shall keep the Widget safe at all times during the term of this agreement.\n\n${far}\n\n9. Acme supplies a device (the "Widget") to the Buyer.\n`;
    const model = review({ text: t, version: 1, force: true }).model;
    const early = usesBeforeDefinition(model);
    assert.deepEqual(early.map((e) => [e.definition.key, t.slice(e.use.span.start, e.use.span.end), e.use.block]), [['Widget', 'Widget', 1]]);
  });
});
