import assert from 'node:assert/strict';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { matchesUpTo } from '../../server/src/rules/helpers';
import { PROJECT_WORDS } from '../../server/src/rules/project-work';
import { textIncludes, textMatchesUpTo, textScans, wholeTextSearches } from '../../server/src/rules/text-matches';

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

// The same for "does the text include this literal?" (suppression comments, the placeholder rule's
// accepted findings): while the text holds none, an edit searches only the stretch it re-read.
describe('a literal looked for while editing', () => {
  const PARTS = ['clausewise-', 'clause', 'wise-', '<!-- clausewise-disable-next-line vague-wording -->\n', 'x', ' ', '\n\n', '-'];

  it('searches only the edited stretch when the text held no mark', () => {
    const inc = new IncrementalReview();
    inc.review({ text: base, version: 1, force: true });
    const text = base.replace('6.2 The Customer shall pay', '6.2 The Customer shall promptly pay');
    const model = inc.review({ text, version: 2, force: true }).model;
    assert.equal(inc.fullParseReason, null);
    assert.equal(textIncludes(model, 'clausewise-'), false);
    assert.equal(wholeTextSearches(model), 0, 'the whole text was not searched');
  });

  it('equals String.includes after random edits that write and split the mark', () => {
    const next = random(11);
    const inc = new IncrementalReview();
    let text = base;
    inc.review({ text, version: 1, force: true });
    let searched = 0;
    let found = 0;
    for (let v = 2; v < 100; v++) {
      const marks = [...text.matchAll(/clausewise-/g)];
      if (marks.length && next() < 0.5) {
        // Remove a mark, or a letter of one, or split it.
        const m = marks[Math.floor(next() * marks.length)];
        const cut = Math.floor(next() * 11);
        text = text.slice(0, m.index! + cut) + (next() < 0.5 ? ' ' : '') + text.slice(m.index! + cut + 1);
      } else {
        const at = Math.floor(next() * text.length);
        const part = PARTS[Math.floor(next() * PARTS.length)];
        text = text.slice(0, at) + part + text.slice(at);
      }
      const model = inc.review({ text, version: v, force: true }).model;
      const want = text.includes('clausewise-');
      assert.equal(textIncludes(model, 'clausewise-'), want, `edit ${v}`);
      if (want) found++;
      searched += wholeTextSearches(model);
    }
    assert.ok(found > 10 && found < 90, `the mark was in ${found} of 98 texts`);
    assert.ok(searched < 90, `the whole text was searched on ${searched} of 98 edits`);
  });
});
