import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { LiteralScanner, literalsExpression, needKey, needOf, SENSE_MARK, simplify, SignalPrefilter, WORD_START, type GatedPattern, type Need } from '../../server/src/categories/prefilter';
import { INCORPORATION_PATTERNS } from '../../server/src/categories/incorporation';
import { sentencesOf, setPrefilterMinSentences, signalPatternsMet, SIGNAL_PREFILTER } from '../../server/src/categories/scan';
import { SIGNAL_NEEDS } from '../../server/src/categories/signal-needs.generated';
import { buildContractModel } from '../../server/src/model';
import { signalNeeds } from '../../scripts/generate-signal-needs';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { generateContract } from '../../scripts/bench-contract';
import { propertyRuns } from '../support/property-runs';
import { FALSE_SENSES, maskSenses } from '../../server/src/categories/senses';
import { garbageCollector } from '../../server/src/lsp/collector';

const show = (n: Need | null): string => (n === null ? 'never' : n === true ? 'any' : 'lit' in n ? n.lit : 'and' in n ? `and(${n.and.map(show).join(', ')})` : `or(${n.or.map(show).join(', ')})`);
const needs = (re: RegExp, masked = false) => show(simplify(needOf(re, masked) ?? true));

/** A prefilter over the given patterns, compiled (the first document only records lists). */
function filterOver(patterns: RegExp[], masked = false) {
  const prefilter = new SignalPrefilter();
  const list = () => patterns.map((pattern) => ({ pattern, masked }));
  assert.equal(prefilter.list('k', list, {}), null, 'the first document is not filtered');
  const filter = prefilter.list('k', list, {});
  assert.ok(filter, 'the next document is');
  return (text: string) => {
    prefilter.read({}, text);
    return patterns.map((_, i) => prefilter.may(filter, i));
  };
}

/** A property: on texts of the given words joined by one of the gaps, no pattern that matches is skipped. */
function neverSkipsAMatch(patterns: RegExp[], words: string[], gaps: string[], runs: number): void {
  const filter = filterOver(patterns);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 14 }), fc.constantFrom(...gaps), (parts, gap) => {
      const text = parts.join(gap);
      const may = filter(text);
      patterns.forEach((re, i) => assert.ok(!re.test(text) || may[i], `${re} matches ${JSON.stringify(text)} but was skipped`));
    }),
    { numRuns: propertyRuns(runs) },
  );
}

/** The literals (at most 32) a scanner over them finds in the text, in their order. */
const found = (lits: string[], text: string) => {
  const scanner = new LiteralScanner(lits, lits.map((_, i) => [i]));
  const bits = new Uint32Array(1);
  scanner.mark(text, bits);
  return lits.filter((_, i) => (bits[0] & (1 << i)) !== 0);
};

/** A table entry's pattern, from its key (masked, source, flags). */
const patternOf = (key: string) => {
  // (A masked pattern's key may name its senses after SENSE_MARK, each as /source/flags.)
  const [own, ...senses] = key.split(SENSE_MARK);
  const re = (s: string) => new RegExp(s.slice(s.indexOf('/') + 1, s.lastIndexOf('/')), s.slice(s.lastIndexOf('/') + 1));
  return { masked: own[0] === 'm', pattern: re(own), ...(senses.length ? { senses: senses.map(re) } : {}) };
};

/**
 * The build-time table's soundness on real text: every sentence of a generated contract and of a few
 * corpus contracts is read by a prefilter over the table's patterns, and no pattern that matches the
 * sentence may be skipped. `masked`: the masked patterns that name false senses, each tested on the
 * sentence with its senses blanked (as the assessors test them); else the unmasked patterns, on the
 * sentence as it is. Returns how many matches the check saw, and how many patterns were skipped.
 */
function tableNeverSkipsAMatch(masked: boolean): { entries: number; matched: number; skipped: number } {
  const corpusDir = resolve(__dirname, '../../../shared/corpus/contracts');
  const texts = [generateContract(60_000)];
  if (existsSync(corpusDir)) for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort().slice(0, 6)) texts.push(readFileSync(join(corpusDir, f), 'utf8'));
  const entries = masked
    ? SIGNAL_NEEDS.map(([key]) => key).filter((key) => key.includes(SENSE_MARK)).map((key) => ({ ...patternOf(key), masked: true }))
    : SIGNAL_NEEDS.map(([key]) => patternOf(key)).filter((p) => !p.masked);
  const prefilter = new SignalPrefilter(SIGNAL_NEEDS);
  const filter = prefilter.list(masked ? 'every masked table pattern' : 'every unmasked table pattern', () => entries, {})!;
  const matches = (p: (typeof entries)[number], flat: string) =>
    p.pattern.test(masked ? maskSenses(flat, ...(p.senses ?? []).map((pattern) => ({ id: '', note: '', pattern }))) : flat);
  let matched = 0;
  let skipped = 0;
  for (const text of texts) {
    for (const block of buildContractModel(text).blocks) {
      for (const sentence of block.sentences) {
        const flat = sentence.text.replace(/\s+/g, ' ');
        prefilter.read({}, flat);
        entries.forEach((p, i) => {
          const may = prefilter.may(filter, i);
          if (matches(p, flat)) {
            matched++;
            assert.ok(may, `${p.pattern} matches ${JSON.stringify(flat)} but was skipped`);
          } else if (!may) skipped++;
        });
      }
    }
  }
  return { entries: entries.length, matched, skipped };
}

