import type { FixSpec, Rule, RuleContext, RuleFinding } from './types';
import { factsActive } from '../model/facts';
import { groupedFindings, MadeGroups } from './block-findings';
import { missingReferences, numberIndex, numberingLost } from '../drafting/xrefs';
import examples from './examples/broken-cross-reference';

/** "a clause", "an article", "an annex". */
function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function describeAvailable(ctx: Parameters<Rule['check']>[0], word: string): string {
  const idx = numberIndex(ctx.model);
  if (['schedule', 'annex', 'appendix', 'exhibit', 'attachment'].includes(word)) {
    const ids = [...idx.attachments.keys()].filter((k) => k.startsWith(word + ' ')).map((k) => k.slice(word.length + 1).toUpperCase());
    return ids.length ? ` (it has ${word === 'annex' ? 'Annex' : word[0].toUpperCase() + word.slice(1)} ${ids.join(', ')})` : '';
  }
  const tops = [...idx.body.keys()].filter((k) => /^\d+$/.test(k)).map(Number).sort((a, b) => a - b);
  return tops.length >= 2 ? ` (its clauses are numbered ${tops[0]} to ${tops[tops.length - 1]})` : '';
}

/** Every finding, with absolute spans (made in full on every review: they are few). */
function findings(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Only the missing references: while editing, the others are never built as objects.
  for (const ref of missingReferences(ctx.model)) {
    const written = ctx.model.text.slice(ref.span.start, ref.span.end);
    const fixes: FixSpec[] = [];
    let message: string;
    let severity: 'information' | undefined;
    if (ref.section && ref.parts.length) {
      message = `${written} refers to a paragraph (${ref.parts[0]}) that ${ref.word} ${ref.base} does not have.`;
    } else if (ref.kind === 'attachment') {
      message = `${written} refers to ${withArticle(ref.word)} this document does not contain${describeAvailable(ctx, ref.word)}.`;
    } else if (ref.leafParent?.number) {
      // "clause 2.1.3" where 2.1 is one paragraph: often an item written "(c)", so only information.
      message = `${written} refers to a sub-clause, but ${ref.word} ${ref.leafParent.number} has no numbered sub-clauses: check whether an item of it, such as "(a)", was meant.`;
      severity = 'information';
    } else {
      message = `${written} refers to ${withArticle(ref.word)} the contract does not have${describeAvailable(ctx, ref.word)}.`;
    }
    if (ref.titled?.number) {
      // "clause 9.4 (Service Credits)": the title names the clause that was meant.
      const targetText = ctx.model.text.slice(ref.targetSpan.start, ref.targetSpan.end);
      const baseLen = targetText.indexOf('(') >= 0 ? targetText.indexOf('(') : targetText.length;
      const span = { start: ref.targetSpan.start, end: ref.targetSpan.start + baseLen };
      message += ` The title given with it is that of ${ref.word} ${ref.titled.number}.`;
      fixes.push({ kind: 'replace', title: `Replace "${targetText.slice(0, baseLen)}" with "${ref.titled.number}" (${ref.titled.title})`, span, replacement: ref.titled.number });
    }
    out.push({ span: ref.span, message, fixes, ...(severity ? { severity } : {}) });
  }
  const lost = numberingLost(ctx.model);
  if (lost) {
    out.push({
      span: ctx.model.titleSpan,
      severity: 'information',
      message: `Cross-references were not checked: ${lost} of this document's clause references do not match its clause numbers, and its own numbering could not be read (text converted from PDF or Word often loses it). Check the references by hand.`,
      fixes: [],
    });
  }
  return out;
}

/** Each block's findings, kept between edits (rules/block-findings.ts groupedFindings). */
const kept = new MadeGroups();

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace the clause number, when the reference names the clause by its title',
    id: 'broken-cross-reference',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Broken cross-reference',
    description: 'A reference to a clause, section, paragraph, schedule or annex that the contract does not contain.',
    rationale: 'A reference to a clause that does not exist usually means the contract was renumbered and the reference not updated. The provision it was meant to bring in (a liability cap, a termination right, a service-credit regime) may then not apply at all, or the parties will argue about which clause was meant.',
  },
  check(ctx) {
    return findings(ctx);
  },
  // While editing, grouped by block: a finding made from the same inputs keeps its object and the engine its diagnostic.
  checkBlocks(ctx) {
    return factsActive() ? groupedFindings(kept, ctx.model, findings(ctx)) : undefined;
  },
};
export default rule;
