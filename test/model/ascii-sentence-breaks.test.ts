import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { asciiSentenceBreaks } from '../../server/src/model/ascii-sentence-breaks';
import { propertyRuns, propertySeed } from '../support/property-runs';

// The JavaScript sentence breaks used for ASCII texts (and a few common other characters) must be
// ICU's, which the model used for every text before.
const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuBreaks = (t: string) => [...icu.segment(t)].map((s) => s.index).filter((i) => i > 0);

// One character of every sentence-break class the JavaScript rules know, and a few of class Other.
const CLASSES = ['a', 'Z', '7', '.', '!', '?', '"', "'", '(', ']', '}', ',', '-', ':', ';', ' ', '\t', '\v', '\f', '\n', '\r', '#', '\x00', '\x7f',
  '\u2018', '\u2019', '\u201c', '\u201d', '\u00ab', '\u00bb', '\u00a0', '\u2013', '\u2014', '\u00a3', '\u20ac', '\u00a7', '\u00a9', '\u00ae', '\u00b0'];

describe('model: ASCII sentence breaks without ICU', () => {
  it('are ICU\'s on every string of up to three characters of the known classes', () => {
    let compared = 0;
    const walk = (s: string, depth: number) => {
      if (s) {
        assert.deepEqual(asciiSentenceBreaks(s), icuBreaks(s), JSON.stringify(s));
        compared++;
      }
      if (depth > 0) for (const c of CLASSES) walk(s + c, depth - 1);
    };
    walk('', 3);
    assert.ok(compared > 60_000);
  });

  it('are ICU\'s on random text built from contract pieces', () => {
    const pieces = ['The Supplier', ' shall', ' pay', '.', '. ', '? ', '! ', 'e.g. ', 'No. 4', ' 1.2. ', 'U.S.', '3.5', '"', ')', '( ', '\u201d ', '\u2019s',
      '   ', '12345 ', 'etc. ', 'a', ' Customer', '...', '- ', ';', ', and', '\u2014', '\u00a0', '\n', '\r\n', '\u00a3100', '\u00a7 4'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(asciiSentenceBreaks(text), icuBreaks(text));
    }), { numRuns: propertyRuns(2000), seed: propertySeed(29) });
  });

  // model/sentences.ts asks with softBreaks rather than flattening a paragraph's line breaks into
  // spaces first (issue 13, sentences): the breaks must be ICU's on the flattened text.
  const flatten = (t: string) => t.replace(/[\r\n\u0085\u2028\u2029]/g, ' ');
  const SOFT_CLASSES = [...CLASSES, '\u0085', '\u2028', '\u2029'];

  it('with softBreaks, are ICU\'s on the text with its line breaks as spaces (every string of up to three characters)', () => {
    let compared = 0;
    const walk = (s: string, depth: number) => {
      if (s) {
        assert.deepEqual(asciiSentenceBreaks(s, true), icuBreaks(flatten(s)), JSON.stringify(s));
        compared++;
      }
      if (depth > 0) for (const c of SOFT_CLASSES) walk(s + c, depth - 1);
    };
    walk('', 3);
    assert.ok(compared > 70_000);
  });

  it('with softBreaks, are ICU\'s on the flattened text of random contract pieces with line breaks', () => {
    const pieces = ['The Supplier', ' shall', '.', '. ', '? ', 'e.g. ', 'No. 4', ' 1.2. ', 'U.S.', '"', ')', '\u201d ', 'a', ' Customer', ';',
      '\n', '\r\n', '\r', '.\n', '.\r\n', '\n\n', '\u0085', '\u2028', '\u2029', ' and\nthe', '\u00a0'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(asciiSentenceBreaks(text, true), icuBreaks(flatten(text)));
    }), { numRuns: propertyRuns(2000), seed: propertySeed(31) });
  });

  it('with softBreaks, still leave texts with other characters to ICU', () => {
    for (const t of ['caf\u00e9.\nThen', 'Stop.\r\n\u65e5\u672c\u3002', 'Smile \u{1f600}.\u2028Now']) assert.equal(asciiSentenceBreaks(t, true), null, t);
  });

  it('leaves other texts to ICU (a letter or script it has no class for)', () => {
    for (const t of ['caf\u00e9. Then', 'Stop. \u65e5\u672c\u3002', 'Smile \u{1f600}. Now', 'A\u2029B', 'A\u2028B']) assert.equal(asciiSentenceBreaks(t), null, t);
  });

  it('are ICU\'s on the paragraphs of the shared corpus and cuad-dev', function () {
    const dirs = [resolve(__dirname, '../../../shared/corpus'), resolve(__dirname, '../../../shared/cuad-dev')].filter(existsSync);
    if (!dirs.length) {
      console.log('    (skipped: ../shared/corpus and ../shared/cuad-dev are absent)');
      this.skip();
    }
    let checked = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).slice(0, 60)) {
        for (const para of readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/)) {
          const flat = para.replace(/[\r\n]/g, ' ');
          if (flat.length > 20_000) continue;
          const ours = asciiSentenceBreaks(flat);
          if (!ours) continue;
          assert.deepEqual(ours, icuBreaks(flat), `${f}: ${flat.slice(0, 80)}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 100);
  });

  it('spare a review of an ASCII contract (curly quotes too) the Intl constructors and localeCompare', () => {
    // In a fresh process, as the CLI runs: V8's first Intl object costs ~20 ms of locale lists.
    const script = `
      let made = 0, compared = 0;
      const Seg = Intl.Segmenter;
      Intl.Segmenter = function (...a) { made++; return new Seg(...a); };
      const lc = String.prototype.localeCompare;
      String.prototype.localeCompare = function (...a) { compared++; return lc.apply(this, a); };
      const { reviewDocument } = require('./server/src/engine');
      const text = require('node:fs').readFileSync('examples/weak-msa.md', 'utf8').replace(/[^\\x00-\\x7f]/g, '\\u2019');
      const { result } = reviewDocument({ text, settings: {}, force: true });
      console.log(JSON.stringify({ made, compared, findings: result.diagnostics.length }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.ok(out.findings > 0, 'the review found something');
    assert.deepEqual({ made: out.made, compared: out.compared }, { made: 0, compared: 0 });
  });
});
