import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseChunkAlone, parseMarkdown, scanChunkStarts } from '../../server/src/model/markdown';
import { propertyRuns, propertySeed } from '../support/property-runs';

// On a first parse, chunks that are not cached are parsed several at a time (a parse call has a
// fixed cost). The blocks must be exactly those of each chunk parsed alone, as before.
let run = 0;
function assertSameAsAlone(text: string): void {
  const { starts } = scanChunkStarts(text);
  const expected = starts.flatMap((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    return parseChunkAlone(text.slice(start, end), i === 0).blocks.map((b) => ({
      kind: b.kind, start: b.start + start, end: b.end + start, text: b.text, offsets: Array.from(b.sourceOffsets, (o) => o + start),
      quoted: b.quoted, depth: b.depth, listNumber: b.listNumber,
    }));
  });
  const actual = parseMarkdown(text).blocks.map((b) => ({
    kind: b.kind, start: b.start, end: b.end, text: b.text, offsets: Array.from(b.sourceOffsets), quoted: b.quoted, depth: b.depth, listNumber: b.listNumber,
  }));
  assert.deepEqual(actual, expected);
}

// A unique first line, so that no chunk is cached from an earlier case and the groups are parsed afresh.
const fresh = (body: string) => `Case ${++run} of the chunk groups.\n\n${body}`;

describe('model: chunks parsed together on a first parse', () => {
  it('give each chunk\u2019s blocks as parsed alone, on random Markdown', () => {
    const pieces = ['# Term\n', '## 2. Fees\n', '   # Indented\n', '\n', '\n\n', 'The Supplier shall pay.\n', '1. First item\n', '- bullet\n',
      '   continued text\n', '    indented code\n', '<pre>\n', '</pre>\n', '<!-- note\n', '-->\n', '[x]: https://example.com\n', 'See [x] here.\n',
      '```\n', '| a | b |\n', '|---|---|\n', '> quoted\n', '**bold** and _em_\n', 'Setext\n===\n', '2.1 The Customer shall.\n'];
    const fcRuns = propertyRuns(200);
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => assertSameAsAlone(fresh(parts.join('')))),
      { numRuns: fcRuns, seed: propertySeed(29) });
  });

  it('keep a reference in one chunk unresolved by a definition in another', () => {
    // Alone, "[x]" stays text; parsed with the definition's chunk it would become a link to it.
    const text = fresh('# One\n\nSee [x] for the terms.\n\n# Two\n\n[x]: https://example.com\n\nMore text.\n');
    assertSameAsAlone(text);
    assert.ok(parseMarkdown(text).blocks.some((b) => b.text.includes('[x]')));
  });

  it('keep a heading after an HTML block that only its end tag closes', () => {
    assertSameAsAlone(fresh('# One\n\n<pre>\nkept as is\n\n# Two\n\n</pre>\n\n# Three\n\nText.\n'));
  });

  it('give the same blocks for a long contract of many sections', () => {
    const sections = Array.from({ length: 60 }, (_, i) => `## ${i + 1}. Section\n\n${i + 1}.1 The Supplier shall *promptly* act (see clause ${i}).\n\n- item one\n- item two\n`);
    assertSameAsAlone(fresh(sections.join('\n')));
  });
});
