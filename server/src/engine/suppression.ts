/**
 * Inline suppression, markdownlint-style, in HTML comments that Markdown renders invisibly:
 *
 *   <!-- clausewise-disable [RULE...] [-- reason] -->            from here on
 *   <!-- clausewise-enable [RULE...] -->                         from here on again
 *   <!-- clausewise-disable-next-line [RULE...] [-- reason] -->  the next non-blank line, and the
 *                                                                rest of the block it starts
 *   <!-- clausewise-disable-file [RULE...] [-- reason] -->       the whole document
 *
 * A RULE is a rule id (`sla-metrics`) or a category id (`sla`: every rule of it); no RULE means every
 * rule. Names may be separated by spaces or commas. Unknown names are ignored, with a warning; a
 * comment that names only unknown rules suppresses nothing (never everything).
 *
 * "The rest of the block": a hard-wrapped paragraph, a list item's paragraph, a heading or a whole
 * table is one unit, so a comment above it covers every finding that starts in it. Findings anchored
 * at the title (document-level findings such as a missing clause) are suppressed by disable-file, by
 * a disable-next-line right above the title, or by a disable range that covers the title.
 *
 * Comments are found by scanning the source text (a comment inside a paragraph is inline HTML, which
 * the model drops from the text), skipping comments shown as text: in code blocks, code spans and
 * the front matter. Pure: no I/O.
 */
import { positionAt, type Block, type ContractModel, type Range, type Span } from '../model';
import { CATEGORY_IDS, DRAFTING } from '../categories/types';
import { RULES } from '../rules';
import type { FixSpec } from '../rules/types';
import type { ReviewDiagnostic, ReviewWarning, SuppressedFinding } from './types';
import { closeIds } from '../model/text';
import { sourceOffsetAt } from '../drafting/offsets';
import { textIncludes } from '../rules/text-matches';

export type SuppressionKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

export interface SuppressionComment {
  kind: SuppressionKind;
  /** Known rule and category ids named; empty with `all` true means every rule. */
  ids: string[];
  /** True when the comment names no rule at all (it then applies to every rule). */
  all: boolean;
  /** Names that are neither a rule nor a category. */
  unknown: string[];
  reason: string | null;
  span: Span;
  range: Range;
}

/** Code of the warnings about suppression comments (unknown rule names). */
export const SUPPRESSION_WARNING_CODE = 'invalid-suppression';

const COMMENT = /<!--\s*clausewise-(disable-next-line|disable-file|disable|enable)(?=\s|-->|,)([\s\S]*?)-->/g;

let knownIds: Set<string> | undefined;
function known(): Set<string> {
  knownIds ??= new Set<string>([...RULES.map((r) => r.meta.id), ...CATEGORY_IDS, DRAFTING]);
  return knownIds;
}


// closeIds lives with editDistance in model/text (the front matter check needs it below the engine).
export { closeIds };

/** Is this offset part of the visible text of a block (a code span, an escaped or indented comment)? */
function shownAsText(model: ContractModel, offset: number): boolean {
  const b = blockAt(model, offset);
  if (!b) return false;
  if (b.kind === 'code') return true;
  if (b.kind === 'html') return false;
  for (let i = 0; i < b.text.length; i++) if (sourceOffsetAt(b, i) === offset) return true;
  return false;
}

/** The block whose span holds the offset (blocks are in source order). */
function blockAt(model: ContractModel, offset: number): Block | undefined {
  const blocks = model.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  let found: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) { found = blocks[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  // Blocks may nest in source order only loosely (list items): look back a little for a holder.
  for (let i = found ? found.index : -1; i >= 0 && i >= (found?.index ?? 0) - 4; i--) {
    const b = blocks[i];
    if (b.start <= offset && offset < b.end) return b;
  }
  return undefined;
}

/** The suppression comments of a document, in source order. */
export function findSuppressionComments(model: ContractModel): SuppressionComment[] {
  const text = model.text;
  // While editing, only the stretch an edit re-read is searched when the text held no comment before.
  if (!textIncludes(model, 'clausewise-')) return [];
  const out: SuppressionComment[] = [];
  const fm = model.frontMatterSpan;
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (fm && start >= fm.start && start < fm.end) continue;
    if (shownAsText(model, start)) continue;
    const kind = m[1] as SuppressionKind;
    let body = m[2];
    let reason: string | null = null;
    const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
    if (sep) {
      reason = body.slice(sep.index + sep[0].length).replace(/\s+/g, ' ').trim() || null;
      body = body.slice(0, sep.index);
    }
    const names = body.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const ids = names.filter((n) => known().has(n));
    const unknown = names.filter((n) => !known().has(n));
    out.push({
      kind, ids, all: names.length === 0, unknown, reason: kind === 'enable' ? null : reason,
      span: { start, end },
      range: { start: positionAt(model.lineStarts, start), end: positionAt(model.lineStarts, end) },
    });
  }
  return out;
}

