/**
 * A CLI run over many characters gates its short documents with the short-document gate's scanner
 * from the first one (cli/pool.ts GATE_SCANNER_RUN_CHARS); a run on one small contract keeps
 * searching literal by literal, so that it never builds the scanner. Either way the same patterns run.
 */
import assert from 'node:assert/strict';
import { setGateScannerAfterChars } from '../../server/src/categories/short-document-gate';
import { GATE_SCANNER_RUN_CHARS, reviewShared } from '../../server/src/cli/pool';
import { generateContract } from '../../scripts/bench-contract';

/** The gate's setting now (set and put back). */
const scannerAfter = (): number => {
  const now = setGateScannerAfterChars(0);
  setGateScannerAfterChars(now);
  return now;
};
const task = (index: number, chars: number) => ({ index, text: generateContract(chars), path: `c${index}.md`, cwd: process.cwd(), settings: {}, force: true });

describe('the short-document gate\'s scanner in a CLI run', () => {
  it('is made from the first short document of a long run, and the setting is put back afterwards', async () => {
    const before = scannerAfter();
    assert.notEqual(before, 0);
    const seen: number[] = [];
    await reviewShared([task(0, GATE_SCANNER_RUN_CHARS / 2 + 1000), task(1, GATE_SCANNER_RUN_CHARS / 2 + 1000), task(2, 3000)], null, () => seen.push(scannerAfter()));
    assert.deepEqual(seen, [0, 0, 0]);
    assert.equal(scannerAfter(), before);
  });

  it('is left to the searches in a short run', async () => {
    const before = scannerAfter();
    const seen: number[] = [];
    await reviewShared([task(0, 4000), task(1, 3000)], null, () => seen.push(scannerAfter()));
    assert.deepEqual(seen, [before, before]);
  });
});
