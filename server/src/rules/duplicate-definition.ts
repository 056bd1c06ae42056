import type { BlockFindingGroups, Rule, RuleFinding } from './types';
import type { ContractModel } from '../model';
import { lastIndexAtOrBefore } from '../model/lineIndex';
import { duplicateDefinitions } from '../drafting/definitions';
import { factsActive } from '../model/facts';
import { absoluteFindings, blockHolding, MadeGroups } from './block-findings';
import examples from './examples/duplicate-definition';

/** A finding's message: where the first definition is (its line, or earlier on the same line). */
function message(term: string, line: number, sameLine: boolean): string {
  const where = sameLine ? 'earlier on this line' : `on line ${line}`;
  return `"${term}" is defined again here with a different meaning; it is already defined ${where}.`;
}

/** Each second definition, where it is and what its message is made of, in text order. */
function duplicates(model: ContractModel): Array<{ start: number; end: number; term: string; line: number; sameLine: boolean }> {
  const out = duplicateDefinitions(model).map((d) => {
    const line = lastIndexAtOrBefore(model.lineStarts, d.first.span.start) + 1;
    return { start: d.second.span.start, end: d.second.span.end, term: d.second.term, line, sameLine: lastIndexAtOrBefore(model.lineStarts, d.second.span.start) + 1 === line };
  });
  // Term by term from the index; the groups need them in text order (a stable sort keeps ties as they were).
  return out.sort((a, b) => a.start - b.start);
}

/** Each block's findings, kept between edits while the term, its span and the first definition's line are the same. */
const kept = new MadeGroups();

/**
 * While editing: the findings grouped by block, relative to it (rules/block-findings.ts), so that a
 * finding made from the same inputs keeps its object and the engine its diagnostic; undefined when
 * one lies outside a block's source (check() then reports them).
 */
function groupsWhileEditing(model: ContractModel): BlockFindingGroups | undefined {
  const out = kept.begin(model);
  let b = 0;
  for (const d of duplicates(model)) {
    b = blockHolding(model, d.start, d.end, b);
    if (b < 0) return undefined;
    const at = out.startOf(b);
    if (out.take(b, d.start - at, d.end - at, d.term, d.line, d.sameLine ? 1 : 0)) continue;
    out.add({ span: { start: d.start - at, end: d.end - at }, message: message(d.term, d.line, d.sameLine) });
  }
  return out.done();
}

const rule: Rule = {
  meta: {
    examples,
    id: 'duplicate-definition',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Term defined twice',
    description: 'A term the contract defines twice with different meanings.',
    rationale: 'When a term has two definitions, nobody can tell which one applies where, and the parties will each rely on the one that suits them. Keep one definition, or give the second meaning a term of its own.',
  },
  check(ctx) {
    const model = ctx.model;
    const grouped = factsActive() ? groupsWhileEditing(model) : undefined;
    if (grouped) return absoluteFindings(model, grouped);
    return duplicates(model).map((d): RuleFinding => ({ span: { start: d.start, end: d.end }, message: message(d.term, d.line, d.sameLine) }));
  },
  checkBlocks(ctx) {
    return factsActive() ? groupsWhileEditing(ctx.model) : undefined;
  },
};
export default rule;
