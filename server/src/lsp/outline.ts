// Document outline (hierarchical DocumentSymbol) and folding ranges from the contract's sections,
// and hovers on findings and section headings.
import {
  FoldingRangeKind, MarkupKind, SymbolKind,
  type DocumentSymbol, type FoldingRange, type Hover, type Position, type Range,
} from 'vscode-languageserver/node';
import { positionAt, spanToRange, type ContractModel, type Section, type Span } from '../model';
import { CATEGORIES, computeFix, docsUrl, getClause, getRule, type ReviewDiagnostic, type ReviewResult } from '../engine';
import { DEFAULT_CLAUSE_POSITION, POSITION_LABELS, describePositionDifference, positionDifferences, type Clause, type ClausePosition } from '../library';

/** End of a section's span without its trailing blank lines, so ranges end on text. */
function trimmedEnd(model: ContractModel, s: Span): number {
  let end = s.end;
  while (end > s.start && /\s/.test(model.text[end - 1])) end--;
  return end;
}

export function sectionName(s: Section): string {
  const name = [s.number, s.title].filter((x) => x && x.trim()).join(' ').replace(/\s+/g, ' ').trim();
  return name || (s.kind === 'numbered' ? 'Clause' : 'Section');
}

function isTopLevel(model: ContractModel, s: Section): boolean {
  return model.sections[s.parent]?.kind === 'root';
}

/**
 * Namespace for the document title heading that wraps the whole contract and for schedules and
 * annexes; Module for titled sections; Field for the (untitled) numbered clauses inside them.
 */
function sectionKind(model: ContractModel, s: Section): SymbolKind {
  if (s.trailer) return SymbolKind.Namespace;
  const depth = s.kind === 'heading' ? model.blocks[s.headingBlock]?.depth : undefined;
  if (isTopLevel(model, s) && depth === 1 && s.children.length && !s.number) return SymbolKind.Namespace;
  if (s.title.trim() || isTopLevel(model, s)) return SymbolKind.Module;
  return SymbolKind.Field;
}

/** First words of an untitled clause, for the outline's detail column. */
function preview(model: ContractModel, s: Section): string | undefined {
  if (s.title.trim()) return s.trailer ?? undefined;
  const block = model.blocks[s.headingBlock];
  if (!block) return undefined;
  let text = block.text.replace(/\s+/g, ' ').trim();
  if (s.number && text.startsWith(s.number)) text = text.slice(s.number.length).replace(/^[.)]?\s*/, '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text || undefined;
}

function sectionSymbol(model: ContractModel, s: Section): DocumentSymbol {
  const end = Math.max(trimmedEnd(model, s), s.start);
  const range = spanToRange(model.lineStarts, { start: s.start, end });
  let selectionRange = spanToRange(model.lineStarts, s.titleSpan);
  // selectionRange must lie inside range.
  if (s.titleSpan.start < s.start || s.titleSpan.end > end) selectionRange = { start: range.start, end: range.start };
  const children = s.children
    .map((c) => model.sections[c])
    .filter((c): c is Section => !!c && c.kind !== 'root')
    .map((c) => sectionSymbol(model, c));
  return {
    name: sectionName(s),
    detail: preview(model, s),
    kind: sectionKind(model, s),
    range,
    selectionRange,
    children,
  };
}

/**
 * Outlines and folding ranges made per model and kept with it (callers must not modify them): a
 * client asks again after every keystroke, and between reviews of a document reviewed in the worker
 * they are all made from the same model (mapped to the current text each time, ./drift.ts). The
 * outline of a 100 KB contract takes a few milliseconds, of 1 MB tens of milliseconds.
 */
const symbolsMade = new WeakMap<ContractModel, DocumentSymbol[]>();
const foldingMade = new WeakMap<ContractModel, FoldingRange[]>();

/** The outline: top-level sections with their clauses nested, the root skipped. */
export function documentSymbols(model: ContractModel): DocumentSymbol[] {
  let made = symbolsMade.get(model);
  if (!made) symbolsMade.set(model, (made = outlineOf(model)));
  return made;
}

