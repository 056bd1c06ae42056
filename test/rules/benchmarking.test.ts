import assert from 'node:assert/strict';
import { assertClauseExists, assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectFiresWith, expectQuiet, findingsOf, NEUTRAL, numbered, run, sections, STRONG } from './support';

const RULE = 'benchmarking';

const KPIS = 'The Supplier shall report its performance against the key performance indicators in Schedule 2 each month.';
const REVIEWS = 'The parties shall hold a quarterly service review to discuss the Supplier\'s performance.';

/** Performance monitoring with KPIs, reports and reviews, but no way to compare with the market. */
const NO_BENCHMARK = contract(sections(STRONG.deliverables, numbered('Performance Monitoring', KPIS, REVIEWS)));

const monitoring = (...extra: string[]) => contract(sections(STRONG.deliverables, numbered('Performance Monitoring', KPIS, REVIEWS, ...extra)));

describe(`rule ${RULE}`, () => {
  it('has its meta data, and its clause is in the library', () => {
    assertMeta(RULE, { category: 'performance-monitoring', defaultSeverity: 'information', clauseId: 'performance-reviews' });
    assertClauseExists(RULE);
  });

  it('fires once, as information, at the performance-monitoring clause when there is no benchmarking right', () => {
    const [f, ...rest] = expectFires(NO_BENCHMARK, RULE, 'information');
    assert.equal(rest.length, 0);
    assertAtHeading(NO_BENCHMARK, f.diag, 'Performance Monitoring');
    assert.match(f.diag.message, /benchmarking/i);
    assert.equal(run(NO_BENCHMARK).coverage['performance-monitoring'], 'present');
  });

  it('also fires when performance monitoring is weak (monitored but not reported)', () => {
    const text = contract(sections(STRONG.deliverables, numbered('Performance Monitoring', 'The Supplier shall monitor the availability of the Services continuously.')));
    assert.equal(run(text).coverage['performance-monitoring'], 'weak');
    const [f] = expectFires(text, RULE, 'information');
    assertAtHeading(text, f.diag, 'Performance Monitoring');
  });

  it('stays quiet on an annual benchmarking right (the STRONG clause)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['performance-monitoring'])), RULE);
  });

  it('stays quiet on an independent benchmarker comparing the charges', () => {
    expectQuiet(monitoring('From the second contract year the Customer may appoint an independent benchmarker to compare the Charges with those for similar services.'), RULE);
  });

  it('stays quiet on a benchmarking review in its own clause', () => {
    expectQuiet(contract(sections(STRONG.deliverables, numbered('Performance Monitoring', KPIS, REVIEWS), numbered('Benchmarking', 'Either party may ask for the Charges to be benchmarked no more than once in any twelve months.'))), RULE);
  });

  it('stays quiet when there is no performance monitoring at all (performance-reviews reports that)', () => {
    const text = contract(sections(STRONG.deliverables, NEUTRAL));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'performance-reviews').length, 1);
  });

  // Regression (was a bug, now fixed): a market-comparison right worded without the word "benchmark" is not recognised. The
  // performance-monitoring assessor's 'benchmarking' requirement is only /\bbenchmark/i, so "compare
  // the Charges with the rates charged for similar services in the market and reduce them" (which
  // is a benchmarking right in substance) still gets "No benchmarking right".
  it('stays quiet on a market-comparison right that does not use the word "benchmark"', () => {
    const text = monitoring('Once a year the Customer may have the Charges compared with the rates charged for similar services in the market, and the Supplier shall reduce the Charges to match.');
    expectQuiet(text, RULE);
  });

  it('no profile raises or cites it: under dora-critical it stays information with no citations', () => {
    const [f] = expectFiresWith(NO_BENCHMARK, RULE, { profiles: ['dora-critical'] }, 'information');
    assert.equal(f.diag.citations, undefined);
  });

  it('quick fix inserts the Performance Monitoring and Reviews clause into that clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_BENCHMARK, RULE);
    // Added as the next sub-clause of clause 2, with its benchmarking right.
    assert.match(fixed, /^### 2\.3 Performance Monitoring and Reviews$/m);
    assert.match(fixed, /^2\.3\.5 .*benchmarker/m);
  });
});
