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

  it('reads everything again for every review when the file system cannot stamp paths', () => {
    const configs = new WorkspaceConfigs(reader);
    const doc = path.join(dir, 'contracts', 'msa.md');
    severityOf(configs, doc);
    const first = reads.length;
    severityOf(configs, doc);
    assert.equal(reads.length, 2 * first);
  });
});