function appliesTo(c: SuppressionComment, d: ReviewDiagnostic): boolean {
  return c.all || c.ids.includes(d.ruleId) || c.ids.includes(d.category);
}

function lineOf(model: ContractModel, offset: number): number {
  return positionAt(model.lineStarts, offset).line;
}

/**
 * Where the HTML comments of the text are (`<!--` to the first `-->` after it, left to right, as
 * /<!--[\s\S]*?-->/g finds them): start and end, two numbers each. Found with indexOf, where the
 * text with every comment blanked out was made before (a 1 MB string per model, 1.3 to 9 ms each
 * review of a 1 MB contract holding a disable-next-line comment; issue 13, findings).
 */
const commentSpans = new WeakMap<ContractModel, number[]>();
function htmlComments(model: ContractModel): number[] {
  let spans = commentSpans.get(model);
  if (spans === undefined) {
    spans = [];
    const text = model.text;
    for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      // Unclosed: no comment here, nor after it (none has a closing left).
      if (end < 0) break;
      spans.push(i, end + 3);
      i = end + 3;
    }
    commentSpans.set(model, spans);
  }
  return spans;
}

/** Blank, or holding only HTML comments (another suppression comment stacked above a block): newlines kept, comments read as spaces. */
function lineIsBlank(model: ContractModel, line: number): boolean {
  const s = model.lineStarts[line];
  const e = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  const text = model.text;
  const spans = htmlComments(model);
  // The first comment that ends after the line starts.
  let lo = 0;
  let hi = spans.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1] <= s) lo = mid + 1;
    else hi = mid;
  }
  let at = s;
  for (let k = lo; at < e; k++) {
    const cs = k < spans.length >> 1 ? Math.max(spans[2 * k], s) : e;
    const upTo = Math.min(cs, e);
    if (upTo > at && text.slice(at, upTo).trim() !== '') return false;
    if (k >= spans.length >> 1) break;
    at = Math.max(at, Math.min(spans[2 * k + 1], e));
  }
  return true;
}

/**
 * Lines [first, last] a disable-next-line comment covers: the next non-blank line after it and, when a
 * block (paragraph, heading, table) starts there, every line of that block (of the whole table).
 */
export function nextLineTarget(model: ContractModel, comment: SuppressionComment): { first: number; last: number } | null {
  const lines = model.lineStarts.length;
  let first = comment.range.end.line + 1;
  while (first < lines && lineIsBlank(model, first)) first++;
  if (first >= lines) return null;
  let last = first;
  const lineStart = model.lineStarts[first];
  const lineEnd = first + 1 < lines ? model.lineStarts[first + 1] : model.text.length;
  // The first block that starts on that line (or spans it: a list item's paragraph after its marker).
  const block = firstBlockOver(model, lineStart, lineEnd);
  if (block) {
    last = Math.max(last, lineOf(model, Math.max(block.start, block.end - 1)));
    if (block.kind === 'tableRow') {
      for (let i = block.index + 1; i < model.blocks.length; i++) {
        const b = model.blocks[i];
        if (b.kind !== 'tableRow' || lineOf(model, b.start) > last + 2) break;
        last = Math.max(last, lineOf(model, Math.max(b.start, b.end - 1)));
      }
    }
  }
  return { first, last };
}

/** Counts for tests: blocks read to find a disable-next-line comment's block, comments read to find the disable/enable in force. */
export const suppressionStats = { blocksRead: 0, commentsRead: 0 };

