// Requirement names are the public face of a category's analysis: rules read them, and a misspelt
// one must neither compile nor silently read as "unmet" (which would make a rule fire on every
// contract). The type checks are the @ts-expect-error lines below, enforced by `npm run typecheck`
// (tsconfig includes test/); the runtime checks prove each declared name is one a category produces.
import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { categoryAssessor } from '../../server/src/engine';
import { allClauses, DEFAULT_PARTY_NAMES, renderClause } from '../../server/src/library';
import { CATEGORY_IDS, REQUIREMENTS, requirementsOf, type CategoryAssessment, type CategoryId } from '../../server/src/categories/types';
import { requirementGapRule } from '../../server/src/rules/helpers';
import type { RuleContext } from '../../server/src/rules/types';

const HEAD = '# Services Agreement\n\nThis Services Agreement is made between Larkspur Freight Limited (the "Customer") and Tollgate Data Services Limited (the "Supplier").\n\n';

/** Every clause of the library, one after the other, as one contract. */
function libraryContract(): string {
  return HEAD + allClauses().map((c, i) => renderClause(c, { number: String(i + 1), parties: DEFAULT_PARTY_NAMES, snippet: false, headingDepth: 2 })).join('\n\n');
}

/**
 * Requirements the library's own wording does not meet, each with a clause written for this test
 * that does. Keep this list short: an entry here is a gap between the library and the category.
 */
const NOT_IN_LIBRARY: Partial<Record<CategoryId, Record<string, string>>> = {
  // The library's data-protection clause says "within N days after the processing services end",
  // which the category's end-of-contract context does not read.
  'data-protection': { 'return-deletion': 'On termination of this Agreement the Supplier shall return or delete all personal data.' },
};

const met = (a: CategoryAssessment, r: string) => (a.requirements as Record<string, boolean | undefined>)[r];

/** Never called: each line must fail to compile, or typecheck reports the unused @ts-expect-error. */
function compileTimeChecks(ctx: RuleContext): unknown[] {
  return [
    // @ts-expect-error a misspelt requirement of the category
    ctx.assessment('sla').requirements.availabilty,
    // @ts-expect-error a requirement of another category (flowdown is subcontracting's)
    ctx.assessment('sla').requirements.flowdown,
    requirementGapRule({
      meta: { id: 'x', category: 'sla', defaultSeverity: 'warning', title: 'x', description: 'x', rationale: 'x', examples: { flagged: [], fine: [] } },
      // @ts-expect-error a misspelt requirement in a rule's declaration
      requirements: ['credit'],
      message: 'x',
    }),
    // Spelt right, it compiles and is a boolean.
    ctx.assessment('sla').requirements.availability satisfies boolean,
  ];
}

describe('category requirements', () => {
  it('are declared for every category, each with a description', () => {
    assert.deepEqual(Object.keys(REQUIREMENTS).sort(), [...CATEGORY_IDS].sort());
    for (const c of CATEGORY_IDS) {
      assert.ok(requirementsOf(c).length > 0, c);
      for (const r of requirementsOf(c)) assert.ok((REQUIREMENTS[c] as Record<string, string>)[r].length > 10, `${c}.${r} is described`);
    }
  });

  it('are exactly the declared names in every assessment, met or not', () => {
    const empty = categoryAssessor(buildContractModel(`${HEAD}## 1. General\n\n1.1 The parties agree to meet.\n`), null);
    const full = categoryAssessor(buildContractModel(libraryContract()), null);
    for (const c of CATEGORY_IDS) {
      assert.deepEqual(Object.keys(empty(c).requirements), requirementsOf(c), `${c} (nothing met)`);
      assert.ok(requirementsOf(c).every((r) => met(empty(c), r) === false), `${c}: nothing is met in an empty contract`);
      assert.deepEqual(Object.keys(full(c).requirements), requirementsOf(c), `${c} (library contract)`);
    }
  });

  it('are each met by some text: the library clauses, or the few clauses written for the gaps', () => {
    const full = categoryAssessor(buildContractModel(libraryContract()), null);
    const unmet = CATEGORY_IDS.flatMap((c) => requirementsOf(c).filter((r) => !met(full(c), r)).map((r) => `${c}.${r}`));
    const gaps = Object.entries(NOT_IN_LIBRARY).flatMap(([c, rs]) => Object.keys(rs!).map((r) => `${c}.${r}`));
    // A name in the table that no signal produces (a typo in a category's scan) shows up here.
    assert.deepEqual(unmet, gaps, 'requirements the library contract does not meet');
    for (const [c, rs] of Object.entries(NOT_IN_LIBRARY) as Array<[CategoryId, Record<string, string>]>) {
      for (const [r, clause] of Object.entries(rs)) {
        const a = categoryAssessor(buildContractModel(`${HEAD}## 1. Data Protection\n\n1.1 ${clause}\n`), null)(c);
        assert.equal(met(a, r), true, `${c}.${r}: ${clause}`);
      }
    }
  });

  it('are checked at compile time (the @ts-expect-error lines of this file)', () => {
    assert.equal(typeof compileTimeChecks, 'function');
  });
});
