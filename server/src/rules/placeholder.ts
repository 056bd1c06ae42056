import type { BlockFindingGroups, FixSpec, Rule, RuleContext, RuleFinding } from './types';
import type { ContractModel, Span } from '../model';
import { findPlaceholders, type Placeholder } from '../drafting/placeholders';
import { factsActive } from '../model/facts';
import { textIncludes } from './text-matches';
import { holdsAny } from '../model/word-gate';
import { absoluteFindings, blockHolding, MadeGroups } from './block-findings';
import examples from './examples/placeholder';

/** An open point, bare or in brackets ("TBD", "[to be agreed]"): words vague-wording owns inside obligations. */
export const OPEN_POINT = /\b(?:TBD|TBC|TBA|to be (?:agreed|determined|confirmed|decided|advised|specified))\b/i;
/** Lower-case literals one of which every match of OPEN_POINT holds, looked up first (./word-gate.ts). */
export const OPEN_POINT_WORDS = ['tbd', 'tbc', 'tba', 'to be '];

/** `<!-- clausewise-disable… RULE -- [reason] -->`: a suppression comment whose reason is a bracketed placeholder. */
const ACCEPT_WITH_PLACEHOLDER = /<!--[ \t]*clausewise-disable(?:-next-line|-file)?\b[^\n>]*? -- [ \t]*(\[[^\]\n]{1,40}\])[ \t]*-->/g;

const KIND: Record<string, string> = {
  bracket: 'a placeholder in square brackets',
  template: 'a template variable',
  blank: 'a blank to be filled in',
  xx: 'a placeholder figure',
  tbd: 'an open point',
  option: 'an option tag',
};

/** The name of the party a "[Supplier name]" placeholder stands for, if the contract gives it. */
function partyName(model: ContractModel, p: Placeholder): string | undefined {
  if (!p.partyRole) return undefined;
  const party = model.parties.find((x) => x.role === p.partyRole && x.legalName) ?? model.parties.find((x) => x.role === p.partyRole);
  return party?.legalName ?? party?.alias;
}

/** A placeholder's finding at `span` (absolute, or relative to its block with the fix's span alike). */
function finding(p: Placeholder, name: string | undefined, span: Span): RuleFinding {
  const fixes: FixSpec[] = [];
  if (name) fixes.push({ kind: 'replace', title: `Replace "${p.text}" with "${name}"`, span, replacement: name });
  const message = p.kind === 'option'
    ? `"${p.text}" is ${KIND[p.kind]} left in the draft: it marks text that is still an open choice. Keep or delete the optional text, then remove the tag.`
    : `"${p.text}" is ${KIND[p.kind]} left in the draft: fill it in or delete it before the contract is signed.`;
  // Where vague-wording reports the same open point, the engine keeps its finding and drops this one.
  return { span, message, fixes, ...(p.kind === 'tbd' || (holdsAny(p.text.toLowerCase(), OPEN_POINT_WORDS) && OPEN_POINT.test(p.text)) ? { words: 'open-points' as const } : {}) };
}

/** Findings for accepted findings whose reason is still a placeholder (in comments, outside the model's blocks). */
function unwrittenReasons(model: ContractModel): RuleFinding[] {
  const out: RuleFinding[] = [];
  // A plain search first: the expression over the whole text was a visible share of an edit.
  if (textIncludes(model, 'clausewise-disable')) for (const m of model.text.matchAll(ACCEPT_WITH_PLACEHOLDER)) {
    const start = m.index! + m[0].indexOf(m[1], m[0].indexOf(' -- '));
    out.push({ span: { start, end: start + m[1].length }, message: `"${m[1]}" is a placeholder where the reason for accepting this finding belongs: write why the finding is acceptable, so reviewers and CI can see it.` });
  }
  return out;
}

/**
 * Each block's findings, kept between edits while the placeholder's relative span, text and kind
 * and the party name its fix writes are the same (a contract converted from a template can hold a
 * thousand placeholders: before, each edit made every finding and its diagnostic again).
 */
const kept = new MadeGroups();

/**
 * While editing: the findings grouped by block, relative to it (rules/block-findings.ts); undefined
 * when a finding lies outside a block (an accepted finding's reason in a comment): check() then
 * reports them all, as in a one-shot review.
 */
function groupsWhileEditing(model: ContractModel): BlockFindingGroups | undefined {
  if (unwrittenReasons(model).length) return undefined;
  const out = kept.begin(model);
  let b = 0;
  // findPlaceholders lists them block by block, in text order.
  for (const p of findPlaceholders(model)) {
    b = blockHolding(model, p.span.start, p.span.end, b);
    if (b < 0) return undefined;
    const at = out.startOf(b);
    const start = p.span.start - at;
    const end = p.span.end - at;
    const name = partyName(model, p);
    if (out.take(b, start, end, p.text, p.kind, name ?? '')) continue;
    out.add(finding(p, name, { start, end }));
  }
  return out.done();
}

/** The findings each block kept while editing (for tests). */
export function placeholderGroups(model: ContractModel): ReturnType<MadeGroups['perBlock']> {
  return kept.perBlock(model);
}

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace "[Supplier name]" and similar with the party\'s name; otherwise none',
    id: 'placeholder',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Placeholder left in',
    description: 'Placeholders left in the text: [DATE], [AMOUNT], [\u25CF], [Supplier name], {{variable}}, blanks (____), XX, <insert ...>, and TBD or "to be agreed" outside the obligations that vague-wording checks.',
    rationale: 'A placeholder left in a signed contract leaves a term blank: a date, a price, a party or a cap. A blank price or date may make the clause, or the whole contract, uncertain and unenforceable, and sending a draft with template brackets to the other side looks careless.',
  },
  check(ctx) {
    const model = ctx.model;
    if (factsActive()) {
      const grouped = groupsWhileEditing(model);
      if (grouped) return absoluteFindings(model, grouped);
    }
    const out: RuleFinding[] = [];
    for (const p of findPlaceholders(model)) out.push(finding(p, partyName(model, p), p.span));
    // An accepted finding whose reason was never written ("Accept this finding" inserts "[reason]" where
    // the editor cannot ask for one). Comments are not part of the model's text, so scan for them here.
    for (const f of unwrittenReasons(model)) out.push(f);
    return out;
  },
  checkBlocks(ctx: RuleContext) {
    return factsActive() ? groupsWhileEditing(ctx.model) : undefined;
  },
};
export default rule;
