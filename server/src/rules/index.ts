import type { Rule } from './types';
import { CATEGORY_IDS } from '../categories/types';
// The rule modules of this folder, listed by `npm run gen` (scripts/generate-rule-index.ts): a new
// rule file is picked up without editing this one. Helpers (helpers, playbook, profile-hints,
// project-work, vague-terms) have no default export and are not rules.
import { ALL_RULES } from './all.generated';
import { compareIds } from '../model/compare-ids';

const ALL: readonly Rule[] = ALL_RULES;

// Drafting rules sort after every coverage category.
const rank = (r: Rule) => (r.meta.category === 'drafting' ? CATEGORY_IDS.length : CATEGORY_IDS.indexOf(r.meta.category));

/** Rules in a stable order (category in spec order, then id), so output is deterministic. */
export const RULES: readonly Rule[] = [...ALL].sort(
  (a, b) => rank(a) - rank(b) || compareIds(a.meta.id, b.meta.id),
);

const byId = new Map(RULES.map((r) => [r.meta.id, r]));
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
