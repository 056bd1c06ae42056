/**
 * What the language server keeps of large documents (issue 13, memory): the review worker keeps the
 * incremental state of the few documents reviewed most recently only (server/src/lsp/recent-states.ts),
 * and a result crosses to the server's thread without the texts and offsets of blocks that are the
 * source verbatim (server/src/lsp/result-transfer.ts). Behaviour only: equal results, not sizes in MB.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getHeapSpaceStatistics, serialize } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inflateSync } from 'node:zlib';
import { buildContractModel, plainBlock } from '../../server/src/model';
import { RecentStates } from '../../server/src/lsp/recent-states';
import { compressResult, expandResult, ExpandedResults, KeptResult, packModel, unpackModel } from '../../server/src/lsp/result-transfer';
import { collectShrinkingTables, compactIfFragmented, compactingCollection, garbageCollector, oldSpaceWaste } from '../../server/src/lsp/collector';
import { shrinkableWeakMap } from '../../server/src/model/weak-tables';
import { KeptReviews } from '../../server/src/lsp/kept-reviews';
import { WorkerDocuments } from '../../server/src/lsp/worker-documents';
import { answerQuery } from '../../server/src/lsp/worker-queries';
import { runReviewJob } from '../../server/src/lsp/review-job';
import { IncrementalReview } from '../../server/src/engine';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

/** Markup the parser removes (emphasis, a link, an entity, CRLF), so some blocks are not the source verbatim. */
const MIXED = [
  '# Services Agreement',
  '',
  '## 1. Definitions',
  '',
  '**"Services"** means the services described in [Schedule 1](schedule-1.md) &amp; its annexes.',
  '',
  '1.2 The Supplier shall provide the Services. The Customer shall pay the Charges.',
  '',
  '- first item of a list',
  '- second item, *emphasised* in part',
  '',
  '| Term | Meaning |',
  '| --- | --- |',
  '| Charges | the fees in Schedule 2 |',
  '',
].join('\r\n');

