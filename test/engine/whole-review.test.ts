// A review run to its end without stopping (review(), reviewDocument(): the CLI) runs its rules in a
// plain loop, not a generator step or more per rule (issue 13, cliengine), and finds exactly what
// the stepped review the language server runs finds.
import assert from 'node:assert/strict';
import { reviewDocumentSteps, reviewSteps, type ReviewResult } from '../../server/src/engine';
import { stepped } from '../support/stepped';

const clauses = Array.from({ length: 8 }, (_, i) => `## ${i + 1}. Services ${i + 1}\n\n${i + 1}.1 The Supplier shall provide the Services described in clause ${i + 1}.9 with reasonable care.\n\n${i + 1}.2 The Customer shall pay the Charges within thirty days of each invoice, and the Supplier shall use all reasonable efforts as soon as practicable.\n`);
// The service levels are incorporated from a document not given (the incorporation search's step).
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## Definitions\n\n"Charges" means the fees in Schedule 2.\n\n"Deliverable" means anything delivered.\n\n${clauses.join('\n')}\n## 9. Service levels\n\nThe Supplier shall meet the service levels set out in the Service Level Agreement attached as Schedule 3.\n`;


/** What a reader of the result sees, as plain data. */
const seen = (r: ReviewResult) => JSON.parse(JSON.stringify({
  isContract: r.isContract, reason: r.reason, coverage: r.coverage, assessments: r.assessments,
  diagnostics: r.diagnostics, fixSpecs: r.fixSpecs, suppressed: r.suppressed, warnings: r.warnings, problems: r.problems,
}));

describe('a review run without stopping (issue 13, cliengine)', () => {
  it('takes no step per rule, and finds what the stepped review finds', () => {
    const input = { text, path: 'msa.md', settings: {} };
    const sliced = stepped(reviewSteps(input));
    const whole = stepped(reviewSteps(input, undefined, true));
    assert.ok(sliced.value.diagnostics.length > 0);
    assert.ok(sliced.stops > 40, `the stepped review stopped ${sliced.stops} times`);
    assert.ok(whole.stops <= 4, `the whole review stopped ${whole.stops} times`);
    assert.deepEqual(seen(whole.value), seen(sliced.value));
  });

  it('reviewDocumentSteps passes it on, with the same result and the same rules run', () => {
    const input = { text, path: 'msa.md', force: false, settings: { profiles: ['it-outsourcing', 'gdpr-processor'], severity: { 'vague-wording': 'error' as const } } };
    const sliced = stepped(reviewDocumentSteps(input));
    const whole = stepped(reviewDocumentSteps(input, true));
    assert.ok(whole.stops <= 4 && sliced.stops > 40, `${whole.stops} and ${sliced.stops} stops`);
    assert.deepEqual(whole.value.activeRules, sliced.value.activeRules);
    assert.deepEqual(seen(whole.value.result), seen(sliced.value.result));
  });
});
