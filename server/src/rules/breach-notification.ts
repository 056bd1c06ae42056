import type { Rule, RuleFinding } from './types';
import { insertFix } from './helpers';
import { holdsAny } from '../model/word-gate';
import examples from './examples/breach-notification';
import { firstIndexFrom, sourceOffsetAt, sourceSpanOf } from '../drafting/offsets';

const VAGUE_TIMING = /\b(?:promptly|in a timely (?:manner|fashion)|timely|as soon as (?:reasonably )?(?:possible|practicable|feasible)|within a reasonable (?:time|period)|without undue delay)\b/i;
// A deadline a customer can count: a number of hours or days, or "immediately".
export const FIXED_DEADLINE = /\b\d+\]?\s*(?:\(\d+\)\s*)?(?:hours?|hrs?|days?|business days?)\b|\b(?:twenty-four|forty-eight|seventy-two|one|two|three)\s*(?:\(\d+\)\s*)?(?:hours?|days?)\b|\bimmediately\b|\bforthwith\b/i;
/** Lower-case literals one of which every match of FIXED_DEADLINE holds, looked up first (./word-gate.ts). */
export const FIXED_DEADLINE_WORDS = ['hour', 'hr', 'day', 'immediately', 'forthwith'];
/** Whether a duty's text sets a fixed deadline; most that do not are told by a plain search. */
const hasFixedDeadline = (text: string): boolean => holdsAny(text.toLowerCase(), FIXED_DEADLINE_WORDS) && FIXED_DEADLINE.test(text);

const rule: Rule = {
  meta: {
    examples,
    related: ['vague-wording', 'data-protection-terms'],
    quickFix: 'replace the vague timing word with "without undue delay and in any event within [24] hours", or insert clause "Security Incident and Breach Notification" (`breach-notification`)',
    id: 'breach-notification',
    category: 'breach-notification',
    defaultSeverity: 'warning',
    title: 'Breach notification deadline',
    description: 'The duty to notify incidents needs a deadline in hours.',
    rationale: 'A notice "promptly", "as soon as practicable" or with no timing at all lets the supplier decide when the customer hears of a breach. The customer\'s own regulatory clock (72 hours under GDPR Art. 33, a few hours for major ICT incidents under DORA) starts when it becomes aware, so the contract should require notice within a fixed number of hours.',
    clauseId: 'breach-notification',
  },
  check(ctx) {
    const a = ctx.assessment('breach-notification');
    if (a.verdict === 'missing') return [];
    const duties = a.evidence.filter((e) => e.requirement === 'duty' || e.requirement === 'deadline');
    // A clause in another file of the bundle is reported at this document's title, without a fix
    // that would edit text in the wrong file.
    if (a.source) return duties.some((e) => hasFixedDeadline(e.text)) ? [] : [{ span: ctx.model.titleSpan, message: `The duty to notify security incidents (in ${a.source}) has no fixed deadline: require notice within a number of hours (e.g. 24).` }];
    // Present with a real deadline somewhere: nothing to say.
    if (duties.some((e) => hasFixedDeadline(e.text))) return [];
    const duty = duties[0];
    if (!duty) return [];
    const out: RuleFinding = {
      span: duty.span,
      message: a.verdict === 'weak'
        ? 'The duty to notify security incidents has no deadline: require notice within a fixed number of hours (e.g. 24).'
        : 'The duty to notify security incidents has no fixed deadline ("as soon as practicable" or similar): require notice within a number of hours (e.g. 24).',
      fixes: [],
    };
    // Offer to replace the vague timing words themselves, when the sentence has them.
    const block = ctx.model.blocks.find((b) => b.start <= duty.span.start && duty.span.start < b.end);
    if (block) {
      const from = firstIndexFrom(block, duty.span.start);
      const m = VAGUE_TIMING.exec(block.text.slice(from));
      if (m && sourceOffsetAt(block, from + m.index) < duty.span.end) {
        const i = from + m.index;
        const span = sourceSpanOf(block, i, i + m[0].length);
        const replacement = 'without undue delay and in any event within [24] hours';
        out.fixes!.push({ kind: 'replace', title: `Replace "${m[0]}" with "${replacement}"`, span, replacement });
      }
    }
    out.fixes!.push(...insertFix(rule.meta.clauseId, a.section));
    return [out];
  },
};
export default rule;