describe('lsp: memory footprint of large documents', function () {
  this.timeout(120_000);

  describe('RecentStates', () => {
    it('keeps the states of the most recently used documents only, creating a state when one is missing', () => {
      const states = new RecentStates<{ uri: string }>(2); // two documents of size 1
      let created = 0;
      const take = (uri: string) => states.take(uri, () => { created++; return { uri }; });
      const a = take('a');
      take('b');
      assert.equal(take('a'), a, 'a kept state is handed back');
      take('c'); // b is now the least recently used
      assert.deepEqual(states.uris(), ['a', 'c']);
      assert.equal(created, 3);
      assert.notEqual(take('b'), undefined);
      assert.equal(created, 4, 'a dropped state is created anew');
      assert.deepEqual(states.uris(), ['c', 'b']);
      states.delete('c');
      assert.deepEqual(states.uris(), ['b']);
    });

    it('keeps states up to a total size, and always the state of the document in hand', () => {
      const states = new RecentStates<number>(3_000);
      states.take('a', () => 1, 1_000);
      states.take('b', () => 2, 1_000);
      states.take('c', () => 3, 1_000);
      assert.deepEqual(states.uris(), ['a', 'b', 'c']);
      states.take('b', () => 2, 1_500); // b grew: a goes
      assert.deepEqual(states.uris(), ['c', 'b']);
      states.take('d', () => 4, 5_000); // larger than the whole capacity: kept alone
      assert.deepEqual(states.uris(), ['d']);
      states.delete('d');
      assert.equal(states.size, 0);
      states.take('e', () => 5, 3_000);
      assert.deepEqual(states.uris(), ['e'], 'the total is back to nothing after a delete');
    });
  });

  describe('packModel and unpackModel', () => {
    for (const [name, text] of [['an example contract', WEAK], ['a document with markup and CRLF line ends', MIXED]] as const) {
      it(`give back a model equal to the one sent (${name})`, () => {
        const model = buildContractModel(text, 1, 'markdown');
        const expected = structuredClone(model);
        const packed = packModel(model);
        assert.deepEqual(model, expected, 'packing leaves the model itself alone');
        const copied = structuredClone(packed);
        const unpacked = unpackModel(copied, text);
        assert.deepEqual(unpacked, expected);
        assert.equal(unpacked.text, text);
      });
    }

    it('leaves out the texts and offsets of verbatim blocks only, and shares one offset buffer among them', () => {
      const model = buildContractModel(MIXED, 1, 'markdown');
      const packed = packModel(model);
      const verbatim = [...packed.textFrom].filter((f) => f >= 0).length;
      assert.ok(verbatim > 0, 'some blocks are the source verbatim');
      assert.ok(verbatim < model.blocks.length, 'the blocks with emphasis, a link or an entity travel whole');
      const emphasised = model.blocks.findIndex((b) => b.text.includes('Services" means'));
      assert.equal(packed.textFrom[emphasised], -1);
      assert.equal(packed.model.blocks[emphasised].text, model.blocks[emphasised].text);
      const unpacked = unpackModel(structuredClone(packed), MIXED);
      const views = unpacked.blocks.filter((_, i) => packed.textFrom[i] >= 0).map((b) => b.sourceOffsets.buffer);
      assert.ok(views.every((b) => b === views[0]), 'verbatim blocks read their offsets from one shared buffer');
    });

    it('makes the copy across threads much smaller for a contract without inline markup', () => {
      const model = buildContractModel(WEAK, 1, 'markdown');
      const whole = serialize(model).length;
      const packed = serialize(packModel(model)).length;
      assert.ok(packed < whole * 0.75, `packed ${packed} bytes against ${whole}`);
    });
  });

  describe('reviews kept compressed in the worker', () => {
    const reviewOf = (text: string) => runReviewJob({ uri: 'file:///x.md', version: 3, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] }, new IncrementalReview(), () => undefined).result;

    for (const [name, text] of [['an example contract', WEAK], ['a document with markup and CRLF line ends', MIXED]] as const) {
      it(`expand to a result equal to the one compressed (${name})`, () => {
        const result = reviewOf(text);
        // As plain data (a block may be an OffsetBlock whose offsets are a getter, model/offsetBlock.ts).
        const plainOf = (r: typeof result) => structuredClone({ ...r, model: { ...r.model, blocks: r.model.blocks.map(plainBlock) } });
        const expected = plainOf(result);
        const compressed = compressResult(result, text);
        assert.deepEqual(plainOf(result), expected, 'compressing leaves the result itself alone');
        assert.equal(compressed.textLeftOut, true, 'the text is the model\'s, kept beside it');
        const expanded = expandResult(structuredClone(compressed), text);
        assert.deepEqual(expanded, expected);
        assert.equal(expanded.model.text, text);
      });
    }

    it('are made in parts none much larger than the part size, read back with the objects the result shares still shared', () => {
      const result = reviewOf(WEAK);
      const partBytes = 16 * 1024;
      const whole = serialize({ ...result, model: packModel(result.model).model }).length;
      const compressed = compressResult(result, undefined, partBytes);
      const sizes: number[] = [];
      let at = 0;
      for (const n of compressed.partLengths) {
        sizes.push(inflateSync(compressed.bytes.subarray(at, at + n)).length);
        at += n;
      }
      assert.equal(at, compressed.bytes.length, 'the parts fill the bytes');
      assert.ok(sizes.length > 4, `${sizes.length} parts`);
      // The first part is the skeleton (sections, assessments...); the slices after it are about partBytes each.
      assert.ok(Math.max(...sizes.slice(1)) <= 2 * partBytes, `slices of ${Math.max(...sizes.slice(1))} bytes`);
      assert.ok(sizes[0] < whole / 2, `a skeleton of ${sizes[0]} bytes against ${whole} for the whole`);
      const expanded = expandResult(structuredClone(compressed));
      assert.equal(expanded.model.text, WEAK);
      const plainOf = (r: typeof result) => ({ ...r, model: { ...r.model, blocks: r.model.blocks.map(plainBlock) } });
      assert.deepEqual(structuredClone(plainOf(expanded)), structuredClone(plainOf(result)));
      // Objects reached by two paths in the result (an assessment's evidence and a section) are one object again.
      const sharing = sharedPaths(plainOf(result));
      assert.ok(sharing.length > 0, 'the example result shares some objects');
      assert.deepEqual(sharedPaths(plainOf(expanded)), sharing);
    });

    it('carry their text in the compressed bytes when none is kept beside them', () => {
      const result = reviewOf(MIXED);
      const compressed = compressResult(result);
      assert.equal(compressed.textLeftOut, false);
      const expanded = expandResult(structuredClone(compressed));
      assert.equal(expanded.model.text, MIXED);
      assert.deepEqual(expanded.model.blocks.map(plainBlock), result.model.blocks.map(plainBlock));
      assert.deepEqual(expanded.diagnostics, result.diagnostics);
      assert.throws(() => expandResult(compressResult(result, MIXED)), /without its text/);
    });

    it('are several times smaller than the result as the worker used to send it', async () => {
      // Measured in a fresh isolate, as the server's review worker starts: v8.serialize writes what the
      // isolate's history made of the same values, and earlier test files in the same mocha process
      // change it: a field of {line, character} once given a number V8 holds as a double (fast-check's
      // integers are) stays a double field, 9 bytes a number instead of 2; an array literal's allocation
      // site that once made a holey array goes on making holey arrays, written with their indices. So
      // the example read 3.99 in one whole-suite run (17,583 against 70,129 bytes) and 4.08 alone, as
      // it reads here every time (16,892 against 68,861 on 9354749).
      const { compressed, sent } = await sizesInFreshIsolate();
      assert.ok(compressed * 4 < sent, `compressed ${compressed} bytes against ${sent}`);
    });

    it('quote a document\'s words from a copy of their own, not from an earlier document\'s text', () => {
      // vague-wording keeps each term's message per spelling (rules/vague-wording.ts wordingOf). Kept as
      // matched, the spelling was a slice of the document that first had it: the cache kept that text
      // alive after the document closed, and a two-byte text (one curly quote) made the message two-byte
      // for every later document, which v8.serialize writes at two bytes a character.
      const spelling = 'iN a TiMeLy MaNnEr'; // a spelling no other test writes, so this one is the first
      const sentence = `9.1 The Supplier shall deliver the monthly reports ${spelling}.`;
      const messageOf = (text: string) => reviewOf(text).diagnostics.find((d) => d.message.startsWith(`"${spelling}"`))?.message;
      assert.ok(messageOf(`${WEAK.replace('Agreement', 'Agreement\u2019s')}\n\n${sentence}\n`), 'the two-byte document has the finding');
      const message = messageOf(`${WEAK}\n\n${sentence}\n`);
      assert.ok(message);
      assert.equal(String.fromCharCode(serialize(message)[2]), '"', 'serialised as a one-byte string (v8 tag \'"\', not \'c\')');
    });

    it('stay expanded for the documents read most recently only', () => {
      const results = new ExpandedResults(2);
      const result = reviewOf(WEAK);
      const kept = ['a', 'b', 'c'].map((uri) => new KeptResult(uri, compressResult(result, WEAK), WEAK, results));
      const first = kept[0].get();
      assert.equal(kept[0].get(), first, 'read again while kept expanded: the same objects');
      kept[1].get();
      assert.ok(results.has('a') && results.has('b'));
      kept[2].get();
      assert.ok(!results.has('a') && results.has('b') && results.has('c'), 'the least recently read went back to its compressed form');
      const again = kept[0].get();
      assert.notEqual(again, first, 'expanded anew');
      assert.deepEqual(again, first);
      // A newer result of the same document takes its place.
      const newer = new KeptResult('a', compressResult(result, WEAK), WEAK, results);
      newer.get();
      assert.ok(results.has('a'));
      results.forget('a');
      assert.ok(!results.has('a'));
    });

    it('only for documents without an incremental state, and they answer queries as before', () => {
      const reviews = new KeptReviews();
      const texts = { a: WEAK, b: MIXED };
      const results = { a: reviewOf(WEAK), b: reviewOf(MIXED) };
      reviews.set('a', 3, results.a);
      reviews.set('b', 3, results.b);
      const line = WEAK.split('\n').findIndex((l) => /^## /.test(l));
      const queries = [
        { kind: 'symbols' }, { kind: 'folding' }, { kind: 'semanticTokens' }, { kind: 'coverage' }, { kind: 'summary' },
        { kind: 'hover', at: { line, character: 4 }, withMessage: true },
      ] as const;
      const before = Object.fromEntries(Object.keys(texts).map((uri) => [uri, queries.map((q) => answerQuery(reviews.get(uri)!.result, uri, 3, q))]));
      assert.equal(reviews.objectCount, 2);
      reviews.compressIdle((uri) => uri === 'a');
      assert.equal(reviews.objectCount, 1, 'b lost its state: its review is compressed');
      assert.equal(reviews.textsBeside, 0, 'its text is compressed with it, not kept as a string');
      assert.equal(reviews.versionOf('b'), 3);
      for (const uri of Object.keys(texts)) {
        assert.deepEqual(queries.map((q) => answerQuery(reviews.get(uri)!.result, uri, 3, q)), before[uri], uri);
      }
      assert.equal(reviews.objectCount, 2, 'b read: expanded again');
      reviews.delete('b');
      assert.equal(reviews.get('b'), undefined);
      assert.equal(reviews.size, 1);
    });

    it('an idle server can run a full garbage collection', () => {
      const gc = garbageCollector();
      assert.equal(typeof gc, 'function');
      gc!();
    });

    /**
     * Objects promoted to the old space, of which all but one in `keepEvery` are then dropped: pages
     * each half empty, which ordinary collections leave as they are (V8 moves the survivors of
     * nearly empty pages on its own, so a sparser pattern is compacted anyway, sooner or later).
     */
    const fragmentOldSpace = (keepEvery: number): unknown[] => {
      const gc = garbageCollector()!;
      let all: Array<{ n: number; s: string; a: number[] }> | null = [];
      for (let i = 0; i < 300_000; i++) all.push({ n: i, s: `item ${i}`, a: [i, i + 1] });
      gc(); // survivors of a collection are in the old space
      gc();
      const kept = all.filter((_, i) => i % keepEvery === 0);
      all = null;
      gc();
      gc();
      return kept;
    };

    it('a compacting collection gives back the old space\'s pages that a full collection leaves holding a few survivors', () => {
      const kept = fragmentOldSpace(2);
      const before = oldSpaceWaste();
      assert.ok(before.waste > 8e6, `the old space is fragmented after an ordinary collection (${(before.waste / 1e6).toFixed(1)} MB empty)`);
      const ms = compactingCollection();
      assert.equal(typeof ms, 'number');
      const after = oldSpaceWaste();
      assert.ok(after.waste < before.waste / 2, `compacted: ${(before.waste / 1e6).toFixed(1)} MB empty before, ${(after.waste / 1e6).toFixed(1)} MB after`);
      assert.ok(after.physical < before.physical);
      assert.equal(kept.length, 150_000, 'what was alive stays alive');
      assert.deepEqual(kept[100], { n: 200, s: 'item 200', a: [200, 201] });
      // The compaction flag is off again: an ordinary collection of a fresh fragmentation leaves it fragmented.
      const again = fragmentOldSpace(2);
      assert.ok(oldSpaceWaste().waste > 8e6, 'ordinary collections do not compact everything after it');
      assert.equal(again.length, 150_000);
    });

    it('the idle collection fits the table of a WeakMap keyed per sentence to the entries still alive', () => {
      const gc = garbageCollector()!;
      const largeObjects = () => getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')!.space_used_size;
      const map = shrinkableWeakMap<object, number>();
      let keys: object[] | null = [];
      for (let i = 0; i < 200_000; i++) {
        const key = {};
        keys.push(key);
        map.set(key, i);
      }
      const kept = keys.slice(0, 100);
      keys = null;
      gc();
      gc();
      // The table (several MB, in the large-object space) outlives the entries the collections cleared.
      const before = largeObjects();
      collectShrinkingTables();
      gc();
      const after = largeObjects();
      assert.ok(before - after > 3e6, `the table was fitted: ${(before / 1e6).toFixed(1)} MB of large objects before, ${(after / 1e6).toFixed(1)} MB after`);
      assert.equal(map.get(kept[42]), 42, 'live entries stay');
      assert.equal(kept.filter((k) => map.has(k)).length, 100);
    });

    it('compacts only an old space that much of is empty', () => {
      const kept = fragmentOldSpace(2);
      assert.equal(compactIfFragmented(Number.MAX_SAFE_INTEGER, 0), null, 'not enough empty space: no compaction');
      assert.equal(compactIfFragmented(1, 0.99), null, 'not a large enough share of the old space');
      assert.equal(typeof compactIfFragmented(1e6, 0.1), 'number');
      assert.ok(oldSpaceWaste().waste < 8e6);
      assert.equal(kept.length, 150_000);
    });
  });

  describe('what the worker keeps per document (WorkerDocuments)', () => {
    const jobOf = (uri: string, version: number, text: string) => ({ uri, version, text, format: 'markdown' as const, settings: {}, force: false, workspaceFolders: [] });
    const fullReview = (uri: string, version: number, text: string) => runReviewJob(jobOf(uri, version, text), new IncrementalReview(), () => undefined);
    const same = (a: ReturnType<typeof fullReview>, b: ReturnType<typeof fullReview>) => {
      assert.deepEqual(a.diagnostics, b.diagnostics);
      assert.deepEqual(a.status, b.status);
      assert.deepEqual(a.result.coverage, b.result.coverage);
    };

    it('a document not being edited lets go of its memoised facts, keeps its model, and its next edit equals a full review', () => {
      const documents = new WorkerDocuments(10 * WEAK.length);
      const other = WEAK.replace('# ', '# Schedule: ');
      let text = WEAK;
      documents.review(jobOf('a', 1, text), () => undefined);
      documents.settle('a');
      text = text.replace('shall', 'must');
      documents.review(jobOf('a', 2, text), () => undefined);
      documents.settle('a');
      const a = documents.states.take('a', () => assert.fail('a keeps its state'), text.length);
      assert.ok(a.factCount > 0, 'the document being edited keeps its facts');
      documents.review(jobOf('b', 1, other), () => undefined);
      documents.settle('b');
      assert.deepEqual(documents.states.uris().sort(), ['a', 'b'], 'both keep their model (a was edited, b is the latest)');
      assert.equal(a.factCount, 0, 'a is not being edited: its facts are dropped');
      assert.ok(documents.states.take('b', () => assert.fail('b keeps its state'), other.length).factCount > 0);
      // a's next edit: spliced from its model, every fact computed again, the result a full review's.
      text = text.replace('The Supplier', 'The Contractor');
      const next = documents.review(jobOf('a', 3, text), () => undefined);
      assert.equal(a.fullParseReason, null, 'spliced, not parsed whole');
      same(next, fullReview('a', 3, text));
      documents.settle('a');
      assert.ok(a.factCount > 0);
      text += '\n\n12.4 The Customer shall pay each undisputed invoice within thirty days.\n';
      same(documents.review(jobOf('a', 4, text), () => undefined), fullReview('a', 4, text));
      assert.equal(documents.reviews.versionOf('a'), 4);
    });

    it('a document opened and not edited since keeps no state once another is reviewed; its review is compressed', () => {
      const documents = new WorkerDocuments(10 * WEAK.length);
      const texts = ['a', 'b', 'c'].map((n) => WEAK.replace('# ', `# Contract ${n}: `));
      documents.review(jobOf('a', 1, texts[0]), () => undefined);
      documents.settle('a');
      assert.deepEqual(documents.states.uris(), ['a']);
      documents.review(jobOf('b', 1, texts[1]), () => undefined);
      documents.settle('b');
      assert.deepEqual(documents.states.uris(), ['b'], 'a was only opened');
      assert.equal(documents.reviews.objectCount, 1, 'a\'s review is compressed');
      // The same version again (a change of settings, say) is not an edit.
      documents.review(jobOf('b', 1, texts[1]), () => undefined);
      documents.review(jobOf('c', 1, texts[2]), () => undefined);
      documents.settle('c');
      assert.deepEqual(documents.states.uris(), ['c']);
      // An edit of a: parsed whole (no state), then edited, so it keeps its state when c is reviewed.
      texts[0] = texts[0].replace('shall', 'must');
      const edit = documents.review(jobOf('a', 2, texts[0]), () => undefined);
      same(edit, fullReview('a', 2, texts[0]));
      documents.settle('a');
      documents.review(jobOf('c', 1, texts[2]), () => undefined);
      documents.settle('c');
      assert.deepEqual(documents.states.uris().sort(), ['a', 'c']);
      documents.forget('a');
      documents.review(jobOf('a', 1, texts[0]), () => undefined);
      documents.review(jobOf('c', 1, texts[2]), () => undefined);
      documents.settle('c');
      assert.deepEqual(documents.states.uris(), ['c'], 'a closed and opened again starts as opened only');
    });

    it('once idle, only the document reviewed last keeps its state; the other\'s next edit equals a full review', () => {
      const documents = new WorkerDocuments(10 * WEAK.length);
      const texts = ['a', 'b'].map((n) => WEAK.replace('# ', `# Contract ${n}: `));
      for (let v = 1; v <= 2; v++) {
        for (const [i, uri] of ['a', 'b'].entries()) {
          if (v > 1) texts[i] = texts[i].replace('shall', 'must');
          documents.review(jobOf(uri, v, texts[i]), () => undefined);
          documents.settle(uri);
        }
      }
      assert.deepEqual(documents.states.uris(), ['a', 'b'], 'both edited: both keep a state while busy');
      documents.idle();
      assert.deepEqual(documents.states.uris(), ['b']);
      assert.equal(documents.reviews.objectCount, 1, 'a\'s review is compressed');
      texts[0] = texts[0].replace('The Supplier', 'The Contractor');
      same(documents.review(jobOf('a', 3, texts[0]), () => undefined), fullReview('a', 3, texts[0]));
    });

    it('counts the full reviews since the last compaction (documents opened, or reviewed again without a state), not spliced edits', () => {
      const documents = new WorkerDocuments(10 * WEAK.length);
      const texts = ['a', 'b'].map((n) => WEAK.replace('# ', `# Contract ${n}: `));
      documents.review(jobOf('a', 1, texts[0]), () => undefined);
      documents.settle('a');
      documents.review(jobOf('b', 1, texts[1]), () => undefined);
      documents.settle('b');
      assert.equal(documents.fullReviews, 2, 'two documents opened');
      texts[1] = texts[1].replace('shall', 'must');
      documents.review(jobOf('b', 2, texts[1]), () => undefined);
      documents.settle('b');
      assert.equal(documents.fullReviews, 2, 'an edit of a document keeping its state is spliced');
      documents.compacted();
      assert.equal(documents.fullReviews, 0);
      // a was only opened, so it lost its state when b was reviewed: its edit is a full review.
      texts[0] = texts[0].replace('shall', 'must');
      same(documents.review(jobOf('a', 2, texts[0]), () => undefined), fullReview('a', 2, texts[0]));
      assert.equal(documents.fullReviews, 1);
    });

    it('a failed review forgets the document\'s state and last review', () => {
      const documents = new WorkerDocuments();
      documents.review(jobOf('a', 1, WEAK), () => undefined);
      assert.equal(documents.reviews.versionOf('a'), 1);
      // Settings that throw when read make the review fail (null settings no longer do since the
      // active rules are worked out only when read).
      const failing = new Proxy({}, { get() { throw new Error('settings unreadable'); } });
      assert.throws(() => documents.review({ ...jobOf('a', 2, WEAK), settings: failing as never }, () => undefined), /settings unreadable/);
      assert.equal(documents.reviews.versionOf('a'), undefined);
      assert.ok(!documents.states.has('a'));
    });
  });

  describe('through the review worker', () => {
    let client: MemoryClient;
    let inThread: MemoryClient;
    afterEach(async () => { await client?.stop(); await inThread?.stop(); });

    it('reviews documents that lost their incremental state as a full review would, and requests read the rebuilt blocks', async () => {
      client = await new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, keepChars: WEAK.length + 100 } }, timeout: 60_000 }).start();
      inThread = await new MemoryClient().start();
      const strip = (p: PublishParams) => p.diagnostics.map((d) => [d.code, d.message, d.range]);
      const uris = ['a', 'b', 'c'].map((n) => pathToFileURL(path.join(ROOT, 'scratch', `footprint-${n}.md`)).href);
      const texts = uris.map((_, i) => WEAK.replace('# ', `# Contract ${i + 1}: `));
      for (let i = 0; i < uris.length; i++) assert.deepEqual(strip(await client.open(uris[i], texts[i])), strip(await inThread.open(uris[i], texts[i])));
      // Edits taking turns over the three documents: with room for one state, each is parsed whole again.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < uris.length; i++) {
          texts[i] += `\n\n${9 + round}.${i} The Supplier shall respond to requests in a timely manner.\n`;
          const version = round + 2;
          assert.deepEqual(strip(await client.change(uris[i], version, texts[i])), strip(await inThread.change(uris[i], version, texts[i])), `document ${i}, round ${round}`);
        }
      }
      const lines = texts[0].split('\n');
      const line = lines.findIndex((l) => l.includes('9.0 The Supplier'));
      const position = { line, character: lines[line].indexOf('timely') + 2 };
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uris[0] }, position });
      const expected = await inThread.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uris[0] }, position });
      assert.ok(hover);
      assert.deepEqual(hover, expected);
      const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uris[1] } });
      assert.deepEqual(tokens, await inThread.request('textDocument/semanticTokens/full', { textDocument: { uri: uris[1] } }));
      assert.ok(tokens.data.length > 0);
      // The counts are made from the result again: the diagnostics' LSP form is not kept.
      const summary = await client.request<{ counts: Record<string, number> }>('clausewise/reviewDocument', { uri: uris[2] });
      assert.deepEqual(summary, await inThread.request('clausewise/reviewDocument', { uri: uris[2] }));
      assert.ok(summary.counts.warning + summary.counts.information > 0);
      assert.ok(!/failed/.test(client.stderr), client.stderr);
    });

    it('after the idle collection that compacts the worker\'s heap, requests and edits give the same answers as before it', async () => {
      client = await new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, idleCollectMs: 10 } }, timeout: 60_000 }).start();
      inThread = await new MemoryClient().start();
      const strip = (p: PublishParams) => p.diagnostics.map((d) => [d.code, d.message, d.range]);
      const uris = ['a', 'b', 'c'].map((n) => pathToFileURL(path.join(ROOT, 'scratch', `compact-${n}.md`)).href);
      const texts = uris.map((_, i) => WEAK.replace('# ', `# Contract ${i + 1}: `));
      let last: PublishParams | undefined;
      for (let i = 0; i < uris.length; i++) {
        last = await client.open(uris[i], texts[i]);
        assert.deepEqual(strip(last), strip(await inThread.open(uris[i], texts[i])));
      }
      // On a finding of the document opened last.
      const finding = last!.diagnostics.find((d) => d.range.start.line === d.range.end.line && d.range.end.character > d.range.start.character + 1)!;
      const position = { line: finding.range.start.line, character: finding.range.start.character + 1 };
      const hover = await client.request('textDocument/hover', { textDocument: { uri: uris[2] }, position });
      assert.ok(hover, 'a hover on a finding');
      // Three full reviews, then idle: the worker compacts its heap (and keeps only the last document's state).
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(await client.request('textDocument/hover', { textDocument: { uri: uris[2] }, position }), hover);
      assert.deepEqual(hover, await inThread.request('textDocument/hover', { textDocument: { uri: uris[2] }, position }));
      const actions = { textDocument: { uri: uris[0] }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: [] } };
      assert.deepEqual(await client.request('textDocument/codeAction', actions), await inThread.request('textDocument/codeAction', actions));
      for (const i of [2, 0]) {
        texts[i] += '\n\n9.9 The Supplier shall respond to requests in a timely manner.\n';
        assert.deepEqual(strip(await client.change(uris[i], 2, texts[i])), strip(await inThread.change(uris[i], 2, texts[i])), `document ${i}`);
      }
      assert.ok(!/failed/.test(client.stderr), client.stderr);
    });

    it('the worker logs the end of each idle step, compacted or not, which the bench\'s settled RSS reading waits for', async () => {
      // The memory log goes to standard error (the worker's is forwarded to this process's).
      const was = process.env.CLAUSEWISE_MEMORY_LOG;
      const write = process.stderr.write;
      let log = '';
      process.env.CLAUSEWISE_MEMORY_LOG = '1';
      process.stderr.write = ((chunk: string | Uint8Array) => { log += String(chunk); return true; }) as typeof process.stderr.write;
      try {
        // Idle for 300 ms before a step: long enough that the two reviews opened together below fall in one
        // idle window even on a loaded machine (with 10 ms a step could run between them: three steps).
        client = await new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, idleCollectMs: 300 } }, timeout: 60_000 }).start();
        const uris = ['a', 'b', 'c'].map((n) => pathToFileURL(path.join(ROOT, 'scratch', `idle-log-${n}.md`)).href);
        const done = () => log.split('\n').filter((l) => l.includes('(worker, idle step done')).length;
        const waitFor = async (n: number) => { for (let t = 0; t < 100 && done() < n; t++) await new Promise((r) => setTimeout(r, 100)); };
        // One full review: collected, then compacted only if fragmented.
        await client.open(uris[0], WEAK);
        await waitFor(1);
        assert.equal(done(), 1, log);
        // Two more full reviews, opened together so that no idle step runs between them: compacted.
        await Promise.all([client.open(uris[1], WEAK), client.open(uris[2], WEAK)]);
        await waitFor(2);
        assert.equal(done(), 2, log);
        assert.match(log, /\(worker, idle step done: compacted after full reviews/);
      } finally {
        process.stderr.write = write;
        if (was === undefined) delete process.env.CLAUSEWISE_MEMORY_LOG;
        else process.env.CLAUSEWISE_MEMORY_LOG = was;
      }
    });

    it('a worker that runs out of memory is started again, then given up for the server\'s thread, and no review is lost', async () => {
      // A limit no worker can start under: it runs out at once, every time.
      client = await new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, maxHeapMb: 4 } }, timeout: 60_000 }).start();
      inThread = await new MemoryClient().start();
      const uri = pathToFileURL(path.join(ROOT, 'scratch', 'footprint-oom.md')).href;
      const strip = (p: PublishParams) => p.diagnostics.map((d) => [d.code, d.message, d.range]);
      assert.deepEqual(strip(await client.open(uri, WEAK)), strip(await inThread.open(uri, WEAK)));
      assert.match(client.stderr, /ran out of memory \(limit 4 MB\); starting a new one/);
      assert.match(client.stderr, /ran out of memory 3 times; large documents are reviewed in the server's thread/);
      const text = `${WEAK}\n\n9.9 The Supplier shall respond to requests in a timely manner.\n`;
      assert.deepEqual(strip(await client.change(uri, 2, text)), strip(await inThread.change(uri, 2, text)));
    });
  });
});

