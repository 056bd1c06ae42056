/**
 * The measurement and training code behind `npm run eval` and `npm run train` (issue 9): reading
 * cuad-dev's labels, the fold split, the metrics and their bootstrap intervals, and deterministic
 * training.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CUAD_CATEGORIES, foldOf, loadCuadDev, pythonStringList } from '../../scripts/accuracy/cuad-dev';
import { bootstrap, figures, macroF1, type Outcomes } from '../../scripts/accuracy/metrics';
import { locateSpans, trainClassifier, type Example } from '../../scripts/accuracy/train-classifier';
import { featuresOf, loadClassifier } from '../../server/src/classifier';
import { sameDocument } from '../../scripts/accuracy/overlap';

const CUAD = resolve(__dirname, '..', '..', '..', 'shared', 'cuad-dev');

describe('cuad-dev labels', () => {
  it('reads the span lists, with both quote styles and escapes', () => {
    assert.deepEqual(pythonStringList(`['first one', "it's second", 'with \\'escaped\\' quotes']`), ['first one', "it's second", "with 'escaped' quotes"]);
    assert.deepEqual(pythonStringList('[]'), []);
    assert.deepEqual(pythonStringList(''), []);
  });

  it('splits folds by even and odd position', () => {
    assert.deepEqual([0, 1, 2, 3].map(foldOf), [0, 1, 0, 1]);
  });

  it('locates a quoted clause across different line breaks and spacing', () => {
    const text = 'Intro.\n\nThis Agreement is governed\n   by the laws of Ruritania.  Next sentence.';
    const [[a, b]] = locateSpans(text, ['This Agreement is governed by the laws of Ruritania.']);
    assert.equal(text.slice(a, b).replace(/\s+/g, ' '), 'This Agreement is governed by the laws of Ruritania.');
    assert.deepEqual(locateSpans(text, ['Nowhere in the text.']), []);
  });

  it('loads all 252 contracts with document labels for the six categories', function () {
    if (!existsSync(CUAD)) { console.log(`      (skipped: cuad-dev not found at ${CUAD})`); this.skip(); }
    this.timeout(60000);
    const docs = loadCuadDev(CUAD);
    assert.equal(docs.length, 252);
    assert.deepEqual(docs.map((d) => d.file), [...docs.map((d) => d.file)].sort());
    for (const c of CUAD_CATEGORIES) {
      const present = docs.filter((d) => d.labels[c]).length;
      assert.ok(present > 20 && present < 252, `${c}: ${present}`);
      // Present means the experts quoted a clause.
      assert.ok(docs.every((d) => !d.labels[c] || d.spans[c].length > 0));
    }
  });
});

describe('accuracy metrics', () => {
  const o: Outcomes = { categories: ['a', 'b'], pred: [[true, false], [true, true], [false, false], [true, false]], gold: [[true, false], [false, true], [true, false], [true, undefined]] };

  it('counts presence and "missing" per category, skipping unlabelled cells', () => {
    const [a, b] = figures(o);
    assert.deepEqual([a.tp, a.fp, a.fn, a.tn], [2, 1, 1, 0]);
    assert.equal(a.missingPrecision, 0);
    assert.deepEqual([b.tp, b.fp, b.fn, b.tn], [1, 0, 0, 2]);
    assert.equal(b.missingPrecision, 1);
    assert.equal(macroF1([a, b]), (2 * 2 / (4 + 1 + 1) + 1) / 2);
  });

  it('gives the same bootstrap intervals for the same seed, holding the point estimate', () => {
    const x = bootstrap(o, 200, 3);
    assert.deepEqual(x, bootstrap(o, 200, 3));
    const m = macroF1(figures(o));
    assert.ok(x.macroF1[0] <= m && m <= x.macroF1[1]);
  });
});

describe('classifier training', () => {
  const sentences = ['The supplier shall maintain liability insurance cover.', 'Invoices are payable monthly.', 'The supplier keeps insurance with a reputable insurer.', 'The services start on the effective date.'];
  const examples: Example[] = [];
  for (let i = 0; i < 40; i++) sentences.forEach((s, k) => examples.push({ features: featuresOf(s, ''), labels: k % 2 === 0 ? 1 << CUAD_CATEGORIES.indexOf('insurance') : 0 }));

  it('is deterministic: the same examples give the same weights', function () {
    this.timeout(60000);
    assert.equal(JSON.stringify(trainClassifier(examples, 't')), JSON.stringify(trainClassifier(examples, 't')));
  });

  it('learns to separate the positive sentences from the rest', function () {
    this.timeout(60000);
    const c = loadClassifier(trainClassifier(examples, 't'));
    assert.ok(c.score('insurance', featuresOf(sentences[0], '')) > 0.5);
    assert.ok(c.score('insurance', featuresOf(sentences[1], '')) < 0.5);
  });
});

describe('matching corpus contracts to their cuad-dev source', () => {
  it('finds a contract rewritten with other layout, and nothing for an unrelated text', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i % 97} term${i}`).join(' ');
    const other = Array.from({ length: 300 }, (_, i) => `other${i}`).join(' ');
    assert.deepEqual(sameDocument([`# Title\n\n${words.toUpperCase()}`, 'short unrelated text here and there for the test only'], [other, words]), [1, -1]);
  });
});
