import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { review } from '../../server/src/engine';
import { figuresOf, figureStats, inconsistentFigures } from '../../server/src/drafting/figures';
import { editedReview, tenClauses } from '../support/clause-edit';

// Issue 13: while editing, the figures (inconsistent-figure) are kept per block, relative to it, and
// taken over from the previous model for the blocks an edit kept or moved; only the blocks with
// sentences the sentence list marks as read again are read (issue 13, passes), and the keys' classes
// and references are patched with the figures the edit removed and added (issue 13, figures: not a
// visit to every figure). The figures and findings must equal a fresh review's.

const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Customer shall pay each invoice within ${i === 7 ? 45 : 30} days of receipt of the invoice.\n\n${i}.2 The Supplier shall keep records.\n`;
const text = tenClauses(clause);

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const findings = (r: ReturnType<typeof review>) => r.diagnostics.filter((d) => d.ruleId === 'inconsistent-figure');

const edited = (from: string, to: string, release = false) => editedReview(text, from, to, release);

describe('figures while editing', () => {
  it('keeps the figures of blocks before and after the edit, and reads only re-parsed blocks', () => {
    const { first, got, fresh } = edited('5.2 The Supplier shall keep records.', '5.2 The Supplier shall keep full records.');
    assert.deepEqual(plain(figuresOf(got.model)), plain(figuresOf(fresh.model)));
    assert.equal(figuresOf(fresh.model).length, 10);
    assert.deepEqual(findings(got), findings(fresh));
    assert.equal(findings(fresh).length, 1);
    const stats = figureStats(got.model)!;
    assert.ok(stats.read >= 1 && stats.read <= 8 && got.model.blocks.length > 30, `read ${stats.read} sentences of ${got.model.blocks.length} blocks`);
    assert.ok(figureStats(first.model)!.looked >= 10);
    assert.ok(stats.looked <= 6, `looked at ${stats.looked} figures (those of the re-parsed blocks only)`);
  });

  it('moves the figures after the edit with their blocks, reading none of their sentences', () => {
    const { first, got, fresh } = edited('2.2 The Supplier shall keep records.', '2.2 The Supplier shall keep all records.');
    assert.deepEqual(plain(figuresOf(got.model)), plain(figuresOf(fresh.model)));
    const before = figureStats(first.model)!.figures;
    const after = figureStats(got.model)!.figures;
    assert.ok(figureStats(got.model)!.read <= 8, `read ${figureStats(got.model)!.read} sentences`);
    assert.ok(figureStats(got.model)!.looked <= 6);
    // Clause 6.1's figure, after the edit: a copy, four characters on.
    assert.equal(after[5].span.start, before[5].span.start + 4);
  });

  it('gives moved figures the hidden class of fresh ones (one shape for the optimised loop, issue 13 jit)', () => {
    setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const { first, got } = edited('2.2 The Supplier shall keep records.', '2.2 The Supplier shall keep all records.');
    // Clause 6.1's figure: moved by the edit (a copy), against the one the first review read from its sentence.
    const moved = figureStats(got.model)!.figures[5];
    const read = figureStats(first.model)!.figures[5];
    assert.equal(moved.span.start, read.span.start + 4, 'moved by the edit');
    assert.ok(sameMap(moved, read), 'a moved figure has the map of one read from its sentence');
    assert.ok(sameMap(moved.span, read.span));
  });

  it('reads a figure typed into a block again', () => {
    const { got, fresh } = edited('within 30 days of receipt of the invoice.\n\n3.2', 'within 60 days of receipt of the invoice.\n\n3.2');
    assert.deepEqual(plain(inconsistentFigures(got.model)), plain(inconsistentFigures(fresh.model)));
    assert.deepEqual(findings(got), findings(fresh));
    assert.equal(findings(fresh).length, 2);
  });

  it('after releaseModelCaches (the review worker)', () => {
    const { got, fresh } = edited('9.2 The Supplier shall keep records.', '9.2 The Supplier shall keep records daily.', true);
    assert.deepEqual(findings(got), findings(fresh));
    assert.ok(figureStats(got.model)!.read <= 8);
  });
});

// A longer contract: 60 clauses, each giving the time to pay, nine of them a different one (nine
// findings); the reference is clause 1's figure.
const many = `# Services Agreement\n\nThis Agreement is made between Alpha Limited (the "Customer") and Beta Limited (the "Supplier").\n\n${Array.from({ length: 60 }, (_, k) => {
  const i = k + 1;
  return `## ${i}. Clause ${i}\n\n${i}.1 The Customer shall pay each invoice within ${i % 7 === 3 ? 45 : 30} days of receipt of the invoice.\n\n${i}.2 The Supplier shall keep records.\n`;
}).join('\n')}`;

describe('inconsistent figures while editing (issue 13, figures)', () => {
  const editedMany = (from: string, to: string) => editedReview(many, from, to, true);

  it('looks only at the figures an edit removed and added, and keeps the findings outside the edit', () => {
    const { first, got, fresh } = editedMany('30.2 The Supplier shall keep records.', '30.2 The Supplier shall keep all records.');
    assert.equal(findings(fresh).length, 9);
    assert.deepEqual(findings(got), findings(fresh));
    const stats = figureStats(got.model)!;
    assert.ok(stats.edit, 'the findings outside the edit were kept');
    assert.equal(stats.listed, false, 'inconsistent-figure did not ask for every inconsistent figure');
    assert.ok(stats.looked <= 6, `looked at ${stats.looked} figures of 60 (those of the re-parsed blocks only)`);
    assert.equal(figureStats(first.model)!.looked, 60);
    assert.deepEqual(plain(inconsistentFigures(got.model)), plain(inconsistentFigures(fresh.model)));
  });

  it('a figure typed into: its own figure looked at, the others kept', () => {
    const { got, fresh } = editedMany('32.1 The Customer shall pay each invoice within 30 days', '32.1 The Customer shall pay each invoice within 45 days');
    assert.equal(findings(fresh).length, 10);
    assert.deepEqual(findings(got), findings(fresh));
    const stats = figureStats(got.model)!;
    assert.ok(stats.edit);
    assert.ok(stats.looked <= 6, `looked at ${stats.looked} figures`);
  });

  it("the reference's first figure changed: the next one is found, and every finding is looked at again (its line changed)", () => {
    const { got, fresh } = editedMany('1.1 The Customer shall pay each invoice within 30 days', '1.1 The Customer shall pay each invoice within 90 days');
    assert.deepEqual(findings(got), findings(fresh));
    assert.deepEqual(plain(inconsistentFigures(got.model)), plain(inconsistentFigures(fresh.model)));
    const stats = figureStats(got.model)!;
    assert.equal(stats.edit, null);
    assert.ok(stats.looked <= 12, `looked at ${stats.looked} figures`);
  });

  it('a line added before the reference: every finding names a new line', () => {
    const { got, fresh } = editedMany('This Agreement is made', 'This\nAgreement is made');
    assert.deepEqual(findings(got), findings(fresh));
    assert.equal(figureStats(got.model)!.edit, null);
    assert.equal(figureStats(got.model)!.listed, true);
  });

  it('a line added after the reference: the findings outside the edit kept', () => {
    const { got, fresh } = editedMany('40.2 The Supplier shall keep records.', '40.2 The Supplier shall keep\nrecords.');
    assert.deepEqual(findings(got), findings(fresh));
    assert.ok(figureStats(got.model)!.edit);
  });

  it('a heading number changed', () => {
    const { got, fresh } = editedMany('## 24. Clause 24', '## 254. Clause 24');
    assert.deepEqual(findings(got), findings(fresh));
    assert.deepEqual(plain(figuresOf(got.model)), plain(figuresOf(fresh.model)));
    assert.ok(figureStats(got.model)!.read <= 8);
  });
});
