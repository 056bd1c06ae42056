/**
 * A document's front matter (`clausewise:` key) through both faces: the CLI (run in this process) and
 * the language server (in memory). Valid values steer the review the same way in both; invalid ones
 * are reported with the file and the line, the same problems in both, and only they are ignored.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient } from '../lsp/memory';
import { FIXTURES, runCli, runJson } from './helpers';

const CONTRACT = fs.readFileSync(path.join(FIXTURES, 'contract.md'), 'utf8');
const withFrontMatter = (yaml: string) => `---\n${yaml}\n---\n${CONTRACT}`;

describe('front matter: CLI and language server', function () {
  this.timeout(60000);
  let dir: string;
  let client: MemoryClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-fm-'));
    client = await new MemoryClient({ configuration: (items) => items.map(() => null) }).start();
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI's problems (stderr "clausewise: error: FILE: problem") and the server's (invalid-config diagnostics). */
  async function bothFaces(name: string, text: string) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const cli = await runJson(['--fail-on', 'none', name], { cwd: dir });
    const cliProblems = cli.stderr.split('\n').filter((l) => l.startsWith(`clausewise: error: ${name}: `)).map((l) => l.slice(`clausewise: error: ${name}: `.length));
    const uri = pathToFileURL(file).href;
    const published = await client.open(uri, text);
    const frontMatter = await client.request('clausewise/frontMatter', { uri });
    client.notify('textDocument/didClose', { textDocument: { uri } });
    const serverProblems = published.diagnostics.filter((d) => d.code === 'invalid-config');
    return { cli, cliProblems, serverProblems, frontMatter };
  }

  it('valid front matter: no problem, exit code from the findings, the profiles it names in both faces', async () => {
    const r = await bothFaces('valid.md', withFrontMatter('clausewise:\n  profile: gdpr-processor\n  clausePosition: supplier'));
    assert.notEqual(r.cli.code, 2, r.cli.stderr);
    assert.deepEqual(r.cliProblems, []);
    assert.deepEqual(r.serverProblems, []);
    assert.deepEqual(r.cli.json.files[0].profiles, ['gdpr-processor'], 'the one-id form "profile" is honoured');
    assert.deepEqual(r.frontMatter.settings, { profiles: ['gdpr-processor'], clausePosition: 'supplier' });
    assert.deepEqual(r.frontMatter.problems, []);
  });

  it('an invalid value: exit 2, the file and the line on stderr, the same problem on that line in the editor', async () => {
    const r = await bothFaces('bad-position.md', withFrontMatter('title: Hosting\nclausewise:\n  profiles: [gdpr-processor]\n  clausePosition: vendr'));
    assert.equal(r.cli.code, 2);
    assert.equal(r.cliProblems.length, 1, r.cli.stderr);
    assert.match(r.cliProblems[0], /^front matter line 5: clausewise\.clausePosition: must be one of customer, balanced, supplier \(found "vendr"\)/);
    // The rest of the front matter still applies.
    assert.deepEqual(r.cli.json.files[0].profiles, ['gdpr-processor']);
    assert.deepEqual(r.serverProblems.map((d) => d.message), r.cliProblems.map((p) => `Clausewise: ${p}`), 'parity: the same problems');
    assert.equal(r.serverProblems[0].range.start.line, 4, 'zero-based line 4 is the document line 5');
    assert.deepEqual(r.frontMatter.problems.map((p: { line: number }) => p.line), [5]);
  });

  it('an unknown key: suggests the key meant; an unknown profile names its line too', async () => {
    const r = await bothFaces('typo.md', withFrontMatter('clausewise:\n  profiles:\n    - it-outsourcing\n    - gdpr-procesor\n  reveiw: true'));
    assert.equal(r.cli.code, 2);
    assert.equal(r.cliProblems.length, 2, r.cli.stderr);
    assert.match(r.cliProblems[0], /^front matter line 6: clausewise\.reveiw: unknown setting; did you mean "review"\?/);
    assert.match(r.cliProblems[1], /unknown profile "gdpr-procesor"; did you mean "gdpr-processor"\?.*\(front matter line 5\)$/);
    assert.deepEqual(r.serverProblems.map((d) => d.message).sort(), r.cliProblems.map((p) => `Clausewise: ${p}`).sort());
    assert.deepEqual(r.serverProblems.map((d) => d.range.start.line).sort(), [4, 5]);
  });

  it('invalid YAML: exit 2 naming the line, and the editor marks the front matter', async () => {
    const r = await bothFaces('bad-yaml.md', withFrontMatter('title: ok\nclausewise: { profiles: [it-outsourcing }'));
    assert.equal(r.cli.code, 2);
    assert.match(r.cliProblems[0] ?? '', /^invalid YAML in the front matter at line \d/);
    assert.deepEqual(r.serverProblems.map((d) => d.message), r.cliProblems.map((p) => `Clausewise: ${p}`));
    assert.equal(r.frontMatter.problems.length, 1);
  });

  it('clausewise: false keeps a contract out of the review in both faces', async () => {
    const r = await bothFaces('off.md', withFrontMatter('clausewise: false'));
    assert.equal(r.cli.json.files[0].isContract, false);
    assert.deepEqual(r.cli.json.files[0].diagnostics, []);
    assert.deepEqual(r.serverProblems, []);
    assert.deepEqual(r.frontMatter.settings, { review: false });
    assert.deepEqual(r.serverProblems, []);
  });

  it('reads front matter from standard input too', async () => {
    const r = await runCli(['--stdin-filename', 'in.md'], { cwd: dir, input: withFrontMatter('clausewise:\n  clausePosition: 3') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /in\.md: front matter line 3: clausewise\.clausePosition: must be/);
  });
});
