// Incorporation by reference: a category missing from the text but incorporated from another document
// is reported as an information note naming that document, never as a missing clause.
import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findIncorporation, sentenceLookCount } from '../../server/src/categories/incorporation';
import { setPrefilterMinSentences } from '../../server/src/categories/scan';
import { CATEGORY_IDS } from '../../server/src/categories/types';
import { generateContract } from '../../scripts/bench-contract';
import { buildContractModel } from '../../server/src/model';
import type { CategoryId } from '../../server/src/categories/types';

const OPENING = 'This Services Agreement is made between Larkspur Freight Limited (the "Customer") and Tollgate Data Services Limited (the "Supplier").';
const contract = (clause: string, extra = '') => `# Services Agreement\n\n${OPENING}\n\n## 1. Services\n\n1.1 The Supplier shall provide the hosting services described in this Agreement. The Customer shall pay the charges monthly.\n\n1.2 ${clause}\n${extra}`;
const incorporation = (text: string, category: CategoryId) => findIncorporation(buildContractModel(text), category);

describe('incorporation by reference', () => {
  describe('names the document a category is taken from', () => {
    const cases: Array<[CategoryId, string, string]> = [
      ['sla', 'The Supplier shall meet the Service Level Agreement attached as Schedule 3.', 'Service Level Agreement (Schedule 3)'],
      ['security', 'The Supplier shall comply with the Supplier\'s security policy set out in Annex B.', 'Security Policy (Annex B)'],
      ['data-protection', 'The Data Processing Addendum dated 1 March 2025 is incorporated by reference into this Agreement.', 'Data Processing Addendum'],
      ['business-continuity', 'The Supplier shall maintain the business continuity plan described in Appendix 4.', 'Business Continuity Plan (Appendix 4)'],
      ['exit', 'On expiry the Supplier shall perform the exit plan set out in Schedule 9.', 'Exit Plan (Schedule 9)'],
      ['limitation-of-liability', 'This Statement of Work is issued under and governed by the Master Services Agreement dated 2 May 2024 between the parties.', 'Master Services Agreement'],
      ['governing-law', 'The terms and conditions of the Master Services Agreement apply to this Order.', 'Master Services Agreement'],
    ];
    for (const [category, clause, document] of cases) {
      it(`${category}: ${clause}`, () => {
        const inc = incorporation(contract(clause), category);
        assert.equal(inc?.document, document);
        assert.match(inc!.evidence.text, /\S/);
      });
    }
  });

  describe('near misses', () => {
    const cases: Array<[CategoryId, string, string?]> = [
      ['security', 'The Customer may ask for a copy of the Supplier\'s security policy.'],
      ['confidentiality', 'This Agreement supersedes any earlier non-disclosure agreement between the parties.'],
      ['sla', 'The charges set out in Schedule 2 are fixed for the first year.'],
      // The referenced document may not exist.
      ['security', 'The Supplier will comply with the Customer\'s security policy, if any.'],
      // An acronym for something else.
      ['data-protection', 'The Supplier shall give the Buy America Act (BAA) determinations set out in Exhibit C.'],
      // A security policy need not say when incidents are notified.
      ['breach-notification', 'The Supplier shall comply with the security policy attached as Annex B.'],
      // The statement of work's own scope is not delegated to the master agreement.
      ['deliverables', 'This Statement of Work is issued under the Master Services Agreement dated 2 May 2024.'],
      // The schedule is part of this document: nothing is delegated.
      ['sla', 'The Supplier shall meet the Service Level Agreement attached as Schedule 3.', '\n## Schedule 3 – Service Level Agreement\n\nThe Supplier aims to keep the platform running.\n'],
    ];
    for (const [category, clause, extra] of cases) {
      it(`${category}: ${clause}${extra ? ' (with the schedule in the document)' : ''}`, () => assert.equal(incorporation(contract(clause, extra), category), null));
    }
  });

  describe('in the review', () => {
    const text = contract('The Supplier shall meet the Service Level Agreement attached as Schedule 3.');
    it('keeps the coverage verdict the text gives (weak on the reference alone) but says where the terms are', () => {
      const r = review({ text, path: 'sow.md', classifier: null });
      assert.equal(r.coverage.sla, 'weak');
      const a = r.assessments.find((x) => x.category === 'sla')!;
      assert.equal(a.incorporatedFrom?.document, 'Service Level Agreement (Schedule 3)');
      assert.match(a.reason, /incorporated from Service Level Agreement \(Schedule 3\)/);
    });
    it('reports one information note for the category at the incorporating sentence, and no missing-clause finding', () => {
      const r = review({ text, path: 'sow.md', classifier: null, settings: { profiles: ['dora'] } });
      const sla = r.diagnostics.filter((d) => d.category === 'sla');
      assert.equal(sla.length, 1, sla.map((d) => `${d.ruleId}: ${d.message}`).join('\n'));
      assert.equal(sla[0].severity, 'information');
      assert.match(sla[0].message, /incorporated from Service Level Agreement \(Schedule 3\)/);
      assert.equal(sla[0].range.start.line, text.split('\n').findIndex((l) => l.startsWith('1.2')));
    });
    it('a missing category taken from the master agreement is a note, not a missing clause', () => {
      const sow = contract('This Statement of Work is issued under and governed by the Master Services Agreement dated 2 May 2024 between the parties.');
      const r = review({ text: sow, path: 'sow.md', classifier: null });
      assert.equal(r.coverage['governing-law'], 'missing');
      const law = r.diagnostics.filter((d) => d.category === 'governing-law');
      assert.deepEqual(law.map((d) => d.severity), ['information']);
      assert.match(law[0].message, /incorporated from Master Services Agreement/);
    });
    it('a user severity override still applies to the note', () => {
      const ruleId = review({ text, path: 'sow.md', classifier: null }).diagnostics.find((d) => d.category === 'sla')!.ruleId;
      const r = review({ text, path: 'sow.md', classifier: null, settings: { severity: { [ruleId]: 'error' } } });
      assert.equal(r.diagnostics.find((d) => d.ruleId === ruleId)?.severity, 'error');
    });
    it('without the incorporating sentence the category is reported missing as before', () => {
      const r = review({ text: contract('The Supplier shall act in good faith.'), path: 'sow.md', classifier: null });
      const sla = r.diagnostics.filter((d) => d.category === 'sla');
      assert.ok(sla.some((d) => d.severity !== 'information' && /service level/i.test(d.message)), sla.map((d) => d.message).join('\n'));
    });
    it('when the incorporated document is in the bundle, its clause counts and no note is given', () => {
      const r = review({ text, path: 'sow.md', classifier: null, bundle: [{ path: 'sla.md', text: '# Schedule 3 – Service Levels\n\nThe Supplier shall keep the Service available 99.9% of each calendar month, measured monthly, with service credits of 5% of the monthly charges for each shortfall.\n' }] });
      assert.notEqual(r.coverage.sla, 'missing');
      assert.ok(!r.assessments.find((x) => x.category === 'sla')!.incorporatedFrom);
    });
  });
});

