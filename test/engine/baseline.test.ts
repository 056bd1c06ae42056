/** Baseline fingerprints: stable across edits elsewhere, distinct for repeated text, matched as a multiset. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { baselineEntries, fingerprints, formatBaseline, matchBaseline, parseBaseline, review } from '../../server/src/engine';
import { normaliseText } from '../../server/src/engine/baseline';

const BASE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'contract.md'), 'utf8');

function printsOf(text: string) {
  const r = review({ text, path: 'msa.md' });
  return { r, prints: fingerprints(r.model, r.diagnostics) };
}

describe('engine: baseline fingerprints', () => {
  const base = printsOf(BASE);

  it('one per finding, distinct, hex', () => {
    assert.equal(base.prints.length, base.r.diagnostics.length);
    for (const p of base.prints) assert.match(p, /^[0-9a-f]{32}$/);
    assert.equal(new Set(base.prints).size, base.prints.length);
  });

  it('survive edits elsewhere: a paragraph inserted above moves every line, not the fingerprints', () => {
    const edited = BASE.replace('## 1. Services', 'The Parties agree as follows, and this recital is new.\n\nAnother new paragraph.\n\n## 1. Services');
    const after = printsOf(edited);
    assert.equal(after.prints.length, base.prints.length);
    const moved = after.r.diagnostics.filter((d, i) => d.range.start.line !== base.r.diagnostics[i].range.start.line);
    assert.ok(moved.length > 0, 'some findings moved lines');
    assert.deepEqual(after.prints, base.prints);
  });

  it('survive renumbering and changes of case, spacing and emphasis in the flagged sentence', () => {
    const renumbered = BASE.replace('1.2 The Supplier shall use reasonable efforts', '2.7   The Supplier shall use **reasonable efforts**');
    const after = printsOf(renumbered);
    const vague = (x: typeof base) => x.r.diagnostics.map((d, i) => [d.ruleId, x.prints[i]] as const).filter(([id]) => id === 'vague-wording').map(([, p]) => p);
    assert.deepEqual(vague(after), vague(base));
    assert.equal(normaliseText('  12.3  The   *Supplier* shall '), 'the supplier shall');
    assert.equal(normaliseText('(b) the Customer'), 'the customer');
  });

  it('change when the flagged sentence changes', () => {
    const changed = BASE.replace('will respond to incidents promptly', 'will respond to all incidents promptly');
    const after = printsOf(changed);
    assert.notDeepEqual(after.prints, base.prints);
  });

  it('identical findings on identical text get an occurrence index', () => {
    const twice = BASE.replace('## 2. Security', '1.3 The Supplier shall act as needed.\n\n1.4 The Supplier shall act as needed.\n\n## 2. Security');
    const { r, prints } = printsOf(twice);
    const asNeeded = r.diagnostics.map((d, i) => ({ d, p: prints[i] })).filter((x) => /as needed/i.test(x.d.message));
    assert.equal(asNeeded.length, 2);
    assert.notEqual(asNeeded[0].p, asNeeded[1].p);
  });
});

describe('engine: baseline matching and file format', () => {
  const r = review({ text: BASE, path: 'msa.md' });
  const prints = fingerprints(r.model, r.diagnostics);
  const entries = baselineEntries(r.diagnostics, prints);

  it('every recorded finding is known; a new one is not', () => {
    assert.deepEqual(matchBaseline(entries, r.diagnostics, prints), r.diagnostics.map(() => true));
    const fewer = entries.slice(1);
    const known = matchBaseline(fewer, r.diagnostics, prints);
    assert.deepEqual(known.map((k, i) => (k ? -1 : i)).filter((i) => i >= 0), [0]);
    assert.deepEqual(matchBaseline(undefined, r.diagnostics, prints), r.diagnostics.map(() => false));
  });

  it('each entry is used once: a second identical finding is new', () => {
    const d = r.diagnostics[0];
    const known = matchBaseline([entries[0]], [d, d], [prints[0], prints[0]]);
    assert.deepEqual(known, [true, false]);
  });

  it('the same fingerprint under another rule id does not match', () => {
    assert.deepEqual(matchBaseline([{ ...entries[0], ruleId: 'other-rule' }], [r.diagnostics[0]], [prints[0]]), [false]);
  });

  it('formats deterministically (sorted paths, no empty files) and parses back', () => {
    const text = formatBaseline({ 'b.md': entries, 'a.md': entries.slice(0, 2), 'empty.md': [] });
    assert.equal(text, formatBaseline({ 'a.md': entries.slice(0, 2), 'b.md': entries }));
    const parsed = parseBaseline(text);
    assert.equal(parsed.tool, 'clausewise');
    assert.equal(parsed.version, 1);
    assert.deepEqual(Object.keys(parsed.files), ['a.md', 'b.md']);
    assert.deepEqual(parsed.files['b.md'], entries);
    assert.equal(entries[0].line, r.diagnostics[0].range.start.line + 1);
  });

  it('rejects what is not a baseline, saying how to make one', () => {
    assert.throws(() => parseBaseline('{'), /not valid JSON.*--write-baseline/);
    assert.throws(() => parseBaseline('[]'), /not a Clausewise baseline/);
    assert.throws(() => parseBaseline('{"version": 99, "files": {}}'), /newer/);
  });
});
