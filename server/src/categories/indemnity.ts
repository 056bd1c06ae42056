import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const indemnity: CategoryDefinition = {
  id: 'indemnity',
  title: 'Indemnities',
  expectation: 'A defined indemnity (for example for IP infringement and data breaches) with a claims procedure.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'indemnity', pattern: /\b(?:indemnif(?:y|ies|ied|ication)|hold (?:\w+ )?harmless|defend\b[^.]{0,60}\b(?:claims?|suits?|actions?))\b/i, unless: /\bnot (?:be )?(?:required|obliged|obligated) to indemnify\b/i },
      { requirement: 'scope', pattern: /\b(?:indemnif|hold harmless|defend)\w*\b[^.]{0,200}\b(?:claims?|suits?|actions?|proceedings?|losses|damages|liabilities)\b/i },
      { requirement: 'procedure', pattern: /\b(?:prompt(?:ly)? (?:written )?notice|sole control|control (?:of )?the defen[cs]e|reasonable (?:assistance|cooperation)|settle(?:ment)?)\b/i, context: /\bindemn|\bclaims?\b|\bdefen[cs]e/i },
    ], /\bindemn/i);
    if (has(found, 'scope') && (has(found, 'procedure') || (found.indemnity?.length ?? 0) >= 2)) return verdictOf('indemnity', found, 'present', 'defined indemnities');
    if (has(found, 'indemnity', 'heading')) return verdictOf('indemnity', found, 'weak', 'an indemnity without scope or procedure');
    return verdictOf('indemnity', found, 'missing', 'no indemnities');
  },
};
