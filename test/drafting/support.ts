/**
 * Helpers for the drafting-rule tests (issue 6). Every contract text here was written for these
 * tests. Drafting rules apply under every profile; undefined-term is opt-in, so the helpers switch
 * it on.
 */
import assert from 'node:assert/strict';
import { computeFix, getRule, review, type ReviewDiagnostic, type ReviewResult, type ReviewSettings } from '../../server/src/engine';
import type { FixSpec } from '../../server/src/rules/types';
import { applyEdits, assertLinesKept, textAt } from '../rules/support';

export { applyEdits, assertLinesKept, textAt };

/** The opt-in drafting rules (undefined-term, signature-block) switched on. */
export const ON: ReviewSettings = { severity: { 'undefined-term': 'warning', 'signature-block': 'warning' } };

export interface Found { diag: ReviewDiagnostic; fixes: FixSpec[]; result: ReviewResult }

export function findings(text: string, ruleId: string, settings: ReviewSettings = ON): Found[] {
  const result = review({ text, force: true, settings });
  const out: Found[] = [];
  result.diagnostics.forEach((d, i) => { if (d.ruleId === ruleId) out.push({ diag: d, fixes: result.fixSpecs[i], result }); });
  return out;
}

/** The flagged words of each finding. */
export function flagged(text: string, ruleId: string, settings: ReviewSettings = ON): string[] {
  return findings(text, ruleId, settings).map((f) => textAt(text, f.diag.range));
}

export function quiet(text: string, ruleId: string, settings: ReviewSettings = ON): void {
  assert.deepEqual(findings(text, ruleId, settings).map((f) => `${textAt(text, f.diag.range)}: ${f.diag.message}`), [], `${ruleId} should stay quiet`);
}

/** Applies one fix spec and returns the new text. */
export function apply(found: Found, spec: FixSpec): string {
  const fix = computeFix(found.result.model, spec, { snippet: false });
  assert.ok(fix && fix.edits.length, 'the fix computes');
  return applyEdits(found.result.model.text, fix.edits);
}

/** A 'replace' fix changes exactly its span, which lies inside the flagged words. */
export function checkReplace(text: string, found: Found, spec: FixSpec): string {
  assert.equal(spec.kind, 'replace');
  if (spec.kind !== 'replace') throw new Error('not a replace fix');
  const fixed = apply(found, spec);
  assert.equal(fixed, text.slice(0, spec.span.start) + spec.replacement + text.slice(spec.span.end));
  const start = textAt(text, found.diag.range);
  assert.ok(start.includes(text.slice(spec.span.start, spec.span.end)), 'the replaced words are inside the flagged words');
  return fixed;
}

export function assertDraftingMeta(ruleId: string, severity: string): void {
  const rule = getRule(ruleId);
  assert.ok(rule, `${ruleId} is registered`);
  assert.equal(rule.meta.category, 'drafting');
  assert.equal(rule.meta.defaultSeverity, severity);
  for (const k of ['title', 'description', 'rationale'] as const) assert.ok(rule.meta[k].length > 10, `${ruleId} has a ${k}`);
}

/** Wraps a body in a minimal contract with two parties (Harbourline / Quillfeather). */
export function contract(body: string, title = 'Managed IT Services Agreement'): string {
  return `# ${title}\n\nThis Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").\n\n${body.trim()}\n`;
}
