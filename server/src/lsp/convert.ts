// Engine results -> LSP: diagnostics and quick-fix code actions.
import {
  CodeActionKind, DiagnosticSeverity,
  type CodeAction, type Diagnostic, type Range, type SnippetTextEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CLAUSE_POSITIONS, DEFAULT_CLAUSE_POSITION, type ClausePosition } from '../library';
import type { FixSpec } from '../rules/types';
import { acceptCommentEdit, CATEGORIES, computeFix, docsUrl, DOCS_BASE, type ReviewDiagnostic, type ReviewResult, type Severity } from '../engine';
import { offsetAt, spanToRange } from '../model';
import type { AcceptFindingArgs, CoverageResult, DiagnosticData, Verdict } from './protocol';
import { indexDescribes, SOURCE, type DiagnosticShape } from './diagnostic-shape';

export { SOURCE };

/** Code of the diagnostics the server itself raises (not a rule): skipped files, settings problems. */
export const SKIPPED_CODE = 'file-skipped';
export const CONFIG_CODE = 'invalid-config';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The library clauses a finding's quick fixes insert, in order, each once; undefined when none. */
function clauseIdsOf(d: ReviewDiagnostic): string[] | undefined {
  let ids: string[] | undefined;
  for (const f of d.fixes) if (f.clauseId && !ids?.includes(f.clauseId)) (ids ??= []).push(f.clauseId);
  return ids;
}

/**
 * A finding as an LSP diagnostic. `data` carries only what a client cannot read elsewhere (issue 13:
 * a 1 MB contract's publish is thousands of diagnostics): the category, the clauses its fixes
 * insert and the provisions cited. The rule id is the `code`, and the quick fixes are worked out
 * from the review the server keeps, found by code, message and range (buildCodeActions).
 * Compact (a client that asked for it, ./diagnostic-shape.ts): without `source`, `codeDescription`
 * and `data.category`, which the client puts back from the rule index, and without `data` when
 * nothing else is in it.
 */
export function toLspDiagnostic(d: ReviewDiagnostic, shape: DiagnosticShape = 'full'): Diagnostic {
  const clauseIds = clauseIdsOf(d);
  if (shape === 'compact' && indexDescribes(d.ruleId, d.category)) {
    const diagnostic: Diagnostic = { range: d.range, severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning, code: d.ruleId, message: d.message };
    if (clauseIds || d.citations?.length) diagnostic.data = { ...(clauseIds ? { clauseIds } : {}), ...(d.citations?.length ? { citations: d.citations } : {}) };
    return diagnostic;
  }
  const data: DiagnosticData = { category: d.category, ...(clauseIds ? { clauseIds } : {}), ...(d.citations?.length ? { citations: d.citations } : {}) };
  return {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: d.ruleId,
    codeDescription: { href: docsUrl(d.ruleId) },
    message: d.message,
    data,
  };
}

/** A diagnostic the server raises about the document as a whole (not a rule finding): no category. */
export function serverDiagnostic(code: string, message: string, severity: DiagnosticSeverity, range: Range): Diagnostic {
  const data: DiagnosticData = { category: null };
  // Not rule findings: they link to the page on problems with the input itself.
  return { range, severity, source: SOURCE, code, codeDescription: { href: `${DOCS_BASE.replace(/rules\/$/, '')}input-problems.md#${code}` }, message, data };
}

/** All diagnostics of one review: rule findings, plus input problems (bad front matter, unknown profile). */
export function diagnosticsOf(result: ReviewResult, shape: DiagnosticShape = 'full'): Diagnostic[] {
  return [...problemDiagnostics(result), ...result.diagnostics.map((d) => toLspDiagnostic(d, shape)), ...warningDiagnostics(result)];
}

/** The input problems of a review (bad front matter, unknown profile): published before its findings. */
export function problemDiagnostics(result: ReviewResult): Diagnostic[] {
  if (!result.isContract || !result.problems.length) return [];
  const model = result.model;
  const start = model.frontMatterSpan?.start ?? 0;
  const firstLine = model.lineStarts.findIndex((s, i) => s <= start && (i + 1 >= model.lineStarts.length || model.lineStarts[i + 1] > start));
  // A problem with a value in the front matter marks that value's line; others mark the first line.
  const lineRange = (line: number): Range => {
    const lineEnd = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
    const endChar = model.text.slice(model.lineStarts[line], lineEnd).replace(/\r?\n$|\r$/, '').length;
    return { start: { line, character: 0 }, end: { line, character: endChar } };
  };
  return result.problems.map((p) => {
    const at = result.problemLines?.[p];
    const line = at !== undefined && at - 1 < model.lineStarts.length ? at - 1 : firstLine;
    return serverDiagnostic(CONFIG_CODE, `Clausewise: ${p}`, DiagnosticSeverity.Warning, lineRange(line));
  });
}

