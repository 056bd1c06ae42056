import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient as Client } from './memory';

// A contract whose service levels live in a schedule file: the language server reads the schedule
// (from disk, or from the editor when it is open there) and counts it toward coverage.
const MSA = `---
clausewise:
  review: true
---
# Managed Services Agreement

This agreement is between Contoso Bank plc ("Customer") and Fabrikam Ltd ("Supplier").

## 1. Services

1.1 The Supplier shall provide the Services set out in Schedule 1 and [Schedule 2](sla.md).
`;
const SLA = `# Schedule 2: Service Levels

1. The Supplier shall make the Services available at least 99.9% of the time in each calendar month.
2. If availability falls below 99.9% in a month, the Customer is entitled to service credits of 5% of the monthly charges.
3. The Supplier shall send the Customer a monthly service level report.
`;

describe('lsp: contract bundles', function () {
  this.timeout(30000);
  let dir: string;
  let client: Client;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-bundle-'));
    fs.writeFileSync(path.join(dir, 'msa.md'), MSA);
    client = await new Client().start({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codes = (uri: string) => (client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? []).map((d) => String(d.code));

  it('reports missing service levels when the linked schedule does not exist', async () => {
    const uri = pathToFileURL(path.join(dir, 'msa.md')).href;
    await client.open(uri, MSA);
    assert.ok(codes(uri).includes('sla-metrics'));
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('counts a linked schedule on disk toward the contract\'s coverage', async () => {
    fs.writeFileSync(path.join(dir, 'sla.md'), SLA);
    const uri = pathToFileURL(path.join(dir, 'msa.md')).href;
    client.published.length = 0;
    await client.open(uri, MSA);
    assert.ok(!codes(uri).includes('sla-metrics'), `sla-metrics should be satisfied by sla.md: ${codes(uri).join(', ')}`);
    const coverage = await client.request<{ assessments: Array<{ category: string; verdict: string }> }>('clausewise/coverage', { uri });
    assert.equal(coverage.assessments.find((a) => a.category === 'sla')?.verdict, 'present');
  });
});
