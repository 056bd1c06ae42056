import type { RuleContext } from './types';
import { textMatchesUpTo } from './text-matches';

// Words that name work handed over and accepted, as opposed to a running service.
export const PROJECT_WORDS = /\b(?:deliverables?|work products?|statements? of work|milestones?|project plans?)\b|\bSOWs?\b/gi;

/**
 * Does the contract buy project work (things built and delivered), so that acceptance tests and
 * delivery dates are points to make? An ongoing service (hosting, support, maintenance, a cloud
 * subscription) is measured by its service levels instead; asking it for acceptance criteria and
 * milestone dates was most of these rules' false alarms on real contracts (see
 * docs/rules/acceptance-criteria.md). A single passing mention of a statement of work does not turn
 * a service measured by availability or response times into a project.
 */
export function isProjectWork(ctx: RuleContext): boolean {
  // Counted up to two, all the test below asks; while editing, from the previous text's count and the
  // edited stretch (a match is at most 18 characters long: "statements of work").
  const mentions = textMatchesUpTo(ctx.model, PROJECT_WORDS, 2, 32);
  if (mentions === 0) return false;
  const sla = ctx.assessment('sla');
  const measuredService = Boolean(sla.requirements.availability || sla.requirements.times);
  return !measuredService || mentions >= 2;
}
