import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient as Client } from './memory';

// In VS Code's Restricted Mode the client says the workspace is untrusted; a configuration file in
// that folder must then not be able to switch findings off.
const CONTRACT = `---
clausewise:
  review: true
---
# Managed Services Agreement

This agreement is between Contoso Bank plc ("Customer") and Fabrikam Ltd ("Supplier").

## 1. Services

1.1 The Supplier shall provide the Services set out in Schedule 1.
`;

describe('lsp: workspace trust', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-trust-'));
    fs.writeFileSync(path.join(dir, 'msa.md'), CONTRACT);
    fs.writeFileSync(path.join(dir, '.clausewise.yaml'), 'severity:\n  audit-rights: off\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const codesFor = async (workspaceTrusted: boolean | undefined) => {
    const client = await new Client().start({ rootUri: pathToFileURL(dir).href, initializationOptions: workspaceTrusted === undefined ? {} : { workspaceTrusted } });
    try {
      const uri = pathToFileURL(path.join(dir, 'msa.md')).href;
      await client.open(uri, CONTRACT);
      return (client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? []).map((d) => String(d.code));
    } finally {
      await client.stop();
    }
  };

  it('honours the folder\'s configuration file in a trusted workspace (and when the client says nothing)', async () => {
    assert.ok(!(await codesFor(true)).includes('audit-rights'));
    assert.ok(!(await codesFor(undefined)).includes('audit-rights'));
  });

  it('ignores the folder\'s configuration file in an untrusted workspace', async () => {
    assert.ok((await codesFor(false)).includes('audit-rights'));
  });
});
