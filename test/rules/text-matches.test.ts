import assert from 'node:assert/strict';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { matchesUpTo } from '../../server/src/rules/helpers';
import { PROJECT_WORDS } from '../../server/src/rules/project-work';
import { textMatchesUpTo, textScans } from '../../server/src/rules/text-matches';

// Issue 13: whether the contract names project work at least twice is answered while editing from the
// previous text's matches and a scan of the edited stretch, not by reading the whole text again. The
// answer must be matchesUpTo's on the new text after any edit.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall host the service and keep it available.\n\n${i}.2 The Customer shall pay the charges.\n`;
const base = `# Hosting Agreement\n\nThis Agreement is made between Alpha Limited (the "Customer") and Beta Limited (the "Supplier").\n\n${Array.from({ length: 12 }, (_, i) => clause(i + 1)).join('\n')}`;

// A small deterministic generator, so that a failure repeats.
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const WORDS = ['deliverables', 'a milestone', 'Statement of Work', 'SOW', 'work product', 'services', 'x', ' ', '\n\n', 'project plans'];

describe('project words counted while editing', () => {
  it('reads only the edited stretch when a contract names no project work', () => {
    const inc = new IncrementalReview();
    inc.review({ text: base, version: 1, force: true });
    const text = base.replace('6.2 The Customer shall pay', '6.2 The Customer shall promptly pay');
    const model = inc.review({ text, version: 2, force: true }).model;
    assert.equal(inc.fullParseReason, null);
    assert.equal(textMatchesUpTo(model, PROJECT_WORDS, 2, 32), 0);
    assert.equal(textScans(model), 0, 'the whole text was not read');
  });

  it('equals matchesUpTo after random edits that write and remove project words', () => {
    const next = random(7);
    const inc = new IncrementalReview();
    let text = base;
    inc.review({ text, version: 1, force: true });
    let scanned = 0;
    for (let v = 2; v < 100; v++) {
      const written = [...text.matchAll(new RegExp(PROJECT_WORDS.source, 'gi'))];
      if (written.length && next() < 0.4) {
        // Remove a project word, or a letter of one.
        const m = written[Math.floor(next() * written.length)];
        const whole = next() < 0.5;
        text = text.slice(0, m.index!) + (whole ? '' : m[0].slice(1)) + text.slice(m.index! + m[0].length);
      } else {
        const at = Math.floor(next() * text.length);
        const cut = next() < 0.3 ? Math.floor(next() * 30) : 0;
        const word = WORDS[Math.floor(next() * WORDS.length)];
        text = text.slice(0, at) + (next() < 0.8 ? word : '') + text.slice(at + cut);
      }
      const model = inc.review({ text, version: v, force: true }).model;
      assert.equal(textMatchesUpTo(model, PROJECT_WORDS, 2, 32), matchesUpTo(text, PROJECT_WORDS, 2), `edit ${v}`);
      scanned += textScans(model);
    }
    assert.ok(scanned < 70, `the whole text was read on ${scanned} of 98 edits`);
  });
});
