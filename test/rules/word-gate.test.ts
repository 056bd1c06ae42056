import assert from 'node:assert/strict';
import { needOf, type Need } from '../../server/src/categories/prefilter';
import { review } from '../../server/src/engine';
import { FIXED_DEADLINE, FIXED_DEADLINE_WORDS } from '../../server/src/rules/breach-notification';
import { DORA_HINT_PATTERNS, DORA_HINT_WORDS } from '../../server/src/rules/dora-profile-hint';
import { GDPR_HINT_PATTERNS, GDPR_HINT_WORDS } from '../../server/src/rules/gdpr-profile-hint';
import { OPEN_POINT, OPEN_POINT_WORDS } from '../../server/src/rules/placeholder';
import { VAGUE_TERMS } from '../../server/src/rules/vague-terms';
import { VAGUE_BOUNDS } from '../../server/src/rules/vague-wording';
import { holdsAny } from '../../server/src/rules/word-gate';

/** Whether every text that meets `need` holds one of the literals (so the gate never skips a match). */
function implies(need: Need, literals: readonly string[]): boolean {
  if (need === true) return false;
  if ('lit' in need) return literals.some((w) => need.lit.includes(w));
  if ('and' in need) return need.and.some((n) => implies(n, literals));
  return need.or.every((n) => implies(n, literals));
}

/** Every pattern a rule keeps behind a word gate, with its literals. */
const GATED: Array<{ name: string; pattern: RegExp; anyOf: readonly string[]; andAnyOf?: readonly string[] }> = [
  ...VAGUE_TERMS.map((t, i) => ({ name: `VAGUE_TERMS[${i}]`, pattern: t.pattern, anyOf: t.anyOf })),
  ...Object.entries(VAGUE_BOUNDS).map(([why, b]) => ({ name: `VAGUE_BOUNDS[${why}]`, ...b })),
  ...GDPR_HINT_PATTERNS.map((pattern, i) => ({ name: `GDPR_HINT_PATTERNS[${i}]`, pattern, anyOf: GDPR_HINT_WORDS })),
  ...DORA_HINT_PATTERNS.map((pattern, i) => ({ name: `DORA_HINT_PATTERNS[${i}]`, pattern, anyOf: DORA_HINT_WORDS })),
  { name: 'OPEN_POINT', pattern: OPEN_POINT, anyOf: OPEN_POINT_WORDS },
  { name: 'FIXED_DEADLINE', pattern: FIXED_DEADLINE, anyOf: FIXED_DEADLINE_WORDS },
];

/** Counts the runs of each gated pattern while `f` runs (an own `exec` on each expression object). */
function countRuns(f: () => void): Map<string, number> {
  const runs = new Map<string, number>();
  const restore: Array<() => void> = [];
  for (const { name, pattern } of GATED) {
    const exec = RegExp.prototype.exec;
    Object.defineProperty(pattern, 'exec', { configurable: true, writable: true, value(this: RegExp, s: string) { runs.set(name, (runs.get(name) ?? 0) + 1); return exec.call(this, s); } });
    restore.push(() => delete (pattern as { exec?: unknown }).exec);
  }
  try {
    f();
  } finally {
    for (const r of restore) r();
  }
  return runs;
}

describe('word gates before rules\' expressions (cold start: an expression never run is never compiled)', () => {
  it('each list of literals holds what every match of its expression needs (read with regexpp)', () => {
    for (const { name, pattern, anyOf, andAnyOf } of GATED) {
      for (const list of [anyOf, andAnyOf ?? ['']]) {
        assert.ok(list.length > 0 && list.every((w) => w === w.toLowerCase() && /^[\x20-\x7e]*$/.test(w)), `${name}: literals must be lower-case ASCII`);
      }
      // needOf reads global patterns as "always run" (their state); the gate is per text, so read them without g.
      const need = needOf(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
      for (const list of andAnyOf ? [anyOf, andAnyOf] : [anyOf]) {
        assert.ok(need && implies(need, list), `${name}: ${pattern} can match a text holding none of ${JSON.stringify(list)} (needs ${JSON.stringify(need)})`);
      }
    }
  });

  it('holdsAny finds a literal anywhere and nothing else', () => {
    assert.equal(holdsAny('acts as data processor', ['gdpr', 'processor']), true);
    assert.equal(holdsAny('the supplier shall act', ['gdpr', 'processor']), false);
    assert.equal(holdsAny('anything', []), false);
  });

  it('a sentence with one vague term runs only that term\'s expression, and none of the profile hints\' or the deadline bound\'s', () => {
    const text = '# Agreement\n\n## 1. Reporting\n\nThe Supplier shall deliver each report promptly within the period agreed with the Customer.\n';
    let findings: Array<{ ruleId: string; message: string }> = [];
    const runs = countRuns(() => {
      findings = review({ text, force: true }).diagnostics;
    });
    assert.ok(findings.some((f) => f.ruleId === 'vague-wording' && f.message.startsWith('"promptly"')), 'the vague term is still reported');
    assert.ok((runs.get('VAGUE_TERMS[1]') ?? 0) > 0, 'the "promptly" expression ran');
    const others = [...runs.keys()].filter((name) => name !== 'VAGUE_TERMS[1]');
    assert.deepEqual(others, [], `expressions run on a text without their words: ${others.join(', ')}`);
  });

  it('an incident duty without hours or days is reported without running the fixed-deadline expression', () => {
    const text = '# Agreement\n\n## 1. Security\n\nThe Supplier shall notify the Customer of any Security Incident promptly.\n';
    let findings: Array<{ ruleId?: string; message: string }> = [];
    const runs = countRuns(() => {
      findings = review({ text, force: true }).diagnostics;
    });
    assert.ok(findings.some((f) => f.ruleId === 'breach-notification'), 'the missing deadline is still reported');
    assert.equal(runs.get('FIXED_DEADLINE') ?? 0, 0);
    const fixed = review({ text: text.replace('promptly', 'within 24 hours'), force: true }).diagnostics;
    assert.ok(!fixed.some((f) => f.ruleId === 'breach-notification'), 'a fixed deadline is still seen');
  });

  it('results are the same where the words are there: the bound, the hints and the open point still apply', () => {
    const text = [
      '# Agreement', '',
      '## 1. Reporting', '',
      'The Supplier shall deliver each report promptly and in any event within 5 Business Days.', '',
      'The Supplier acts as data processor for the Customer under the GDPR.', '',
      'The Supplier provides ICT services under the Digital Operational Resilience Act.', '',
      'The Charges are [TBD].', '',
    ].join('\n');
    const findings = review({ text, force: true }).diagnostics;
    assert.ok(!findings.some((f) => f.ruleId === 'vague-wording' && f.message.startsWith('"promptly"')), 'a bounded "promptly" is not reported');
    assert.ok(findings.some((f) => f.ruleId === 'gdpr-profile-hint'));
    assert.ok(findings.some((f) => f.ruleId === 'dora-profile-hint'));
    assert.ok(findings.some((f) => f.ruleId === 'placeholder' || (f.ruleId === 'vague-wording' && f.message.includes('TBD'))));
  });
});
