// How closely the model's sentence splitter (Intl.Segmenter plus a merge pass) agrees with the
// `sentence-splitter` package it replaced: `npx tsx scripts/sentence-agreement.ts` prints, over
// the examples, ../shared/corpus and ../shared/cuad-dev (when present), the share of sentences found identically
// by both, the blocks that differ, and the time each splitter takes on the same blocks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareSplitters, legacySentenceBounds, blockTexts } from '../test/support/sentence-agreement';
import { sentenceBounds } from '../server/src/model/sentences';

const root = resolve(__dirname, '..');
const sets: Array<{ name: string; files: Array<[string, string]> }> = [];
const dir = (name: string, d: string, ext: RegExp) => {
  if (!existsSync(d)) { console.log(`${name}: skipped (${d} is absent)`); return; }
  sets.push({ name, files: readdirSync(d).filter((f) => ext.test(f)).sort().map((f) => [f, readFileSync(join(d, f), 'utf8')]) });
};
dir('examples', join(root, 'examples'), /\.md$/);
dir('corpus', resolve(root, '../shared/corpus/contracts'), /\.(md|txt)$/);
dir('cuad-dev', resolve(root, '../shared/cuad-dev'), /\.txt$/);
const showDiffs = Number(process.argv.find((a) => a.startsWith('--show='))?.slice(7) ?? 0);

for (const { name, files } of sets) {
  const texts = files.flatMap(([f, t]) => blockTexts(t, f));
  const r = compareSplitters(texts);
  const time = (fn: (t: string) => unknown) => { const t0 = performance.now(); for (const t of texts) fn(t); return performance.now() - t0; };
  // Fresh strings defeat the memo of sentenceBounds so both sides do the work.
  const fresh = texts.map((t) => (' ' + t).slice(1));
  const tOld = time(legacySentenceBounds);
  const tNew = (() => { const t0 = performance.now(); for (const t of fresh) sentenceBounds(t + '\u200b'); return performance.now() - t0; })();
  console.log(`${name}: ${files.length} files, ${texts.length} blocks, sentences identical ${r.same} of ${r.total} (${(100 * r.same / r.total).toFixed(2)}%), blocks differing ${r.differingBlocks.length}; sentence-splitter ${tOld.toFixed(0)} ms, segmenter ${tNew.toFixed(0)} ms (${(tOld / tNew).toFixed(1)}x)`);
  for (const d of r.differingBlocks.slice(0, showDiffs)) {
    console.log('---\nOLD ' + d.old.map((s) => JSON.stringify(s)).join('\n    '));
    console.log('NEW ' + d.now.map((s) => JSON.stringify(s)).join('\n    '));
  }
}
