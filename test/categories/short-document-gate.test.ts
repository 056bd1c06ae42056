import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setShortDocumentGate } from '../../server/src/categories/scan';
import { setGateScannerAfterChars, ShortDocumentGate } from '../../server/src/categories/short-document-gate';
import { SIGNAL_NEEDS } from '../../server/src/categories/signal-needs.generated';
import { review } from '../../server/src/engine';
import { generateContract } from '../../scripts/bench-contract';

const strip = (r: ReturnType<typeof review>) => JSON.stringify({ coverage: r.coverage, assessments: r.assessments, diagnostics: r.diagnostics });

/** The sources of every regular expression run (test or exec) while `fn` runs. */
function expressionsRun(fn: () => void): Set<string> {
  const run = new Set<string>();
  const { exec, test } = RegExp.prototype;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    run.add(this.source);
    return exec.call(this, s);
  };
  RegExp.prototype.test = function (this: RegExp, s: string) {
    run.add(this.source);
    return test.call(this, s);
  };
  try {
    fn();
  } finally {
    RegExp.prototype.exec = exec;
    RegExp.prototype.test = test;
  }
  return run;
}

// A short contract that says nothing of insurance, escrow or subcontractors.
const SMALL = `# Services Agreement

This agreement is made between Acme Ltd (the "Supplier") and Beta plc (the "Customer").

## 1. Services

1.1 The Supplier shall provide the Services described in Schedule 1.

## 2. Charges

2.1 The Customer shall pay each invoice within 30 days of receipt.
`;