describe('signal prefilter: what a pattern needs', () => {
  it('joins characters into words and keeps every word a match needs', () => {
    assert.equal(needs(/\bterm\b[^.]{0,120}\b(?:years?|renew\w*)\b/i), 'and(term, or(year, renew))');
    assert.equal(needs(/\b(?:initial |renewal )?term\b/i), 'term');
    assert.equal(needs(/\bSLAs?\b|\buptime\b/), 'or(sla, uptime)');
  });

  it('asks nothing of optional or open parts', () => {
    assert.equal(needs(/(?:foo)?\d+/), 'any');
    assert.equal(needs(/a*|b/), 'any');
    assert.equal(needs(/\w+ing\b/), 'ing');
  });

  it('reads small character classes as letters and gives up on wide ones', () => {
    assert.equal(needs(/\b[Rr]ights\b/), 'rights');
    assert.equal(needs(/P[1-4]\b/), 'or(p1, p2, p3, p4)');
    assert.equal(needs(/[^.]+x/), 'x');
    assert.equal(needs(/[a-z]+x/), 'x');
  });

  it('never gates a pattern with state (g or y) and gives up on case folding under u with i', () => {
    assert.equal(needOf(/term/g), null);
    assert.equal(needOf(/term/y), null);
    assert.equal(needOf(/term/iu), true);
    assert.equal(needs(/term/u), 'term');
  });

  it('keeps spaces out of literals on masked text, where a blanked false sense leaves spaces', () => {
    assert.equal(needs(/\beffective date\b/i), 'effective date');
    assert.equal(needs(/\beffective date\b/i, true), 'and(effective, date)');
  });

  it('drops a literal that holds another one of the same choice', () => {
    assert.equal(needs(/\b(?:arbitrat(?:e|ion|or|ors))\b|\barbitrator\b/i), 'or(arbitrate, arbitration, arbitrator)');
  });
});

/**
 * Does the (ASCII-lower-cased) text hold the literal as the scanner reads both: a space, the text's
 * start, and the gap after any other character that is not an ASCII word character read as one
 * break, which WORD_START also reads as. So a literal is found wherever a search finds it,
 * one led by WORD_START only at a word's start, and one led by a space also at the text's start or
 * after punctuation. (BREAK here is a character no text or literal holds.)
 */
const BREAK = '\u0000';
function holds(text: string, lit: string): boolean {
  const spell = (t: string, literal: boolean) => [...t].map((c, i) => (/\w/.test(c) ? c : c === ' ' || c === WORD_START ? BREAK : literal && i === t.length - 1 ? c : `${c.charCodeAt(0) < 128 ? c : '\u0002'}${BREAK}`)).join('');
  return `${BREAK}${spell(text, false)}`.includes(spell(lit, true));
}

/** Does the text hold the literal as written, ASCII letters folded (led by WORD_START: where a word starts)? */
function plainHolds(text: string, lit: string): boolean {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (!lit.startsWith(WORD_START)) return lower.includes(lit);
  const word = lit.slice(1);
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) if (at === 0 || !/[A-Za-z0-9_]/.test(text[at - 1])) return true;
  return false;
}

