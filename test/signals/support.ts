/**
 * Table-driven checks for coverage signals: each example is a short clause written for these tests
 * (none is taken from a real contract), placed in a small plain contract between a customer and a
 * supplier, optionally under a heading, and the category's verdict is compared with the expectation.
 */
import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { categoryAssessor } from '../../server/src/engine';
import type { CategoryAssessment, CategoryId } from '../../server/src/categories/types';

export interface Example {
  text: string;
  /** Heading the clause sits under (e.g. "Insurance"); a neutral "General" when absent. */
  heading?: string;
}

const PARTIES = 'This Services Agreement is made between Larkspur Freight Limited (the "Customer") and Tollgate Data Services Limited (the "Supplier").';

export function assessClause(category: CategoryId, ex: Example | string): CategoryAssessment {
  const e = typeof ex === 'string' ? { text: ex } : ex;
  const text = `# Services Agreement\n\n${PARTIES}\n\n## 1. ${e.heading ?? 'General'}\n\n1.1 ${e.text}\n`;
  // The rules alone: the classifier's second opinion is tested in test/classifier.
  return categoryAssessor(buildContractModel(text), null)(category);
}

/** Declares one test per example: positives must not be "missing", negatives must be. */
export function signalTable(category: CategoryId, positives: Array<Example | string>, negatives: Array<Example | string>): void {
  describe(`${category} signal`, () => {
    for (const p of positives) {
      const e = typeof p === 'string' ? { text: p } : p;
      it(`counts: ${e.heading ? `[${e.heading}] ` : ''}${e.text}`, () => {
        const a = assessClause(category, e);
        assert.notEqual(a.verdict, 'missing', a.reason);
      });
    }
    for (const n of negatives) {
      const e = typeof n === 'string' ? { text: n } : n;
      it(`does not count: ${e.heading ? `[${e.heading}] ` : ''}${e.text}`, () => {
        const a = assessClause(category, e);
        assert.equal(a.verdict, 'missing', `${a.reason}: ${a.evidence.map((x) => x.text).join(' | ')}`);
      });
    }
  });
}
