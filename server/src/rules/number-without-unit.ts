import type { Rule, RuleFinding } from './types';
import { unitlessNumbers } from '../drafting/units';
import examples from './examples/number-without-unit';

const rule: Rule = {
  meta: {
    examples,
    id: 'number-without-unit',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Period without a unit',
    description: 'A deadline or period whose number has no unit: "within fourteen (14) of invoice".',
    rationale: 'A period with no unit can be read as days, business days, weeks or months, and each party will read it the way that suits it. Payment, notice and cure periods are where this matters most.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const u of unitlessNumbers(ctx.model)) {
      out.push({ span: u.span, message: `"${u.number}" has no unit: say whether it counts days, business days, weeks or months.` });
    }
    return out;
  },
};
export default rule;