/**
 * Per model: the largest block end among blocks[0..i], to skip the blocks that end before a line
 * by binary search (blocks are in order of their start; nesting makes their ends only loosely so).
 */
const reachOf = new WeakMap<ContractModel, Int32Array>();

/**
 * The first block (in the model's order) that is not HTML, not empty, starts before `lineEnd` and
 * ends after `lineStart`: as model.blocks.find would find it, without reading every block before
 * it (about 20,000 on a 1 MB contract for each disable-next-line comment; issue 13, findings).
 */
function firstBlockOver(model: ContractModel, lineStart: number, lineEnd: number): Block | undefined {
  const blocks = model.blocks;
  let reach = reachOf.get(model);
  if (!reach) {
    reach = new Int32Array(blocks.length);
    let most = -1;
    for (let i = 0; i < blocks.length; i++) reach[i] = most = Math.max(most, blocks[i].end);
    reachOf.set(model, reach);
  }
  // No block before the first whose reach passes lineStart ends after it.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid] > lineStart) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < blocks.length; i++) {
    const b = blocks[i];
    suppressionStats.blocksRead++;
    if (b.kind !== 'html' && b.start < lineEnd && b.end > lineStart && b.end > b.start) return b;
  }
  return undefined;
}

export interface SuppressionOutcome<F = FixSpec[]> {
  diagnostics: ReviewDiagnostic[];
  fixSpecs: F[];
  suppressed: SuppressedFinding[];
  warnings: ReviewWarning[];
}

/**
 * Removes the findings the document's suppression comments accept, keeping `fixSpecs` index-aligned
 * with `diagnostics`. A finding covered by several comments takes the reason of the most specific:
 * disable-next-line, then the disable range in force, then disable-file.
 */
export function applySuppressions<L extends ArrayLike<unknown> = FixSpec[][]>(model: ContractModel, diagnostics: ReviewDiagnostic[], fixSpecs: L): Omit<SuppressionOutcome<L[number]>, 'fixSpecs'> & { fixSpecs: L | Array<L[number]> } {
  type F = L[number];
  const comments = findSuppressionComments(model);
  if (!comments.length) return { diagnostics, fixSpecs, suppressed: [], warnings: [] };

  const warnings: ReviewWarning[] = [];
  for (const c of comments) {
    for (const u of c.unknown) {
      const close = closeIds(u, known());
      warnings.push({
        code: SUPPRESSION_WARNING_CODE,
        message: `unknown rule or category "${u}" in a clausewise-${c.kind} comment; it is ignored${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`,
        range: c.range,
      });
    }
  }
  const active = comments.filter((c) => c.all || c.ids.length > 0);
  const fileWide = active.filter((c) => c.kind === 'disable-file');
  const ranged = active.filter((c) => c.kind === 'disable' || c.kind === 'enable');
  const nextLine = active
    .filter((c) => c.kind === 'disable-next-line')
    .map((c) => ({ c, target: nextLineTarget(model, c) }))
    .filter((x): x is { c: SuppressionComment; target: { first: number; last: number } } => x.target !== null);

  const keptDiagnostics: ReviewDiagnostic[] = [];
  const keptFixes: F[] = [];
  const suppressed: SuppressedFinding[] = [];
  const lastRanged = rangedIndex(ranged);
  // The disable-next-line comments by the lines they cover (in source order on each line), so a
  // finding reads only those of its line, unless they cover many more lines than there are findings.
  let covered = 0;
  for (const x of nextLine) covered += x.target.last - x.target.first + 1;
  let byLine: Map<number, typeof nextLine> | undefined;
  if (nextLine.length > 1 && covered <= 4 * diagnostics.length + 64) {
    byLine = new Map();
    for (const x of nextLine) {
      for (let l = x.target.first; l <= x.target.last; l++) {
        const here = byLine.get(l);
        if (here) here.push(x);
        else byLine.set(l, [x]);
      }
    }
  }
  diagnostics.forEach((d, i) => {
    const line = d.range.start.line;
    const startOffset = model.lineStarts[line] + d.range.start.character;
    let by: SuppressionComment | undefined = (byLine ? byLine.get(line) : nextLine)?.find((x) => line >= x.target.first && line <= x.target.last && appliesTo(x.c, d))?.c;
    if (!by) {
      // The last disable/enable that applies to this rule before the finding decides.
      const c = lastRanged(d, startOffset);
      by = c?.kind === 'disable' ? c : undefined;
    }
    by ??= fileWide.find((c) => appliesTo(c, d));
    if (by) {
      suppressed.push({ diagnostic: d, reason: by.reason, comment: { kind: by.kind, range: by.range } });
    } else {
      keptDiagnostics.push(d);
      keptFixes.push(fixSpecs[i] ?? ([] as F));
    }
  });
  return { diagnostics: keptDiagnostics, fixSpecs: keptFixes, suppressed, warnings };
}

