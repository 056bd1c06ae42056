import type { RuleContext } from './types';
import { matchesUpTo } from './helpers';

// Words that name work handed over and accepted, as opposed to a running service.
const PROJECT_WORDS = /\b(?:deliverables?|work products?|statements? of work|milestones?|project plans?)\b|\bSOWs?\b/gi;

/**
 * Does the contract buy project work (things built and delivered), so that acceptance tests and
 * delivery dates are points to make? An ongoing service (hosting, support, maintenance, a cloud
 * subscription) is measured by its service levels instead; asking it for acceptance criteria and
 * milestone dates was most of these rules' false alarms on real contracts (see
 * docs/rules/acceptance-criteria.md). A single passing mention of a statement of work does not turn
 * a service measured by availability or response times into a project.
 */
export function isProjectWork(ctx: RuleContext): boolean {
  // Counted up to two, all the test below asks.
  const mentions = matchesUpTo(ctx.model.text, PROJECT_WORDS, 2);
  if (mentions === 0) return false;
  const sla = ctx.assessment('sla');
  const measuredService = Boolean(sla.requirements.availability || sla.requirements.times);
  return !measuredService || mentions >= 2;
}
