// The expensive half of the accuracy evaluation: reviewing each contract with the rules alone.
// Results are cached under .cache/accuracy (gitignored), keyed by a hash of the engine's source
// (minus the classifier, which this stage does not use) and of the contract text, so a cached
// answer is always the answer the current code would give. Misses are reviewed on worker threads.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { review } from '../../server/src/engine';
import { classifierSentences } from '../../server/src/classifier';
import type { Verdict } from '../../server/src/categories/types';

export interface ReviewedSentence { text: string; titles: string; start: number; end: number; section: number }
export interface Reviewed {
  /** The rules' verdict per category (rules alone, no classifier). */
  verdicts: Record<string, Verdict>;
  sentences: ReviewedSentence[];
  usesMarkdownHeadings: boolean;
}

export function reviewForAccuracy(text: string): Reviewed {
  const r = review({ text, force: true, classifier: null });
  return {
    verdicts: r.coverage as Record<string, Verdict>,
    sentences: classifierSentences(r.model).map(({ text: t, titles, start, end, section }) => ({ text: t, titles, start, end, section })),
    usesMarkdownHeadings: r.model.usesMarkdownHeadings,
  };
}

const root = resolve(__dirname, '../..');
const cacheDir = join(root, '.cache/accuracy');
const CACHE_FORMAT = 'reviewed/1';

/** Hash of every engine source file the rules-only review depends on. */
function engineHash(): string {
  const h = createHash('sha256').update(CACHE_FORMAT);
  const src = join(root, 'server/src');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      // The classifier is not used here; the editor and CLI faces do not change a review.
      if ([join(src, 'classifier'), join(src, 'lsp'), join(src, 'cli')].includes(p)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(src, p)).update(readFileSync(p));
    }
  };
  walk(src);
  h.update(readFileSync(join(root, 'package-lock.json')));
  return h.digest('hex').slice(0, 16);
}

/** Rules-only reviews of the texts, in order; `onProgress` is told how many were cached. */
export async function reviewAll(texts: string[], log: (s: string) => void = () => {}): Promise<Reviewed[]> {
  const engine = engineHash();
  const keys = texts.map((t) => createHash('sha256').update(engine).update(t).digest('hex').slice(0, 32));
  const out: Array<Reviewed | undefined> = keys.map((k) => {
    const p = join(cacheDir, `${k}.json`);
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Reviewed) : undefined;
  });
  const todo = out.flatMap((r, i) => (r ? [] : [i]));
  log(`rules-only reviews: ${texts.length - todo.length} cached, ${todo.length} to run`);
  if (todo.length) {
    mkdirSync(cacheDir, { recursive: true });
    const threads = Math.max(1, Math.min(todo.length, availableParallelism(), Number(process.env.CLAUSEWISE_EVAL_THREADS) || 4));
    const queue = [...todo];
    await Promise.all(Array.from({ length: threads }, () => new Promise<void>((done, fail) => {
      // Workers do not inherit tsx's loader: register it before loading the TypeScript worker.
      const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'review-worker.ts'))});`, { eval: true });
      const next = () => {
        const id = queue.shift();
        if (id === undefined) { void worker.terminate().then(() => done()); return; }
        worker.postMessage({ id, text: texts[id] });
      };
      worker.on('message', (m: { id: number; result: Reviewed }) => {
        out[m.id] = m.result;
        writeFileSync(join(cacheDir, `${keys[m.id]}.json`), JSON.stringify(m.result));
        next();
      });
      worker.on('error', fail);
      next();
    })));
  }
  return out as Reviewed[];
}
