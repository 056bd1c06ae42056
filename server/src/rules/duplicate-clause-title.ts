import type { BlockFindingGroups, Rule, RuleFinding } from './types';
import type { ContractModel, Section } from '../model';
import { lastIndexAtOrBefore } from '../model/lineIndex';
import { duplicateTitleIndexes, duplicateTitles } from '../drafting/titles';
import { sectionTreeUnchanged } from '../drafting/xrefs';
import { factsActive } from '../model/facts';
import { spliceTraceOf, type SpliceTrace } from '../model/trace';
import { absoluteFindings, MadeGroups, type GroupsBuilder } from './block-findings';
import examples from './examples/duplicate-clause-title';

/** A finding's message: the second title names the first clause (number and line) that has it. */
function message(title: string, number: string | undefined, line: number): string {
  const where = number ? `clause ${number} (line ${line})` : `the clause on line ${line}`;
  return `"${title.trim()}" is also the title of ${where}: merge the two clauses, or give each a title of its own.`;
}

/** Each heading block's finding, kept between edits while its title, span and the first clause's number and line are the same. */
const kept = new MadeGroups();

/**
 * While editing: the findings grouped by heading block, relative to it (rules/block-findings.ts).
 * When the edit left the section tree alone (drafting/xrefs.ts sectionTreeUnchanged: the same
 * titles, numbers and parents, each heading in the block it moved to), the pairs are the previous
 * model's, and so are the findings of the headings before the edit (same block, same line for
 * both titles) and, when no line was added or removed and every re-parsed heading is on its line,
 * of those after it (moved blocks: same text, same lines): their groups are taken over as a whole,
 * and only the pairs whose second heading was re-parsed are made again. Before, each of the 990
 * pairs of the 1 MB contract was visited with a line search and a take() per keystroke (issue 13,
 * rulesengine). When the splice took the tree over but renumbered or retitled a re-parsed section
 * (model/sections.ts SectionChanges; a number typed into a heading), the pairs before the edit are
 * still the previous ones (a pair is read from the sections up to its second), and those after it
 * are compared with the previous model's by section index (the same in a tree taken over), each
 * with its first clause's number: the same pairs make the same findings (issue 13, sections).
 */
function groupsWhileEditing(model: ContractModel): BlockFindingGroups {
  const out = kept.begin(model);
  // The pairs as section indexes (first, second, ...): no object per pair (issue 13, editrules).
  const pairs = duplicateTitleIndexes(model);
  const n = pairs.length / 2;
  const sections = model.sections;
  const trace = spliceTraceOf(model);
  const unchanged = trace !== undefined && sectionTreeUnchanged(model);
  const changes = trace && !unchanged ? trace.sections : undefined;
  // The pairs and their first clauses' numbers, for the next edit's comparison.
  kept.note(model, { pairs, sections });
  if (!trace || !(unchanged || changes) || !out.takeBlocksBeforeEdit()) {
    for (let k = 0; k < n; k++) addPair(model, out, sections[pairs[2 * k]], sections[pairs[2 * k + 1]]);
    return out.done();
  }
  const moved = trace.prefix + trace.fresh;
  let k = firstPairFrom(model, pairs, trace.prefix);
  for (; k < n && sections[pairs[2 * k + 1]].headingBlock < moved; k++) addPair(model, out, sections[pairs[2 * k]], sections[pairs[2 * k + 1]]);
  const sameLines = model.lineStarts.length === trace.previous.lineStarts.length && headingLinesKept(model, trace, trace.prefix, moved);
  if (sameLines && (unchanged || samePairsAfter(trace, model, pairs, k))) out.takeMovedBlocks();
  else for (; k < n; k++) addPair(model, out, sections[pairs[2 * k]], sections[pairs[2 * k + 1]]);
  return out.done();
}

/** What groupsWhileEditing notes of a model: its pairs (section indexes) and the sections they index. */
interface NotedPairs { pairs: Int32Array; sections: ContractModel['sections'] }

/**
 * For a section tree the splice took over (same indexes): whether the pairs from the `k`th on (those
 * whose second heading moved) are the previous model's pairs of moved headings, each first clause
 * with its previous number. Their findings are then the previous ones (the lines having been checked).
 */
function samePairsAfter(trace: SpliceTrace, model: ContractModel, now: Int32Array, k: number): boolean {
  const noted = kept.noted(trace.previous) as NotedPairs | undefined;
  if (!noted) return false;
  const { pairs: was, sections: wasSections } = noted;
  const sections = model.sections;
  const after = trace.sections!.after;
  // The previous pairs whose second section is a moved one (index `after` or more), found by halving.
  let lo = 0;
  let hi = was.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (was[2 * mid + 1] < after) lo = mid + 1;
    else hi = mid;
  }
  if (now.length / 2 - k !== was.length / 2 - lo) return false;
  for (let a = k, b = lo; a < now.length / 2; a++, b++) {
    if (now[2 * a] !== was[2 * b] || now[2 * a + 1] !== was[2 * b + 1] || sections[now[2 * a]].number !== wasSections[was[2 * b]].number) return false;
  }
  return true;
}

/** How many pairs reviews while editing visited one by one (for tests). */
export const pairStats = { visited: 0 };

/** One pair's finding, taken from the previous group of its block when made from the same inputs. */
function addPair(model: ContractModel, out: GroupsBuilder, first: Section, second: Section): void {
  pairStats.visited++;
  const b = second.headingBlock;
  const at = out.startOf(b);
  const start = second.titleSpan.start - at;
  const end = second.titleSpan.end - at;
  const line = lastIndexAtOrBefore(model.lineStarts, first.titleSpan.start) + 1;
  const number = first.number ?? '';
  if (out.take(b, start, end, second.title, number, line)) return;
  out.add({ span: { start, end }, message: message(second.title, first.number, line) });
}

/** The first pair whose second heading is in block `b` or after it (pairs come in heading order). */
function firstPairFrom(model: ContractModel, pairs: Int32Array, b: number): number {
  const sections = model.sections;
  let lo = 0;
  let hi = pairs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[pairs[2 * mid + 1]].headingBlock < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether every section heading among the re-parsed blocks [from, to) is on the line it was on (the
 * same section of the previous model: the tree is unchanged). A line break that moved across one
 * changes the line that messages after the edit name, even when the text kept its number of lines.
 */
function headingLinesKept(model: ContractModel, trace: SpliceTrace, from: number, to: number): boolean {
  const was = trace.previous;
  for (let b = from; b < to; b++) {
    const i = model.blocks[b].section;
    const s = model.sections[i];
    if (s?.headingBlock !== b) continue;
    if (lastIndexAtOrBefore(model.lineStarts, s.titleSpan.start) !== lastIndexAtOrBefore(was.lineStarts, was.sections[i].titleSpan.start)) return false;
  }
  return true;
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
