/**
 * Moving answers made from an older review to the current text (server/src/lsp/drift.ts): positions
 * outside the text changed since map exactly, positions inside it do not map, edits and tokens that
 * touch it are left out, and ranges that only locate something stretch over it.
 */
import { strict as assert } from 'node:assert';
import { computeLineStarts } from '../../server/src/model';
import { driftCodeAction, driftFoldingRanges, driftSemanticTokens, sideOf, TextDrift } from '../../server/src/lsp/drift';

const side = (text: string) => sideOf(text, computeLineStarts(text));
const at = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: at(l1, c1), end: at(l2, c2) });

// Line 1 gets "very " typed into it; line 0 is before the change, line 2 after it.
const BEFORE = 'Alpha clause.\nThe Supplier shall act promptly.\nOmega clause.\n';
const AFTER = 'Alpha clause.\nThe Supplier shall act very promptly.\nOmega clause.\n';

describe('lsp: drift (answers from an older review)', () => {
  const drift = new TextDrift(side(BEFORE), side(AFTER));

  it('maps positions before and after the changed text, and none inside it', () => {
    assert.deepEqual(drift.toBefore(at(0, 3)), at(0, 3));
    assert.deepEqual(drift.toBefore(at(1, 4)), at(1, 4), 'same line, before the typing');
    assert.deepEqual(drift.toBefore(at(1, 30)), at(1, 25), 'same line, after the typing');
    assert.deepEqual(drift.toBefore(at(2, 2)), at(2, 2));
    assert.equal(drift.toBefore(at(1, 25)), null, 'inside the typed word');
  });

  it('moves an edit range only when it does not touch the changed text', () => {
    assert.deepEqual(drift.exact(range(1, 23, 1, 31)), range(1, 28, 1, 36), '"promptly" after the typing');
    assert.deepEqual(drift.exact(range(0, 0, 0, 5)), range(0, 0, 0, 5));
    assert.equal(drift.exact(range(1, 4, 1, 30)), null, 'a range over the typed text would replace it');
  });

  it('stretches a range that only locates something over the changed text', () => {
    assert.deepEqual(drift.locate(range(1, 0, 2, 0)), range(1, 0, 2, 0));
    assert.deepEqual(drift.locate(range(0, 0, 1, 31)), range(0, 0, 1, 36));
  });

  it('is the identity when nothing changed', () => {
    const same = new TextDrift(side(BEFORE), side(BEFORE));
    assert.ok(same.identical);
    assert.deepEqual(same.exact(range(1, 4, 1, 30)), range(1, 4, 1, 30));
  });

  it('moves semantic tokens, leaving out one the change touches', () => {
    // Tokens: "Alpha" (0,0,5), "Supplier" (1,4,8), "promptly" (1,23,8), "Omega" (2,0,5).
    const data = [0, 0, 5, 0, 0, 1, 4, 8, 0, 1, 0, 19, 8, 1, 0, 1, 0, 5, 0, 0];
    assert.deepEqual(driftSemanticTokens(data, drift), [0, 0, 5, 0, 0, 1, 4, 8, 0, 1, 0, 24, 8, 1, 0, 1, 0, 5, 0, 0]);
    const typedInto = new TextDrift(side(BEFORE), side(BEFORE.replace('Supplier', 'Suplier')));
    assert.deepEqual(driftSemanticTokens(data, typedInto), [0, 0, 5, 0, 0, 1, 22, 8, 1, 0, 1, 0, 5, 0, 0], '"Supplier" was edited: no token for it');
  });

  it('moves a code action\'s edits to the current version, or drops the action when an edit touches the change', () => {
    const uri = 'file:///c.md';
    const action = (r: ReturnType<typeof range>) => ({
      title: 'Replace', diagnostics: [{ range: r, message: 'm' }],
      edit: { documentChanges: [{ textDocument: { uri, version: 3 }, edits: [{ range: r, newText: 'within 2 days' }] }] },
    });
    const moved = driftCodeAction(action(range(1, 23, 1, 31)), uri, drift);
    assert.deepEqual(moved?.edit?.documentChanges?.[0], { textDocument: { uri, version: 3 }, edits: [{ range: range(1, 28, 1, 36), newText: 'within 2 days' }] });
    assert.equal(driftCodeAction(action(range(1, 19, 1, 31)), uri, drift), null);
    const command = { title: 'Accept', command: { title: 'Accept', command: 'clausewise.acceptFinding', arguments: [{ uri, line: 2, ruleId: 'r', message: 'm' }] } };
    const grown = new TextDrift(side(BEFORE), side(`New line.\n${BEFORE}`));
    assert.equal((driftCodeAction(command, uri, grown)?.command?.arguments?.[0] as { line: number }).line, 3);
  });

  it('moves folding ranges by lines', () => {
    const grown = new TextDrift(side(BEFORE), side(`New line.\n${BEFORE}`));
    assert.deepEqual(driftFoldingRanges([{ startLine: 0, endLine: 2 }], grown), [{ startLine: 1, endLine: 3, startCharacter: undefined, endCharacter: undefined }]);
  });
});
