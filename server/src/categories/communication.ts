import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

// A channel counts when the text says how to reach the supplier ("requested by email", "available by telephone");
// "phone support" listed among a service's features is not a communication term.
const SUPPORT_CHANNEL_CONTEXT = /\b(?:request\w*|contact\w*|sent to|send\w* to|submit\w*|reach\w*|call\w*|available (?:by|via|through|at|on)|(?:by|via|through) (?:e-?mail|telephone|phone|live chat|the (?:support )?portal))\b/i;

export const communication: CategoryDefinition = {
  id: 'communication',
  title: 'Communication and governance',
  expectation: 'Named contacts, a meeting cadence, progress reports and an escalation path, besides a notices clause.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'contacts', pattern: /\b(?:points? of contact|contact (?:persons?|details)|account managers?|contract managers?|project managers?|relationship managers?|service delivery managers?|(?:designated|nominated|appointed|named) (?:\w+ )?representatives?|liaisons?|single point of contact|SPOC|POCs?|contracting officer'?s? representative|COR)\b/i, unless: /\bpersonal representatives?\b|\blegal representatives?\b|\brepresentatives? and warrant/i },
      { requirement: 'meetings', pattern: /\b(?:weekly|monthly|quarterly|bi-?weekly|fortnightly|annual|regular|periodic|daily|kick-?off)\s+(?:\w+\s+)?(?:meetings?|calls?|reviews?|stand-?ups?|check-?ins?)\b|\bmeetings?\b[^.]{0,60}\b(?:weekly|monthly|quarterly|each (?:week|month|quarter)|every)\b|\bsteering (?:committee|group|board)\b|\bgovernance (?:board|committee|meetings?|forum)\b|\bmeet (?:at least )?(?:once (?:a|per|every|each) (?:week|fortnight|month|quarter|year)|weekly|monthly|quarterly|every (?:(?:\w+|\d+) )?(?:days?|weeks?|fortnights?|months?|quarters?|years?)\b)/i },
      // Also with a word between ("a weekly written report") or the interval after ("reports on a daily/weekly/monthly basis").
      { requirement: 'reports', pattern: /\b(?:progress|status|weekly|monthly|activity) (?:(?:written|summary|status|progress) )?reports?\b|\breport(?:s|ing)? on (?:the )?(?:progress|status)\b|\bkeep\b[^.]{0,40}\binformed\b[^.]{0,40}\b(?:progress|status)\b/i },
      { requirement: 'reports', pattern: /\b(?:provide|deliver|submit|send|give)\w*\b[^.]{0,60}\breports?\b[^.]{0,20}\b(?:on|at) an? (?:daily|weekly|fortnightly|monthly|quarterly|regular|periodic)\b/i, supplierDuty: true },
      { requirement: 'escalation', pattern: /\bescalat(?:e|ed|es|ion|ing)\b/i },
      { requirement: 'notices', pattern: /\bnotices?\b[^.]{0,80}\b(?:in writing|written|delivered|sent|given|addressed|e-?mail)\b|\ball notices\b|\bnotice address\b/i },
      { requirement: 'contacts', pattern: /\b(?:[A-Z][a-z]+ )?(?:Security|Technical|Support|Primary|Principal|Principle|Billing|Account|Designated|Notice) Contacts?\b/ },
      { requirement: 'channel', pattern: /\b(?:e-?mail|live chat|telephone|phone|beeper|pager|ticket(?:ing)? (?:system|portal)|support portal)\b/i, context: SUPPORT_CHANNEL_CONTEXT },
      { requirement: 'channel', pattern: /\b(?:sent|submitted|directed|addressed|reported) to\b[^.]{0,30}\b[A-Z]\w* Support\b/ },
      { requirement: 'channel', pattern: /\b(?:support|help) ?desk\b|\bsupport (?:portal|channel|e-?mail|line)\b|\btelephone support\b|\bcontact hours\b|\bavailable by (?:phone|e-?mail)/i },
    ], /\b(?:governance|communications?|contacts?|meetings?|reporting|escalation|relationship management|account management|notices)\b/i);
    if (has(found, 'contacts', 'meetings', 'reports', 'escalation')) return verdictOf('communication', found, 'present', 'contacts, meetings, reports or an escalation path');
    if (has(found, 'notices', 'channel', 'heading')) return verdictOf('communication', found, 'weak', 'only a notices clause or a support channel; no contacts, meetings, reports or escalation path');
    return verdictOf('communication', found, 'missing', 'no communication or governance terms');
  },
};
