import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildContractModel } from '../../server/src/model/parse';
import { countingView } from '../../server/src/model/blocks';

// A contract of plain chunks (read without the parser) and chunks the parser reads (emphasis, a list, a table).
const contract = (clauses: number): string => '# Services Agreement\n\nThis agreement is made between Acme Ltd and Beta plc.\n\n'
  + Array.from({ length: clauses }, (_, i) => {
    const n = i + 2;
    return i % 5 === 4
      ? `## ${n}. Charges\n\n${n}.1 The Customer shall pay the *Charges* within 30 days.\n\n1. first item\n2. second item\n\n| Item | Fee |\n|---|---|\n| Support | 10 |\n`
      : `## ${n}. Services\n\n${n}.1 The Supplier shall provide the Services. It shall report monthly.\n\n${n}.2 The Customer shall co-operate.\n`;
  }).join('\n');

describe('model: the blocks of a model built in full, without the text caches (issue 13, firstmodel)', () => {
  it('share a few hidden classes: the reader\'s blocks are kept, not copied by object spread', () => {
    // %HaveSameMap needs --allow-natives-syntax, so the check runs in a child process. A copy made
    // by object spread got a hidden class of its own once the model added `section` to it, and every
    // read of a block's field in the review then went through V8's megamorphic cache.
    const parse = resolve(__dirname, '../../server/src/model/parse.ts');
    const code = `
      const mod = await import(${JSON.stringify(parse)});
      const { buildContractModel } = mod.buildContractModel ? mod : mod.default;
      const text = ${JSON.stringify(contract(60))};
      const { blocks } = buildContractModel(text);
      const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      const maps = [];
      for (const b of blocks) if (!maps.some((m) => same(m, b))) maps.push(b);
      console.log(JSON.stringify({ blocks: blocks.length, maps: maps.length }));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { blocks, maps } = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.ok(blocks > 150, `${blocks} blocks`);
    // Headings (with depth) and paragraphs (with listNumber), each completed with section and sentences the same way.
    assert.ok(maps <= 4, `${maps} hidden classes for ${blocks} blocks`);
  });

  it('read verbatim blocks\' offsets from one shared counting array, each offset still its character\'s place', () => {
    // Plain text only (no markup) is read without the parser; the first chunk, which may open with front matter, by the parser.
    const plain = (clauses: number) => `${contract(0)}\n${Array.from({ length: clauses }, (_, i) => `## ${i + 2}. Services\n\n${i + 2}.1 The Supplier shall provide the Services.\n`).join('\n')}`;
    const small = plain(10);
    const first = buildContractModel(small).blocks;
    // A larger document grows the shared array: the first model's views keep their own (older) array.
    const large = plain(3000);
    const verbatim = buildContractModel(large).blocks.slice(2);
    assert.equal(verbatim.length, 6000);
    assert.equal(new Set(verbatim.map((b) => b.sourceOffsets.buffer)).size, 1, 'one array behind every verbatim block');
    for (const [doc, list] of [[small, first], [large, verbatim]] as const) {
      for (const b of list) {
        assert.equal(b.sourceOffsets.length, b.text.length + 1);
        for (let i = 0; i < b.text.length; i++) assert.equal(doc[b.sourceOffsets[i]], b.text[i], `${JSON.stringify(b.text)} [${i}]`);
        assert.equal(b.sourceOffsets[b.text.length], b.end);
      }
    }
  });

  it('countingView gives from, from + 1, ... and leaves views made before the array grew as they were', () => {
    const early = countingView(5, 4);
    assert.deepEqual(Array.from(early), [5, 6, 7, 8]);
    const far = countingView(3_000_000, 3);
    assert.deepEqual(Array.from(far), [3_000_000, 3_000_001, 3_000_002]);
    assert.deepEqual(Array.from(early), [5, 6, 7, 8]);
  });
});
