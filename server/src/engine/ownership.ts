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

/**
 * ownedFindings over a review's findings (found.ts), reading only those that name a kind of words:
 * the indexes of the findings it drops (none when no finding names words another rule owns).
 */
export function droppedByOwners(found: { worded: readonly number[]; words: readonly WordKind[]; start: ArrayLike<number>; end: ArrayLike<number>; diag: ReadonlyArray<{ ruleId: string }> }, owners: ReadonlyMap<WordKind, string>): Set<number> | undefined {
  if (!found.worded.length) return undefined;
  const entries = found.worded.map((i, k) => ({ ruleId: found.diag[i].ruleId, start: found.start[i], end: found.end[i], words: found.words[k], index: i }));
  const kept = new Set(ownedFindings(entries, owners));
  if (kept.size === entries.length) return undefined;
  return new Set(entries.filter((e) => !kept.has(e)).map((e) => e.index));
}
