// The model's caches keyed by text (sentence bounds, parsed Markdown chunks) can be turned off, as
// the CLI does for its one review per file: the same model, and nothing kept.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { reviewShared } from '../../server/src/cli/pool';
import { buildContractModel } from '../../server/src/model';
import { fullModelState } from '../../server/src/model/incremental';
import { chunkCacheMade, chunkKept, keptChunks, parseChunk, scanChunkStarts } from '../../server/src/model/markdown';
import { keptSentenceBounds, sentenceBounds, sentenceBoundsKept, sentenceCacheMade } from '../../server/src/model/sentences';
import { setTextCaches, textCachesOn } from '../../server/src/model/text-caches';
import { generateContract } from '../../scripts/bench-contract';

const shape = (text: string, path: string) => {
  const m = buildContractModel(text, 0, path.endsWith('.txt') ? 'plain' : 'markdown');
  return JSON.stringify({ blocks: m.blocks.map((b) => ({ ...b, sourceOffsets: [...b.sourceOffsets] })), sections: m.sections, terms: m.definedTerms, parties: m.parties });
};

describe('model: caches keyed by text', () => {
  afterEach(() => setTextCaches(true));

  it('are used by default: the same text gives back the kept answer', () => {
    const text = 'The Supplier shall act. The Customer shall pay. Each party shall sign.';
    assert.equal(sentenceBounds(text), sentenceBounds(text));
    const chunk = '## 2. Charges\n\nThe Customer shall pay each invoice within 30 days.\n';
    assert.equal(parseChunk(chunk, false), parseChunk(chunk, false));
  });

  it('when off, nothing is kept and every model is the same as with them', () => {
    const documents = [
      { path: 'generated.md', text: generateContract(60_000) },
      { path: 'generated.txt', text: generateContract(30_000) },
    ];
    const cuad = resolve(__dirname, '../../../shared/cuad-dev');
    if (existsSync(cuad)) for (const f of readdirSync(cuad).filter((n) => n.endsWith('.txt')).sort().slice(0, 5)) documents.push({ path: f, text: readFileSync(join(cuad, f), 'utf8') });
    const kept = documents.map((d) => shape(d.text, d.path));
    assert.equal(setTextCaches(false), true);
    const text = 'The Supplier shall act. The Customer shall pay. Each party shall sign.';
    assert.notEqual(sentenceBounds(text), sentenceBounds(text));
    assert.deepEqual(sentenceBounds(text), sentenceBounds(text));
    const chunk = '## 3. Term\n\nThis Agreement runs for two years. It renews each year.\n';
    assert.notEqual(parseChunk(chunk, false), parseChunk(chunk, false));
    documents.forEach((d, i) => assert.equal(shape(d.text, d.path), kept[i], d.path));
  });

  it('are left alone by a one-shot model, and filled by the language server\'s first model', () => {
    // A text of its own, so that nothing of it is kept yet (and few enough chunks and sentences for the LRUs).
    // Asked entry by entry, not by counting: the caches are bounded LRUs, and once earlier tests in
    // this process have filled them, keeping this text's entries evicts others and the counts need not grow.
    const text = generateContract(20_000).replace(/Supplier/g, 'Cachetest Vendor');
    const own = (t: string) => t.includes('Cachetest Vendor');
    const { starts } = scanChunkStarts(text);
    const chunkTexts = starts.map((s, i) => ({ text: text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length), first: i === 0 })).filter((c) => own(c.text));
    const keptOfChunks = () => chunkTexts.filter((c) => chunkKept(c.text, c.first)).length;
    const chunks = keptChunks();
    const bounds = keptSentenceBounds();
    const oneShot = buildContractModel(text);
    const sentenceTexts = oneShot.blocks.filter((b) => b.sentences.length > 0 && own(b.text)).map((b) => b.text);
    const keptOfSentences = () => sentenceTexts.filter((t) => sentenceBoundsKept(t)).length;
    assert.ok(chunkTexts.length > 3 && sentenceTexts.length > 10, 'the text has chunks and sentences of its own');
    assert.equal(keptChunks(), chunks);
    assert.equal(keptSentenceBounds(), bounds);
    assert.equal(keptOfChunks(), 0);
    assert.equal(keptOfSentences(), 0);
    assert.equal(textCachesOn(), true);
    const state = fullModelState(text, 0, 'markdown', 'opened');
    assert.equal(keptOfChunks(), chunkTexts.length);
    assert.equal(keptOfSentences(), sentenceTexts.length);
    assert.equal(JSON.stringify(state.model.blocks.map((b) => [b.text, b.start, [...b.sourceOffsets], b.sentences])), JSON.stringify(oneShot.blocks.map((b) => [b.text, b.start, [...b.sourceOffsets], b.sentences])));
  });

  it('are off while the CLI reviews its files, and as before afterwards', async () => {
    const seen: boolean[] = [];
    const task = (index: number) => ({ index, text: generateContract(4_000), path: `c${index}.md`, cwd: process.cwd(), settings: {}, force: true });
    await reviewShared([task(0), task(1)], null, () => seen.push(textCachesOn()));
    assert.deepEqual(seen, [false, false]);
    assert.equal(textCachesOn(), true);
  });

  it('are not even made by a process that keeps none, as a CLI run (loading is spared building them)', () => {
    // In a fresh process: the mocha process's other tests have made them already.
    const script = `
      require('./server/src/model/text-caches').setTextCaches(false);
      const { reviewDocument } = require('./server/src/engine');
      const { result } = reviewDocument({ text: require('node:fs').readFileSync('examples/weak-msa.md', 'utf8'), settings: {}, force: true });
      const made = { sentences: require('./server/src/model/sentences').sentenceCacheMade(), chunks: require('./server/src/model/markdown').chunkCacheMade() };
      console.log(JSON.stringify({ made, findings: result.diagnostics.length }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.ok(out.findings > 0, 'the review found something');
    assert.deepEqual(out.made, { sentences: false, chunks: false });
  });

  it('are made on first use when kept', () => {
    const text = 'The Customer shall pay. The Supplier shall act.';
    sentenceBounds(text);
    parseChunk('## 9. Notices\n\nNotices are given in writing.\n', false);
    assert.deepEqual({ sentences: sentenceCacheMade(), chunks: chunkCacheMade() }, { sentences: true, chunks: true });
  });
});
