// Reports made as reviews come in, handed on in file order (server/src/cli/in-order.ts), and the
// JSON report written from parts encoded beforehand (formatJsonBytes, CliOutput.writeBytes).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { inOrder } from '../../server/src/cli/in-order';
import { formatJson, formatJsonBytes, formatJsonFile } from '../../server/src/cli/format-json';
import { buildReport, emptyCounts, type FileReport } from '../../server/src/cli/report';
import { cliOutput } from '../../server/src/cli/stdio';
import { makeTempDir } from './helpers';

const fileReport = (p: string, message: string): FileReport => ({
  path: p, isContract: true, profiles: ['it-outsourcing'], coverage: {}, reason: '', suppressed: [], fingerprints: [], baselined: 0, activeRules: [], warnings: [],
  diagnostics: [{ ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, fixes: [] } as unknown as FileReport['diagnostics'][number]],
});

describe('CLI: reports made as reviews come in', () => {
  it('makes each item when it arrives and hands them on in index order', () => {
    const log: string[] = [];
    const take = inOrder<string, string>(4, (i, x) => { log.push(`make ${i}`); return x.toUpperCase(); }, (m, i) => log.push(`emit ${i} ${m}`));
    take(2, 'c');
    take(3, 'd');
    // Items 2 and 3 are made while item 0 is still missing: their reports do not wait for it.
    assert.deepEqual(log, ['make 2', 'make 3']);
    take(0, 'a');
    assert.deepEqual(log.slice(2), ['make 0', 'emit 0 A']);
    take(1, 'b');
    assert.deepEqual(log.slice(4), ['make 1', 'emit 1 B', 'emit 2 C', 'emit 3 D']);
  });

  it('the JSON report from encoded parts is formatJson\'s text, byte for byte', () => {
    const files = [fileReport('a.md', 'plain'), fileReport('b.md', 'a line\u2028separator and é'), fileReport('c.md', 'end')];
    const report = buildReport('clausewise', '0.0.0', files, [], emptyCounts());
    const parts = files.map((f) => Buffer.from(formatJsonFile(f), 'utf8'));
    assert.equal(Buffer.concat(formatJsonBytes(report, parts)).toString('utf8'), formatJson(report));
    const empty = buildReport('clausewise', '0.0.0', [], [], emptyCounts());
    assert.equal(Buffer.concat(formatJsonBytes(empty, [])).toString('utf8'), formatJson(empty));
    assert.throws(() => formatJsonBytes(report, parts.slice(1)), /2 JSON parts for 3 files/);
  });

  it('writes byte pieces in order, directly or through the stream after a failed write', () => {
    const dir = makeTempDir('clausewise-bytes-');
    try {
      const file = path.join(dir, 'out.json');
      const fd = fs.openSync(file, 'w');
      const pieces = [Buffer.from('{"a": ', 'utf8'), Buffer.alloc(0), Buffer.from('"é'.repeat(100_000), 'utf8'), Buffer.from('"}\n', 'utf8')];
      try {
        const out = cliOutput(fd, () => { throw new Error('no stream needed'); });
        out.writeBytes(pieces);
      } finally {
        fs.closeSync(fd);
      }
      assert.equal(fs.readFileSync(file, 'utf8'), Buffer.concat(pieces).toString('utf8'));
      // A descriptor that cannot be written: everything goes to the stream, in order.
      const readOnly = fs.openSync(file, 'r');
      const chunks: Buffer[] = [];
      try {
        const stream = new Writable({ write(chunk: Buffer, _enc, done) { chunks.push(Buffer.from(chunk)); done(); } });
        cliOutput(readOnly, () => stream, () => true).writeBytes(pieces);
      } finally {
        fs.closeSync(readOnly);
      }
      assert.equal(Buffer.concat(chunks).toString('utf8'), Buffer.concat(pieces).toString('utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
