import type { BlockFindingGroups, Rule, RuleFinding } from './types';
import type { ContractModel } from '../model';
import { lastIndexAtOrBefore } from '../model/lineIndex';
import { inconsistentFigures, inconsistentFiguresOfEdit, type Figure, type InconsistentFigure } from '../drafting/figures';
import { factsActive } from '../model/facts';
import { absoluteFindings, blockAtOffset, MadeGroups, type GroupsBuilder } from './block-findings';
import examples from './examples/inconsistent-figure';

/** The finding of a figure that disagrees with the reference figure, given on line `line`; `span` is the figure's (absolute or block-relative). */
function finding(figure: Figure, reference: Figure, line: number, span: RuleFinding['span']): RuleFinding {
  return {
    span,
    message: `${capitalise(figure.label)} is ${figure.text} here but ${reference.text} on line ${line}. Give one figure, or say why they differ.`,
    fixes: [{ kind: 'replace', title: `Replace "${figure.text}" with "${reference.text}" (as on line ${line})`, span, replacement: reference.text }],
  };
}

/** Each block's findings, kept between edits while each figure's span, label, text and its reference's text and line are the same. */
const kept = new MadeGroups();

/**
 * While editing: the findings grouped by block, relative to it (rules/block-findings.ts). When the
 * figures say that only the re-parsed blocks' figures changed and every reference reads as before
 * (drafting/figures.ts inconsistentFiguresOfEdit), the other blocks' groups are taken over as they
 * are and only the re-parsed blocks' findings are made: a 1 MB contract can give a measure a
 * thousand inconsistent figures, each a finding to look at per edit otherwise (issue 13).
 */
function groupsWhileEditing(model: ContractModel): BlockFindingGroups {
  const out = kept.begin(model);
  const edit = inconsistentFiguresOfEdit(model);
  if (edit && out.takeBlocksBeforeEdit()) {
    addFindings(model, out, edit.inconsistent, edit.from);
    out.takeMovedBlocks();
    return out.done();
  }
  addFindings(model, out, inconsistentFigures(model), 0);
  return out.done();
}

function addFindings(model: ContractModel, out: GroupsBuilder, found: readonly InconsistentFigure[], from: number): void {
  let b = from;
  // inconsistentFigures lists them by position, so the blocks come in order.
  for (const { figure, reference } of found) {
    b = blockAtOffset(model, figure.span.start, b);
    const at = out.startOf(b);
    const start = figure.span.start - at;
    const end = figure.span.end - at;
    const line = lastIndexAtOrBefore(model.lineStarts, reference.span.start) + 1;
    if (out.take(b, start, end, figure.label, figure.text, reference.text, line)) continue;
    out.add(finding(figure, reference, line, { start, end }));
  }
}

/** The findings each block kept while editing (for tests). */
export function inconsistentFigureGroups(model: ContractModel): ReturnType<MadeGroups['perBlock']> {
  return kept.perBlock(model);
}

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace the odd figure with the one the rest of the contract gives',
    id: 'inconsistent-figure',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'One thing, two figures',
    description: 'The same measured thing (the liability cap, a fee, the notice to terminate, the breach-notice deadline, the availability target, the time to pay, the initial term) given different figures in two places.',
    rationale: 'When two clauses give different figures for one thing, each party will rely on the one that suits it, and a court has to decide which the parties meant. It usually happens when one clause is updated in negotiation and another copy of the figure is missed.',
  },
  check(ctx) {
    const { model } = ctx;
    if (factsActive()) return absoluteFindings(model, groupsWhileEditing(model));
    const out: RuleFinding[] = [];
    for (const { figure, reference } of inconsistentFigures(model)) {
      out.push(finding(figure, reference, lastIndexAtOrBefore(model.lineStarts, reference.span.start) + 1, figure.span));
    }
    return out;
  },
  checkBlocks(ctx) {
    return factsActive() ? groupsWhileEditing(ctx.model) : undefined;
  },
};

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
export default rule;
