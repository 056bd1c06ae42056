import assert from 'node:assert/strict';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';
import { ownChunks, releaseChunks, type ChunkRef } from '../../server/src/model/markdown';
import { roleWordCountsOf, roleWordPattern, SUPPLIER_ROLE_WORDS, CUSTOMER_ROLE_WORDS } from '../../server/src/model/parties';

// What a 1 MB keystroke makes again in the review worker although nothing in it changed (issue 13,
// editmodel): each role word's per-chunk counts (an array of a chunk count per word per edit, living
// until the next edit) and the parse cache's count of holders of every chunk of the document.

const clause = (n: number) =>
  `## ${n}. Part ${n}\n\n${n}.1 The Supplier shall provide the Services. The Provider will report monthly.\n\n` +
  `### ${n}.2 Charges\n\nThe Customer shall pay within thirty days (see clause ${n}.1).\n`;
const base = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${Array.from({ length: 8 }, (_, i) => clause(i + 2)).join('\n')}`;

/** The per-word entries of a model's role-word counts (private to RoleWordCounts: read for this test only). */
const entriesOf = (counts: object): Map<string, unknown> => (counts as unknown as { words: Map<string, unknown> }).words;

describe('model: what a keystroke keeps of the previous model\'s bookkeeping', () => {
  it('keeps each role word\'s per-chunk counts when the re-read chunks count the same', () => {
    const state = fullModelState(base, 1, 'markdown', 'first');
    const before = entriesOf(roleWordCountsOf(state.model)!);
    assert.ok(before.size > 0, 'the parties were found from counted role words');
    const edited = base.replace('The Customer shall pay within thirty days (see clause 5.1)', 'The Customer shall pay within thirty-one days (see clause 5.1)');
    const next = updateModelState(state, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    const counts = roleWordCountsOf(next.model)!;
    for (const [word, entry] of before) assert.equal(entriesOf(counts).get(word), entry, `${word}'s counts`);
    for (const w of [...SUPPLIER_ROLE_WORDS, ...CUSTOMER_ROLE_WORDS]) {
      assert.equal(counts.count(w, edited), (edited.match(roleWordPattern(w)) ?? []).length, w);
    }
  });

  it('makes a word\'s counts again when the edit changes them, and only that word\'s', () => {
    const state = fullModelState(base, 1, 'markdown', 'first');
    const before = entriesOf(roleWordCountsOf(state.model)!);
    assert.ok(before.has('Provider') && before.has('Vendor'), 'counted for the parties');
    const edited = base.replace('6.1 The Supplier shall', '6.1 The Supplier and the Provider shall');
    const next = updateModelState(state, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    const counts = roleWordCountsOf(next.model)!;
    assert.notEqual(entriesOf(counts).get('Provider'), before.get('Provider'));
    assert.equal(counts.count('Provider', edited), (edited.match(roleWordPattern('Provider')) ?? []).length);
    assert.equal(entriesOf(counts).get('Vendor'), before.get('Vendor'));
  });

  it('takes the unchanged chunk before the edit from the parse cache as it is, placed where the document holds it', () => {
    const text = base.replace('# Agreement', '# Agreement (cached chunk kept in place)');
    const state = fullModelState(text, 1, 'markdown', 'first');
    const edited = text.replace('The Customer shall pay within thirty days (see clause 6.1)', 'The Customer shall pay within thirty-one days (see clause 6.1)');
    const next = updateModelState(state, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    const at = edited.indexOf('thirty-one');
    const k = next.chunkStarts!.findIndex((s, i) => s <= at && (i + 1 === next.chunkStarts!.length || next.chunkStarts![i + 1] > at));
    assert.ok(k >= 2, 'an edit past the first chunks');
    // The chunk before the edited one is re-read: the very entry the opening's parse cached.
    assert.equal(next.chunkRefs![k - 1], state.chunkRefs![k - 1]);
    const fresh = fullModelState(edited, 2, 'markdown', 'compare');
    assert.deepEqual(next.model.blocks.map((b) => [b.start, b.end, [...b.sourceOffsets]]), fresh.model.blocks.map((b) => [b.start, b.end, [...b.sourceOffsets]]));
  });

  it('counts holders only for the chunks that differ from the owner\'s previous list', () => {
    const owner = 'file:///keystroke-keeps.md';
    let writes = 0;
    // Chunks that count the writes to them (the parse cache's holder counts).
    const chunks = Array.from({ length: 40 }, (_, i) => new Proxy({ at: i } as ChunkRef & { users?: number }, {
      set(target, key, value) {
        writes++;
        (target as Record<string | symbol, unknown>)[key] = value;
        return true;
      },
    }));
    try {
      ownChunks(owner, chunks);
      const typed = chunks.slice();
      typed[17] = { at: 17 };
      writes = 0;
      ownChunks(owner, typed);
      assert.equal(writes, 1, 'only the replaced chunk is counted down');
      assert.equal((chunks[17] as { users?: number }).users, 0);
      assert.equal((typed[17] as { users?: number }).users, 1);
      assert.ok(typed.every((c) => (c as { users?: number }).users === 1), 'every chunk of the new list is held once');
      // One chunk more (a heading typed): those after it are at other places but the same objects.
      const split = [...typed.slice(0, 20), { at: 99 }, ...typed.slice(20)];
      writes = 0;
      ownChunks(owner, split);
      assert.equal(writes, 0);
      assert.ok(split.every((c) => (c as { users?: number }).users === 1));
    } finally {
      releaseChunks(owner);
    }
    assert.ok(chunks.every((c, i) => i === 17 || (c as { users?: number }).users === 0), 'released with the owner');
  });
});
