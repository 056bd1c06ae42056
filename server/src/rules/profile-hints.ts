import type { Rule, RuleContext, RuleFinding, RuleMeta } from './types';
import { firstSentenceWhere, infoSpan } from '../categories';
import type { CategoryId } from '../categories/types';
import { holdsAny } from '../model/word-gate';

/**
 * Suggests a regulatory profile when the text shows the contract falls under it. A suggestion is an
 * information finding; the profile is never switched on silently. `anyOf`: lower-case literals one of
 * which every match of every pattern holds, looked up in the sentence first (./word-gate.ts): most
 * contracts name neither regulation, and their review then never compiles the patterns.
 */
export function profileHintRule(opts: { id: string; category: CategoryId; profile: string; alsoSatisfiedBy: string[]; patterns: RegExp[]; anyOf: readonly string[]; title: string; description: string; rationale: string; message: string } & Pick<RuleMeta, 'examples' | 'related' | 'quickFix' | 'silentUnder'>): Rule {
  const kind = `profile-hint\u0000${opts.id}`;
  return {
    meta: { id: opts.id, category: opts.category, defaultSeverity: 'information', title: opts.title, description: opts.description, rationale: opts.rationale, examples: opts.examples, related: opts.related, quickFix: opts.quickFix, silentUnder: opts.silentUnder },
    check(ctx: RuleContext): RuleFinding[] {
      if ([opts.profile, ...opts.alsoSatisfiedBy].some((p) => ctx.profiles.includes(p))) return [];
      // While editing, only the sentences an edit re-read are tested (firstSentenceWhere): a document
      // without a hit would otherwise run every pattern over every sentence on every keystroke.
      const hit = firstSentenceWhere(ctx.model, kind, (flat) => holdsAny(flat.toLowerCase(), opts.anyOf) && opts.patterns.some((p) => p.test(flat)));
      if (!hit) return [];
      return [{ span: infoSpan(ctx.model, hit), message: opts.message }];
    },
  };
}
