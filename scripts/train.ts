// `npm run train`: trains the coverage classifier on all of ../shared/cuad-dev and writes
// server/src/classifier/weights.json (committed; the product scores with it, offline).
// Only ../shared/cuad-dev is read. Deterministic: the same data and code give the same bytes.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCuadDev } from './accuracy/cuad-dev';
import { reviewAll } from './accuracy/reviewed';
import { EPOCHS, ETA0, examplesOf, KEEP, LAMBDA, POSITIVE_WEIGHT, SEED, trainClassifier } from './accuracy/train-classifier';

const root = resolve(__dirname, '..');
const cuadDir = resolve(root, '../shared/cuad-dev');
const out = join(root, 'server/src/classifier/weights.json');

async function main(): Promise<void> {
  if (!existsSync(join(cuadDir, 'master_clauses.csv'))) {
    console.error(`cannot train: cuad-dev not found at ${cuadDir}`);
    process.exit(2);
  }
  const docs = loadCuadDev(cuadDir);
  const reviewed = await reviewAll(docs.map((d) => d.text), console.log);
  const examples = docs.flatMap((d, i) => examplesOf(d, reviewed[i]));
  const trainedOn = `cuad-dev (${docs.length} contracts, ${examples.length} sentences): expert clause spans and category headings as positives; hashed word uni+bigrams and title words; logistic regression by SGD, ${EPOCHS} epochs, L2 ${LAMBDA}, eta ${ETA0}, positive weight ${POSITIVE_WEIGHT}, seed ${SEED}; top ${KEEP} weights per category`;
  const stored = trainClassifier(examples, trainedOn);
  const json = `${JSON.stringify(stored)}\n`;
  writeFileSync(out, json);
  console.log(`wrote ${out} (${(json.length / 1024).toFixed(0)} KB)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(2);
});
