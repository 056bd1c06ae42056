import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { remarkGfmWithoutFootnotes } from '../../server/src/model/gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { extractBlocks } from '../../server/src/model/blocks';
import { parseMarkdown } from '../../server/src/model/markdown';

// The model parses a document chunk by chunk (cut at headings) and caches each chunk; that must give
// exactly the blocks a parse of the whole document gives.
const whole = (text: string) => extractBlocks(unified().use(remarkParse).use(remarkGfmWithoutFootnotes, { autolinks: false }).use(remarkFrontmatter, ['yaml']).parse(text) as Root, text);
const simplify = (blocks: ReturnType<typeof whole>) => blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end, text: b.text, offsets: Array.from(b.sourceOffsets), listNumber: b.listNumber, depth: b.depth, quoted: b.quoted }));

const samples: Array<[string, string]> = [];
for (const f of readdirSync(resolve(__dirname, '../../examples')).filter((f) => f.endsWith('.md'))) samples.push([`examples/${f}`, readFileSync(resolve(__dirname, '../../examples', f), 'utf8')]);
const corpus = resolve(__dirname, '../../../shared/corpus/contracts');
if (existsSync(corpus)) for (const f of readdirSync(corpus)) samples.push([`corpus/${f}`, readFileSync(join(corpus, f), 'utf8')]);
samples.push(['fenced code with a heading inside', '# Title\n\nText.\n\n```\n# not a heading\n```\n\n## 1. Next\n\nMore.\n']);
samples.push(['comment with a heading inside', '# Title\n\n<!--\n# hidden\n-->\n\n## 2. Next\n\nMore.\n']);
samples.push(['lazy continuation', '# Title\n\n> quoted\n# heading after a quote\n\n1. item\n## heading after a list\n']);
samples.push(['front matter', '---\ntitle: x\n---\n# Title\n\n## 1. A\n\nText.\n']);

describe('chunked Markdown parsing', () => {
  for (const [name, text] of samples) {
    it(`gives the same blocks as a whole-document parse: ${name}`, () => {
      assert.deepEqual(simplify(parseMarkdown(text).blocks), simplify(whole(text)));
    });
  }

  it('reads front matter only at the start of the document', () => {
    assert.equal(parseMarkdown('---\na: 1\n---\n# T\n').yaml?.value, 'a: 1');
    assert.equal(parseMarkdown('# T\n\n## S\n\n---\na: 1\n---\n').yaml, null);
  });

  it('re-parses an edited section to the same result as a fresh parse', () => {
    const base = samples[0][1];
    parseMarkdown(base);
    const edited = base.replace(/\n## /, '\nAn added sentence.\n\n## ');
    assert.deepEqual(simplify(parseMarkdown(edited).blocks), simplify(whole(edited)));
  });
});
