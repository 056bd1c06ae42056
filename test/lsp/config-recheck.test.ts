/**
 * Config files for a client that does not watch files (lsp/config.ts): each review looks at the
 * disk again, but reads the files again only when a folder above the document, a config file in one
 * of them, or a file a config extends has changed. Behaviour only: what is read, what applies.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DISK_READER, type ConfigReader } from '../../server/src/engine';
import { diskStamp, WorkspaceConfigs } from '../../server/src/lsp/config';

describe('lsp config files without file watching', () => {
  let dir: string;
  let reads: string[];
  const reader: ConfigReader = {
    ...DISK_READER,
    readFile: (p) => { reads.push(p); return DISK_READER.readFile(p); },
  };
  const severityOf = (configs: WorkspaceConfigs, doc: string): unknown => configs.forDocument(pathToFileURL(doc).href, {}).settings.severity?.insurance;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-recheck-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'contracts'));
    fs.writeFileSync(path.join(dir, '.clausewise.yaml'), 'severity:\n  insurance: warning\n');
    reads = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads nothing again while nothing changed, and sees an edit, a new nearer file and a changed extended file', () => {
    const configs = new WorkspaceConfigs(reader, diskStamp);
    const doc = path.join(dir, 'contracts', 'msa.md');
    assert.equal(severityOf(configs, doc), 'warning');
    assert.ok(reads.length > 0);
    reads = [];
    for (let i = 0; i < 5; i++) assert.equal(severityOf(configs, doc), 'warning');
    assert.deepEqual(reads, [], 'no file read again while nothing changed');

    // Edited in place (a longer text: the size moves whatever the clock's resolution).
    fs.writeFileSync(path.join(dir, '.clausewise.yaml'), 'severity:\n  insurance: information\n');
    assert.equal(severityOf(configs, doc), 'information');

    // A config file added nearer the document.
    fs.writeFileSync(path.join(dir, 'contracts', '.clausewise.yml'), 'extends: ../shared.yaml\n');
    fs.writeFileSync(path.join(dir, 'shared.yaml'), 'severity:\n  insurance: hint\n');
    assert.equal(severityOf(configs, doc), 'hint');
    reads = [];
    assert.equal(severityOf(configs, doc), 'hint');
    assert.deepEqual(reads, []);

    // The file it extends changed (it lies next to the first config: its folder's stamp is not what moves).
    fs.writeFileSync(path.join(dir, 'shared.yaml'), 'severity:\n  insurance: error\n\n');
    assert.equal(severityOf(configs, doc), 'error');

    // The nearer file removed: the one above applies again.
    fs.rmSync(path.join(dir, 'contracts', '.clausewise.yml'));
    assert.equal(severityOf(configs, doc), 'information');
  });

  it('keeps what it read for documents in different folders reviewed by turns, and still sees a change above them', () => {
    fs.mkdirSync(path.join(dir, 'schedules'));
    fs.writeFileSync(path.join(dir, 'schedules', '.clausewise.yaml'), 'extends: ../.clausewise.yaml\n');
    const configs = new WorkspaceConfigs(reader, diskStamp);
    const msa = path.join(dir, 'contracts', 'msa.md');
    const sow = path.join(dir, 'schedules', 'sow.md');
    assert.equal(severityOf(configs, msa), 'warning');
    assert.equal(severityOf(configs, sow), 'warning');
    reads = [];
    for (let i = 0; i < 4; i++) {
      assert.equal(severityOf(configs, msa), 'warning');
      assert.equal(severityOf(configs, sow), 'warning');
    }
    assert.deepEqual(reads, [], 'no file read again while nothing changed');

    // The config both folders share, edited: each document sees it on its next review.
    fs.writeFileSync(path.join(dir, '.clausewise.yaml'), 'severity:\n  insurance: information\n');
    assert.equal(severityOf(configs, msa), 'information');
    assert.equal(severityOf(configs, sow), 'information');

    // Edited again, then a third folder looked at first: what the others keep is checked too.
    fs.writeFileSync(path.join(dir, '.clausewise.yaml'), 'severity:\n  insurance: error\n\n');
    assert.equal(severityOf(configs, path.join(dir, 'annex.md')), 'error');
    assert.equal(severityOf(configs, msa), 'error');
    assert.equal(severityOf(configs, sow), 'error');
    reads = [];
    assert.equal(severityOf(configs, sow), 'error');
    assert.equal(severityOf(configs, msa), 'error');
    assert.deepEqual(reads, []);
  });

  it('reads everything again for every review when the file system cannot stamp paths', () => {
    const configs = new WorkspaceConfigs(reader);
    const doc = path.join(dir, 'contracts', 'msa.md');
    severityOf(configs, doc);
    const first = reads.length;
    severityOf(configs, doc);
    assert.equal(reads.length, 2 * first);
  });
});
