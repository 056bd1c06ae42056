import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const ipOwnership: CategoryDefinition = {
  id: 'ip-ownership',
  title: 'Intellectual property',
  expectation: 'Who owns the deliverables, the data and the tools, and the licences each party gets.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'ownership', pattern: /\b(?:own(?:s|ed)?|ownership|retains?|vest(?:s|ed)?|assign(?:s|ed|ment)?|(?:sole and )?exclusive property|property of)\b[^.]{0,120}\b(?:intellectual property|rights?,? title|title|deliverables?|work product|copyrights?|inventions|materials|software|data|content)\b|\b(?:all )?right,? title,? and interest\b|\b(?:rights?|title|ownership)\b[^.]{0,60}\bvest(?:s|ed)? (?:in|with)\b|\b(?:software|systems?|programs?|materials|deliverables|data|documentation|work product|inventions)\b[^.]{0,120}\b(?:remain|be|is|are)\b[^.]{0,40}\b(?:the )?(?:sole and exclusive |exclusive |sole )?property of\b|\bwork(?:s)? made for hire\b|\b(?:copyrights?|intellectual property(?: rights)?|rights? in (?:the )?\w+|title|deliverables?|work product)\b[^.]{0,60}\b(?:will|shall|is|are) (?:be )?(?:hereby )?(?:assigned|transferred)\b|\bis the (?:sole (?:and exclusive )?|exclusive )?owner of\b/i, unless: /\bownership of (?:the )?(?:shares|stock|equity)\b|\bchange of (?:control|ownership)\b/i },
      { requirement: 'licence', pattern: /\b(?:grants?|granted)\b[^.]{0,80}\blicen[cs]e\b|\blicen[cs]e to use\b|\bnon-exclusive\b[^.]{0,40}\blicen[cs]e\b/i },
    ], /\bintellectual property\b|\bownership\b|\bproprietary rights\b|\blicen[cs]e\b|\bwork product\b|\bcopyright\b/i);
    if (has(found, 'ownership')) return verdictOf('ip-ownership', found, 'present', 'ownership of deliverables, data or IP is allocated');
    if (has(found, 'licence', 'heading')) return verdictOf('ip-ownership', found, 'weak', 'only a licence; ownership of deliverables is not allocated');
    return verdictOf('ip-ownership', found, 'missing', 'no intellectual-property terms');
  },
};
