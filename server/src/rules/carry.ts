import type { ContractModel } from '../model';
import { carryVagueFindings } from './vague-wording';
import { carryTextMatches } from './text-matches';
import { carrySlaVagueFindings } from './sla-vague-target';

/**
 * What the rules themselves keep per block between edits (vague-wording's and sla-vague-target's findings, the project words' count), handed to a copy
 * of a model with the same blocks, as drafting/carry.ts does for the drafting indexes.
 */
export function carryRuleResults(from: ContractModel, to: ContractModel): void {
  carryVagueFindings(from, to);
  carryTextMatches(from, to);
  carrySlaVagueFindings(from, to);
}
