/**
 * The diagnostics of a rule's block-relative finding groups (rules/types.ts BlockFindingGroups),
 * kept per group between reviews (issue 13). A group a block kept or moved is the same array as in
 * the previous review; its diagnostics are the previous ones as long as the block starts on the same
 * line at the same column and the rule's severity, citations and clause source are the same: a
 * keystroke on another line moves a block's offsets but none of its lines or characters. A line
 * break typed before the block moves its lines only: the diagnostics are copied with their lines
 * moved. Anything else (a new group, another column, other settings) builds them again.
 */
import type { ContractModel } from '../model';
import { lastIndexAtOrBefore, positionAt } from '../model/lineIndex';
import type { FixSpec, RuleFinding } from '../rules/types';
import type { FixInfo, ReviewDiagnostic } from './types';

/** What the engine made of one group: a diagnostic and the fixes to offer per finding. */
interface Made {
  /** The rule-level inputs the diagnostics were made with (see groupKey). */
  key: string;
  /** Line and column of the block's start when they were made. */
  line: number;
  column: number;
  diags: ReviewDiagnostic[];
  /** Per finding: its fixes as offered (none when the clause is in another file), spans relative to the block. */
  fixes: FixSpec[][];
}

/** Keyed by the group itself: a group lives as long as a model keeps it (rules/block-findings.ts). */
const made = new WeakMap<readonly RuleFinding[], Made>();

/** How one rule's findings become diagnostics in this review (all but the span; see review.ts). */
export interface DiagnosticMaker {
  ruleId: string;
  category: ReviewDiagnostic['category'];
  /** The finding's severity from its hint. */
  severity(f: RuleFinding): ReviewDiagnostic['severity'];
  /** The finding's message as reported (with the clause's source file when not this one). */
  message(f: RuleFinding): string;
  /** Fixes offered (none when the clause lives in another file of the bundle). */
  fixes(f: RuleFinding): FixSpec[];
  citations: string[];
  /** Everything above besides the finding, as a string: a group made with another key is made again. */
  key: string;
}

/** A diagnostic as review.ts makes it (the same fields in the same order). */
export function diagnosticOf(m: DiagnosticMaker, f: RuleFinding, range: ReviewDiagnostic['range'], fixes: FixSpec[]): ReviewDiagnostic {
  return {
    ruleId: m.ruleId,
    category: m.category,
    severity: m.severity(f),
    message: m.message(f),
    range,
    fixes: fixes.map((x): FixInfo => (x.kind === 'insertClause' ? { kind: x.kind, title: x.title, clauseId: x.clauseId } : { kind: x.kind, title: x.title })),
    ...(m.citations.length ? { citations: m.citations } : {}),
  };
}

/**
 * Counts for tests: groups whose diagnostics were taken as they were, moved by lines, or made; and
 * lines of groups the previous review made found by a binary search over the line starts.
 */
export const groupStats = { kept: 0, moved: 0, made: 0, lineSearches: 0 };

/**
 * The diagnostics and fixes of `group`, which stands in block b of the model: the previous ones
 * when they still hold (see the module's comment).
 */
export function groupDiagnostics(model: ContractModel, b: number, group: readonly RuleFinding[], maker: DiagnosticMaker): Made {
  const start = model.blocks[b].start;
  const lineStarts = model.lineStarts;
  const was = made.get(group);
  // Most groups start on the line they started on before (a keystroke adds no line): two reads
  // confirm it, where a binary search over every line start (about 20,000 for 1 MB) cost most of
  // this function (issue 13, engine). Line starts increase, so that line is the one the search finds.
  const line = was && lineStarts[was.line] <= start && (was.line + 1 >= lineStarts.length || lineStarts[was.line + 1] > start)
    ? was.line
    : searchedLine(lineStarts, start, was);
  const column = start - lineStarts[line];
  if (was && was.key === maker.key && was.column === column) {
    if (was.line === line) {
      groupStats.kept++;
      return was;
    }
    groupStats.moved++;
    const by = line - was.line;
    const now: Made = {
      key: was.key, line, column, fixes: was.fixes,
      diags: was.diags.map((d) => ({ ...d, range: { start: { line: d.range.start.line + by, character: d.range.start.character }, end: { line: d.range.end.line + by, character: d.range.end.character } } })),
    };
    made.set(group, now);
    return now;
  }
  groupStats.made++;
  const diags: ReviewDiagnostic[] = [];
  const fixes: FixSpec[][] = [];
  for (const f of group) {
    const x = maker.fixes(f);
    fixes.push(x);
    diags.push(diagnosticOf(maker, f, { start: positionAt(lineStarts, start + f.span.start), end: positionAt(lineStarts, start + f.span.end) }, x));
  }
  const now: Made = { key: maker.key, line, column, diags, fixes };
  made.set(group, now);
  return now;
}

function searchedLine(lineStarts: number[], start: number, was: Made | undefined): number {
  if (was) groupStats.lineSearches++;
  return lastIndexAtOrBefore(lineStarts, start);
}
