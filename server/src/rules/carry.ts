import type { ContractModel } from '../model';
import { carryBlockFindings } from './block-findings';
import { carryTextIncludes, carryTextMatches } from './text-matches';

/**
 * What the rules themselves keep per block between edits (the block-relative findings of
 * vague-wording, sla-vague-target, duplicate-clause-title and inconsistent-figure, the project
 * words' count), handed to a copy of a model with the same blocks, as
 * drafting/carry.ts does for the drafting indexes. Through the helper modules' stores, since a
 * rule module is imported by the registry alone.
 */
export function carryRuleResults(from: ContractModel, to: ContractModel): void {
  carryBlockFindings(from, to);
  carryTextMatches(from, to);
  carryTextIncludes(from, to);
}
