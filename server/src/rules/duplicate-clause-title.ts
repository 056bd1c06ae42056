import type { BlockFindingGroups, Rule, RuleFinding } from './types';
import type { ContractModel } from '../model';
import { lastIndexAtOrBefore } from '../model/lineIndex';
import { duplicateTitles } from '../drafting/titles';
import { factsActive } from '../model/facts';
import { absoluteFindings, MadeGroups } from './block-findings';
import examples from './examples/duplicate-clause-title';

/** A finding's message: the second title names the first clause (number and line) that has it. */
function message(title: string, number: string | undefined, line: number): string {
  const where = number ? `clause ${number} (line ${line})` : `the clause on line ${line}`;
  return `"${title.trim()}" is also the title of ${where}: merge the two clauses, or give each a title of its own.`;
}

/** Each heading block's finding, kept between edits while its title, span and the first clause's number and line are the same. */
const kept = new MadeGroups();

/** While editing: the findings grouped by heading block, relative to it (rules/block-findings.ts). */
function groupsWhileEditing(model: ContractModel): BlockFindingGroups {
  const out = kept.begin(model);
  for (const d of duplicateTitles(model)) {
    const b = d.second.headingBlock;
    const at = out.startOf(b);
    const start = d.second.titleSpan.start - at;
    const end = d.second.titleSpan.end - at;
    const line = lastIndexAtOrBefore(model.lineStarts, d.first.titleSpan.start) + 1;
    const number = d.first.number ?? '';
    if (out.take(b, start, end, d.second.title, number, line)) continue;
    out.add({ span: { start, end }, message: message(d.second.title, d.first.number, line) });
  }
  return out.done();
}

/** The findings each heading block kept while editing (for tests). */
export function duplicateTitleGroups(model: ContractModel): ReturnType<MadeGroups['perBlock']> {
  return kept.perBlock(model);
}

const rule: Rule = {
  meta: {
    examples,
    id: 'duplicate-clause-title',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Clause title used twice',
    description: 'Two clauses at the same level of the same part of the contract carry the same title.',
    rationale: 'Two clauses with one title usually mean a clause was pasted in twice or merged badly: the two versions may differ, and a reference to "the Confidentiality clause" no longer says which one applies.',
  },
  check(ctx) {
    const model = ctx.model;
    if (factsActive()) return absoluteFindings(model, groupsWhileEditing(model));
    const out: RuleFinding[] = [];
    for (const d of duplicateTitles(model)) {
      const line = lastIndexAtOrBefore(model.lineStarts, d.first.titleSpan.start) + 1;
      out.push({ span: d.second.titleSpan, message: message(d.second.title, d.first.number, line) });
    }
    return out;
  },
  checkBlocks(ctx) {
    return factsActive() ? groupsWhileEditing(ctx.model) : undefined;
  },
};
export default rule;
