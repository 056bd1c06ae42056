/**
 * The shorter diagnostics a client may ask for (issue 13, publish). Of a 1 MB contract's 1.58 MB
 * publish, 41% is what every finding of a rule repeats: `source` (5%), `codeDescription.href` (28%)
 * and `data.category` (8%). A client that sends `compactDiagnostics: true` in its initialization
 * options gets, in the initialize result's `capabilities.experimental.clausewiseDiagnostics`, each
 * rule's link and category once (RuleIndex, ./protocol.ts), and its findings without those three:
 * it puts them back before showing them (client/src/compact-diagnostics.ts, the VS Code client). Every
 * other client gets every field on every diagnostic, as the spec (section 5) and docs/editors.md say.
 * A diagnostic the index does not describe (the server's own, the engine's input problems, a finding
 * whose category is not its rule's) is published whole in both shapes.
 */
import { docsUrl, RULES } from '../engine';
import type { RuleIndex } from './protocol';

export { RULE_INDEX_KEY, type RuleIndex } from './protocol';

/** The `source` of every diagnostic the server publishes (spec, section 1). */
export const SOURCE = 'clausewise';

/** How findings are published: whole (every client), or without what the client's rule index holds. */
export type DiagnosticShape = 'full' | 'compact';

let categories: Map<string, string> | undefined;
const categoryOf = (ruleId: string): string | undefined =>
  (categories ??= new Map(RULES.map((r) => [r.meta.id, r.meta.category]))).get(ruleId);

/** The rule index a compact client is sent (once, at initialize). */
export function ruleIndex(): RuleIndex {
  const rules: RuleIndex['rules'] = {};
  for (const r of RULES) rules[r.meta.id] = { href: docsUrl(r.meta.id), category: r.meta.category };
  return { source: SOURCE, rules };
}

/** Whether a finding of `ruleId` in `category` may be published compact: the index gives back exactly what is left out. */
export function indexDescribes(ruleId: string, category: string): boolean {
  return categoryOf(ruleId) === category;
}
