import { CATEGORY_IDS, type CategoryId } from '../categories/types';
import type { Severity } from '../rules/types';

/**
 * A profile says which categories are reviewed and may raise the severity of rules, citing the
 * provision (practice or regulation) that requires them. Profiles compose: the union of their
 * categories, and for each rule the highest severity any active profile gives it.
 */
export interface Profile {
  id: string;
  title: string;
  description: string;
  categories: readonly CategoryId[];
  /** Severity per rule id, overriding the rule's default. */
  severities: Record<string, Severity>;
  /** Why the rule applies under this profile: "DORA Art. 30(2)(a)". */
  citations: Record<string, string>;
}

export const PROFILES: Record<string, Profile> = {
  'it-outsourcing': {
    id: 'it-outsourcing',
    title: 'IT outsourcing (general practice)',
    description: 'Every category of a sound IT-outsourcing contract, at the severities a careful outsourcing lawyer would use.',
    categories: CATEGORY_IDS,
    severities: {},
    citations: {},
  },
};

export const DEFAULT_PROFILES = ['it-outsourcing'];

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export function resolveProfiles(ids: readonly string[]): { profiles: Profile[]; unknown: string[] } {
  const profiles: Profile[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const p = PROFILES[id];
    if (p) { if (!profiles.includes(p)) profiles.push(p); } else unknown.push(id);
  }
  return { profiles, unknown };
}
