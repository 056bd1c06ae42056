/**
 * Output is inert: file names and contract text carrying terminal escapes, newlines, workflow
 * commands (::error::), backticks, XML and HTML go through every format, and come out as text.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { buildContractModel } from '../../server/src/model';
import { printable, printableKeepingLineBreaks, renderHtmlReport, review } from '../../server/src/engine';
import { BINARY, makeTempDir, runCli, writeFiles } from '../cli/helpers';

/** Cursor, colour, window title, bell, an 8-bit CSI, a right-to-left override. */
const ESCAPES = '\u001b[31m\u001b]0;pwned\u0007\u009b2J\u202e';
const EVIL_NAME = `msa\n::error file=x,line=1::injected \`tick\`\` <b>&amp;"q" %0A ${ESCAPES}.md`;
const NOTES_NAME = `notes \`x\` \r${ESCAPES}.txt`;
const BINARY_NAME = `scan\n::warning::${ESCAPES}.md`;
const CONTRACT = `---
clausewise:
  review: true
---
# Master Services Agreement ${ESCAPES} \`code\` <script>alert(1)</script> ::error::title

This agreement is between Contoso Bank plc ("Customer") and Fabrikam Ltd ("Supplier").

## 1. Services

1.1 The Supplier shall provide the Services and the gadget ("Gad${ESCAPES}get::error::\`x\`<b>").

1.2 The Supplier shall meet the Service Levels within [TBD] days ::warning::x.

1.3 Payment is due within 30 days of invoice <img src=x onerror=alert(1)> ]]> &lt; .
`;

/** Characters that must never reach a terminal or log raw: C0 (but newline), DEL, C1, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'] as const;

function assertInert(text: string, where: string, github = false): void {
  const m = RAW_CONTROL.exec(text);
  assert.ok(!m, `${where}: raw control character U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 10))}`);
  for (const line of text.split('\n')) {
    if (!line.startsWith('::')) continue;
    assert.ok(github, `${where}: a line reads as a workflow command: ${JSON.stringify(line)}`);
    // Our own commands only: properties without ':' or ',' in their values, the data on one line.
    assert.match(line, /^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::[^\r]*$/, `${where}: ${JSON.stringify(line)}`);
  }
}

describe('robust: output is inert', function () {
  this.timeout(120000);
  if (process.platform === 'win32') return; // such file names cannot exist there
  let dir: string;
  const outputs = new Map<string, { stdout: string; stderr: string; code: number | null }>();
  before(async () => {
    dir = makeTempDir('clausewise-inert-');
    writeFiles(dir, { [EVIL_NAME]: CONTRACT, [NOTES_NAME]: 'Shopping list: milk, eggs.\n', [BINARY_NAME]: BINARY });
    for (const format of FORMATS) outputs.set(format, await runCli(['--format', format, '.'], { cwd: dir }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the hostile text does reach the findings (so the checks below can fail)', () => {
    const json = JSON.parse(outputs.get('json')!.stdout) as { files: Array<{ path: string; diagnostics: Array<{ message: string }> }> };
    const file = json.files.find((f) => f.path === EVIL_NAME);
    assert.ok(file, `no report for the file: ${json.files.map((f) => JSON.stringify(f.path)).join(', ')}`);
    assert.ok(file.diagnostics.some((d) => d.message.includes(ESCAPES)), 'no message quotes the contract text');
  });

  for (const format of FORMATS) {
    it(`--format ${format}: no raw control character, no workflow command of its own, on stdout or stderr`, () => {
      const r = outputs.get(format)!;
      assert.ok(r.code === 1 || r.code === 0, `exit ${r.code}: ${r.stderr}`);
      assertInert(r.stdout, `${format} stdout`, format === 'github');
      assertInert(r.stderr, `${format} stderr`);
      assert.match(r.stderr, /skipped: binary file/);
    });
  }

  it('json and sarif keep the exact file name as data', () => {
    const json = JSON.parse(outputs.get('json')!.stdout) as { files: Array<{ path: string }> };
    assert.ok(json.files.some((f) => f.path === EVIL_NAME));
    const sarif = JSON.parse(outputs.get('sarif')!.stdout) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }> }> };
    const uris = sarif.runs[0].artifacts.map((a) => decodeURIComponent(a.location.uri));
    assert.ok(uris.includes(EVIL_NAME), uris.join('\n'));
  });

  it('github: the file property decodes to the name, line breaks encoded', () => {
    const lines = outputs.get('github')!.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 3);
    const decode = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    for (const line of lines) assert.equal(decode(/ file=([^,]*),/.exec(line)![1]), printableKeepingLineBreaks(EVIL_NAME));
  });

  it('junit is well-formed XML', () => {
    const v = XMLValidator.validate(outputs.get('junit')!.stdout);
    assert.equal(v, true, JSON.stringify(v));
  });

  it('markdown: each path is one code span holding the whole name; no HTML element gets through', () => {
    const md = outputs.get('markdown')!.stdout;
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const code: string[] = [];
    const html: string[] = [];
    const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
      if (node.type === 'inlineCode') code.push(node.value!);
      if (node.type === 'html') html.push(node.value!);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    for (const name of [EVIL_NAME, NOTES_NAME, BINARY_NAME]) assert.ok(code.includes(printable(name)), `${JSON.stringify(printable(name))} not among ${JSON.stringify(code)}`);
    assert.deepEqual(html, []);
  });

  it('the HTML report escapes everything (no script, img or b element)', () => {
    const result = review({ text: CONTRACT, path: EVIL_NAME }, buildContractModel(CONTRACT, 0));
    const page = renderHtmlReport([{ path: EVIL_NAME, result }], { title: `<script>${ESCAPES}` });
    assert.ok(!/<(script|img|b)[\s>]/i.test(page), page);
    assert.match(page, /&#x3C;script>|&lt;script&gt;/);
    assertInert(page, 'html');
  });
});
