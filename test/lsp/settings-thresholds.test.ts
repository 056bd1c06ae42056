/**
 * The editor's `clausewise.thresholds` setting accepts exactly the thresholds the rules declare in
 * their meta (no hand-kept list in lsp/settings.ts), with numbers only.
 */
import assert from 'node:assert/strict';
import { RULES } from '../../server/src/engine';
import { sanitizeSettings } from '../../server/src/lsp/settings';

const declared = RULES.flatMap((r) => r.meta.thresholds ?? []).map((t) => t.name);

describe('lsp settings: thresholds', () => {
  it('some rules declare thresholds', () => assert.ok(declared.length >= 7, declared.join(', ')));

  it('keeps every declared threshold given as a number', () => {
    const raw = Object.fromEntries(declared.map((name, i) => [name, i + 1]));
    assert.deepEqual(sanitizeSettings({ thresholds: raw }).thresholds, raw);
  });

  it('drops undeclared names and values that are not finite numbers', () => {
    const [first, second] = declared;
    const out = sanitizeSettings({ thresholds: { [first]: '99', [second]: Number.NaN, minCoffeeBreaks: 2 } });
    assert.equal(out.thresholds, undefined);
  });
});
