// Compact diagnostics put back whole (issue 13, publish). The client asks the server for findings
// without `source`, `codeDescription` and `data.category` (initializationOptions.compactDiagnostics):
// every finding of a rule repeats them, 41% of a 1 MB contract's publish, which the client then reads
// and parses on every keystroke. The server sends each rule's link and category once, in the
// initialize result (RuleIndex, server/src/lsp/protocol.ts); this puts them back on each diagnostic
// before VS Code sees it, so the Problems panel, the Contract Review view, "Accept this finding" and
// the code actions' context see what they saw before. A server that sends no index sends whole
// diagnostics, which are left alone.
import { RULE_INDEX_KEY, type RuleIndex } from '../../server/src/lsp/protocol';

/** The rule index in an initialize result, when the server sent a well-formed one. */
export function ruleIndexOf(initializeResult: unknown): RuleIndex | undefined {
  const experimental = (initializeResult as { capabilities?: { experimental?: Record<string, unknown> } } | undefined)?.capabilities?.experimental;
  const index = experimental?.[RULE_INDEX_KEY] as Partial<RuleIndex> | undefined;
  return index && typeof index.source === 'string' && index.rules && typeof index.rules === 'object' ? index as RuleIndex : undefined;
}

/** The fields of a vscode.Diagnostic (as vscode-languageclient makes it) that this fills in. */
export interface RestorableDiagnostic<U> {
  source?: string;
  code?: string | number | { value: string | number; target: U };
  data?: unknown;
}

/** What a rule's diagnostics get back: one `code` and one `data` object per rule, shared (nothing changes them). */
interface Restored<U> {
  source: string;
  code: { value: string; target: U };
  category: string;
  data: { category: string };
}

const made = new WeakMap<RuleIndex, Map<string, Restored<unknown>>>();

function restoredOf<U>(index: RuleIndex, ruleId: string, uriOf: (href: string) => U): Restored<U> | undefined {
  let rules = made.get(index) as Map<string, Restored<U>> | undefined;
  if (!rules) {
    rules = new Map();
    for (const [id, r] of Object.entries(index.rules)) rules.set(id, { source: index.source, code: { value: id, target: uriOf(r.href) }, category: r.category, data: { category: r.category } });
    made.set(index, rules as Map<string, Restored<unknown>>);
  }
  return rules.get(ruleId);
}

/**
 * Puts back what a compact diagnostic left out: `source`, the code's link (parsed by `uriOf`, once
 * per rule and index) and `data.category` (first, as in a whole diagnostic's data). Only for a
 * diagnostic without `source` whose code the index names; any other is left as it came.
 */
export function restoreDiagnostics<U, D extends RestorableDiagnostic<U>>(diagnostics: readonly D[], index: RuleIndex, uriOf: (href: string) => U): void {
  for (const d of diagnostics) {
    if (d.source !== undefined || typeof d.code !== 'string') continue;
    const r = restoredOf(index, d.code, uriOf);
    if (!r) continue;
    d.source = r.source;
    d.code = r.code;
    d.data = d.data && typeof d.data === 'object' ? { category: r.category, ...d.data } : r.data;
  }
}
