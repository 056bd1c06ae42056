/**
 * Parity: for the same text, the CLI's JSON diagnostics equal what the language server publishes
 * (rule id = diagnostic.code, severity, message, range; in order). Both run in this process: the
 * CLI's run(argv, io) and the server over in-memory streams.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient } from '../lsp/memory';
import { exampleFiles, FIXTURES, ROOT, runJson, type CliDiagnostic } from './helpers';

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  data?: { category?: string };
}

const SEVERITY: Record<CliDiagnostic['severity'], number> = { error: 1, warning: 2, information: 3, hint: 4 };

describe('cli: parity with the language server', function () {
  this.timeout(60000);

  const examples = exampleFiles();
  // The fixtures keep the check meaningful before examples exist: one contract, one non-contract.
  const files = [...examples, path.join(FIXTURES, 'contract.md'), path.join(FIXTURES, 'readme.md')];
  let client: MemoryClient;

  before(async function () {
    if (!examples.length) console.log('      (examples/*.md: none yet; checking the test fixtures only)');
    const rootUri = pathToFileURL(ROOT).href;
    // Answers workspace/configuration with defaults, as a client without settings would.
    client = await new MemoryClient({
      workspaceFolders: [{ uri: rootUri, name: 'clausewise' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
      configuration: (items) => items.map(() => null),
    }).start();
  });

  after(() => client?.stop());

  /** Opens the document, returns the diagnostics of its first review, and closes it. */
  async function serverDiagnostics(file: string): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const published = await client.open(uri, text);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    return published.diagnostics as LspDiagnostic[];
  }

  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    it(`${rel}: same diagnostics from the CLI and the server`, async () => {
      const cli = await runJson(['--fail-on', 'none', rel], { cwd: ROOT });
      assert.notEqual(cli.code, 2, cli.stderr);
      const expected = cli.json.files[0].diagnostics.map((d) => ({ code: d.ruleId, severity: SEVERITY[d.severity], message: d.message, range: d.range, category: d.category }));
      const actual = (await serverDiagnostics(file)).map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, category: d.data?.category }));
      assert.deepEqual(actual, expected);
    });
  }
});