export function foldingRanges(model: ContractModel): FoldingRange[] {
  let made = foldingMade.get(model);
  if (!made) foldingMade.set(model, (made = foldingOf(model)));
  return made;
}

function outlineOf(model: ContractModel): DocumentSymbol[] {
  const root = model.sections.find((s) => s.kind === 'root');
  const tops = root
    ? root.children.map((c) => model.sections[c]).filter((s): s is Section => !!s)
    : model.sections.filter((s) => s.level === 1);
  return tops.map((s) => sectionSymbol(model, s));
}

function foldingOf(model: ContractModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of model.sections) {
    if (s.kind === 'root') continue;
    const startLine = positionAt(model.lineStarts, s.start).line;
    const endLine = positionAt(model.lineStarts, Math.max(s.start, trimmedEnd(model, s) - 1)).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  if (model.frontMatterSpan) {
    const startLine = positionAt(model.lineStarts, model.frontMatterSpan.start).line;
    const endLine = positionAt(model.lineStarts, Math.max(model.frontMatterSpan.start, trimmedEnd(model, model.frontMatterSpan) - 1)).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}

function contains(r: Range, p: Position): boolean {
  // Written out, without a helper closure: a hover tests every finding of the document.
  const { start, end } = r;
  if (p.line < start.line || p.line > end.line) return false;
  return (p.line > start.line || p.character >= start.character) && (p.line < end.line || p.character <= end.character);
}

/**
 * What counts as a section's heading for hovers: a Markdown heading or an upper-case heading line as
 * a whole; for a numbered clause, its title, or only its number when it has no title (so hovering the
 * body text of "4.1 The Supplier shall..." is not a heading hover).
 */
export function headingSpan(model: ContractModel, s: Section): Span | null {
  const block = model.blocks[s.headingBlock];
  if (!block) return null;
  if (s.kind === 'heading') return { start: block.start, end: block.end };
  if (s.title.trim()) return s.titleSpan;
  if (!s.number) return null;
  const at = model.text.slice(block.start, Math.min(block.end, block.start + 40)).indexOf(s.number);
  return at < 0 ? null : { start: block.start + at, end: block.start + at + s.number.length };
}

/** The section whose heading holds `pos`, if any. */
function headingAt(model: ContractModel, pos: Position): Section | undefined {
  // Only a heading whose text touches the position's line can hold it: compared as offsets first,
  // so a hover does not work out the line of every heading of a long contract (issue 13).
  const lineStart = model.lineStarts[pos.line];
  if (lineStart === undefined) return undefined;
  const nextLine = model.lineStarts[pos.line + 1] ?? Number.POSITIVE_INFINITY;
  const { sections, blocks } = model;
  // Sections follow their heading blocks in order (one per heading block, model/sections.ts), and
  // blocks follow the source: the first whose heading block ends at or after the line is found by
  // bisection, not by reading every section (a hover on a 1 MB contract read 5,000).
  let lo = 1;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[sections[mid].headingBlock];
    if (block && block.end < lineStart) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sections.length; i++) {
    const s = sections[i];
    if (s.kind === 'root') continue;
    // The heading lies within its block.
    const block = blocks[s.headingBlock];
    if (block && block.start >= nextLine) break;
    if (!block || block.end < lineStart) continue;
    const span = headingSpan(model, s);
    if (!span || span.start >= nextLine || span.end < lineStart) continue;
    if (contains(headingArea(model, s, span), pos)) return s;
  }
  return undefined;
}

/**
 * Where a hover finds a section's heading: whole lines for a heading or a titled clause, else the
 * number alone (its span, headingSpan). Shared with ./kept-reviews.ts HoverSpots, which must find
 * the same areas without the model at hand.
 */
export function headingArea(model: ContractModel, s: Section, span: Span): { start: Position; end: Position } {
  const start = positionAt(model.lineStarts, span.start);
  const end = positionAt(model.lineStarts, span.end);
  return s.kind === 'heading' || s.title.trim()
    ? { start: { line: start.line, character: 0 }, end: { line: end.line, character: Number.MAX_SAFE_INTEGER } }
    : { start, end };
}

