import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

// "Notify us of changes to your contact details" is a notice duty about a party's own details, not a change to the contract.
const NOTICE_OF_OWN_DETAILS = /\b(?:updates|changes?)\s+(?:in|to|of)\s+(?:its|your|their|his|her|our|my|the (?:customer|supplier|client|contractor)'s)\s+(?:\w+\s+){0,2}(?:contact|address|details|name|e-?mail|phone|telephone|bank|billing|ownership|control|circumstances|personnel|staff|representatives?|information)\b/i;

export const changeControl: CategoryDefinition = {
  id: 'change-control',
  title: 'Change control',
  expectation: 'A written procedure for changing the services, scope or contract: request, impact assessment, signed change note.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'procedure', pattern: /\bchange (?:control|requests?|orders?|notes?|management|procedures?|process|proposals?|authori[sz]ations?|forms?)\b|\bvariation (?:procedure|requests?|orders?)\b|\bcontract change\b|\bimpact assessment\b|\bMACs?\b|\bmoves, adds,? (?:and )?changes\b/i, unless: /\bchange of control\b|\bchange management system\b|\bsource code\b/i, noHeadings: true },
      { requirement: 'amendment', pattern: /\b(?:amend(?:ed|ment)s?|modif(?:y|ied|ication)s?|changes?|changed|waiver|varied|variations?)\b[^.]{0,100}\b(?:in writing|written|signed)\b|\b(?:in writing|written)\b[^.]{0,60}\bsigned\b[^.]{0,60}\b(?:both|each|the) part/i },
      { requirement: 'unilateral', pattern: /\bmay (?:change|modify|update|amend|revise)\b[^.]{0,60}\b(?:at any time|from time to time|services|terms|this \w+|any aspect|without (?:prior )?notice|with or without)\b|\bnotif\w*\b[^.]{0,40}\b(?:of )?(?:the )?(?:updates|changes)\b/i, unless: NOTICE_OF_OWN_DETAILS },
      { requirement: 'informal', pattern: /\bmay be (?:extended|expanded|refined|modified|changed|adjusted|amended|revised|varied)\b/i, context: /\b(?:services?|scope|requirements|products|deliverables|work|features|backlog|sprints?)\b/i },
      { requirement: 'procedure', pattern: /\b(?:additional|extra|new|further|out[- ]of[- ]scope) (?:work|development|services|features|functionality|requirements)\b[^.]{0,100}\b(?:additional|separate|new|written|signed) (?:contract|agreement|estimate|quote|quotation|order|SOW|statement of work|change)\b/i },
    ], /\bchange control\b|\bchanges?\b|\bchange orders?\b|\bvariations?\b|\bchange management\b/i);
    if (has(found, 'procedure')) return verdictOf('change-control', found, 'present', 'a change procedure');
    if (has(found, 'amendment', 'unilateral', 'informal')) return verdictOf('change-control', found, 'weak', 'only a bare amendments-in-writing clause or a unilateral right to change');
    return verdictOf('change-control', found, 'missing', 'no change-control procedure');
  },
};
