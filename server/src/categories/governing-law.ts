import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const governingLaw: CategoryDefinition = {
  id: 'governing-law',
  title: 'Governing law',
  expectation: 'An express choice of the law that governs the contract (a choice of courts alone does not count).',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'choice', pattern: /\b(?:governed by|construed (?:in accordance with|under)|interpreted (?:in accordance with|under)|subject to)\b[^.]{0,80}\blaws?\b|\bgoverning law\b[^.]{0,40}\b(?:is|shall be|will be)\b|\blaws? of [A-Z][\w ]{2,40} (?:shall|will) (?:govern|apply)\b|\bGoverning Law:\s*\S|\bgoverning law\b[^.]{0,20}\b(?:will|shall) (?:govern|apply)\b/i, allowDefinitions: true, unless: /\bsubject to (?:applicable|all applicable|any applicable) laws?\b/i },
    ], /\bgoverning law\b|\bapplicable law\b|\bchoice of law\b|\blaw and jurisdiction\b/i);
    const reqs = ['choice'];
    if (has(found, 'choice')) return verdictOf('governing-law', found, 'present', 'an express choice of law', reqs);
    return verdictOf('governing-law', { heading: [] }, 'missing', has(found, 'heading') ? 'a governing-law heading without an express choice of law' : 'no choice of law', reqs);
  },
};
