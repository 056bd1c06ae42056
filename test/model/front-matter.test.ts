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

describe('model: the front matter clausewise key, validated', () => {
  it('reads every key into typed settings', () => {
    const m = buildContractModel('---\nclausewise:\n  review: true\n  profiles: [it-outsourcing, gdpr-processor]\n  clausePosition: supplier\n  bundle: [./schedules/sla.md]\n  parties: { supplier: Acme Hosting, customer: { name: Beta Bank plc, alias: Bank } }\n---\n# MSA\n');
    assert.deepEqual(m.frontMatterProblems, []);
    assert.deepEqual(m.frontMatterSettings, {
      review: true, profiles: ['it-outsourcing', 'gdpr-processor'], clausePosition: 'supplier', bundle: ['./schedules/sla.md'],
      parties: { supplier: 'Acme Hosting', customer: { name: 'Beta Bank plc', alias: 'Bank' } },
    });
    assert.equal(m.frontMatterLines['profiles[1]'], 4);
  });

  it('takes one id in profile or profiles, and clausewise: false as review: false', () => {
    assert.deepEqual(buildContractModel('---\nclausewise: { profile: dora-ict }\n---\nx\n').frontMatterSettings, { profiles: ['dora-ict'] });
    assert.deepEqual(buildContractModel('---\nclausewise: { profiles: dora-ict }\n---\nx\n').frontMatterSettings, { profiles: ['dora-ict'] });
    assert.deepEqual(buildContractModel('---\nclausewise: false\n---\nx\n').frontMatterSettings, { review: false });
  });

  it('reports a wrong value with its document line and what is allowed, and ignores only that value', () => {
    const m = buildContractModel('---\ntitle: MSA\nclausewise:\n  profiles: [it-outsourcing]\n  clausePosition: vendor\n---\n# MSA\n');
    assert.equal(m.frontMatterProblems.length, 1);
    assert.equal(m.frontMatterProblems[0].line, 5);
    assert.match(m.frontMatterProblems[0].message, /^front matter line 5: clausewise\.clausePosition: must be one of customer, balanced, supplier \(found "vendor"\); this value is ignored/);
    assert.deepEqual(m.frontMatterSettings, { profiles: ['it-outsourcing'] });
  });

  it('names a misspelt key, suggests the key meant and lists the allowed ones', () => {
    const m = buildContractModel('---\nclausewise:\n  review: true\n  clausePostion: supplier\n---\n# MSA\n');
    assert.equal(m.frontMatterProblems[0].line, 4);
    assert.match(m.frontMatterProblems[0].message, /clausewise\.clausePostion: unknown setting; did you mean "clausePosition"\?; allowed in clausewise: review, profiles, profile, clausePosition, bundle, parties/);
    assert.deepEqual(m.frontMatterSettings, { review: true });
  });

  it('rejects wrong types: a profile list with a number, a clausewise key that is text, a bundle that is not a list', () => {
    const list = buildContractModel('---\nclausewise:\n  profiles:\n    - it-outsourcing\n    - 7\n---\nx\n');
    assert.equal(list.frontMatterProblems[0].line, 5);
    assert.match(list.frontMatterProblems[0].message, /clausewise\.profiles\[1\]: must be text \(found 7\)/);
    assert.equal(list.frontMatterSettings.profiles, undefined, 'a wrong entry voids the list (the settings decide instead)');
    const text = buildContractModel('---\nclausewise: yes please\n---\nx\n');
    assert.match(text.frontMatterProblems[0].message, /^front matter line 2: clausewise: must be true, false or a mapping .*the clausewise key is ignored/);
    assert.deepEqual(text.frontMatterSettings, {});
    const bundle = buildContractModel('---\nclausewise:\n  bundle: sla.md\n---\nx\n');
    assert.match(bundle.frontMatterProblems[0].message, /line 3: clausewise\.bundle: must be a list/);
  });

  it('leaves keys other than clausewise alone, and reads a top-level parties key', () => {
    const m = buildContractModel('---\ntitle: 7\nowner: [legal]\nparties: { supplier: Acme }\n---\nx\n');
    assert.deepEqual(m.frontMatterProblems, []);
    assert.deepEqual(m.frontMatterSettings, { parties: { supplier: 'Acme', customer: undefined } });
  });

  it('has no front matter settings for plain text, whose --- lines are text', () => {
    const m = buildContractModel('---\nclausewise: { review: false }\n---\nThe Supplier shall...\n', 0, 'plain');
    assert.equal(m.frontMatter, null);
    assert.deepEqual(m.frontMatterSettings, {});
    assert.deepEqual(m.frontMatterProblems, []);
  });
});
