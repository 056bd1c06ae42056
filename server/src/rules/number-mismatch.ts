import type { Rule, RuleFinding } from './types';
import { matchCase, numberMismatches, numberToWords } from '../drafting/numbers';
import examples from './examples/number-mismatch';

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace the words or the figure',
    id: 'number-mismatch',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Number in words and figures disagree',
    description: 'A number written in words and in figures that do not match: "thirty (60) days", "ten per cent (15%)".',
    rationale: 'Contracts write important numbers twice so that a typing slip shows. When the two disagree, the notice period, cap or price is uncertain; some courts prefer the words, others read the contract as a whole, and the party that loses will say the other figure was meant.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of numberMismatches(ctx.model)) {
      const written = ctx.model.text.slice(m.span.start, m.span.end);
      const fromFigure = numberToWords(m.figure.value);
      const fixes = [];
      if (fromFigure) {
        const words = matchCase(fromFigure, m.words.text);
        fixes.push({ kind: 'replace' as const, title: `Replace "${m.words.text}" with "${words}" (keep the figure ${m.figure.text})`, span: m.words.span, replacement: words });
      }
      const figure = m.figure.text.replace(/[\d,.]+/, () => {
        const v = m.words.value;
        return /,/.test(m.figure.text) ? v.toLocaleString('en-GB') : String(v);
      });
      fixes.push({ kind: 'replace' as const, title: `Replace "${m.figure.text}" with "${figure}" (keep the words "${m.words.text}")`, span: m.figure.span, replacement: figure });
      out.push({ span: m.span, message: `"${written}": the words say ${m.words.value.toLocaleString('en-GB')} but the figure says ${m.figure.value.toLocaleString('en-GB')}.`, fixes });
    }
    return out;
  },
};
export default rule;
