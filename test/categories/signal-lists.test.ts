import assert from 'node:assert/strict';
import { signalsIdOf, type Signal } from '../../server/src/categories/scan';
import { FALSE_SENSES } from '../../server/src/categories/senses';

// Assessors write their signal lists inline, so every review passes new arrays of new regular
// expressions. The scans' memoised matches and prefilters are found by the list's content: a list
// was named by a string of all its expressions, built and hashed on every scan (issue 13); now by
// its first pattern and a field-by-field comparison. Equal content must give the same name, and any
// difference that could change a match a different one.
describe('categories: signal lists named by their content', () => {
  // A new list of new expressions each call, as an assessor's inline list is.
  const list = (): Signal[] => [
    { requirement: 'mention', pattern: /\bservice levels?\b/i, context: /\bavailab/i, mask: [FALSE_SENSES.ciaTriad] },
    { requirement: 'credits', pattern: /\bservice credits?\b/i, unless: /\bno credits\b/i, supplierDuty: true },
    { requirement: 'times', pattern: /\bwithin \d+ hours\b/i, inSection: /support/i, allowDefinitions: true, noHeadings: true },
  ];

  it('gives a list the same name every time it is written out anew', () => {
    const a = list();
    const b = list();
    assert.notEqual(a[0].pattern, b[0].pattern, 'new expression objects');
    assert.equal(signalsIdOf(a), signalsIdOf(b));
    assert.equal(signalsIdOf(a), signalsIdOf(a));
  });

  it('gives a list that differs in anything a match reads another name', () => {
    const id = signalsIdOf(list());
    const variants: Array<[string, (l: Signal[]) => void]> = [
      ['requirement', (l) => (l[1].requirement = 'remedy')],
      ['pattern', (l) => (l[2].pattern = /\bwithin \d+ days\b/i)],
      ['flags', (l) => (l[1].pattern = /\bservice credits?\b/)],
      ['context', (l) => (l[0].context = /\buptime/i)],
      ['context dropped', (l) => delete l[0].context],
      ['unless', (l) => (l[1].unless = /\bno rebates\b/i)],
      ['inSection', (l) => (l[2].inSection = /maintenance/i)],
      ['supplierDuty', (l) => (l[1].supplierDuty = false)],
      ['allowDefinitions', (l) => (l[2].allowDefinitions = false)],
      ['noHeadings', (l) => (l[0].noHeadings = true)],
      ['mask', (l) => (l[0].mask = [FALSE_SENSES.caseMayBe])],
      ['mask dropped', (l) => delete l[0].mask],
      ['order', (l) => l.reverse()],
      ['length', (l) => l.pop()],
    ];
    const seen = new Set([id]);
    for (const [what, change] of variants) {
      const l = list();
      change(l);
      const other = signalsIdOf(l);
      assert.notEqual(other, id, what);
      assert.equal(signalsIdOf(((x) => (change(x), x))(list())), other, `${what}: the same name again`);
      seen.add(other);
    }
    assert.equal(seen.size, variants.length + 1);
  });
});