/** Suppression comments naming rules that do not exist, on the comment itself: published after the findings. */
export function warningDiagnostics(result: ReviewResult): Diagnostic[] {
  return (result.warnings ?? []).map((w) => serverDiagnostic(CONFIG_CODE, `Clausewise: ${w.message}`, DiagnosticSeverity.Warning, w.range));
}

export function rangesIntersect(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function rangeContains(outer: Range, inner: Range): boolean {
  const le = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export interface EditCapabilities {
  /** Client supports `documentChanges` (versioned TextDocumentEdit). */
  documentChanges: boolean;
  /** Client supports LSP 3.18 SnippetTextEdit (or declares experimental.snippetTextEdit). */
  snippets: boolean;
  /** Client runs `clausewise.acceptFinding` itself and asks for the reason (initializationOptions.acceptFindingCommand). */
  acceptCommand?: boolean;
}

export interface ActionLog {
  warn(message: string): void;
}

/**
 * Quick fixes for the findings in `range` (and those the client names in its context): one action per
 * fix, the first fix of each finding preferred. Edits only insert, or replace exactly the flagged words
 * when the fix is a replacement; anything else is dropped (and logged).
 */
export function buildCodeActions(
  uri: string, version: number, result: ReviewResult, range: Range, context: readonly Diagnostic[],
  caps: EditCapabilities, log?: ActionLog,
): CodeAction[] {
  const named = context.filter((d) => d.source === SOURCE);
  const actions: CodeAction[] = [];
  result.diagnostics.forEach((d, i) => {
    const specs = result.fixSpecs[i] ?? [];
    if (!specs.length) return;
    const inContext = named.some((c) => c.code === d.ruleId && c.message === d.message && sameRange(c.range, d.range));
    if (!inContext && !rangesIntersect(range, d.range)) return;
    const diagnostic = toLspDiagnostic(d);
    let first = true;
    // A clause comes in three positions: the chosen one (setting or front matter) first, then the
    // other two as further actions; every other fix once.
    const preferred = result.clausePosition ?? DEFAULT_CLAUSE_POSITION;
    // Nearest position next: supplier, balanced, customer when the supplier's is chosen.
    const rank = (p: ClausePosition) => Math.abs(CLAUSE_POSITIONS.indexOf(p) - CLAUSE_POSITIONS.indexOf(preferred));
    const order = [...CLAUSE_POSITIONS].sort((a, b) => rank(a) - rank(b));
    const variants = specs.flatMap((spec): Array<{ spec: FixSpec; position: ClausePosition | undefined }> => (spec.kind === 'insertClause' ? order.map((position) => ({ spec, position })) : [{ spec, position: undefined }]));
    for (const { spec, position } of variants) {
      const snippet = caps.snippets && caps.documentChanges && spec.kind === 'insertClause';
      let fix;
      try {
        const at = (p: { line: number; character: number }) => offsetAt(result.model.lineStarts, result.model.text.length, p);
        fix = computeFix(result.model, spec, { snippet, thresholds: result.thresholds, flagged: { start: at(d.range.start), end: at(d.range.end) }, position });
      } catch (e) {
        log?.warn(`computeFix failed for ${d.ruleId} (${spec.title}): ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (!fix || !fix.edits.length) continue;
      const edits: Array<TextEdit | SnippetTextEdit> = [];
      let safe = true;
      for (const e of fix.edits) {
        const empty = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
        if (spec.kind === 'insertClause' && e.replaces) {
          // Rewrites words the fix's title names (vague timing it points at the new clause, renumbered clauses).
          edits.push({ range: e.range, newText: e.newText });
        } else if (spec.kind === 'insertClause') {
          // An insertion never replaces anything: collapse a non-empty range to its start.
          const r = empty ? e.range : { start: e.range.start, end: e.range.start };
          edits.push(fix.isSnippet && !e.definitions ? { range: r, snippet: { kind: 'snippet', value: e.newText } } : { range: r, newText: e.newText });
        } else if (empty || spec.kind === 'edits' || rangeContains(d.range, e.range)) {
          // 'edits' fixes rewrite what their title names (renumbering) or only insert.
          edits.push({ range: e.range, newText: e.newText });
        } else {
          safe = false;
        }
      }
      if (!safe) {
        log?.warn(`dropped fix "${spec.title}" of ${d.ruleId}: it would replace text outside the flagged words`);
        continue;
      }
      const edit: WorkspaceEdit = caps.documentChanges
        ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
        : { changes: { [uri]: edits as TextEdit[] } };
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: first,
        edit,
      });
      first = false;
    }
  });
  actions.push(...buildAcceptActions(uri, version, result, range, context, caps));
  return actions;
}

/** Title of the code action that accepts a finding with a suppression comment. */
export const ACCEPT_TITLE = 'Accept this finding…';
/** The client command that asks for the reason and inserts the comment (clients that declare it). */
export const ACCEPT_COMMAND = 'clausewise.acceptFinding';
/** The reason inserted where the client cannot ask for one; the placeholder rule flags it. */
export const ACCEPT_PLACEHOLDER = '[reason]';

/**
 * "Accept this finding…": inserts `<!-- clausewise-disable-next-line RULE -- reason -->` on its own line
 * above the block (paragraph, heading, table) where the finding starts, indented like it; the reason is
 * a tab stop when the client takes snippet edits. Offered after the quick fixes, never preferred.
 */
export function buildAcceptActions(
  uri: string, version: number, result: ReviewResult, range: Range, context: readonly Diagnostic[], caps: EditCapabilities,
): CodeAction[] {
  const named = context.filter((d) => d.source === SOURCE);
  const actions: CodeAction[] = [];
  result.diagnostics.forEach((d) => {
    const inContext = named.some((c) => c.code === d.ruleId && c.message === d.message && sameRange(c.range, d.range));
    if (!inContext && !rangesIntersect(range, d.range)) return;
    if (caps.acceptCommand) {
      // The client asks for the reason itself (VS Code: an input box), then inserts the comment.
      actions.push({
        title: `${ACCEPT_TITLE} (${d.ruleId})`, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d)], isPreferred: false,
        command: { title: ACCEPT_TITLE, command: ACCEPT_COMMAND, arguments: [{ uri, line: d.range.start.line, ruleId: d.ruleId, message: d.message } satisfies AcceptFindingArgs] },
      });
      return;
    }
    const snippet = caps.snippets && caps.documentChanges;
    // A placeholder the placeholder rule flags until someone writes the reason.
    const reason = ACCEPT_PLACEHOLDER;
    const comment = acceptCommentEdit(result.model, d.range.start.line, d.ruleId, snippet ? `\${1:${reason}}` : reason, false);
    const pos = { line: comment.line, character: 0 };
    const edit: TextEdit | SnippetTextEdit = snippet
      ? { range: { start: pos, end: pos }, snippet: { kind: 'snippet', value: comment.text } }
      : { range: { start: pos, end: pos }, newText: comment.text };
    actions.push({
      title: `${ACCEPT_TITLE} (${d.ruleId})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(d)],
      isPreferred: false,
      edit: caps.documentChanges
        ? { documentChanges: [{ textDocument: { uri, version }, edits: [edit] }] }
        : { changes: { [uri]: [edit as TextEdit] } },
    });
  });
  return actions;
}

/** The `clausewise/coverage` answer for a review, in the server's thread or the review worker. */
export function coverageResultOf(r: ReviewResult): CoverageResult {
  const lineStarts = r.model.lineStarts;
  return {
    isContract: r.isContract,
    reason: r.reason,
    profiles: r.profiles,
    coverage: r.coverage as Record<string, Verdict>,
    assessments: r.assessments.map((a) => ({
      category: a.category,
      title: CATEGORIES[a.category]?.title ?? a.category,
      verdict: a.verdict,
      reason: a.reason,
      evidence: a.evidence.map((e) => ({ requirement: e.requirement, text: e.text, range: spanToRange(lineStarts, e.span), ...(e.source ? { source: e.source, score: e.score } : {}) })),
    })),
  };
}