function subtree(model: ContractModel, s: Section): Set<number> {
  const out = new Set<number>();
  const walk = (i: number) => {
    if (out.has(i)) return;
    out.add(i);
    for (const c of model.sections[i]?.children ?? []) walk(c);
  };
  walk(s.index);
  return out;
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, information: 2, hint: 3 };
/** Findings shown in full in one hover; further ones get one line each. */
const MAX_FULL_FINDINGS = 3;

/** Longest example quoted in a hover (a first sentence longer than this is still quoted whole). */
const MAX_EXAMPLE = 420;

/**
 * The leading whole sentences of a text that fit in `max` characters (always at least the first
 * one): a hover quotes wording a reader can use as it stands, never a clause cut mid-word.
 */
export function wholeSentences(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  // Sentence ends: . ; or : followed by a space and a capital, digit or opening bracket or quote.
  const sentences = t.split(/(?<=[.;:!?])\s+(?=[A-Z0-9(“"'])/);
  let out = sentences[0];
  for (const s of sentences.slice(1)) {
    if (out.length + 1 + s.length > max) break;
    out += ` ${s}`;
  }
  return out;
}

/** A short quote of flagged text, cut at a word boundary (with …) when long. */
function clipWords(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * An example of good wording for a finding: the first paragraph of the clause its quick fix inserts,
 * rendered for this document (its numbering and party names), or the replacement a fix offers.
 */
function exampleWording(result: ReviewResult, d: ReviewDiagnostic): { text: string; from?: string } | null {
  const specs = result.fixSpecs[result.diagnostics.indexOf(d)] ?? [];
  const clauseId = specs.find((f) => f.kind === 'insertClause')?.clauseId ?? getRule(d.ruleId)?.meta.clauseId;
  if (clauseId) {
    const clause = getClause(clauseId);
    let fix;
    try {
      const spec = specs.find((f) => f.kind === 'insertClause' && f.clauseId === clauseId) ?? { kind: 'insertClause' as const, title: '', clauseId };
      fix = computeFix(result.model, spec, { snippet: false, insertOnly: true, thresholds: result.thresholds, position: result.clausePosition ?? DEFAULT_CLAUSE_POSITION });
    } catch {
      fix = null;
    }
    const text = fix?.edits[0]?.newText ?? '';
    // Paragraphs after the heading line; the first one that is more than a number.
    const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
    // Skip the glossary paragraph an insert may open with ("In this clause 14, "Term" means ..."):
    // it explains words, it is not the wording the finding asks for.
    const para = paragraphs.slice(1).find((p) => /[a-z]{3}/i.test(p) && !/^(?:\d+(?:\.\d+)*\.?\s+)?In this clause\b/i.test(p)) ?? paragraphs[0];
    // The wording matters here, not the number it would get ("14.1", "5.3.1.1", "(a)").
    if (para) return { text: wholeSentences(para.replace(/^(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\))\s+/i, ''), MAX_EXAMPLE), from: clause?.title };
  }
  const replace = specs.find((f) => f.kind === 'replace');
  if (replace && replace.kind === 'replace' && replace.replacement.trim()) {
    return { text: `${clipWords(result.model.text.slice(replace.span.start, replace.span.end), 80)} → ${wholeSentences(replace.replacement, MAX_EXAMPLE)}` };
  }
  return null;
}

/** The clause's three positions, the one offered first marked, each with its tradeoff and differences. */
export function positionLines(clause: Clause, preferred: ClausePosition): string[] {
  const lines = [`*Positions* (the quick fix offers the ${POSITION_LABELS[preferred]} one first):`];
  for (const d of positionDifferences(clause)) {
    const mark = d.position === preferred ? ' (offered first)' : '';
    lines.push(`- **${POSITION_LABELS[d.position]}**${mark}: ${d.tradeoff} *Differs:* ${describePositionDifference(d)}.`);
  }
  return lines;
}

/**
 * Hover: the findings under the cursor and, on a section heading, the categories it evidences. Per
 * finding, in this order: title with the rule link, the message (unless the client already shows
 * the diagnostic in the same hover, as VS Code does: `withMessage: false`), why it matters, the
 * source, good wording in whole sentences, and the fix.
 */
export function hoverAt(result: ReviewResult, pos: Position, options: { withMessage?: boolean } = {}): Hover | null {
  const withMessage = options.withMessage ?? true;
  const parts: string[] = [];
  let hoverRange: Range | undefined;
  const here = result.diagnostics
    .filter((d) => contains(d.range, pos))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const d of here.slice(0, MAX_FULL_FINDINGS)) {
    hoverRange ??= d.range;
    const meta = getRule(d.ruleId)?.meta;
    // The rule link sits on the first line, where a long hover cannot push it out of view.
    const lines = [`**${meta?.title ?? d.ruleId}** · [${d.ruleId}](${docsUrl(d.ruleId)}) (${d.severity})`];
    if (withMessage) lines.push('', d.message);
    if (meta?.rationale) lines.push('', `*Why it matters:* ${meta.rationale}`);
    const profiles = result.profiles.join(', ') || 'none';
    lines.push('', `*Source:* ${d.citations?.length ? d.citations.join('; ') : `good outsourcing practice. No law requires this under the ${result.profiles.length === 1 ? 'profile' : 'profiles'} in use (${profiles}).`}`);
    const example = exampleWording(result, d);
    if (example) lines.push('', `*Good wording${example.from ? `, from the “${example.from}” clause` : ''}:*`, '', ...example.text.split('\n').map((l) => `> ${l}`));
    const clauseIds = [...new Set([meta?.clauseId, ...d.fixes.map((f) => f.clauseId)].filter((x): x is string => !!x))];
    const clauses = clauseIds.map((id) => getClause(id)?.title ?? id);
    if (clauses.length) lines.push('', `*Fix:* insert the ${clauses.map((t) => `“${t}”`).join(' or ')} clause from the Clausewise library (quick fix).`);
    const positioned = clauseIds.map((id) => getClause(id)).find((c) => c?.positions);
    if (positioned) lines.push('', ...positionLines(positioned, result.clausePosition ?? DEFAULT_CLAUSE_POSITION));
    const replacements = d.fixes.filter((f) => f.kind === 'replace').map((f) => f.title);
    if (replacements.length) lines.push('', `*Quick fixes:* ${replacements.join('; ')}`);
    parts.push(lines.join('\n'));
  }
  if (here.length > MAX_FULL_FINDINGS) {
    const more = here.slice(MAX_FULL_FINDINGS).map((d) => `- **${getRule(d.ruleId)?.meta.title ?? d.ruleId}** (${d.severity}): ${d.message} [docs](${docsUrl(d.ruleId)})`);
    parts.push([`${more.length} more finding${more.length === 1 ? '' : 's'} here:`, '', ...more].join('\n'));
  }
  if (result.isContract) {
    const s = headingAt(result.model, pos);
    if (s) {
      const inside = subtree(result.model, s);
      const lines = [`**${sectionName(s)}**`];
      const found = result.assessments
        .map((a) => ({ a, ev: a.evidence.filter((e) => inside.has(e.section)) }))
        .filter((x) => x.ev.length);
      if (found.length) {
        lines.push('', 'Clausewise evidence in this section for:');
        for (const { a, ev } of found) {
          const reqs = [...new Set(ev.map((e) => e.requirement))].join(', ');
          lines.push(`- **${CATEGORIES[a.category]?.title ?? a.category}** (${a.verdict}): ${reqs}`);
        }
        const sample = found[0].ev[0];
        if (sample) lines.push('', `> ${clipWords(sample.text, 160)}`);
      } else {
        lines.push('', 'Clausewise found no evidence for any category in this section.');
      }
      parts.push(lines.join('\n'));
      hoverRange ??= spanToRange(result.model.lineStarts, s.titleSpan);
    }
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: hoverRange };
}
