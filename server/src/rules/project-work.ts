import type { RuleContext } from './types';

// Words that name work handed over and accepted, as opposed to a running service.
const PROJECT_WORDS = /\b(?:deliverables?|work products?|statements? of work|milestones?|project plans?)\b|\bSOWs?\b/gi;

/**
 * How often the text names project work, counted up to two (all the test below asks): stopping at
 * the second mention spares reading the whole text on every review of a long contract.
 */
function mentionsUpTo2(text: string): number {
  const re = new RegExp(PROJECT_WORDS);
  let n = 0;
  while (n < 2 && re.exec(text)) n++;
  return n;
}

/**
 * Does the contract buy project work (things built and delivered), so that acceptance tests and
 * delivery dates are points to make? An ongoing service (hosting, support, maintenance, a cloud
 * subscription) is measured by its service levels instead; asking it for acceptance criteria and
 * milestone dates was most of these rules' false alarms on real contracts (see
 * docs/rules/acceptance-criteria.md). A single passing mention of a statement of work does not turn
 * a service measured by availability or response times into a project.
 */
export function isProjectWork(ctx: RuleContext): boolean {
  const mentions = mentionsUpTo2(ctx.model.text);
  if (mentions === 0) return false;
  const sla = ctx.assessment('sla');
  const measuredService = Boolean(sla.requirements.availability || sla.requirements.times);
  return !measuredService || mentions >= 2;
}