describe('categories: a short document runs only the signal patterns whose words it holds', () => {
  it('runs none of a category\'s patterns when its words are absent, and finds the same', () => {
    // The insurance category's signal patterns (the generated table names every signal pattern).
    const insuranceSignals = new Set(SIGNAL_NEEDS.map(([key]) => key.slice(2, key.lastIndexOf('/'))).filter((source) => /insur/i.test(source)));
    assert.ok(insuranceSignals.size >= 3);
    const onlyInsurance = (sources: Set<string>) => [...sources].filter((s) => insuranceSignals.has(s));
    const previous = setShortDocumentGate(false);
    let eager: string;
    let eagerRun: Set<string>;
    try {
      eagerRun = expressionsRun(() => (eager = strip(review({ text: SMALL, path: 'small.md' }))));
    } finally {
      setShortDocumentGate(previous);
    }
    let gated = '';
    const gatedRun = expressionsRun(() => (gated = strip(review({ text: SMALL, path: 'small.md' }))));
    assert.ok(onlyInsurance(eagerRun).length > 0, 'without the gate the insurance signals run (the check can fail)');
    assert.deepEqual(onlyInsurance(gatedRun), []);
    assert.ok(gatedRun.size < eagerRun.size * 0.85, `${gatedRun.size} expressions run against ${eagerRun.size}`);
    assert.equal(gated, eager!);
  });

  it('gives the same review as running every pattern, on the examples, the corpus and small generated contracts', () => {
    const documents: Array<{ name: string; text: string }> = [];
    for (const bytes of [1_000, 4_000, 12_000]) documents.push({ name: `generated ${bytes}`, text: generateContract(bytes) });
    const examples = resolve(__dirname, '../../examples');
    for (const f of readdirSync(examples).filter((n) => /\.(md|txt)$/.test(n))) documents.push({ name: f, text: readFileSync(join(examples, f), 'utf8') });
    const corpus = resolve(__dirname, '../../../shared/corpus');
    if (existsSync(corpus)) for (const f of readdirSync(corpus).filter((n) => n.endsWith('.md')).sort()) documents.push({ name: f, text: readFileSync(join(corpus, f), 'utf8') });
    else console.log(`    (corpus part skipped: ${corpus} is absent)`);
    const previous = setShortDocumentGate(false);
    let eager: string[];
    try {
      eager = documents.map((d) => strip(review({ text: d.text, path: d.name })));
    } finally {
      setShortDocumentGate(previous);
    }
    documents.forEach((d, i) => assert.equal(strip(review({ text: d.text, path: d.name })), eager[i], d.name));
  });

  it('rules out a pattern only when a word it needs is missing from every sentence', () => {
    for (const after of [Infinity, 0]) {
      const previous = setGateScannerAfterChars(after);
      try {
        rulesOut(after === 0);
      } finally {
        setGateScannerAfterChars(previous);
      }
    }
  });

  it('reads a document with one scanner of the table\'s literals once the process has gated enough text, with the same answers as searching', () => {
    // Every pattern of the generated table, as the assessors' lists hand them to the gate.
    const patterns = SIGNAL_NEEDS.map(([key]) => {
      const slash = key.lastIndexOf('/');
      return { pattern: new RegExp(key.slice(2, slash), key.slice(slash + 1)), masked: key[0] === 'm' };
    });
    const needs = new Map(SIGNAL_NEEDS);
    const texts: string[][] = [
      SMALL.split('\n'),
      generateContract(12_000).split(/(?<=[.:])\s+/),
      ['Indemnity: the Supplier SHALL INDEMNIFY the Customer.', 'Die Haftung ist beschr\u00e4nkt; caf\u00e9 \u212Aelvin \u0130nsurance.'],
    ];
    const cuad = resolve(__dirname, '../../../shared/cuad-dev');
    if (existsSync(cuad)) {
      for (const f of readdirSync(cuad).filter((n) => n.endsWith('.txt')).sort().slice(0, 12)) texts.push(readFileSync(join(cuad, f), 'utf8').split(/(?<=[.;:])\s+/));
    } else console.log(`    (cuad-dev part skipped: ${cuad} is absent)`);
    let ruledOut = 0;
    for (const sentences of texts) {
      const previous = setGateScannerAfterChars(Infinity);
      let searched: ShortDocumentGate;
      try {
        searched = new ShortDocumentGate(sentences, needs);
      } finally {
        setGateScannerAfterChars(previous);
      }
      const scannedNow = setGateScannerAfterChars(0);
      let scanned: ShortDocumentGate;
      try {
        scanned = new ShortDocumentGate(sentences, needs);
      } finally {
        setGateScannerAfterChars(scannedNow);
      }
      assert.equal(searched.scanned, false);
      assert.equal(scanned.scanned, true);
      const a = searched.possible(patterns);
      const b = scanned.possible(patterns);
      // Searching the lower-cased text also finds "k" in a Kelvin sign and "i" in a dotted capital I,
      // which no pattern without the u flag matches, and finds a literal at a word's start (WORD_START)
      // anywhere; the scanner folds ASCII letters only and finds such a literal only at a word's start,
      // so it may rule out more (both are sound), never less.
      if (a) a.forEach((x, i) => assert.ok(b![i] <= x, String(patterns[i].pattern)));
      if (a) for (const x of a) ruledOut += 1 - x;
    }
    assert.ok(ruledOut > 1000, `${ruledOut} patterns ruled out: the comparison covers both answers`);
  });

  it('looks each pattern up in the table once, not again for each document whose lists hold new copies of it', () => {
    let lookups = 0;
    class CountingMap<K, V> extends Map<K, V> {
      override get(key: K): V | undefined {
        lookups++;
        return super.get(key);
      }
    }
    const needs = new CountingMap(SIGNAL_NEEDS);
    // As an assessor's inline list gives them: new objects for every review, with the same sources.
    const listOf = () => SIGNAL_NEEDS.slice(0, 40).map(([key]) => {
      const slash = key.lastIndexOf('/');
      return { pattern: new RegExp(key.slice(2, slash), key.slice(slash + 1)), masked: key[0] === 'm' };
    });
    for (const after of [Infinity, 0]) {
      const previous = setGateScannerAfterChars(after);
      try {
        const first = new ShortDocumentGate(['The Supplier shall keep the Confidential Information secret.'], needs).possible(listOf());
        const before = lookups;
        const again = new ShortDocumentGate(['The Supplier shall keep the Confidential Information secret.'], needs).possible(listOf());
        assert.equal(lookups, before, `the second document looked patterns up again (scanner after ${after} characters)`);
        assert.deepEqual(again && [...again], first && [...first]);
      } finally {
        setGateScannerAfterChars(previous);
      }
    }
    assert.ok(lookups > 0 && lookups <= 40, `${lookups} look-ups for 40 patterns`);
  });
});

function rulesOut(scanned: boolean): void {
  {
    const needs = new Map([
      ['-/\\binsur/i', { lit: 'insur' }],
      ['-/a|b/i', { and: [{ lit: 'escrow' }, { or: [{ lit: 'deposit' }, { lit: 'release' }] }] }],
    ]);
    const gate = new ShortDocumentGate(['The Supplier holds the Escrow', 'Release of the code.'], needs as never);
    const patterns = [/\binsur/i, /a|b/i, /unknown/].map((pattern) => ({ pattern, masked: false }));
    // "escrow" and "release" are in different sentences: the document may need both patterns' text.
    assert.deepEqual([...gate.possible(patterns)!], [0, 1, 1]);
    // Words split across two sentences are not found as one.
    const split = new ShortDocumentGate(['Insu', 'rance.'], needs as never);
    assert.deepEqual([...split.possible(patterns)!], [0, 1, 1].map((x, i) => (i === 1 ? 0 : x)));
    assert.equal(new ShortDocumentGate(['insurance escrow deposit'], needs as never).possible(patterns), null);
    assert.equal(gate.scanned, scanned);
  }
}
