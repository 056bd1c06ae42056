import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';

describe('model: front matter', () => {
  it('reads valid YAML front matter, its span and its title', () => {
    const text = '---\ntitle: Cloud Hosting Agreement\nclausewise:\n  review: true\n---\n# Draft 3\n\nBody text.\n';
    const m = buildContractModel(text);
    assert.deepEqual(m.frontMatter, { title: 'Cloud Hosting Agreement', clausewise: { review: true } });
    assert.equal(m.frontMatterError, null);
    assert.equal(text.slice(m.frontMatterSpan!.start, m.frontMatterSpan!.end), '---\ntitle: Cloud Hosting Agreement\nclausewise:\n  review: true\n---');
    assert.equal(m.title, 'Cloud Hosting Agreement', 'the front-matter title wins over the heading');
    assert.equal(text.slice(m.titleSpan.start, m.titleSpan.end), '# Draft 3', 'findings still anchor on the first heading');
    assert.ok(!m.blocks.some((b) => b.text.includes('review: true')), 'the front matter is not contract text');
  });

  it('reports invalid YAML as frontMatterError, with the document line, instead of throwing', () => {
    const text = '---\ntitle: ok\nowner: Legal\nbad: one: two\n---\n# Hosting Agreement\n';
    let m!: ReturnType<typeof buildContractModel>;
    assert.doesNotThrow(() => { m = buildContractModel(text); });
    assert.equal(m.frontMatter, null);
    assert.ok(m.frontMatterError);
    assert.match(m.frontMatterError, /YAML/);
    // "bad: one: two" is on line 4 of the document (line 3 of the YAML, after the opening ---).
    assert.match(m.frontMatterError, /\bline 4\b/);
    assert.equal(m.title, 'Hosting Agreement');
  });

  it('reports front matter that is not a mapping', () => {
    const m = buildContractModel('---\n- one\n- two\n---\n# Hosting Agreement\n');
    assert.equal(m.frontMatter, null);
    assert.match(m.frontMatterError ?? '', /not a mapping/);
  });

  it('accepts empty front matter', () => {
    const m = buildContractModel('---\n---\n# Hosting Agreement\n');
    assert.equal(m.frontMatter, null);
    assert.equal(m.frontMatterError, null);
    assert.equal(m.title, 'Hosting Agreement');
  });

  it('handles a file holding only front matter', () => {
    const text = '---\ntitle: Placeholder Agreement\n---\n';
    const m = buildContractModel(text);
    assert.equal(m.blocks.length, 0);
    assert.equal(m.sections.length, 1);
    assert.equal(m.title, 'Placeholder Agreement');
    assert.deepEqual(m.titleSpan, { start: m.frontMatterSpan!.end, end: m.frontMatterSpan!.end });
  });

  it('reads front matter with CRLF line endings', () => {
    const m = buildContractModel('---\r\ntitle: Windows Agreement\r\n---\r\n# Heading\r\n');
    assert.deepEqual(m.frontMatter, { title: 'Windows Agreement' });
  });

  it('does not treat a later --- rule as front matter', () => {
    const m = buildContractModel('# Hosting Agreement\n\nText.\n\n---\ntitle: nope\n---\n');
    assert.equal(m.frontMatter, null);
    assert.equal(m.frontMatterSpan, null);
  });
});
