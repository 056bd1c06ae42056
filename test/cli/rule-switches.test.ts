/** --enable / --disable on the command line, and the rule catalogue `clausewise rules [--format json]` (issue 16). */
import { strict as assert } from 'node:assert';
import { docsUrl, RULES } from '../../server/src/engine';
import { ensureBuilt, makeTempDir, runCli, runJson, writeFiles } from './helpers';

const CONTRACT = `# Managed Hosting Agreement

This Agreement is made on 3 February 2026 between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Definitions

1.1 In this Agreement:

"Acceptance Certificate" means the certificate the Customer signs when a Deliverable passes its tests.

"Charges" means the fees the Customer pays for the Services.

"Deliverables" means the items the Supplier delivers under this Agreement.

"Services" means the hosting of the Customer's web shop.

## 2. Acceptance

2.1 The Customer shall sign an Acceptance Form for each of the Deliverables, and then an Acceptance Certificate, and shall pay the Charges for the Services.

## Signatures

Signed for and on behalf of Quillfeather Systems Limited

Signature: ____________
`;

describe('CLI: --enable, --disable and clausewise rules', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = makeTempDir();
    writeFiles(dir, { 'msa.md': CONTRACT, 'strict/msa.md': CONTRACT, 'strict/.clausewise.json': JSON.stringify({ severity: { 'sla-metrics': 'off' } }) });
  });
  const ids = (r: Awaited<ReturnType<typeof runJson>>) => r.json.files[0].diagnostics.map((d) => d.ruleId);

  it('--enable switches opt-in rules on at their default severity, --disable switches a rule off', async () => {
    const plain = (await runJson(['msa.md'], { cwd: dir }));
    assert.ok(!ids(plain).includes('signature-block') && !ids(plain).includes('undefined-term'), 'both are opt-in');
    assert.ok(ids(plain).includes('sla-metrics'));
    const switched = (await runJson(['--enable', 'signature-block', '--enable', 'undefined-term', '--disable', 'sla-metrics', 'msa.md'], { cwd: dir }));
    assert.ok(!ids(switched).includes('sla-metrics'));
    for (const id of ['signature-block', 'undefined-term']) {
      const d = switched.json.files[0].diagnostics.find((x) => x.ruleId === id);
      assert.ok(d, `${id} runs`);
      assert.equal(d.severity, RULES.find((r) => r.meta.id === id)!.meta.defaultSeverity);
    }
  });

  it('beats the configuration file, takes comma-separated ids, and the last word on a rule wins', async () => {
    assert.ok(!ids((await runJson(['--enable', 'signature-block', 'strict/msa.md'], { cwd: dir }))).includes('sla-metrics'), 'the config switches sla-metrics off');
    assert.ok(ids((await runJson(['--enable', 'sla-metrics,signature-block', 'strict/msa.md'], { cwd: dir }))).includes('sla-metrics'));
    assert.ok(!ids((await runJson(['--enable', 'signature-block', '--disable=signature-block', 'msa.md'], { cwd: dir }))).includes('signature-block'));
    assert.ok(ids((await runJson(['--disable', 'signature-block', '--enable', 'signature-block', 'msa.md'], { cwd: dir }))).includes('signature-block'));
  });

  it('rejects an unknown rule with the nearest id and exit code 2, and a missing id', async () => {
    const r = (await runCli(['--disable', 'signature-blok', 'msa.md'], { cwd: dir }));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown rule "signature-blok" \(--disable\); did you mean "signature-block"\?/);
    assert.equal(r.stdout, '');
    const missing = (await runCli(['msa.md', '--enable'], { cwd: dir }));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /option --enable needs a value/);
  });

  it('documents both options in --help', async () => {
    const help = (await runCli(['--help'])).stdout;
    assert.match(help, /--enable <rule>/);
    assert.match(help, /--disable <rule>/);
    assert.match(help, /clausewise rules \[--format text\|json\]/);
  });

  it('lists every rule as JSON with its id, category, default severity, description and docs link', async () => {
    const r = (await runCli(['rules', '--format', 'json']));
    assert.equal(r.code, 0);
    const { rules } = JSON.parse(r.stdout) as { rules: Array<Record<string, unknown>> };
    assert.deepEqual(rules.map((x) => x.id).sort(), RULES.map((x) => x.meta.id).sort());
    for (const { meta } of RULES) {
      const e = rules.find((x) => x.id === meta.id)!;
      assert.deepEqual(e, { id: meta.id, category: meta.category, defaultSeverity: meta.defaultSeverity, enabledByDefault: meta.enabledByDefault !== false, title: meta.title, description: meta.description, docs: docsUrl(meta.id) });
    }
    assert.equal((await runCli(['rules', '--format=json'])).stdout, r.stdout, 'deterministic, and --format=json works too');
  });

  it('keeps a text table as the default, and rejects an unknown format', async () => {
    const text = (await runCli(['rules']));
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^rule\s+category\s+severity\s+title$/m);
    assert.match(text.stdout, /^undefined-term\s+drafting\s+warning\s+\(off by default\) Undefined term$/m);
    assert.match(text.stdout, /^signature-block\s+drafting\s+warning\s+\(off by default\) Signature block incomplete$/m);
    assert.match(text.stdout, new RegExp(`${RULES.length} rules\\.`));
    const bad = (await runCli(['rules', '--format', 'jsn']));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /expected text or json \(did you mean json\?\)/);
  });
});