/** Each object met again while walking `value` (typed arrays aside): the path where it was met again, and the path where it was first met. */
function sharedPaths(value: unknown): string[] {
  const first = new Map<object, string>();
  const out: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return;
    const seen = first.get(v);
    if (seen !== undefined) {
      out.push(`${at} = ${seen}`);
      return;
    }
    first.set(v, at);
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], `${at}.${k}`);
  };
  walk(value, '');
  return out;
}

/**
 * The example's review compressed (as the worker keeps it) and serialised as the worker used to send
 * it, both made in a new worker thread: an isolate of its own, with no object shapes or allocation
 * sites left by the tests that ran before in this process.
 */
function sizesInFreshIsolate(): Promise<{ compressed: number; sent: number }> {
  const code = `
    require(${JSON.stringify(require.resolve('tsx/cjs'))});
    const fs = require('node:fs');
    const { serialize } = require('node:v8');
    const { compressResult, packModel } = require(${JSON.stringify(path.join(ROOT, 'server/src/lsp/result-transfer.ts'))});
    const { runReviewJob } = require(${JSON.stringify(path.join(ROOT, 'server/src/lsp/review-job.ts'))});
    const { IncrementalReview } = require(${JSON.stringify(path.join(ROOT, 'server/src/engine/index.ts'))});
    const text = fs.readFileSync(${JSON.stringify(path.join(ROOT, 'examples', 'weak-msa.md'))}, 'utf8');
    const job = { uri: 'file:///x.md', version: 3, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
    const result = runReviewJob(job, new IncrementalReview(), () => undefined).result;
    const compressed = compressResult(result, text).bytes.length;
    const sent = serialize({ ...result, model: packModel(result.model).model }).length;
    require('node:worker_threads').parentPort.postMessage({ compressed, sent });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, execArgv: [] });
    worker.once('message', (m: { compressed: number; sent: number }) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (c) => reject(new Error(`the sizing worker exited (${c}) without an answer`)));
  });
}
