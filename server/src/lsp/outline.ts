// Document outline (hierarchical DocumentSymbol) and folding ranges from the contract's sections,
// and hovers on findings and section headings.
import {
  FoldingRangeKind, MarkupKind, SymbolKind,
  type DocumentSymbol, type FoldingRange, type Hover, type Position, type Range,
} from 'vscode-languageserver/node';
import { positionAt, spanToRange, type ContractModel, type Section, type Span } from '../model';
import { CATEGORIES, docsUrl, getClause, getRule, type ReviewResult } from '../engine';

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

function sectionKind(model: ContractModel, s: Section): SymbolKind {
  if (s.trailer) return SymbolKind.Namespace;
  return s.parent === 0 || model.sections[s.parent]?.kind === 'root' ? SymbolKind.Module : SymbolKind.Field;
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
    detail: s.trailer ? s.trailer : undefined,
    kind: sectionKind(model, s),
    range,
    selectionRange,
    children,
  };
}

/** The outline: top-level sections with their clauses nested, the root skipped. */
export function documentSymbols(model: ContractModel): DocumentSymbol[] {
  const root = model.sections.find((s) => s.kind === 'root');
  const tops = root
    ? root.children.map((c) => model.sections[c]).filter((s): s is Section => !!s)
    : model.sections.filter((s) => s.level === 1);
  return tops.map((s) => sectionSymbol(model, s));
}

export function foldingRanges(model: ContractModel): FoldingRange[] {
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
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(r.start, p) && le(p, r.end);
}

/** The section whose heading line holds `pos`, if any. */
function headingAt(model: ContractModel, pos: Position): Section | undefined {
  for (const s of model.sections) {
    if (s.kind === 'root') continue;
    const block = model.blocks[s.headingBlock];
    // A heading (or the first line of a numbered clause): its title span, widened to the whole line.
    const span = s.kind === 'heading' && block ? { start: block.start, end: block.end } : s.titleSpan;
    const start = positionAt(model.lineStarts, span.start);
    const end = positionAt(model.lineStarts, span.end);
    const line = { start: { line: start.line, character: 0 }, end: { line: end.line, character: Number.MAX_SAFE_INTEGER } };
    if (contains(line, pos)) return s;
  }
  return undefined;
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

function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Hover: the findings under the cursor (title, message, rationale, fixing clause, docs) and, on a section heading, the categories it evidences. */
export function hoverAt(result: ReviewResult, pos: Position): Hover | null {
  const parts: string[] = [];
  let hoverRange: Range | undefined;
  for (const d of result.diagnostics) {
    if (!contains(d.range, pos)) continue;
    hoverRange ??= d.range;
    const meta = getRule(d.ruleId)?.meta;
    const lines = [`**${meta?.title ?? d.ruleId}** · \`${d.ruleId}\` (${d.severity})`, '', d.message];
    if (meta?.rationale) lines.push('', `*Why it matters:* ${meta.rationale}`);
    const clauseIds = [...new Set([meta?.clauseId, ...d.fixes.map((f) => f.clauseId)].filter((x): x is string => !!x))];
    const clauses = clauseIds.map((id) => getClause(id)?.title ?? id);
    if (clauses.length) lines.push('', `*Fix:* insert the ${clauses.map((t) => `“${t}”`).join(' or ')} clause from the Clausewise library (quick fix).`);
    const replacements = d.fixes.filter((f) => f.kind === 'replace').map((f) => f.title);
    if (replacements.length) lines.push('', `*Quick fixes:* ${replacements.join('; ')}`);
    lines.push('', `[Rule documentation](${docsUrl(d.ruleId)})`);
    parts.push(lines.join('\n'));
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
        if (sample) lines.push('', `> ${clip(sample.text)}`);
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
