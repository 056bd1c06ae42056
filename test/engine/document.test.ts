/** The document service (server/src/engine/document.ts) that the CLI and the language server share. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configDecision, isBinary, MAX_DOCUMENT_BYTES, reviewDocument, skipReason, type ResolvedConfig } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

function config(over: Partial<ResolvedConfig>): ResolvedConfig {
  return { file: '/repo/.clausewise.yaml', files: ['/repo/.clausewise.yaml'], settings: {}, include: [], ignore: [], force: false, ...over };
}

describe('engine: document service', () => {
  describe('configDecision', () => {
    it('names the include pattern, before force: true, with the config file as the caller names it', () => {
      const c = config({ include: [{ pattern: 'deals/**/*.md', base: '/repo' }], force: true });
      assert.deepEqual(configDecision(c, '/repo/deals/a/msa.md', '.clausewise.yaml'),
        { force: true, forceReason: 'the path matches include pattern "deals/**/*.md" in .clausewise.yaml' });
      assert.deepEqual(configDecision(c, '/repo/other.md', 'sub/.clausewise.yaml'), { force: true, forceReason: 'sub/.clausewise.yaml sets force: true' });
    });

    it('reports the ignore pattern and leaves a file the config says nothing about alone', () => {
      const c = config({ ignore: [{ pattern: 'drafts/**', base: '/repo' }] });
      assert.deepEqual(configDecision(c, '/repo/drafts/x.md', 'x'), { force: false, ignoredBy: 'drafts/**' });
      assert.deepEqual(configDecision(c, '/repo/final/x.md', 'x'), { force: false });
    });
  });

  describe('what is reviewed', () => {
    it('a NUL byte makes content binary, as bytes or as text', () => {
      assert.equal(isBinary(Buffer.from([0x41, 0, 0x42])), true);
      assert.equal(isBinary('A\0B'), true);
      assert.equal(isBinary(Buffer.from('plain text')), false);
      assert.match(skipReason('A\0B')!.message, /NUL bytes/);
    });

    it('skips a text over the size limit, counted in UTF-8 bytes, and nothing at the limit', () => {
      assert.equal(skipReason('a'.repeat(MAX_DOCUMENT_BYTES)), null);
      assert.match(skipReason('a'.repeat(MAX_DOCUMENT_BYTES + 1))!.reason, /^skipped: it is larger than 2 MB/);
      // Two bytes a character in UTF-8: over the limit with half as many characters.
      assert.ok(skipReason('é'.repeat(MAX_DOCUMENT_BYTES / 2 + 1)));
    });
  });

  describe('reviewDocument', () => {
    it('returns the rules that ran, none of them switched off, and none for a non-contract', () => {
      const on = reviewDocument({ text: WEAK, path: 'weak.md', settings: {}, force: false });
      assert.ok(on.result.isContract);
      assert.ok(on.activeRules.includes('vague-wording'));
      const off = reviewDocument({ text: WEAK, path: 'weak.md', settings: { severity: { 'vague-wording': 'off' } }, force: false });
      assert.ok(!off.activeRules.includes('vague-wording'));
      assert.ok(!off.result.diagnostics.some((d) => d.ruleId === 'vague-wording'));
      const readme = reviewDocument({ text: '# Notes\n\nShopping list: milk, eggs.\n', path: 'notes.md', settings: {}, force: false });
      assert.equal(readme.result.isContract, false);
      assert.deepEqual(readme.activeRules, []);
    });

    it('reads the bundle files the contract names through the caller, and reports an unreadable one', () => {
      const text = WEAK.replace('clausewise:\n', 'clausewise:\n  bundle: [schedule-1.md]\n');
      const asked: string[] = [];
      const r = reviewDocument({ text, path: 'deal/msa.md', settings: {}, force: false, bundlePath: 'deal/msa.md', readBundle: (p) => { asked.push(p); return undefined; } });
      assert.deepEqual(asked, ['deal/schedule-1.md']);
      assert.ok(r.result.problems.some((p) => p.includes('schedule-1.md')), JSON.stringify(r.result.problems));
    });
  });
});
