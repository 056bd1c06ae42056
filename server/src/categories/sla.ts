import { FALSE_SENSES } from './senses';
import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

const SLA_CONTEXT = /\bservice[- ]levels?\b|\bSLAs?\b|\bavailab|\buptime|\bup-time|\bdowntime|\bresponse times?\b|\bresolution times?\b|\bincidents?\b|\bpriority\b|\bseverity\b|\bP[1-4]\b|\btickets?\b|\bcalls?\b|\bfault|\boutage/i;

export const sla: CategoryDefinition = {
  id: 'sla',
  title: 'Service levels',
  expectation: 'Measurable service levels (availability %, response and resolution times), a measurement period, reporting, and a remedy such as service credits.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'mention', pattern: /\b24\s*(?:hours?|hrs?)?\s*(?:a|per|\/)\s*day\b|\b24\s*[x\/]\s*7\b|\baround the clock\b/i, context: /\b(?:support|available|availability|correct|repair|respond|problems?|service|on-?call)\b/i },
      // "Confidentiality, integrity and availability" describes data security, not a service level.
      { requirement: 'mention', pattern: /\bservice[- ]levels?\b|\bSLAs?\b|\buptime\b|\bavailability\b|\bresponse times?\b|\bresolution times?\b/i, mask: [FALSE_SENSES.ciaTriad] },
      // Numbers: an availability percentage, or a response/resolution time.
      { requirement: 'availability', pattern: /\b\d{2}(?:\.\d+)?\]?\s*(?:%|per\s*cent|percent)/i, context: /availab|uptime|up-time|downtime|service level|\bSLA\b|operational|accessible/i, unless: /\b(?:interest|tax|discount|markup|mark-up|ownership|shares?|equity|vote)\b/i },
      { requirement: 'times', pattern: /\b(?:respon\w*|resol\w*|restor\w*|fix\w*|acknowledg\w*|repair\w*|work-?around|on[- ]?site)\b[^.;]{0,80}?\b(?:within|no (?:later|more) than|in)\s+(?:\w+\s+)?(?:\(?\d+\)?|(?:one|two|three|four|five|six|eight|ten|twelve|fifteen|thirty|twenty-four|forty-eight|seventy-two)(?:\s*\(\d+\))?)\s*(?:minutes?|mins?|hours?|hrs?|business hours|days?|business days?|working days?)\b|\b\d+\s*(?:minutes?|mins?|hours?|hrs?)\b[^.;]{0,40}\b(?:respon\w*|resol\w*|restor\w*)/i, context: SLA_CONTEXT },
      { requirement: 'times', pattern: /\b(?:P[1-4]|priority\s*[1-4]|severity\s*(?:level\s*)?[1-4]|critical|high|medium|low)\b[^|]{0,20}\|[^|]*\b\d+\s*(?:minutes?|mins?|hours?|hrs?|business days?|days?)\b/i },
      { requirement: 'times', pattern: /\b\d+\s*(?:\(\d+\)\s*)?(?:minutes?|hours?)\s+of\s+(?:\w+\s+)?(?:downtime|unavailability|outage|interruption)\b|\b(?:sixty|thirty|fifteen|ten)\s*\(\d+\)\s*(?:minutes?|hours?)\s+of\s+(?:\w+\s+)?(?:downtime|unavailability|outage)/i },
      { requirement: 'credits', pattern: /\bservice credits?\b|\bcredits?\b[^.]{0,80}\b(?:fees?|charges?|invoice|service level|availability|downtime|uptime)|\brebates?\b|\bfee reductions?\b|\bprice reductions?\b|\bliquidated damages\b|\bservice level (?:failure|default)s?\b[^.]{0,80}\b(?:terminat|credit|reduc)/i },
      { requirement: 'corrective', pattern: /\broot[- ]cause\b|\bcorrective (?:action|measures?)\b|\b(?:remediation|rectification|improvement|recovery|correction) plans?\b|\bservice improvement\b/i, context: SLA_CONTEXT, supplierDuty: true },
      { requirement: 'measurement', pattern: /\b(?:measured|measurement (?:period|window)|calculated|(?:calendar )?month(?:ly)? (?:period|basis)|each (?:calendar )?(?:month|quarter))\b/i, context: SLA_CONTEXT },
      { requirement: 'reporting', pattern: /\breports?\b|\breporting\b|\bmonitor(?:ing|ed)?\b|\bstatus page\b|\bdashboard\b/i, context: /service levels?|\bSLAs?\b|availab|uptime|performance|response|resolution/i },
    ], /service levels?|\bSLAs?\b|availability|uptime|support (?:and maintenance|services?|levels?)|performance standards?|response times?/i);
    const numbers = has(found, 'availability', 'times');
    const remedy = has(found, 'credits') || has(found, 'measurement', 'reporting');
    const mentioned = has(found, 'mention', 'heading') || numbers;
    if (numbers && remedy) return verdictOf('sla', found, 'present', 'measurable service levels with a remedy or a measurement regime');
    if (numbers) return verdictOf('sla', found, 'weak', 'service levels have numbers but neither a remedy (service credits) nor measurement and reporting');
    if (mentioned) return verdictOf('sla', found, 'weak', 'service levels are mentioned without measurable targets');
    return verdictOf('sla', found, 'missing', 'no service levels');
  },
};
