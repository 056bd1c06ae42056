import type { CategoryDefinition } from './types';
import { countOf, has, scan, verdictOf } from './scan';

// What the supplier does, named concretely: a verb of service delivery with a service-like object.
const SERVICE_DUTY = /\b(?:shall|will|agrees? to|must)\s+(?:\w+\s+){0,3}(?:provide|perform|deliver|supply|develop|host|maintain|support|operate|manage|implement|design|build|install|configure|migrate|monitor|administer|sell|ship|manufacture)\b[^.;]{0,25}\b(?:services?|systems?|software|network|platform|infrastructure|applications?|web ?sites?|hardware|equipment|servers?|databases?|deliverables?|work product|help ?desk|solution|products?)\b/i;

export const deliverables: CategoryDefinition = {
  id: 'deliverables',
  title: 'Scope and deliverables',
  expectation: 'Services and deliverables described concretely, with acceptance criteria, milestones and dates, or measurable service standards.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'duty', pattern: SERVICE_DUTY, supplierDuty: true },
      { requirement: 'itemised', pattern: /\b(?:services|deliverables|work|scope)\b[^.]{0,40}\b(?:include|includes|including|consist of|consists of|comprise|comprises|are as follows|are described|listed|set out below|the following)\b|\bthe following (?:services|deliverables|tasks|work)\b/i, noHeadings: true },
      { requirement: 'itemised', pattern: /^(?:management|administration|maintenance|monitoring|support|hosting|development|provision|installation|configuration|operation|design|delivery|implementation|migration|backup|patching) of\b/i },
      { requirement: 'deliverables', pattern: /\bdeliverables?\b|\bscope of (?:work|services)\b|\bstatement of work\b|\bservices? description\b|\bdescription of (?:the )?services\b/i, noHeadings: true },
      { requirement: 'acceptance', pattern: /\bacceptance (?:criteria|tests?|testing|procedures?|certificates?|period)\b|\b(?:accept|reject)(?:s|ed|ance|ion)?\b[^.]{0,80}\b(?:deliverables?|milestones?|work product|software|system|services|products)\b[^.]{0,80}\b(?:compl|conform|specification|criteria|requirements|defect)|\b(?:deliverables?|milestones?|work product)\b[^.]{0,80}\b(?:accept|reject)(?:s|ed|ance|ion)?\b|\bconform(?:s|ity|ance)? (?:to|with) the (?:specifications?|requirements|acceptance)/i },
      { requirement: 'dates', pattern: /\bmilestones?\b|\bdelivery (?:dates?|schedule)\b|\bdue dates?\b|\btimeline\b|\bproject plan\b|\bimplementation plan\b|\b(?:by|on or before|no later than)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{4}-\d{2}-\d{2}\b|\bwithin\s+\w+\s*(?:\(\d+\)\s*)?(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?)\s+(?:of|after|from)\s+(?:the\s+)?(?:effective date|commencement|award|order|kick-?off|signature|execution)/i },
      { requirement: 'dates', pattern: /\|[^|]*\b(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|(?:week|month|day|sprint)\s+\d+)/i, context: /deliverables?|milestones?|due|date|schedule/i },
    ], /\b(?:scope|services|deliverables|statement of work|description of (?:the )?services|the work|milestones?|project plan|system administration|support|products|goods|specifications)\b/i);
    // Measurable service standards (availability, response times) also make a scope concrete.
    const sla = ctx.assessment?.('sla');
    const standards = Boolean(sla && (sla.requirements.availability || sla.requirements.times));
    // A scope needs more than one generic "shall provide the Services": a scope section, an
    // itemised list, or several concrete service duties.
    const scoped = has(found, 'heading', 'itemised') || (found.duty?.length ?? 0) >= 2 || (has(found, 'deliverables') && has(found, 'duty'));
    const f = { ...found, scope: [...(found.heading ?? []), ...(found.itemised ?? []), ...(found.duty ?? [])] };
    if (scoped && (has(found, 'acceptance', 'dates') || standards)) return verdictOf('deliverables', f, 'present', 'services or deliverables with acceptance criteria, dates or measurable standards');
    if (scoped || countOf(found, 'duty', 'deliverables') >= 1 && has(found, 'deliverables')) return verdictOf('deliverables', f, 'weak', 'services are described, but without acceptance criteria, milestones or dates');
    return verdictOf('deliverables', f, 'missing', 'no description of the services or deliverables');
  },
};
