import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildContractModel } from '../../server/src/model';
import { countAtEach, CUSTOMER_ROLE_WORDS, roleWordCounts, roleWordPattern, SUPPLIER_ROLE_WORDS } from '../../server/src/model/parties';
import { partyMatchers } from '../../server/src/model/language';

describe('model: parties', () => {
  it('reads role-word aliases with their legal names', () => {
    const m = buildContractModel(`# Services Agreement

This Agreement is made between Harbourline Housing Association Limited, a company registered in England (the "Customer"), and Quillfeather Systems Ltd (the "Supplier").
`);
    assert.deepEqual(m.parties, [
      { alias: 'Customer', legalName: 'Harbourline Housing Association Limited', role: 'customer', takesArticle: true },
      { alias: 'Supplier', legalName: 'Quillfeather Systems Ltd', role: 'supplier', takesArticle: true },
    ]);
  });

  it('reads a company name that starts with a lower-case prefix ("eX..."), as an alias and in the legal name', () => {
    const m = buildContractModel(`# Hosting Agreement

This Agreement is made between iRoute Networks Inc. ("iRoute") and Marlowe Freight Limited (the "Customer").

iRoute shall provide the hosting services. iRoute shall maintain the platform. Customer shall pay the charges monthly.
`);
    const byAlias = Object.fromEntries(m.parties.map((p) => [p.alias, p]));
    assert.equal(byAlias.iRoute?.role, 'supplier');
    assert.equal(byAlias.iRoute?.legalName, 'iRoute Networks Inc.');
  });

  it('infers the role of a short-name alias from what the text makes it do', () => {
    const m = buildContractModel(`# Hosting Agreement

This Agreement is made between Copperleaf Analytics GmbH ("Copperleaf") and Sandpiper Retail plc ("Sandpiper").

Copperleaf shall provide the hosting services. Copperleaf shall maintain the platform. Sandpiper shall pay the charges monthly.
`);
    const byAlias = Object.fromEntries(m.parties.map((p) => [p.alias, p]));
    assert.equal(byAlias.Copperleaf.role, 'supplier');
    assert.equal(byAlias.Copperleaf.legalName, 'Copperleaf Analytics GmbH');
    assert.equal(byAlias.Copperleaf.takesArticle, false);
    assert.equal(byAlias.Sandpiper.role, 'customer');
    assert.equal(byAlias.Sandpiper.legalName, 'Sandpiper Retail plc');
  });

  it('gives the other named party the opposite role when one role is known', () => {
    const m = buildContractModel(`# Hosting Agreement

This Agreement is made between Copperleaf Analytics GmbH ("Copperleaf") and Sandpiper Retail plc (the "Client").
`);
    assert.equal(m.parties.find((p) => p.alias === 'Client')?.role, 'customer');
    assert.equal(m.parties.find((p) => p.alias === 'Copperleaf')?.role, 'supplier');
  });

  it('takes parties named in front matter', () => {
    const m = buildContractModel(`---
parties:
  supplier: { name: Copperleaf Analytics GmbH, alias: Copperleaf }
  customer: Sandpiper
---
# Hosting Agreement

Copperleaf hosts the platform.
`);
    const sup = m.parties.find((p) => p.role === 'supplier');
    assert.deepEqual(sup, { alias: 'Copperleaf', legalName: 'Copperleaf Analytics GmbH', role: 'supplier', takesArticle: false });
    assert.equal(m.parties.find((p) => p.role === 'customer')?.alias, 'Sandpiper');
  });

  it('builds matchers that find each side by alias and legal name', () => {
    const m = buildContractModel(`# Hosting Agreement

This Agreement is made between Copperleaf Analytics GmbH ("Copperleaf") and Sandpiper Retail plc (the "Customer"). Copperleaf shall provide the hosting services.
`);
    const pm = partyMatchers(m);
    assert.match('Copperleaf shall host', new RegExp(pm.supplier.source));
    assert.match('Copperleaf Analytics GmbH warrants', new RegExp(pm.supplier.source));
    assert.match("the Customer's data", new RegExp(pm.customer.source));
    assert.doesNotMatch('Sandpiper-free text', new RegExp(pm.supplier.source));
  });

  it('does not take defined terms such as (the "Services") for parties', () => {
    const m = buildContractModel(`# Hosting Agreement

This Agreement is made between Alder Ltd (the "Supplier") and Birch plc (the "Customer"). Alder Ltd will provide the hosting services described in Schedule 1 (the "Services") from the date of signature (the "Effective Date").
`);
    assert.deepEqual(m.parties.map((p) => p.alias).sort(), ['Customer', 'Supplier']);
  });

  describe('role words counted in one pass (issue 13)', () => {
    const words = [...SUPPLIER_ROLE_WORDS, ...CUSTOMER_ROLE_WORDS];
    // Each role word's own expression, run over the whole text: what the one pass must count.
    const oneByOne = (text: string) => new Map(words.map((w) => [w, (text.match(roleWordPattern(w)) ?? []).length]));
    const counted = (text: string) => new Map(words.map((w) => [w, roleWordCounts(text).get(w) ?? 0]));

    it('role words contain one another only as a last word, so that one pass finds them all', () => {
      for (const v of words) for (const w of words) if (w !== v && w.includes(v)) assert.ok(w.endsWith(` ${v}`), `${w} contains ${v}`);
    });

    it('counts each word as its own expression does: inside longer words, before "\'s own", next to letters', () => {
      const text = [
        'The Service Provider and the Provider shall act; the Hosting Provider too.',
        "The Service Provider's own staff, the Provider's sole remedy, the Provider's staff.",
        'Service Providers, XService Provider, Sub-processor and Processor, Subprocessor.',
        'Company, Companyx, the Company\u2019s own, Recipient of Services, Recipient of Servicesx.',
      ].join('\n');
      const want = oneByOne(text);
      assert.deepEqual(counted(text), want);
      assert.equal(want.get('Provider'), 5);
      assert.equal(want.get('Service Provider'), 1);
    });

    it('counts as the word-by-word expressions on real contracts (../shared)', function () {
      const dir = resolve(__dirname, '../../../shared/cuad-dev');
      if (!existsSync(dir)) {
        console.log(`      skipped: ../shared/cuad-dev not found at ${dir}`);
        return this.skip();
      }
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 60)) {
        const text = readFileSync(join(dir, f), 'utf8');
        assert.deepEqual(counted(text), oneByOne(text), f);
      }
    });
  });

  it('counts matches that start with a literal as a global expression does, trying each only where the literal is (issue 13)', () => {
    const text = 'ACME shall provide ACME shall provide; ACME shall pay. XACME shall pay. ACME" will host ACMEACME shall supply ACME';
    const tails = [String.raw`[^.;]{0,30}\b(?:shall|will)\s+(?:provide|host|supply)`, String.raw`[^.;]{0,30}\bshall pay`, String.raw`[^.]{0,40}ACME`];
    const global = tails.map((src) => (text.match(new RegExp(String.raw`\bACME"?\b` + src, 'g')) ?? []).length);
    assert.deepEqual(countAtEach(text, 'ACME', tails.map((src) => new RegExp(src, 'y'))), global);
    assert.deepEqual(global, [2, 1, 2]);
  });
});
