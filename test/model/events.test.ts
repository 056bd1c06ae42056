import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readOrWhyNot } from '../../server/src/model/events';
import { parseMarkdown, readFromEvents, readTree } from '../../server/src/model/markdown';
import type { RawBlock } from '../../server/src/model/blocks';
import { propertyRuns, propertySeed } from '../support/property-runs';

// Blocks read straight from micromark's events (model/events.ts) must be those extractBlocks reads
// from the mdast tree of the same text: kind, position, text, every offset, depth, list number,
// quoting, and which keys are present.
const view = (blocks: RawBlock[]) => blocks.map((b) => ({ ...b, sourceOffsets: Array.from(b.sourceOffsets), keys: Object.keys(b).join(',') }));
const MAYBE_TABLE = /^[ \t>|:-]*[|:][ \t>|:-]*$/m;

/** The event reader's blocks, or null where it leaves the text to the tree; asserts they equal the tree's. */
function assertSameAsTree(text: string): RawBlock[] | null {
  const read = readOrWhyNot(text, MAYBE_TABLE.test(text));
  if (typeof read === 'string') return null;
  assert.deepEqual(view(read), view(readTree(text, false).blocks), JSON.stringify(text));
  return read;
}

describe('model: blocks read from micromark events', () => {
  it('reads the constructs contracts are written with, without leaving them to the tree', () => {
    const text = [
      '## 4. Fees', '', 'Setext title', '=====', '',
      'The Supplier *shall* **invoice** ~~monthly~~ _in arrears_ (see [clause 5](#fees "Fees")) and `net 30`.',
      'A second line  ', 'after a hard break\\', 'and an escaped \\* star &amp; an entity &#169; &#x41;.', '',
      '1. First item', '   1. Nested item', '      with a lazy line', '2. Second item', '', '- bullet one', '- bullet two', '',
      '> Quoted text', '> - quoted list', '', '    indented layout text', '', '```', 'fenced code', '```', '',
      '<div>html block</div>', '', '***', '', 'An image ![logo](logo.png) and <b>inline html</b> and <https://example.com>.', '',
      '[terms]: https://example.com/terms', '', 'See [the terms][terms] and [terms].', '',
      'A [label over', 'two lines](u) and `code over', 'two lines` and *emphasis over', 'two lines*.', '', '2.1 A numbered line', '(a) split from it', '',
    ].join('\n');
    const read = assertSameAsTree(text);
    assert.ok(read, `left to the tree: ${String(readOrWhyNot(text, false))}`);
    assert.ok(read.some((b) => b.listNumber === '1.1'));
    assert.ok(read.some((b) => b.kind === 'heading' && b.depth === 1 && b.text === 'Setext title'));
  });

  it('leaves tables and task lists to the tree', () => {
    assert.equal(readOrWhyNot('| a | b |\n|---|---|\n| 1 | 2 |\n', true), 'table');
    assert.equal(readOrWhyNot('a\n:--\nb\n', true), 'table');
    assert.equal(readOrWhyNot('- [x] done\n', false), 'taskListCheck');
  });

  it('gives the tree\u2019s blocks on random Markdown', () => {
    const pieces = ['# Term\n', '## 2. Fees\n', 'Setext\n---\n', '\n', '\n\n', 'The Supplier shall pay.\n', '1. First item\n', '3) third\n', '- bullet\n', '* star\n',
      '   continued text\n', '    indented code\n', '\tTabbed\n', '<pre>\n', '</pre>\n', '<!-- note -->\n', '[x]: https://example.com\n', 'See [x] here.\n',
      '```\n', '~~~ts\n', '> quoted\n', '> > deeper\n', '**bold** and _em_ ', '*', '**', '_', '~~gone~~ ', '`code` ', '``', '`', '[link](u) ', '[', '](', ')', '![i](p) ',
      '<https://a.b> ', '<span>', '\\*', '\\', '&amp; ', '&#65; ', '&nosuch; ', '  \n', '\r\n', '\r', '2.1 The Customer shall.\n', '(a) item\n', 'a) x\n',
      '- [ ] task\n', '***\n', '  1. indented\n', '10. ten\n', '007. zeros\n', 'text ', 'Word', '"Term" means ', '\u00a0', '\u0000', 'é'];
    const fcRuns = propertyRuns(300);
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (parts) => { assertSameAsTree(parts.join('')); }),
      { numRuns: fcRuns, seed: propertySeed(13) });
  });

  it('gives the tree\u2019s blocks on arbitrary strings of Markdown characters', () => {
    const chars = fc.constantFrom(...'ab 1.)-*_~`[]()!<>#=\\&;:|\n\t\r>"'.split(''));
    const fcRuns = propertyRuns(300);
    fc.assert(fc.property(fc.array(chars, { maxLength: 80 }), (cs) => { assertSameAsTree(cs.join('')); }),
      { numRuns: fcRuns, seed: propertySeed(17) });
  });

  it('gives the tree\u2019s blocks for the whole document, read either way, on the corpus', function () {
    const dir = path.resolve(__dirname, '../../../shared/corpus');
    if (!fs.existsSync(dir)) this.skip(); // ../shared is absent: nothing to compare on.
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 0);
    const whole = (text: string) => parseMarkdown(text).blocks.map((b) => ({ ...b, sourceOffsets: Array.from(b.sourceOffsets) }));
    try {
      for (const f of files) {
        // A unique first line: nothing cached by the other reading.
        const text = `Read ${f}.\n\n` + fs.readFileSync(path.join(dir, f), 'utf8');
        readFromEvents(true);
        const fromEvents = whole(text);
        readFromEvents(false);
        assert.deepEqual(fromEvents, whole(text), f);
      }
    } finally {
      readFromEvents(true);
    }
  });
});
