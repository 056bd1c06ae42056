import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const deliverables: CategoryDefinition = {
  id: 'deliverables',
  title: 'Scope and deliverables',
  expectation: 'Services and deliverables described concretely, with acceptance criteria or milestones and dates.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'scope', pattern: /\b(?:shall|will|agrees? to)\s+(?:\w+\s+){0,3}(?:provide|perform|deliver|supply|develop|host|maintain|support|operate|manage|implement|design|build)\b/i, supplierDuty: true },
      { requirement: 'scope', pattern: /\bdeliverables?\b|\bscope of (?:work|services)\b|\bstatement of work\b|\bservices? description\b|\bdescription of (?:the )?services\b/i },
      { requirement: 'acceptance', pattern: /\bacceptance (?:criteria|tests?|testing|procedures?|certificates?|period)\b|\b(?:accept|reject)(?:s|ed|ance|ion)?\b[^.]{0,80}\b(?:deliverables?|milestones?|work product|software|system)\b|\b(?:deliverables?|milestones?|work product)\b[^.]{0,80}\b(?:accept|reject)(?:s|ed|ance|ion)?\b|\bconform(?:s|ity|ance)? (?:to|with) the (?:specifications?|requirements|acceptance)/i },
      { requirement: 'dates', pattern: /\bmilestones?\b|\bdelivery (?:dates?|schedule)\b|\bdue dates?\b|\btimeline\b|\bproject plan\b|\bimplementation plan\b|\b(?:by|on or before|no later than)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{4}-\d{2}-\d{2}\b|\bwithin\s+\w+\s*(?:\(\d+\)\s*)?(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?)\s+(?:of|after|from)\s+(?:the\s+)?(?:effective date|commencement|award|order|kick-?off|signature|execution)/i },
      { requirement: 'dates', pattern: /\|[^|]*\b(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|(?:week|month|day|sprint)\s+\d+)/i, context: /deliverables?|milestones?|due|date|schedule/i },
    ], /\b(?:scope|services|deliverables|statement of work|description of (?:the )?services|the work|acceptance|milestones?|project plan)\b/i);
    const reqs = ['scope', 'acceptance', 'dates'];
    const scoped = has(found, 'scope', 'heading');
    if (scoped && has(found, 'acceptance', 'dates')) return verdictOf('deliverables', found, 'present', 'services or deliverables with acceptance criteria or dates', reqs);
    if (scoped) return verdictOf('deliverables', found, 'weak', 'services are described, but without acceptance criteria, milestones or dates', reqs);
    return verdictOf('deliverables', found, 'missing', 'no description of the services or deliverables', reqs);
  },
};
