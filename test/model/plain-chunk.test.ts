import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readOrWhyNot } from '../../server/src/model/events';
import { parseMarkdown, readTree, reads, scanChunkStarts } from '../../server/src/model/markdown';
import { plainChunkBlocks } from '../../server/src/model/plain-chunk';
import type { RawBlock } from '../../server/src/model/blocks';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns, propertySeed } from '../support/property-runs';

// Chunks of plain lines, headings and blank lines are read without the parser (model/plain-chunk.ts):
// wherever that reader accepts a text, its blocks must be those micromark's events and the mdast tree
// give (kind, position, text, every offset, depth, and which keys are present).
const view = (blocks: RawBlock[]) => blocks.map((b) => ({ ...b, sourceOffsets: Array.from(b.sourceOffsets), keys: Object.keys(b).join(',') }));

/** The plain reader's blocks, or null where it declines; asserts they equal the event reader's and the tree's. */
function assertSameAsParser(text: string): RawBlock[] | null {
  const plain = plainChunkBlocks(text);
  if (!plain) return null;
  const events = readOrWhyNot(text, false);
  assert.notEqual(typeof events, 'string', JSON.stringify(text));
  assert.deepEqual(view(plain), view(events as RawBlock[]), JSON.stringify(text));
  assert.deepEqual(view(plain), view(readTree(text, false).blocks), JSON.stringify(text));
  return plain;
}

describe('model: chunks of plain text read without the parser', () => {
  it('reads the bench contract\u2019s clause chunks, and gives the parser\u2019s blocks', () => {
    const text = generateContract(60_000);
    const { starts } = scanChunkStarts(text);
    let read = 0;
    for (let i = 1; i < starts.length; i++) if (assertSameAsParser(text.slice(starts[i], starts[i + 1] ?? text.length))) read++;
    // The signature block's chunk too: its blanks ("____") are runs of underscores between spaces
    // and line ends, which can open or close no emphasis (issue 13, analysis).
    assert.equal(read, starts.length - 1);
  });

  it('is how parseMarkdown reads such chunks', () => {
    const before = reads.plain;
    parseMarkdown('# Title\n\nPlain reader test, first chunk.\n\n## 1. One\n\nPlain reader test one.\n\n## 2. Two\n\nPlain reader test two.\n');
    assert.ok(reads.plain > before);
  });

  it('reads a first chunk that cannot open with front matter without the parser, and front matter through it (issue 13)', () => {
    const before = reads.plain;
    const one = parseMarkdown('# Title\n\nOne chunk only, the first.\n');
    assert.equal(reads.plain, before + 1);
    assert.deepEqual(view(one.blocks), view(readTree('# Title\n\nOne chunk only, the first.\n', true).blocks));
    // Front matter (also after a byte order mark, which micromark skips) still goes through the tree.
    for (const text of ['---\ntitle: T\n---\n\nText.\n', '\ufeff---\ntitle: T\n---\n\nText.\n']) {
      const at = reads.plain;
      const parsed = parseMarkdown(text);
      assert.equal(reads.plain, at, JSON.stringify(text));
      assert.equal(parsed.yaml?.value, 'title: T');
      assert.deepEqual(view(parsed.blocks), view(readTree(text, true).blocks));
    }
  });

  it('makes each block\u2019s offset map at its final size, not from an array of numbers (issue 13)', () => {
    // A heading, a paragraph of two lines, and one split before its numbered lines (the general path).
    const text = '## 4. Fees\n\nThe Customer pays.\nIt pays monthly.\n\n4.1 First line of it\n4.2 Second line of it\n';
    const Real = Int32Array;
    let fromArrays = 0;
    (globalThis as { Int32Array: unknown }).Int32Array = class extends Real {
      constructor(source: number | ArrayLike<number>) {
        if (Array.isArray(source)) fromArrays++;
        super(source as number);
      }
    };
    let blocks: RawBlock[] | null;
    try {
      blocks = plainChunkBlocks(text);
    } finally {
      (globalThis as { Int32Array: unknown }).Int32Array = Real;
    }
    assert.equal(blocks!.length, 4);
    assert.equal(fromArrays, 0);
    assert.deepEqual(view(blocks!), view(assertSameAsParser(text)!));
  });

  it('declines every construct, and text the parser would change', () => {
    for (const text of ['a *b*', 'a _b_', 'a `b`', '[a](b)', 'a <b>', 'a &amp; b', 'a \\* b', 'a ~~b~~', '| a |', 'a  \nb', 'a\tb', 'a\r\nb', 'a\0b',
      '- a', '+ a', '1. a', '2) a', 'a\n===', 'a\n---', '   a', '    code', '> a', 'a\n:--', '#a', '##', '## a ##', '#######  a', 'a \n',
      '___', '_a', 'a _b', 'a_ b', 'a_b', 'a ___b', 'a: ___\n___ b']) {
      assert.equal(plainChunkBlocks(text), null, JSON.stringify(text));
    }
    assert.ok(plainChunkBlocks('## 2. Services\n\n2.1 The Supplier shall act.\nIt shall report.\n\nA second paragraph.\n'));
    for (const text of ['Signed: ____________\n', 'Name: ___ Date: _\nTitle: __', '## Sign here ___\n', 'a __\n']) assert.ok(assertSameAsParser(text), JSON.stringify(text));
  });

  it('gives the parser\u2019s blocks on random plain-looking text', () => {
    const pieces = ['# Term\n', '## 2. Fees\n', '###### Six\n', '####### Seven\n', '## a # b\n', '#x\n', '\n', '\n\n', 'The Supplier shall pay.\n', '2.1 The Customer shall.\n',
      '(a) item\n', 'a) x\n', '1) one\n', '1.\n', '10. ten\n', 'text ', 'Word', ' ', '  ', '"Term" means ', '\u00a0', '\u2028', '\u00e9', 'e.g. ', '99.9% ', '=', '-', ':', '+',
      '\u2019s ', '!', '(', ')', '.', '#', '1', '2.', ';', '_', '___', ' ___', ' _ ', 'a_b'];
    const fcRuns = propertyRuns(400);
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => { assertSameAsParser(parts.join('')); }),
      { numRuns: fcRuns, seed: propertySeed(19) });
  });

  it('gives the parser\u2019s blocks on arbitrary strings of Markdown characters', () => {
    const chars = fc.constantFrom(...'ab 1.)-*_~`[]()!<>#=\\&;:|\n\t\r>"'.split(''));
    const fcRuns = propertyRuns(400);
    fc.assert(fc.property(fc.array(chars, { maxLength: 80 }), (cs) => { assertSameAsParser(cs.join('')); }),
      { numRuns: fcRuns, seed: propertySeed(23) });
  });

  it('gives the parser\u2019s blocks on the corpus\u2019s chunks', function () {
    const dir = path.resolve(__dirname, '../../../shared/corpus/contracts');
    if (!fs.existsSync(dir)) this.skip(); // ../shared is absent: nothing to compare on.
    let read = 0;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const { starts } = scanChunkStarts(text);
      for (let i = 1; i < starts.length; i++) if (assertSameAsParser(text.slice(starts[i], starts[i + 1] ?? text.length))) read++;
    }
    assert.ok(read > 0);
  });
});