describe('signal prefilter: the literal scanner', () => {
  it('finds overlapping and nested literals in one pass', () => {
    assert.deepEqual(found(['term', 'terminate', 'mina', 'ate'], 'may terminate'), ['term', 'terminate', 'mina', 'ate']);
    assert.deepEqual(found(['abcd', 'bc', 'cde'], 'xabcex'), ['bc']);
  });

  it('finds every literal a plain search finds, and what it reads as one (see holds), whatever the texts read before', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', '.');
    const word = (min: number) => fc.array(alphabet, { minLength: min, maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word(1).map((w) => w.toLowerCase()), { minLength: 1, maxLength: 20 }), fc.array(word(0), { minLength: 1, maxLength: 6 }), (lits, texts) => {
        // One scanner for every text: its transitions are completed as texts need them.
        const scanner = new LiteralScanner(lits, lits.map((_, i) => [i]));
        for (const text of texts) {
          const bits = new Uint32Array(1);
          scanner.mark(text, bits);
          lits.forEach((lit, i) => assert.equal((bits[0] & (1 << i)) !== 0, holds(text.toLowerCase(), lit), `${JSON.stringify(lit)} in ${JSON.stringify(text)}`));
          // Never less than a plain search finds.
          lits.forEach((lit, i) => assert.ok((bits[0] & (1 << i)) !== 0 || !text.toLowerCase().includes(lit), `${JSON.stringify(lit)} in ${JSON.stringify(text)}`));
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('keeps its transitions in 16 bits when its states fit, and in 32 bits when they do not', () => {
    // The signal lists' table is read once per character of every sentence: half the bytes keep more
    // of it in the processor's caches. Each entry holds twice the state number, so 32,767 states fit.
    const table = (scanner: LiteralScanner) => (scanner as unknown as { next: ArrayLike<number> }).next;
    const small = new LiteralScanner(['term', 'terminate'], [[0], [1]]);
    assert.ok(table(small) instanceof Uint16Array);
    // 40,000 literals of three letters each fill more than 32,767 states.
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const many: string[] = [];
    for (let i = 0; many.length < 40_000; i++) many.push(letters[i % 36] + letters[Math.floor(i / 36) % 36] + letters[Math.floor(i / 1296) % 36]);
    const large = new LiteralScanner(many, many.map((_, i) => [i]));
    assert.ok(table(large) instanceof Int32Array);
    const bits = new Uint32Array((many.length + 31) >>> 5);
    large.mark(`x ${many[39_999]} ${many[7]}`, bits);
    const marked = many.filter((_, i) => (bits[i >>> 5] & (1 << (i & 31))) !== 0);
    assert.ok(marked.includes(many[39_999]) && marked.includes(many[7]), 'the 32-bit table finds literals past the 16-bit range');
    for (const lit of marked) assert.ok(`x ${many[39_999]} ${many[7]}`.includes(lit), lit);
  });

  it('builds a 16-bit table without a 32-bit one of its size first (issue 13, memory)', () => {
    // Freeing a 3.7 MB build table raised glibc's thresholds for the whole server (docs/performance.md).
    const made: number[] = [];
    const Original = globalThis.Int32Array;
    globalThis.Int32Array = new Proxy(Original, {
      construct(target, args, newTarget) {
        if (typeof args[0] === 'number') made.push(args[0]);
        return Reflect.construct(target, args, newTarget === globalThis.Int32Array ? target : newTarget);
      },
    });
    let scanner: LiteralScanner;
    const lits = ['indemnify', 'indemnification', 'service level', 'terminate', 'termination for convenience'];
    try {
      scanner = new LiteralScanner(lits, lits.map((_, i) => [i]));
    } finally {
      globalThis.Int32Array = Original;
    }
    const table = (scanner as unknown as { next: ArrayLike<number> }).next;
    assert.ok(table instanceof Uint16Array);
    assert.ok(made.every((n) => n < table.length), `32-bit arrays made: ${made.join(', ')}; table ${table.length}`);
    const bits = new Uint32Array(1);
    scanner.mark('Either party may Terminate; the service level applies.', bits);
    assert.equal(bits[0], (1 << 2) | (1 << 3));
  });

  it('codes a 16-bit build into 32 bits when its states do not fit 16 bits', () => {
    // 16,000 four-character literals with few shared prefixes: 64,000 characters (a 16-bit build)
    // but over 32,767 states (codes of twice the state number need 32 bits).
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const many: string[] = [];
    for (let i = 0; many.length < 16_000; i++) many.push(letters[i % 36] + letters[Math.floor(i / 36) % 36] + letters[Math.floor(i / 1296) % 36] + letters[(i * 7) % 36]);
    const scanner = new LiteralScanner(many, many.map((_, i) => [i]));
    assert.ok((scanner as unknown as { next: ArrayLike<number> }).next instanceof Int32Array);
    const text = `x ${many[15_999]} ${many[3]} ${many[8_000]}`;
    const bits = new Uint32Array((many.length + 31) >>> 5);
    scanner.mark(text, bits);
    const marked = many.filter((_, i) => (bits[i >>> 5] & (1 << (i & 31))) !== 0);
    assert.deepEqual(marked, many.filter((lit) => text.includes(lit)));
  });

  it('marks every clause of the signal lists it scans that a plain search finds, on cuad-dev sentences', function () {
    // The prefilter's own scanner (about 10,800 states, the 16-bit table, outputs read only where a
    // state has some), against String#includes of each literal; the common clauses it does not scan
    // (see isCommon) are left unmarked, and their expressions find them where a plain search does.
    // About 15 s quiet: every literal searched in every cuad-dev sentence. One whole-suite run at load
    // 45 passed the suite's 60 s, so it has more room (a time limit, not a timing goal).
    this.timeout(240_000);
    const dir = resolve(__dirname, '../../../shared/cuad-dev');
    if (!existsSync(dir)) this.skip();
    const prefilter = new SignalPrefilter(SIGNAL_NEEDS);
    (prefilter as unknown as { knownPatterns(): unknown }).knownPatterns();
    prefilter.gate({}, 1);
    const inner = prefilter as unknown as { shared: LiteralScanner; clausesOf: Map<string, number[]>; clauses: number; lazy: Array<RegExp | null> };
    const scanner = inner.shared;
    const lits = [...inner.clausesOf.entries()].map(([lit, ids]) => [lit, ids.filter((id) => inner.lazy[id] === null)] as const);
    const looked = [...inner.clausesOf.entries()].flatMap(([lit, ids]) => ids.filter((id) => inner.lazy[id] !== null).map((id) => [lit, id] as const));
    assert.ok(looked.length > 20, 'some clauses are looked for rather than scanned');
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort().slice(0, 4)) {
      for (const sentence of readFileSync(join(dir, f), 'utf8').split(/(?<=[.;])\s+/).slice(0, 150)) {
        const bits = new Uint32Array((inner.clauses + 31) >>> 5);
        scanner.mark(sentence, bits);
        const lower = sentence.replace(/[A-Z]/g, (c) => c.toLowerCase());
        const want = new Uint32Array(bits.length);
        for (const [lit, ids] of lits) if (holds(lower, lit)) for (const id of ids) want[id >>> 5] |= 1 << (id & 31);
        assert.deepEqual([...bits], [...want], sentence.slice(0, 80));
        const wantLooked = new Set(looked.filter(([lit]) => plainHolds(sentence, lit)).map(([, id]) => id));
        for (const id of new Set(looked.map(([, c]) => c))) assert.equal(inner.lazy[id]!.test(sentence), wantLooked.has(id), `${inner.lazy[id]} on ${sentence.slice(0, 80)}`);
        checked++;
      }
    }
    assert.ok(checked > 300);
  });

  it('folds ASCII capitals and nothing else', () => {
    assert.deepEqual(found(['sla', 'k'], 'The SLA'), ['sla']);
    // U+212A (Kelvin sign) is not "k" for /k/i without the u flag.
    assert.deepEqual(found(['k'], '\u212A'), []);
  });
});

describe('signal prefilter: literals at the start of a word (WORD_START)', () => {
  const neededWithBoundaries = (re: RegExp, masked = false) => show(simplify(needOf(re, masked, true) ?? true)).split(WORD_START).join('^');

  it('reads a word boundary before a word as WORD_START, and no other boundary', () => {
    assert.equal(neededWithBoundaries(/\brecovery (?:time|point) objectives?\b|\bRTO\b|\bRPO\b/i), 'or(^recovery time objective, ^recovery point objective, ^rto, ^rpo)');
    assert.equal(neededWithBoundaries(/\b(?:fees?|charges?)\b/i), 'or(^fee, ^charge)');
    // After a piece (the boundary then says nothing about the character before the next one), before
    // something not exact, before a piece that can be empty or starts with a non-word character: none.
    assert.equal(neededWithBoundaries(/term\bs/i), 'terms');
    assert.equal(neededWithBoundaries(/\b\w+ly\b/i), 'ly');
    assert.equal(neededWithBoundaries(/\b(?:a|)b/i), 'b');
    assert.equal(neededWithBoundaries(/\b"as is"/i), '"as is"');
    // On masked text a blanked false sense leaves spaces, so it can make a boundary the text lacks.
    assert.equal(neededWithBoundaries(/\bmay\b/i, true), 'may');
    // Read without boundaries (the rules' word gates compare these literals): as before.
    assert.equal(needs(/\bRTO\b|\bRPO\b/i), 'or(rto, rpo)');
  });

  it('finds such a literal after a non-word character or at the text\'s start, and nowhere else', () => {
    const rpo = `${WORD_START}rpo`;
    assert.deepEqual(found([rpo, 'rpo'], 'for the purpose of the Corporation'), ['rpo']);
    assert.deepEqual(found([rpo], 'RPO of one hour'), [rpo]);
    assert.deepEqual(found([rpo], 'an objective (RPO) of'), [rpo]);
    assert.deepEqual(found([rpo], 'the RPO'), [rpo]);
    assert.deepEqual(found([rpo], 'caf\u00e9RPO'), [rpo]);
    assert.deepEqual(found([rpo], 'x_rpo 9rpo'), []);
    // Literals with a non-word character inside are still found exactly.
    assert.deepEqual(found(['as-is', 'as is', `${WORD_START}on a`], 'provided as-is, on an'), ['as-is', `${WORD_START}on a`]);
  });

  it('finds exactly what a search for each literal (at a word\'s start, where led so) finds, whatever the texts read before', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '_', '1', ' ', '.', '-', '\u00e9');
    const word = (min: number) => fc.array(alphabet, { minLength: min, maxLength: 6 }).map((cs) => cs.join(''));
    const literal = fc.tuple(fc.boolean(), word(1).map((w) => w.toLowerCase().replace(/\u00e9/g, 'b'))).map(([atStart, w]) => (atStart && /^\w/.test(w) ? WORD_START + w : w));
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 20 }), fc.array(word(0), { minLength: 1, maxLength: 6 }), (lits, texts) => {
        const scanner = new LiteralScanner(lits, lits.map((_, i) => [i]));
        for (const text of texts) {
          const bits = new Uint32Array(1);
          scanner.mark(text, bits);
          const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
          lits.forEach((lit, i) => assert.equal((bits[0] & (1 << i)) !== 0, holds(lower, lit), `${JSON.stringify(lit)} in ${JSON.stringify(text)}`));
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('skips the RTO/RPO signal on "corporation" and "purpose", and never where it matches', () => {
    const pattern = /\brecovery (?:time|point) objectives?\b|\bRTO\b|\bRPO\b/i;
    const filter = filterOver([pattern]);
    assert.deepEqual(filter('The Corporation may use the data for that purpose, pursuant hereto.'), [false]);
    for (const text of ['The RPO is one hour.', 'an RTO/RPO of 4h', '(RTO) two hours', 'RPO: 15 minutes', 'recovery point objectives apply']) {
      assert.ok(pattern.test(text) && filter(text)[0], text);
    }
  });
});

describe('signal prefilter: never skips a pattern that matches', () => {
  const patterns = [
    /\bterm\b[^.]{0,40}\b(?:years?|months?|renew\w*)\b/i,
    /\b(?:shall|must) (?:promptly )?notify\b/i,
    /\bSLAs?\b|\bservice[- ]levels?\b/,
    /\bP[1-4]\b[^|]{0,20}\|\s*\d+\s*(?:hours?|days?)\b/,
    /(?<![A-Za-z])data (?:room|centre|center)s?\b/i,
    /\b(?:own|vest)(?:s|ed)?\b.{0,30}\btitle\b/i,
    /\b(\w+) and \1\b/i,
    /\bre(?:new|view)(?=al\b)/i,
  ];
  const words = ['term', 'Term', 'years', 'month', 'renewal', 'shall', 'MUST', 'promptly', 'notify', 'SLA', 'SLAs', 'service-level', 'service levels', 'P1', 'P4', '|', '4', 'hours', 'days', 'data', 'Data', 'room', 'centres', 'owns', 'vested', 'title', 'and', 're', 'new', 'renewal', 'review', '.', ',', 'x', 'metadata'];
  const filter = filterOver(patterns);

  it('on random sentences built from the patterns\' words', () => {
    neverSkipsAMatch(patterns, words, [' ', '', '  '], 400);
  });

  it('and skips patterns whose words are absent', () => {
    assert.deepEqual(filter('The parties agree as follows.'), [false, false, false, false, false, false, false, false]);
    assert.deepEqual(filter('The Term is renewed for two years.'), [true, false, false, false, false, false, false, true]);
  });
});

describe('signal prefilter: the table of needs written at build time', function () {
  this.timeout(120_000);

  it('is up to date with the assessors (npm run gen)', () => {
    const out = signalNeeds();
    assert.ok(out.current === out.next, `${out.path} is stale: run \`npm run gen\``);
  });

  it('holds what reading each pattern gives', () => {
    assert.ok(SIGNAL_NEEDS.length > 100, `only ${SIGNAL_NEEDS.length} patterns`);
    for (const [key, need] of SIGNAL_NEEDS) {
      const { pattern, masked, senses } = patternOf(key);
      assert.equal(needKey(pattern, masked, senses), key);
      assert.deepEqual(need, simplify(needOf(pattern, masked, true, senses) ?? true), key);
    }
  });

  it('covers every list a review meets, so a process filters its first document', () => {
    review({ text: generateContract(20_000), force: true });
    const keys = new Set(SIGNAL_NEEDS.map(([key]) => key));
    const met: GatedPattern[] = [...signalPatternsMet(), ...INCORPORATION_PATTERNS.map((pattern) => ({ pattern, masked: false }))];
    // Masked patterns with their senses (the prefilter's key) and without (the short-document gate's).
    const missing = met.flatMap((p) => [needKey(p.pattern, p.masked, p.senses), needKey(p.pattern, p.masked)]).filter((k) => !keys.has(k));
    assert.deepEqual(missing, []);
    const fresh = new SignalPrefilter(SIGNAL_NEEDS);
    const [key] = SIGNAL_NEEDS[0];
    assert.ok(fresh.list('a list of one table pattern', () => [patternOf(key)], {}), 'filtered on the first document');
    assert.equal(fresh.list('a list with a pattern of its own', () => [patternOf(key), { pattern: /\bzebra crossing\b/i, masked: false }], {}), null, 'a pattern the table lacks waits for the next document');
  });

  it('never skips a table pattern that matches a sentence of a real contract', () => {
    const { matched, skipped } = tableNeverSkipsAMatch(false);
    assert.ok(matched > 100 && skipped > matched, `the check saw ${matched} matches and ${skipped} skipped patterns`);
  });
});

describe('signal prefilter: reviews are the same with and without it', function () {
  this.timeout(300_000);
  const corpusDir = resolve(__dirname, '../../../shared/corpus/contracts');
  const cuadDir = resolve(__dirname, '../../../shared/cuad-dev');
  const documents: Array<{ name: string; text: string; path: string }> = [
    { name: 'generated 150 KB contract', text: generateContract(150_000), path: 'generated.md' },
  ];
  if (existsSync(corpusDir)) for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort()) documents.push({ name: f, text: readFileSync(join(corpusDir, f), 'utf8'), path: f });
  if (existsSync(cuadDir)) for (const f of readdirSync(cuadDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 6)) documents.push({ name: f, text: readFileSync(join(cuadDir, f), 'utf8'), path: join(cuadDir, f) });
  if (!existsSync(corpusDir)) it.skip(`corpus part skipped: ${corpusDir} is absent`, () => {});

  it(`on ${documents.length} documents`, () => {
    const strip = (r: ReturnType<typeof review>) => JSON.stringify({ coverage: r.coverage, assessments: r.assessments, diagnostics: r.diagnostics });
    const previous = setPrefilterMinSentences(Infinity);
    let plain: string[];
    try {
      plain = documents.map((d) => strip(review({ text: d.text, path: d.path })));
    } finally {
      setPrefilterMinSentences(0);
    }
    try {
      // Twice: the table's lists are filtered from the first document on, and any list it lacks from the second.
      for (let pass = 0; pass < 2; pass++) {
        documents.forEach((d, i) => assert.equal(strip(review({ text: d.text, path: d.path })), plain[i], `${d.name} differs with the prefilter (pass ${pass + 1})`));
      }
    } finally {
      setPrefilterMinSentences(previous);
    }
  });
});

describe('signal prefilter: incremental reviews filtered equal full reviews unfiltered', function () {
  this.timeout(300_000);
  it('after each of a dozen edits to a generated contract', () => {
    const strip = (r: ReturnType<typeof review>) => JSON.stringify({ coverage: r.coverage, assessments: r.assessments, diagnostics: r.diagnostics });
    const inc = new IncrementalReview();
    let text = generateContract(60_000);
    const previous = setPrefilterMinSentences(0);
    try {
      for (let version = 1; version <= 12; version++) {
        setPrefilterMinSentences(0);
        const got = strip(inc.review({ text, version, force: true }));
        setPrefilterMinSentences(Infinity);
        assert.equal(got, strip(review({ text, version, force: true })), `differs at version ${version}`);
        // Alternately cut a span and insert a sentence that several categories' signals look for.
        const at = Math.floor((text.length * ((version * 37) % 100)) / 100);
        text = version % 2 ? text.slice(0, at) + text.slice(at + 150) : `${text.slice(0, at)} The Supplier shall notify the Customer within 24 hours of any security incident. ${text.slice(at)}`;
      }
    } finally {
      setPrefilterMinSentences(previous);
    }
  });
});

describe('signal prefilter: the sentences a list visits', () => {
  it('lists, in order, exactly the sentences some pattern of the list may match', () => {
    const prefilter = new SignalPrefilter();
    const patterns = [/\bfoo\b/, /\bbar\b.*\bbaz\b/i, /qux/];
    const lists = { all: () => patterns.map((pattern) => ({ pattern, masked: false })), last: () => [{ pattern: patterns[2], masked: false }] };
    // The first document only records the lists.
    prefilter.list('all', lists.all, {});
    prefilter.list('last', lists.last, {});
    const doc = {};
    const all = prefilter.list('all', lists.all, doc)!;
    const last = prefilter.list('last', lists.last, doc)!;
    const texts = ['foo here', 'nothing', 'bar and baz', 'bar only', 'QUX', 'x foo bar baz'];
    const gate = prefilter.gate(doc, texts.length);
    for (const [list, expected] of [[all, [0, 2, 4, 5]], [last, [4]]] as const) {
      const listed = [...gate.candidates(list, (n) => texts[n])];
      assert.deepEqual(listed, texts.map((_, n) => n).filter((n) => gate.mayAny(list, gate.row(n, texts[n]))));
      assert.deepEqual(listed, expected);
    }
  });
});

describe('signal prefilter: a gate reads rows a page at a time (issue 13, evidence)', function () {
  this.timeout(300_000);
  it('gives the same rows and candidates across pages as sentence by sentence', () => {
    const prefilter = new SignalPrefilter();
    const patterns = [/\bfoo\b/, /\bbar\b.*\bbaz\b/i, /qux/];
    const all = () => patterns.map((pattern) => ({ pattern, masked: false }));
    prefilter.list('all', all, {});
    const doc = {};
    const list = prefilter.list('all', all, doc)!;
    const words = ['foo here', 'nothing', 'bar and baz', 'bar only', 'QUX', 'x foo bar baz', 'plain'];
    const texts = Array.from({ length: 300 }, (_, n) => words[(n * 5) % words.length]);
    const expected = texts.map((_, n) => n).filter((n) => /\bfoo\b|qux/i.test(texts[n]) || /\bbar\b.*\bbaz\b/i.test(texts[n]));
    // Rows read one by one, out of order, then the candidates of every row.
    const gate = prefilter.gate(doc, texts.length);
    const byRow = [299, 0, 64, 63, 150].filter((n) => gate.mayAny(list, gate.row(n, texts[n])));
    assert.deepEqual(byRow, [299, 0, 64, 63, 150].filter((n) => expected.includes(n)));
    assert.equal(gate.pagesMade, 4, 'only the pages of the rows read');
    assert.deepEqual([...gate.candidates(list, (n) => texts[n])], expected);
    // A pattern that matches is never skipped, on any page.
    for (let n = 0; n < texts.length; n++) for (let i = 0; i < patterns.length; i++) if (patterns[i].test(texts[n])) assert.ok(gate.may(list, i, gate.row(n, texts[n])), `${n} ${i}`);
  });

  it('makes rows only for the sentences an edit has read, not for every sentence of the new list', () => {
    const text = generateContract(150_000);
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const at = text.indexOf('. ', Math.floor(text.length / 2));
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const r = inc.review({ text: edited, version: 2, force: true });
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    const infos = sentencesOf(r.model);
    const gate = SIGNAL_PREFILTER.gate(infos, infos.length);
    assert.ok(infos.length > 1000, `a long list (${infos.length} entries)`);
    assert.ok(gate.pagesMade >= 1 && gate.pagesMade <= 3, `${gate.pagesMade} pages of rows made for ${infos.length} sentences`);
    assert.equal(JSON.stringify(r.assessments), JSON.stringify(review({ text: edited, version: 2, force: true }).assessments));
  });
});

describe('signal prefilter: memory', () => {
  it('keeps no document it filtered alive, even within one task (issue 13, memory)', async () => {
    const gc = garbageCollector()!;
    const prefilter = new SignalPrefilter();
    const list = () => [{ pattern: /\bfoo\b/, masked: false }];
    // (A FinalizationRegistry, not a WeakRef: V8 keeps a WeakRef's target until the task ends.)
    let collected = 0;
    const registry = new FinalizationRegistry(() => collected++);
    // Documents (in the server: reviews' sentence lists) seen by the lists one after another in
    // one task, as a run reviewing many files does, each let go once seen.
    const see = (): void => {
      const doc = { sentences: new Array(1000).fill('a sentence') };
      prefilter.list('k', list, doc);
      registry.register(doc, null);
    };
    for (let i = 0; i < 3; i++) see();
    gc();
    gc();
    // Finalisers run in a later task.
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(collected, 3, 'every document is collectable, the last one too');
    assert.ok(prefilter.list('k', list, {}), 'and the next document is filtered');
  });
});

describe('signal prefilter: word starts inside groups, digits, the ends of a repetition (issue 13, categories)', () => {
  const neededWithBoundaries = (re: RegExp, masked = false) => show(simplify(needOf(re, masked, true) ?? true)).split(WORD_START).join('^');
  const contacts = /\b(?:points? of contact|(?:named|designated) (?:\w+ )?representatives?|COR|POCs?)\b/i;
  const date = /\b\d{4}-\d{2}-\d{2}\b/;

  it('reads a word boundary before a group into each alternative that starts with a word character', () => {
    assert.equal(neededWithBoundaries(contacts), 'or(^point of contact, ^points of contact, ^cor, ^poc, and(or(^named , ^designated ), representative))');
    // An alternative that can start with a non-word character, or with an open piece, gets none.
    assert.equal(neededWithBoundaries(/\b(?:"as|COR)\b/i), 'or("as, cor)');
    assert.equal(neededWithBoundaries(/\b(?:\w+ly|COR)\b/i), 'or(ly, ^cor)');
    // A repetition's first round stands where the boundary does.
    assert.equal(neededWithBoundaries(/\b(?:(?:very )+good|bad)/i), 'or(^bad, and(^very , very good))');
    // Not on masked text, and not without the option.
    assert.equal(neededWithBoundaries(contacts, true), 'or(cor, poc, and(point, of, contact), and(or(named, designated), representative))');
    assert.equal(needs(/\b(?:COR|POC)\b/i), 'or(cor, poc)');
  });

  it('reads \\d as the ten digits, and joins a repetition\'s first and last round to its neighbours', () => {
    assert.equal(neededWithBoundaries(date), 'and(or(^0, ^1, ^2, ^3, ^4, ^5, ^6, ^7, ^8, ^9), or(0-, 1-, 2-, 3-, 4-, 5-, 6-, 7-, 8-, 9-), or(0-, 1-, 2-, 3-, 4-, 5-, 6-, 7-, 8-, 9-), or(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))');
    assert.equal(neededWithBoundaries(/\bx(?:ab)+y/i), 'and(^xab, aby)');
    assert.equal(neededWithBoundaries(/per (?:cent)+age/i), 'and(per cent, centage)');
    // The rules' word gates (read without boundaries) keep \d open.
    assert.equal(needs(date), 'and(-, -)');
  });

  it('skips the contacts signal on "records" and "accordingly" and a date on a bare hyphen, and never where they match', () => {
    const filter = filterOver([contacts, date]);
    // ("corporation" still starts with "cor": only a word's start is read, not its end.)
    assert.deepEqual(filter('The records are kept accordingly, year-end, in 2026 - 01.'), [false, false]);
    for (const text of ['The COR shall attend.', 'named Supplier representatives', 'points of contact: two', 'POCs.']) assert.ok(contacts.test(text) && filter(text)[0], text);
    for (const text of ['by 2026-01-31', '(1999-12-01)', 'on 2027-02-28.']) assert.ok(date.test(text) && filter(text)[1], text);
  });

  it('never skips a pattern that matches, on random texts of digits, hyphens and the patterns\' words', () => {
    const patterns = [
      contacts,
      date,
      /\bx(?:ab)+y/i,
      /\b(?:(?:very )+good|bad)\b/i,
      /\bwithin\s+\d+\s*(?:business\s+)?days?\b/i,
      /\b\d{2}(?:\.\d+)?\s*(?:%|per\s*cent)/i,
      /\b(?:re(?:new|view)\w*|(?:\d+-)+day)\b/i,
    ];
    const words = ['COR', 'cor', 'record', 'POC', 'pocs', 'points', 'point', 'of', 'contact', 'named', 'x', 'representative', 'representatives', 'xab', 'ab', 'y', 'very', 'good', 'bad', 'within', 'business', 'days', 'day', 'renewal', 'review', '1', '12', '2026', '99', '.', '-', '%', 'per', 'cent', '(', '_', 'a\u00e9', '\u00e9'];
    neverSkipsAMatch(patterns, words, [' ', '', '-'], 600);
  });
});

describe('signal prefilter: masked patterns read with their false senses (issue 13, categories)', () => {
  const asIs = /"as is"|\bon an? ["']?as[- ]is\b|\b(?:provided|delivered|supplied)\s+["']?as[- ]is\b|\bas is,? where is\b|\bdisclaims?\b[^.;]{0,120}\bwarrant/i;
  const sense = FALSE_SENSES.asIsComparison;
  const mayMatch = () => {
    const prefilter = new SignalPrefilter();
    const list = () => [{ pattern: asIs, masked: true, senses: [sense.pattern] }];
    prefilter.list('k', list, {});
    const filter = prefilter.list('k', list, {})!;
    return (text: string) => {
      prefilter.read({}, text);
      return prefilter.may(filter, 0);
    };
  };

  it('needs the pattern\'s own words unless a sense is there to blank', () => {
    const read = (senses?: RegExp[]) => show(simplify(needOf(asIs, true, true, senses) ?? true)).split(WORD_START).join('^');
    // Without the senses: spaces prove nothing, so "as" and "is" are read apart.
    assert.match(read(), /and\(on, a, as, is\)/);
    const withSense = read([sense.pattern]);
    assert.match(withSense, /\^as is /);
    assert.ok(withSense.includes('as is') && withSense.includes('as-is'), withSense);
    assert.notEqual(needKey(asIs, true, [sense.pattern]), needKey(asIs, true));
  });

  it('skips a sentence holding "as" and "is" apart, and never one the masked pattern matches', () => {
    const may = mayMatch();
    assert.equal(may('It is agreed on a basis that is as fair as possible.'), false);
    for (const text of ['The Software is provided "AS IS".', 'delivered as-is, on an as is basis', 'Supplier disclaims all other warranties.', 'on an "as is" basis']) {
      assert.ok(asIs.test(maskSenses(text, sense)) && may(text), text);
    }
    const words = ['as', 'is', 'as-is', 'AS IS', '"as is"', 'on', 'an', 'a', 'provided', 'such', 'time', 'necessary', 'where', 'basis', ',', '.', 'disclaims', 'warranties', "'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom(' ', '  '), (parts, gap) => {
        const text = parts.join(gap);
        assert.ok(!asIs.test(maskSenses(text, sense)) || may(text), `${JSON.stringify(text)} matches but was skipped`);
      }),
      { numRuns: propertyRuns(600) },
    );
  });

  it('never skips a masked table pattern that matches a sentence of a real contract', () => {
    const { entries, matched } = tableNeverSkipsAMatch(true);
    assert.ok(entries >= 4, `${entries} masked patterns with senses`);
    assert.ok(matched > 20, `the check saw ${matched} matches`);
  });
});

describe('signal prefilter: common clauses looked for, not scanned (issue 13, clicats)', () => {
  it('scans no clause that triggers nothing and whose literals are common short words', () => {
    const prefilter = new SignalPrefilter(SIGNAL_NEEDS);
    (prefilter as unknown as { knownPatterns(): unknown }).knownPatterns();
    prefilter.gate({}, 1);
    const inner = prefilter as unknown as { shared: LiteralScanner; clauseIds: Map<string, number>; clauses: number; lazy: Array<RegExp | null> };
    const space = inner.clauseIds.get(' ');
    assert.ok(space !== undefined, 'the table has a clause " "');
    assert.notEqual(inner.lazy[space], null, '" " is looked for');
    const bits = new Uint32Array((inner.clauses + 31) >>> 5);
    inner.shared.mark('the supplier shall pay the fees of a year', bits);
    assert.equal(bits[space >>> 5] & (1 << (space & 31)), 0, 'the scanner does not mark " "');
  });

  it('runs a pattern whose common word is there and skips it where it is not', () => {
    // "of" triggers nothing here (the rarer "supply" triggers the pattern), so it is looked for.
    const filter = filterOver([/\bsupply\b.{0,20}\bof\b/i]);
    assert.deepEqual(filter('Supply of goods.'), [true]);
    assert.deepEqual(filter('Supply goods.'), [false]);
    assert.deepEqual(filter('Supply goods. Often.'), [true]);
  });

  it('finds a clause\'s literals where a plain search does, whatever the characters around them', () => {
    const piece = fc.constantFrom('a', 'of', 'A', 'OF', 'in', ' ', ',', '/', '_', '1', '\u212a', '\u0130', '\u017f', '.', 'x', '&', 'of ', 'ta');
    const literal = fc.tuple(fc.boolean(), fc.constantFrom('a', 'of', 'in', 'of ', ',', '/', ' ', 'a&b', 'k', 's')).map(([start, w]) => (start && /^\w/.test(w) ? WORD_START + w : w));
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 4 }), fc.array(piece, { maxLength: 12 }), (lits, pieces) => {
        const text = pieces.join('');
        assert.equal(literalsExpression(lits).test(text), lits.some((lit) => plainHolds(text, lit)), `${JSON.stringify(lits)} in ${JSON.stringify(text)}`);
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
