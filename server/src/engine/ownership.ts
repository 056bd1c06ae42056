import type { Rule, WordKind } from '../rules/types';

/** A finding as ownership sees it: which rule reported which kind of words where. */
export interface OwnedFinding {
  ruleId: string;
  /** Where the words are (offsets in the text). */
  start: number;
  end: number;
  words?: WordKind;
}

/** The owner of each kind of words, from the rules' meta (a kind has at most one owner). */
export function wordOwners(rules: readonly Rule[]): Map<WordKind, string> {
  const owners = new Map<WordKind, string>();
  for (const r of rules) {
    for (const kind of r.meta.owns ?? []) {
      const other = owners.get(kind);
      if (other) throw new Error(`words "${kind}" are owned by both ${other} and ${r.meta.id}`);
      owners.set(kind, r.meta.id);
    }
  }
  return owners;
}

/**
 * Which findings stand once ownership is applied: a finding of a kind of words another rule owns
 * is dropped where the owner reported the same kind on an overlapping span. Where the owner did not
 * report them (it is switched off, its category is not reviewed, or it does not judge these words
 * a problem), the other rule's finding stands, so the words are still reported, once.
 */
export function ownedFindings<F extends OwnedFinding>(findings: readonly F[], owners: ReadonlyMap<WordKind, string>): F[] {
  const byOwner = findings.filter((f) => f.words && owners.get(f.words) === f.ruleId);
  return findings.filter((f) => {
    const owner = f.words ? owners.get(f.words) : undefined;
    if (!owner || owner === f.ruleId) return true;
    return !byOwner.some((o) => o.words === f.words && o.start < f.end && f.start < o.end);
  });
}