describe('incorporation by reference in a long (prefiltered) contract', () => {
  // A generated contract with incorporating sentences spread through it, and cuad-dev contracts.
  const clauses = [
    'The Supplier shall meet the service levels set out in the Service Level Agreement attached as Schedule 3.',
    'The Supplier shall comply with the Information Security Policy set forth in Annex B.',
    'This Order is issued under and governed by the Master Services Agreement dated 1 March 2024.',
    'The charges are set out in the Rate Card, if any, agreed between the parties.',
  ];
  const base = generateContract(150_000).split('\n\n');
  const generated = base.map((p, i) => (i % 40 === 20 ? `${p}\n\n${clauses[((i / 40) | 0) % clauses.length]}` : p)).join('\n\n');
  const documents: Array<{ name: string; text: string; format: 'markdown' | 'plain' }> = [{ name: 'generated', text: generated, format: 'markdown' }];
  const cuad = resolve(__dirname, '../../../shared/cuad-dev');
  if (existsSync(cuad)) for (const f of readdirSync(cuad).filter((n) => n.endsWith('.txt')).sort().slice(0, 8)) documents.push({ name: f, text: readFileSync(join(cuad, f), 'utf8'), format: 'plain' });
  else it.skip(`cuad-dev part skipped: ${cuad} is absent`, () => {});

  it('reads only the sentences that may name a document, and finds what reading every sentence finds', () => {
    const previous = setPrefilterMinSentences(Infinity);
    let every: string[];
    let everyCount: number[];
    try {
      const models = documents.map((d) => buildContractModel(d.text, 0, d.format));
      every = models.map((m) => JSON.stringify(CATEGORY_IDS.map((c) => findIncorporation(m, c))));
      everyCount = models.map(sentenceLookCount);
    } finally {
      setPrefilterMinSentences(0);
    }
    try {
      documents.forEach((d, i) => {
        const model = buildContractModel(d.text, 0, d.format);
        assert.equal(JSON.stringify(CATEGORY_IDS.map((c) => findIncorporation(model, c))), every[i], d.name);
        const count = sentenceLookCount(model);
        assert.ok(count < everyCount[i] / 4, `${d.name}: ${count} of ${everyCount[i]} sentences read`);
      });
      assert.ok(every[0].includes('Service Level Agreement (Schedule 3)'), 'the generated contract has something to find');
    } finally {
      setPrefilterMinSentences(previous);
    }
  });
});
