/**
 * The example table: every rule's declared examples (meta.examples, from server/src/rules/examples/<id>.ts)
 * are reviewed, so a flagged example must produce that rule's finding and a fine one must not. The
 * same examples are what docs/rules/<id>.md shows (npm run gen), so a page cannot claim a behaviour
 * the rule does not have.
 */
import assert from 'node:assert/strict';
import { review, RULES, type ReviewSettings } from '../../server/src/engine';
import type { RuleExamples } from '../../server/src/rules/types';

/** The settings the examples assume, from their VS Code form ("clausewise.thresholds" and the like). */
function settingsOf(ex: RuleExamples): ReviewSettings {
  const s = ex.settings ?? {};
  const out: ReviewSettings = {};
  if (s['clausewise.thresholds']) out.thresholds = s['clausewise.thresholds'];
  if (s['clausewise.profiles']) out.profiles = s['clausewise.profiles'];
  // Opt-in rules (enabledByDefault: false) show the setting that switches them on.
  if (s['clausewise.severity']) out.severity = s['clausewise.severity'] as ReviewSettings['severity'];
  return out;
}

/** Examples are excerpts; review them as the body of a minimal contract (unless they bring their own title or front matter). */
function findingsOf(excerpt: string, ruleId: string, settings: ReviewSettings): string[] {
  const text = /^(?:# |---\n)/.test(excerpt) ? `${excerpt}\n` : `# Outsourcing Agreement\n\n${excerpt}\n`;
  return review({ text, force: true, settings }).diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message);
}

describe('rule examples (meta.examples)', () => {
  for (const { meta } of RULES) {
    describe(meta.id, () => {
      const settings = settingsOf(meta.examples);
      it('has at least one flagged and one fine example, each with its reason', () => {
        assert.ok(meta.examples.flagged.length > 0, `server/src/rules/examples/${meta.id}.ts needs a flagged example`);
        assert.ok(meta.examples.fine.length > 0, `server/src/rules/examples/${meta.id}.ts needs a fine example`);
        for (const e of [...meta.examples.flagged, ...meta.examples.fine]) {
          assert.ok(e.markdown.trim(), 'an example has Markdown');
          assert.ok(e.why.trim() && !e.why.includes('\n'), 'an example has a one-line reason');
        }
      });
      meta.examples.flagged.forEach((e, i) => {
        it(`flags example ${i + 1}`, () => {
          assert.ok(findingsOf(e.markdown, meta.id, settings).length > 0, `flagged example ${i + 1} of ${meta.id} is not flagged:\n${e.markdown}`);
        });
      });
      meta.examples.fine.forEach((e, i) => {
        it(`passes fine example ${i + 1}`, () => {
          assert.deepEqual(findingsOf(e.markdown, meta.id, settings), [], `fine example ${i + 1} of ${meta.id} is flagged:\n${e.markdown}`);
        });
      });
    });
  }
});
