/**
 * The language server's drafting features, in memory (./memory.ts): citations in diagnostic data,
 * hovers with the source and an example of good wording, and the `clausewise/exportReport` request.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient } from './memory';

const ROOT = path.resolve(__dirname, '..', '..');
const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  message: string;
  data?: { category: string | null; ruleId: string; citations?: string[] };
}

/** The in-memory server, with the two calls these tests make. */
class Server extends MemoryClient {
  async openFor(uri: string, text: string): Promise<Diagnostic[]> {
    return (await this.open(uri, text)).diagnostics as Diagnostic[];
  }

  hover(uri: string, position: { line: number; character: number }): Promise<{ contents: { value: string } } | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }
}

function withProfiles(text: string, profiles: string[]): string {
  return text.replace(/^---\n/, `---\n# profiles for this test\n`).replace(/clausewise:\n/, `clausewise:\n  profiles: [${profiles.join(', ')}]\n`);
}

describe('language server: drafting features', function () {
  this.timeout(30000);
  let server: Server;

  before(async () => {
    server = await new Server({ capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } }, configuration: () => [null] }).start();
  });
  after(async () => {
    await server?.stop();
  });

  it('passes the citations of the active profiles through diagnostic data', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'scratch-dora.md')).toString();
    const diagnostics = await server.openFor(uri, withProfiles(WEAK, ['dora-critical']));
    const audit = diagnostics.find((d) => d.code === 'audit-rights');
    assert.ok(audit, 'an audit-rights finding');
    assert.ok(audit.data?.citations?.some((c) => c.startsWith('DORA Art. 30(3)(e)')), JSON.stringify(audit.data));
    // Under the default profile nothing is cited, and data has no empty list.
    const plain = await server.openFor(pathToFileURL(path.join(ROOT, 'scratch-plain.md')).toString(), WEAK);
    assert.equal(plain.find((d) => d.code === 'audit-rights')?.data?.citations, undefined);
  });

  it('hover on a finding gives the rationale, the source and good wording with the parties\' names', async () => {
    const text = withProfiles(WEAK.replace(/the "Supplier"/, 'the "Provider"').replace(/\bSupplier\b/g, 'Provider'), ['dora-critical']);
    const uri = pathToFileURL(path.join(ROOT, 'scratch-hover.md')).toString();
    const diagnostics = await server.openFor(uri, text);
    const d = diagnostics.find((x) => x.code === 'audit-rights')!;
    const hover = await server.hover(uri, d.range.start);
    const value = hover?.contents.value ?? '';
    assert.match(value, /\*Why it matters:\*/);
    assert.match(value, /\*Source:\* DORA Art\. 30\(3\)\(e\)/);
    assert.match(value, /\*Good wording, from the “Audit Rights” clause:\*/);
    // The example is rendered for this document: its supplier is "the Provider".
    const example = value.split('Good wording')[1].split('\n').filter((l) => l.startsWith('> ')).join(' ');
    assert.match(example, /The Provider must keep complete and accurate books and records/);
    assert.doesNotMatch(example, /^> \d/, 'the clause number is left out of the example');
  });

  it('hover on a vague word shows the replacement as the good wording', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'scratch-vague.md')).toString();
    const diagnostics = await server.openFor(uri, WEAK);
    const d = diagnostics.find((x) => x.code === 'vague-wording' && /in a timely manner/.test(x.message))!;
    const value = (await server.hover(uri, d.range.start))?.contents.value ?? '';
    assert.match(value, /\*Source:\* good outsourcing practice\. No law requires this under the profile in use \(it-outsourcing\)\./);
    assert.match(value, /> in a timely manner → within/);
  });

  it('clausewise/exportReport returns the Markdown and HTML report of an open document', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'scratch-report.md')).toString();
    await server.openFor(uri, WEAK);
    const md = await server.request<{ format: string; text: string } | null>('clausewise/exportReport', { uri, format: 'markdown' });
    assert.equal(md?.format, 'markdown');
    assert.match(md!.text, /^# Contract review report/);
    assert.match(md!.text, /\| Service levels \| Weak \|/);
    assert.match(md!.text, /### Findings/);
    assert.match(md!.text, /Reviewed by Clausewise .* against it-outsourcing/);
    const html = await server.request<{ format: string; text: string } | null>('clausewise/exportReport', { uri, format: 'html' });
    assert.equal(html?.format, 'html');
    assert.match(html!.text, /^<!doctype html>/);
    assert.match(html!.text, /<table>/);
    assert.doesNotMatch(html!.text, /<script/i);
    // Unknown format or a document the server does not have: null, not an error.
    assert.equal(await server.request('clausewise/exportReport', { uri, format: 'pdf' }), null);
    assert.equal(await server.request('clausewise/exportReport', { uri: 'file:///nowhere.md', format: 'markdown' }), null);
  });
});
