import type { ContractModel } from './types';

/**
 * Files this contract names as part of itself: front matter `clausewise: { bundle: [...] }`, and
 * relative links to sibling Markdown or text files ("[Schedule 2](sla-schedule.md)"). Paths are as
 * written, relative to the contract's folder; the caller resolves and reads them.
 */
export function bundleReferences(model: ContractModel): string[] {
  const out: string[] = [...(model.frontMatterSettings.bundle ?? [])];
  // Every link opens with "](": a text without one compiles no expression (issue 13, cold).
  if (!model.text.includes('](')) return [...new Set(out.map((p) => p.replace(/^\.\//, '')))];
  for (const m of model.text.matchAll(/\]\(\s*<?([^)\s>]+\.(?:md|markdown|txt))>?(?:#[^)\s]*)?\s*(?:"[^"]*")?\s*\)/gi)) {
    const target = m[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    out.push(decodeURI(target));
  }
  return [...new Set(out.map((p) => p.replace(/^\.\//, '')))];
}
