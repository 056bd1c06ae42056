import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prefiltered, setPrefilterMinSentences, setShortDocumentGate, SIGNAL_PREFILTER } from '../../server/src/categories/scan';
import { review } from '../../server/src/engine';
import { generateContract } from '../../scripts/bench-contract';

const strip = (r: ReturnType<typeof review>) => JSON.stringify({ coverage: r.coverage, assessments: r.assessments, diagnostics: r.diagnostics });

describe('categories: short documents are prefiltered once the process has built the scanner (issue 13, categories)', function () {
  this.timeout(300_000);

  it('prefilters a short document after a long one, unless short documents are to run every pattern or the prefilter is off', () => {
    review({ text: generateContract(60_000), path: 'long.md', force: true });
    assert.ok(SIGNAL_PREFILTER.scannerBuilt, 'a long document builds the scanner');
    assert.equal(prefiltered(40), true);
    assert.equal(prefiltered(0), false);
    const gate = setShortDocumentGate(false);
    try {
      assert.equal(prefiltered(40), false);
      assert.equal(prefiltered(400), true);
    } finally {
      setShortDocumentGate(gate);
    }
    const min = setPrefilterMinSentences(Infinity);
    try {
      assert.equal(prefiltered(40), false);
    } finally {
      setPrefilterMinSentences(min);
    }
  });

  it('gives short documents the same review as running every pattern', () => {
    review({ text: generateContract(60_000), path: 'long.md', force: true });
    const documents: Array<{ name: string; text: string }> = [];
    for (const bytes of [1_000, 4_000, 12_000]) documents.push({ name: `generated ${bytes}`, text: generateContract(bytes) });
    const examples = resolve(__dirname, '../../examples');
    for (const f of readdirSync(examples).filter((n) => /\.(md|txt)$/.test(n))) documents.push({ name: f, text: readFileSync(join(examples, f), 'utf8') });
    const cuad = resolve(__dirname, '../../../shared/cuad-dev');
    // The short ones among the first cuad-dev files (under the prefilter's 150 sentences).
    if (existsSync(cuad)) for (const f of readdirSync(cuad).filter((n) => n.endsWith('.txt')).sort().slice(0, 40)) {
      const text = readFileSync(join(cuad, f), 'utf8');
      if (text.length < 20_000) documents.push({ name: f, text });
    }
    assert.ok(documents.length >= 8, `${documents.length} documents`);
    const gate = setShortDocumentGate(false);
    let every: string[];
    try {
      every = documents.map((d) => strip(review({ text: d.text, path: d.name, force: true })));
    } finally {
      setShortDocumentGate(gate);
    }
    documents.forEach((d, i) => assert.equal(strip(review({ text: d.text, path: d.name, force: true })), every[i], d.name));
  });
});
