/**
 * Everything generated from the rule modules is up to date (the same check as `npm run gen:check`,
 * in-process so that `npx mocha` fails on a stale file too), and the generator rewrites only its
 * marked blocks of a docs page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulePage, staleFiles } from '../../scripts/generate-rules';
import { getRule } from '../../server/src/engine';

const ROOT = join(__dirname, '..', '..');

describe('generated files (scripts/generate-rules.ts)', () => {
  it('are up to date with the rule modules (run `npm run gen` and commit if this fails)', () => {
    assert.deepEqual(staleFiles(), [], 'stale generated files: run `npm run gen`');
  });

  describe('a docs page', () => {
    const meta = getRule('acceptance-criteria')!.meta;
    const page = readFileSync(join(ROOT, 'docs/rules/acceptance-criteria.md'), 'utf8');

    it('gets its generated blocks back when they were edited by hand, and keeps the prose', () => {
      const edited = page
        .replace('Deliverables need acceptance criteria and a testing procedure.', 'A hand-edited description.')
        .replace('### ✅ Not flagged', '### ✅ Fine')
        .replace('## What it checks\n', '## What it checks\n\nA hand-written sentence the generator must keep.\n');
      const next = rulePage(meta, edited);
      assert.ok(next.includes(meta.description), 'the header is regenerated');
      assert.ok(next.includes('### ✅ Not flagged') && !next.includes('### ✅ Fine'), 'the examples are regenerated');
      assert.ok(next.includes('A hand-written sentence the generator must keep.'), 'prose outside the blocks is kept');
      assert.equal(rulePage(meta, page), page, 'an up-to-date page is left as it is');
    });

    it('shows the linked rules\' current titles and descriptions under Related rules', () => {
      const stale = page.replace(/^- \[`deliverable-dates`\]\(deliverable-dates\.md\): .*$/m, '- [`deliverable-dates`](deliverable-dates.md): An old title. An old description.');
      assert.notEqual(stale, page);
      const next = rulePage(meta, stale);
      const dates = getRule('deliverable-dates')!.meta;
      assert.ok(next.includes(`- [\`deliverable-dates\`](deliverable-dates.md): ${dates.title}. ${dates.description}`));
    });

    it('refuses a page whose markers were removed, naming the block', () => {
      const broken = page.replace(/<!-- generated:examples end -->\n/, '');
      assert.throws(() => rulePage(meta, broken), /acceptance-criteria\.md has no generated "examples" block/);
    });

    it('starts a missing page from a skeleton with the generated blocks and TODO prose', () => {
      const skeleton = rulePage(meta, undefined);
      assert.ok(skeleton.startsWith(`# acceptance-criteria: ${meta.title}\n`));
      for (const name of ['header', 'examples', 'settings', 'related']) assert.ok(skeleton.includes(`<!-- generated:${name} end -->`), name);
      assert.match(skeleton, /## What it checks\n\nTODO/);
    });
  });
});
