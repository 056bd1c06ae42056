import assert from 'node:assert/strict';
import { buildContractModel, bundleReferences } from '../../server/src/model';
import { loadBundle, review } from '../../server/src/engine';

const MSA = `---
clausewise:
  review: true
  bundle: [schedules/sla.md]
---
# Managed Services Agreement

This agreement is between Contoso Bank plc ("Customer") and Fabrikam Ltd ("Supplier").

## 1. Services

1.1 The Supplier shall provide the Services set out in Schedule 1 and [Schedule 2](schedules/sla.md).
`;

const SLA = `# Schedule 2: Service Levels

1. The Supplier shall make the Services available at least 99.9% of the time in each calendar month.
2. The Supplier shall respond to Priority 1 incidents within 30 minutes and resolve them within 4 hours.
3. If availability falls below 99.9% in a month, the Customer is entitled to service credits of 5% of the monthly charges.
4. The Supplier shall send the Customer a monthly service level report.
`;

describe('contract bundles', () => {
  it('finds the files a contract names in front matter and in relative links, once each', () => {
    const model = buildContractModel(MSA + '\nSee also [the DPA](./dpa.md) and [the web](https://example.com/terms.md).\n');
    assert.deepEqual(bundleReferences(model), ['schedules/sla.md', 'dpa.md']);
  });

  it('counts a schedule kept in another file toward coverage and says where the clause is', () => {
    const alone = review({ text: MSA, path: 'contracts/msa.md' });
    assert.equal(alone.coverage.sla, 'missing');
    assert.ok(alone.diagnostics.some((d) => d.ruleId === 'sla-metrics'));

    const model = buildContractModel(MSA);
    const { members, problems } = loadBundle(model, 'contracts/msa.md', (p) => (p === 'contracts/schedules/sla.md' ? SLA : undefined));
    assert.deepEqual(problems, []);
    assert.equal(members.length, 1);
    const bundled = review({ text: MSA, path: 'contracts/msa.md', bundle: members }, model);
    assert.equal(bundled.coverage.sla, 'present');
    const sla = bundled.assessments.find((a) => a.category === 'sla')!;
    assert.equal(sla.source, 'contracts/schedules/sla.md');
    assert.ok(sla.evidence.every((e) => e.path === 'contracts/schedules/sla.md'));
    assert.ok(!bundled.diagnostics.some((d) => d.ruleId === 'sla-metrics'));
  });

  it('reports a bundle file named in front matter that cannot be read, and ignores a dead link', () => {
    const model = buildContractModel(MSA + '\n[old draft](old.md)\n');
    const { members, problems } = loadBundle(model, 'contracts/msa.md', () => undefined);
    assert.equal(members.length, 0);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /schedules\/sla\.md/);
  });

  it('a weak clause in the bundle is reported at this file\'s title, naming the file, with no fix', () => {
    const weakSla = '# Schedule 2: Service Levels\n\nThe Supplier will aim for high availability and respond to incidents.\n';
    const result = review({ text: MSA, path: 'msa.md', bundle: [{ path: 'schedules/sla.md', text: weakSla }] });
    const d = result.diagnostics.find((x) => x.ruleId === 'sla-metrics');
    assert.ok(d, 'sla-metrics reports the weak schedule');
    assert.match(d.message, /schedules\/sla\.md/);
    assert.deepEqual(d.fixes, []);
  });
});
