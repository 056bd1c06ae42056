import type { Span } from '../model';
import type { AssessmentOf, CategoryAssessment, CategoryId, RequirementOf } from '../categories/types';
import type { FixSpec, Rule, RuleContext, RuleFinding, RuleMeta } from './types';
import { clauseTitle } from '../library';

/** Where a finding about a whole category belongs: its section's title, else the document title. */
/**
 * How many times an expression matches the text, counted no further than `limit`: the checks that
 * only ask "at least n times?" stop there instead of reading a long contract to its end on every
 * keystroke. Counts as String.prototype.match with the global flag would, up to the limit.
 */
export function matchesUpTo(text: string, re: RegExp, limit: number): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let n = 0;
  while (n < limit) {
    const m = g.exec(text);
    if (!m) break;
    n++;
    if (m[0] === '') g.lastIndex++;
  }
  return n;
}

export function anchorFor(ctx: RuleContext, a: CategoryAssessment): Span {
  if (a.source) return ctx.model.titleSpan;
  if (a.section !== null && a.section > 0) return ctx.model.sections[a.section].titleSpan;
  if (a.evidence.length && !a.evidence[0].path) return a.evidence[0].span;
  return ctx.model.titleSpan;
}

/** The "Insert <clause>" fix; added to the category's own section when it has one. */
export function insertFix(clauseId: string | undefined, underSection?: number | null): FixSpec[] {
  if (!clauseId) return [];
  const title = `Insert clause: ${clauseTitle(clauseId) ?? clauseId}`;
  return [{ kind: 'insertClause', title, clauseId, underSection: underSection ?? undefined }];
}

/**
 * The finding for a category missing here but incorporated from another document: information, at
 * the incorporating sentence, naming the document the lawyer should check.
 */
export function incorporatedFinding(ctx: RuleContext, a: CategoryAssessment, meta: RuleMeta): RuleFinding {
  const inc = a.incorporatedFrom!;
  return {
    span: inc.evidence.path ? ctx.model.titleSpan : inc.evidence.span,
    message: `${meta.title}: not in this document; incorporated from ${inc.document}. Check that document's terms (or add it to the bundle).`,
    severity: 'information',
    note: true,
    fixes: insertFix(meta.clauseId, a.section),
  };
}

interface CategoryGapOptions<C extends CategoryId> {
  meta: RuleMeta & { category: C };
  /** Message when the category is missing. */
  missing: string;
  /** Message when it is weak; the assessment's reason is appended. Omit to stay quiet on weak. */
  weak?: string;
  /** Report a weak category only when this holds (other rules cover the other weaknesses). */
  weakWhen?: (a: AssessmentOf<C>) => boolean;
}

/** A rule that reports a category that is missing (at the title) or weak (at its clause). */
export function categoryGapRule<C extends CategoryId>(opts: CategoryGapOptions<C>): Rule {
  return {
    meta: opts.meta,
    check(ctx) {
      const a = ctx.assessment(opts.meta.category);
      if (a.incorporatedFrom) return [incorporatedFinding(ctx, a, opts.meta)];
      if (a.verdict === 'missing') {
        return [{ span: ctx.model.titleSpan, message: opts.missing, fixes: insertFix(opts.meta.clauseId) }];
      }
      if (a.verdict === 'weak' && opts.weak && (!opts.weakWhen || opts.weakWhen(a))) {
        return [{ span: anchorFor(ctx, a), message: `${opts.weak}: ${a.reason}.`, severity: 'warning', fixes: insertFix(opts.meta.clauseId, a.section) }];
      }
      return [];
    },
  };
}

interface RequirementGapOptions<C extends CategoryId> {
  meta: RuleMeta & { category: C };
  /** Requirements of the category (REQUIREMENTS in categories/types); the rule fires when none of them is met. */
  requirements: Array<RequirementOf<C>>;
  message: string;
  /** Only when the category itself is present or weak (so a missing category is reported once). */
  onlyWhenCategoryFound?: boolean;
  /** Give the "incorporated from" note for the category (for a category with no category-level rule). */
  notesIncorporation?: boolean;
  /** Fire only if this predicate holds on the assessment (e.g. the SLA has numbers). */
  when?: (a: AssessmentOf<C>, ctx: RuleContext) => boolean;
}

/** A rule that reports one unmet requirement inside a category (e.g. SLA without service credits). */
export function requirementGapRule<C extends CategoryId>(opts: RequirementGapOptions<C>): Rule {
  return {
    meta: opts.meta,
    check(ctx) {
      const a = ctx.assessment(opts.meta.category);
      // The category's terms live in an incorporated document: its category rule says so once.
      if (a.incorporatedFrom) return opts.notesIncorporation ? [incorporatedFinding(ctx, a, opts.meta)] : [];
      if ((opts.onlyWhenCategoryFound ?? true) && a.verdict === 'missing') return [];
      if (opts.when && !opts.when(a, ctx)) return [];
      if (opts.requirements.some((r) => a.requirements[r])) return [];
      const finding: RuleFinding = { span: anchorFor(ctx, a), message: opts.message, fixes: insertFix(opts.meta.clauseId, a.section) };
      return [finding];
    },
  };
}
