import type { Rule, RuleFinding } from './types';
import { signingGaps } from '../drafting/signing';
import examples from './examples/signature-block';

const LINE: Record<string, string> = { name: 'Name', title: 'Title', date: 'Date' };
const WORDS: Record<string, string> = { name: "the signatory's name", title: "the signatory's title", date: 'the date' };

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'add the missing lines under the party (stacked blocks only)',
    id: 'signature-block',
    category: 'drafting',
    defaultSeverity: 'warning',
    // Off by default: on converted filings its precision was 0.17 (docs/rules/signature-block.md).
    enabledByDefault: false,
    title: 'Signature block incomplete',
    description: 'A signature block with no place for one of the parties to sign, or a party\'s block with no line for the signatory\'s name, title or the date (opt-in).',
    rationale: 'A contract binds a company through the person who signs for it. Without a printed name and title nobody can later show who signed and with what authority; without a date it is unclear when the contract took effect; and a party with no place to sign may never be bound at all.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const g of signingGaps(ctx.model)) {
      if (g.kind === 'party') {
        out.push({ span: g.span, message: `The signature block has no place for ${g.party} to sign.` });
        continue;
      }
      const list = g.missing.map((f) => WORDS[f]);
      const said = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
      const lines = g.missing.map((f) => `${LINE[f]}: ____________`);
      out.push({
        span: g.span,
        message: `The signature block for ${g.party.label} has no line for ${said}.`,
        fixes: g.insertAt === null ? undefined : [{ kind: 'edits', title: `Add ${g.missing.map((f) => `"${LINE[f]}:"`).join(', ')} line${g.missing.length > 1 ? 's' : ''} for ${g.party.label}`, edits: [{ span: { start: g.insertAt, end: g.insertAt }, replacement: lines.map((l) => `\n\n${l}`).join('') }] }],
      });
    }
    return out;
  },
};
export default rule;
