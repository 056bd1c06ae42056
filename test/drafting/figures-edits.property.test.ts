import assert from 'node:assert/strict';
import fc from 'fast-check';
import { review } from '../../server/src/engine';
import type { ReviewInput } from '../../server/src/engine/types';
import { figuresOf, figureStats, inconsistentFigures } from '../../server/src/drafting/figures';
import { propertyRuns, propertySeed } from '../support/property-runs';
import { applyTextEdit, eachEditStep, isTextEdit, reported, where, type TextEdit } from '../support/edit-steps';

// Issue 13, figures: while editing, each block keeps its figures (relative to it), the keys' classes
// and references are patched with the figures an edit removed and added, and inconsistent-figure
// keeps every block's findings outside the edit when each reference reads as before. Random edits of
// a contract full of figures of a few values (figures changed, lines added, figures' first
// occurrences removed, numbers typed into, deleted from or changed in numbered headings and clauses,
// signature openers added before the signature block) must give what a fresh full review gives after
// every step.

const SEED = propertySeed(20261207);

const FIGURE = ['within 30 days of receipt of the invoice', 'within 45 days of receipt of the invoice', 'within 30 days of receipt of a valid invoice'];
const clause = (i: number): string => {
  const pay = FIGURE[i % 7 === 3 ? 1 : i % 5 === 0 ? 2 : 0];
  const up = i % 6 === 2 ? '99.9%' : '99.5%';
  return `## ${i}. Clause ${i}\n\n${i}.1 The Customer shall pay each invoice ${pay}.\n\n${i}.2 The Supplier shall ensure that the availability of the Platform is at least ${up} in each month.\n\n${i}.3 The Supplier shall keep records.\n`;
};
const SIGNATURES = '\n## Signatures\n\nSigned for and on behalf of Alpha Limited\n\nSignature: ____________\n\nName: ____________\n\nSigned for and on behalf of Beta Limited\n\nSignature: ____________\n';
const START = `# Services Agreement\n\nThis Agreement is made between Alpha Limited (the "Customer") and Beta Limited (the "Supplier").\n\n${Array.from({ length: 40 }, (_, i) => clause(i + 1)).join('\n')}${SIGNATURES}`;

const SENTENCE = fc.constantFrom(
  'The Customer shall pay each invoice within 60 days of receipt of the invoice.',
  'The Customer shall pay each invoice within 30 days of receipt of the invoice.',
  'The Supplier shall ensure that the availability of the Platform is at least 99.9% in each month.',
  'The Supplier shall keep the site tidy.',
  // Openers of a signature block, with and without signing lines after them (drafting/signatures.ts).
  'IN WITNESS WHEREOF the parties have signed this Agreement.\n\nBy: ____________\n\nTitle: ____________',
  'Signed for and on behalf of Alpha Limited',
  '## Execution',
);

type Edit =
  | TextEdit
  | { kind: 'digit'; at: number; to: string }
  | { kind: 'number'; at: number; how: 'type' | 'delete' | 'change'; clause: boolean };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: where, what: fc.constantFrom('x', ' ', '\n', '\n\n', '9') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: where, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), at: where, what: SENTENCE }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('digit' as const), at: where, to: fc.constantFrom('0', '3', '4', '6', '9') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('number' as const), at: where, how: fc.constantFrom('type' as const, 'delete' as const, 'change' as const), clause: fc.boolean() }) },
);

/** The `at`-th (as a fraction) match of `re` in text, or -1. */
function nth(text: string, re: RegExp, at: number): RegExpExecArray | null {
  const all = [...text.matchAll(re)];
  return all.length ? (all[Math.floor(at * all.length)] as RegExpExecArray) : null;
}

function apply(text: string, e: Edit): string {
  // The shared edits (typed, insert, delete, paragraph: test/support/edit-steps.ts); `typed` is
  // appended to every sequence below.
  if (isTextEdit(e)) return applyTextEdit(text, e);
  switch (e.kind) {
    // A digit of a figure ("30 days", "99.5%") changed.
    case 'digit': {
      const m = nth(text, /\d+(?= days|(?:\.\d)?%)/g, e.at);
      return m ? text.slice(0, m.index) + e.to + text.slice(m.index + 1) : text;
    }
    // A number typed into, deleted from or changed in a numbered heading ("## 12. ") or clause ("12.1 ").
    case 'number': {
      const m = nth(text, e.clause ? /^(\d+)\.\d+ /gm : /^## (\d+)\. /gm, e.at);
      if (!m) return text;
      const p = m.index + m[0].indexOf(m[1]);
      if (e.how === 'type') return `${text.slice(0, p + m[1].length)}7${text.slice(p + m[1].length)}`;
      if (e.how === 'delete') return m[1].length > 1 ? text.slice(0, p) + text.slice(p + 1) : text;
      return `${text.slice(0, p)}${m[1][0] === '8' ? '2' : '8'}${text.slice(p + 1)}`;
    }
  }
}

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('figures while editing: incremental equals full (issue 13, figures)', function () {
  this.timeout(300000);
  it('after every step of random edit sequences', () => {
    let kept = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }).map((es): Edit[] => [...es, { kind: 'typed' }]), (edits) => {
        eachEditStep(START, edits, apply, (inc, text, version, label) => {
          const input: ReviewInput = { text, version, force: true, path: 'contract.md' };
          const got = inc.review(input);
          const want = review(input);
          assert.deepEqual(reported(got), reported(want), `review differs after ${label}`);
          assert.deepEqual(plain(figuresOf(got.model)), plain(figuresOf(want.model)), `figures differ after ${label}`);
          assert.deepEqual(plain(inconsistentFigures(got.model)), plain(inconsistentFigures(want.model)), `inconsistent figures differ after ${label}`);
          if (version > 0) steps++;
          if (figureStats(got.model)?.edit) kept++;
        });
      }),
      { numRuns: propertyRuns(12), seed: SEED, endOnFailure: true },
    );
    // Most steps kept the findings outside the edit (a line added before a reference, or a
    // reference's first figure changed, makes the rule look at every finding again).
    assert.ok(kept * 3 > steps, `${kept} of ${steps} steps kept the findings outside the edit`);
  });
});