/**
 * The last of the disable and enable comments (in source order) that starts at or before an offset
 * and applies to a finding's rule: a binary search in the comments naming every rule, the rule or
 * its category, where each finding read every comment before it (3,880 findings times 40 comments
 * on a 1 MB contract, 3 to 14 ms per review; issue 13, findings).
 */
function rangedIndex(ranged: readonly SuppressionComment[]): (d: ReviewDiagnostic, offset: number) => SuppressionComment | undefined {
  const all: number[] = [];
  const byId = new Map<string, number[]>();
  ranged.forEach((c, k) => {
    if (c.all) all.push(k);
    for (const id of new Set(c.ids)) {
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push(k);
    }
  });
  /** The last index in `list` of a comment starting at or before `offset` (-1: none). */
  const lastAtOrBefore = (list: readonly number[] | undefined, offset: number): number => {
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      suppressionStats.commentsRead++;
      if (ranged[list[mid]].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : -1;
  };
  return (d, offset) => {
    // An offset past the lines (NaN) was before every comment, as in the loop this replaced.
    if (Number.isNaN(offset)) offset = Infinity;
    const k = Math.max(lastAtOrBefore(all, offset), lastAtOrBefore(byId.get(d.ruleId), offset), lastAtOrBefore(byId.get(d.category), offset));
    return k >= 0 ? ranged[k] : undefined;
  };
}

/** A reason fit for an HTML comment on one line: no "--" (which would end or break the comment). */
export function sanitizeReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').replace(/-{2,}/g, '—').replace(/>/g, '›').trim();
}

/**
 * The edit that accepts the findings of `ruleId` on a finding starting at `line`: the comment
 * `<!-- clausewise-disable-next-line RULE -- reason -->` on its own line above the block holding it,
 * indented like that block. `reason` is written as given (a snippet tab stop, a placeholder) unless
 * `sanitize`, for a reason a user typed.
 */
export function acceptCommentEdit(model: ContractModel, line: number, ruleId: string, reason: string, sanitize = true): { line: number; text: string } {
  const at = acceptCommentPosition(model, line);
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  const why = sanitize ? sanitizeReason(reason) : reason;
  return { line: at.line, text: `${at.indent}<!-- clausewise-disable-next-line ${ruleId}${why ? ` -- ${why}` : ''} -->${eol}` };
}

/**
 * Where the "accept this finding" comment goes for a finding starting at `line`: the first line of the
 * block holding it (so the comment sits above the whole paragraph, heading or table), with that line's
 * indentation (so it stays inside a list item).
 */
export function acceptCommentPosition(model: ContractModel, line: number): { line: number; indent: string } {
  const lineStart = model.lineStarts[line] ?? model.text.length;
  const lineEnd = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
  let block = model.blocks.find((b) => b.kind !== 'html' && b.start < Math.max(lineEnd, lineStart + 1) && b.end > lineStart && b.end > b.start);
  let target = line;
  if (block) {
    if (block.kind === 'tableRow') {
      // Above the whole table.
      while (block.index > 0) {
        const prev: Block = model.blocks[block.index - 1];
        if (prev.kind !== 'tableRow' || lineOf(model, prev.end - 1) < lineOf(model, block.start) - 2) break;
        block = prev;
      }
    }
    target = Math.min(line, lineOf(model, block.start));
  }
  const s = model.lineStarts[target] ?? model.text.length;
  const indent = /^[ \t]*/.exec(model.text.slice(s, s + 200))![0];
  return { line: target, indent };
}
