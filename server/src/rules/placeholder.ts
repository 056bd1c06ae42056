import type { FixSpec, Rule, RuleFinding } from './types';
import { findPlaceholders } from '../drafting/placeholders';
import { textIncludes } from './text-matches';
import examples from './examples/placeholder';

/** An open point, bare or in brackets ("TBD", "[to be agreed]"): words vague-wording owns inside obligations. */
const OPEN_POINT = /\b(?:TBD|TBC|TBA|to be (?:agreed|determined|confirmed|decided|advised|specified))\b/i;

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
    const out: RuleFinding[] = [];
    for (const p of findPlaceholders(ctx.model)) {
      const fixes: FixSpec[] = [];
      if (p.partyRole) {
        const party = ctx.model.parties.find((x) => x.role === p.partyRole && x.legalName) ?? ctx.model.parties.find((x) => x.role === p.partyRole);
        const name = party?.legalName ?? party?.alias;
        if (name) fixes.push({ kind: 'replace', title: `Replace "${p.text}" with "${name}"`, span: p.span, replacement: name });
      }
      const message = p.kind === 'option'
        ? `"${p.text}" is ${KIND[p.kind]} left in the draft: it marks text that is still an open choice. Keep or delete the optional text, then remove the tag.`
        : `"${p.text}" is ${KIND[p.kind]} left in the draft: fill it in or delete it before the contract is signed.`;
      // Where vague-wording reports the same open point, the engine keeps its finding and drops this one.
      out.push({ span: p.span, message, fixes, ...(p.kind === 'tbd' || OPEN_POINT.test(p.text) ? { words: 'open-points' as const } : {}) });
    }
    // An accepted finding whose reason was never written ("Accept this finding" inserts "[reason]" where
    // the editor cannot ask for one). Comments are not part of the model's text, so scan for them here.
    // A plain search first: the expression over the whole text was a visible share of an edit.
    if (textIncludes(ctx.model, 'clausewise-disable')) for (const m of ctx.model.text.matchAll(ACCEPT_WITH_PLACEHOLDER)) {
      const start = m.index! + m[0].indexOf(m[1], m[0].indexOf(' -- '));
      out.push({ span: { start, end: start + m[1].length }, message: `"${m[1]}" is a placeholder where the reason for accepting this finding belongs: write why the finding is acceptable, so reviewers and CI can see it.` });
    }
    return out;
  },
};
export default rule;
