import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const termTermination: CategoryDefinition = {
  id: 'term-termination',
  title: 'Term and termination',
  expectation: 'A defined term, renewal, and termination rights (for cause and for convenience) with notice periods.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'term', pattern: /\b(?:initial |renewal )?term\b[^.]{0,120}\b(?:years?|months?|commenc|effective date|until|expir|continue|renew)\b|\b(?:commence|begin)s?\b[^.]{0,80}\b(?:continue|remain in (?:full )?force|until)\b|\bperiod of performance\b|\b(?:automatically )?renew(?:s|ed|al)?\b[^.]{0,60}\b(?:years?|months?|periods?|terms?)\b/i, allowDefinitions: true },
      { requirement: 'termination', pattern: /\bterminat(?:e|es|ed|ion)\b[^.]{0,160}\b(?:breach|convenience|notice|insolven|bankrupt|cause|default|days?|months?|fails?|failure)\b|\b(?:breach|convenience|insolven|bankrupt)\b[^.]{0,120}\bterminat/i },
      { requirement: 'mention', pattern: /\bterminat(?:e|ion)\b|\bcancel(?:lation)?\b/i },
    ], /\bterm\b|\btermination\b|\bduration\b|\bperiod of performance\b/i);
    const reqs = ['term', 'termination'];
    if (has(found, 'term') && has(found, 'termination')) return verdictOf('term-termination', found, 'present', 'a defined term and termination rights', reqs);
    if (has(found, 'term', 'termination', 'mention')) return verdictOf('term-termination', found, 'weak', has(found, 'term') ? 'a term without termination rights' : 'termination rights without a defined term', reqs);
    return verdictOf('term-termination', found, 'missing', 'no term or termination rights', reqs);
  },
};
