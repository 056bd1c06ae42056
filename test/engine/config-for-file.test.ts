/** ConfigLoader.forFile: a cached folder is found from a file's path without path.dirname (POSIX), with the same answer. */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ConfigLoader, type ConfigReader } from '../../server/src/engine';

const nodePath: typeof path = require('node:path');

const ROOT = '/virtual/repo';
const FILES: Record<string, string> = {
  [`${ROOT}/.clausewise.yaml`]: 'profiles: [gdpr-processor]\n',
  [`${ROOT}/a/.clausewise.yaml`]: 'profiles: [dora-ict]\n',
  [`${ROOT}/a/b/.clausewise.yaml`]: 'profiles: [hipaa-baa]\n',
};
const reader: ConfigReader = {
  readFile: (p) => FILES[p] ?? null,
  exists: (p) => p in FILES || p === `${ROOT}/.git` || Object.keys(FILES).some((k) => k.startsWith(`${p}/`)),
};

(path.sep === '/' ? describe : describe.skip)('ConfigLoader.forFile (POSIX paths)', () => {
  it('answers as forDir of the resolved folder, for odd paths too, once the folders are cached', () => {
    const loader = new ConfigLoader(reader);
    const fresh = () => new ConfigLoader(reader);
    // Cache every folder first, so each path below is asked of a warm cache.
    for (const d of [ROOT, `${ROOT}/a`, `${ROOT}/a/b`, `${ROOT}/other`]) loader.forDir(d);
    for (const p of [
      `${ROOT}/a/x.md`, `${ROOT}/a/b/x.md`, `${ROOT}/a/b/`, `${ROOT}/a/b`, `${ROOT}/a/`, `${ROOT}/a//x.md`,
      `${ROOT}/a/b/../x.md`, `${ROOT}/a/./b/x.md`, `${ROOT}/other/x.md`, `${ROOT}/x.md`, '/x.md',
    ]) {
      const expected = fresh().forDir(path.dirname(path.resolve(p)));
      assert.equal(loader.forFile(p).file, expected.file, p);
      assert.deepEqual(loader.forFile(p).settings, expected.settings, p);
    }
  });

  it('finds a cached folder without path.dirname (the CLI asks once per file)', () => {
    const loader = new ConfigLoader(reader);
    loader.forFile(`${ROOT}/a/b/first.md`);
    const dirname = nodePath.dirname;
    let calls = 0;
    nodePath.dirname = (p: string) => { calls++; return dirname(p); };
    try {
      for (let i = 0; i < 50; i++) assert.equal(loader.forFile(`${ROOT}/a/b/contract-${i}.md`).file, `${ROOT}/a/b/.clausewise.yaml`);
    } finally {
      nodePath.dirname = dirname;
    }
    assert.equal(calls, 0);
  });
});
