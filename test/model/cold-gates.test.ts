import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { generateContract } from '../../scripts/bench-contract';
import { isSpaceLike, opensWithWord } from '../../server/src/model/word-gate';
import { forgetUnitlessRun, mayHoldUnitless, UNITLESS } from '../../server/src/drafting/units';
import { forgetNegationRuns } from '../../server/src/model/language';
import { closesQuoteInParens, INLINE, INLINE_WORDS, LIST_ENTRY, opensTermLine, PAREN_SINGLE, TAB_ENTRY, UNQUOTED_MEANS, UNQUOTED_MEANS_WORDS } from '../../server/src/model/definedTerms';
import { DATE_LABEL, endsWithLabel, LABELS_AT_END, mayBeDateLine, mayBeSigningLabel, SIGNING_LABEL } from '../../server/src/drafting/placeholders';
import { figureInBrackets, figureThenBracket } from '../../server/src/drafting/numbers';
import { mayJoinSynonyms } from '../../server/src/drafting/definitions';
import { DMY, forgetMonthsRun, MDY, MONTH_PREFIXES } from '../../server/src/drafting/dates';
import { holdsAny } from '../../server/src/model/word-gate';
import { FIELD, FIELD_LABELS, mayBeField } from '../../server/src/drafting/signatures';
import { formatOfPath } from '../../server/src/model';
import { importFormatOf } from '../../server/src/convert/formats';
import { expressionsRun, keyOf } from '../support/expressions-run';
import { prng } from '../../scripts/accuracy/prng';

/*
 * Gates before expressions a cold run on the bench's small contract compiled without a match (issue
 * 13, cold). A gate may let through a text its expression does not match, never the reverse; the
 * ones that replace an expression outright must agree with it exactly. Texts are made from pieces
 * chosen to sit on each expression's edges (case, white space of several kinds, digits, labels).
 */


/** `count` texts of 1 to `most` pieces each. */
function texts(pieces: readonly string[], count: number, most: number, seed = 7): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let t = '';
    const k = 1 + Math.floor(r() * most);
    for (let i = 0; i < k; i++) t += pieces[Math.floor(r() * pieces.length)];
    out.push(t);
  }
  return out;
}

/** `count` texts of one choice per slot (slots list '' where a piece may be missing). */
function slotted(slots: ReadonlyArray<readonly string[]>, count: number, seed = 7): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) out.push(slots.map((o) => o[Math.floor(r() * o.length)]).join(''));
  return out;
}

const SPACES = [' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u0085'];

/** Asserts that `gate` holds wherever `re` matches (and that some texts match, so the check bites). */
function sound(name: string, re: RegExp, gate: (t: string) => boolean, all: readonly string[]): void {
  let matched = 0;
  for (const t of all) {
    const hit = new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(t);
    if (hit) matched++;
    assert.ok(!hit || gate(t), `${name}: the gate skips ${JSON.stringify(t)}, which the expression matches`);
  }
  assert.ok(matched > 0, `${name}: no text matched, so the check says nothing`);
}

/** Asserts that `f` answers as `re` does on every text. */
function same(name: string, re: RegExp, f: (t: string) => boolean, all: readonly string[]): void {
  let matched = 0;
  for (const t of all) {
    const hit = new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(t);
    if (hit) matched++;
    assert.equal(f(t), hit, `${name}: ${JSON.stringify(t)}`);
  }
  assert.ok(matched > 0 && matched < all.length, `${name}: the texts must both match and not`);
}


describe('cold-start gates before expressions that a small contract never matches', () => {
  it('isSpaceLike is exactly what \\s matches, code unit by code unit', () => {
    const ws = /\s/;
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceLike(c), ws.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    assert.equal(isSpaceLike(NaN), false);
  });

  it('opensWithWord folds ASCII capitals only and, asked to, wants the word whole', () => {
    assert.equal(opensWithWord('  SCHEDULE 2', 2, ['schedule']), true);
    assert.equal(opensWithWord('Schedules', 0, ['schedule'], true), false);
    assert.equal(opensWithWord('Schedule_', 0, ['schedule'], true), false);
    assert.equal(opensWithWord('Schedule-', 0, ['schedule'], true), true);
    assert.equal(opensWithWord('\u212Aey', 0, ['key']), false, 'the Kelvin sign is not k, as for /i without u');
    assert.equal(opensWithWord('sch', 0, ['schedule']), false);
  });

  it('the units gate lets through every text the unitless-period expression matches', () => {
    const pieces = ['within', 'Within', 'WITHIN', 'no later than', 'Not Later Than', 'at least', 'up to', 'for a period of', 'a period of',
      ...SPACES, '30', '3', '1234', '14', 'fourteen (14)', 'Fourteen', 'twenty-one', 'Twenty One', 'one hundred and twenty', 'once', 'hundred',
      'of', 'Of', 'after', 'following', 'from', 'before', 'prior to', 'Prior To', 'days', 'hours', 'the', 'receipt', 'invoice', 'notice', 'x', '.'];
    const ws = [' ', ' ', '\t', '\u00a0', '\n', '', '  ', '\u0085', 'x'];
    const framed = slotted([['', 'Payment ', 'x'], ['within', 'Within', 'WITHIN', 'no later than', 'Not Later Than', 'at least', 'up to', 'for a period of', 'a period of', 'during', ''], ws,
      ['30', '3', '1234', '14', 'fourteen (14)', 'Fourteen', 'twenty-one', 'Twenty One (21)', 'one hundred and twenty', 'once', 'hundred', 'x'], ws,
      ['of', 'Of', 'after', 'following', 'from', 'before', 'prior to', 'Prior To', 'days', 'hours', ''], ws, ['the', 'receipt', 'invoice', 'notice', 'x', '']], 30_000);
    sound('UNITLESS', UNITLESS, mayHoldUnitless, [...framed, ...texts(pieces, 10_000, 9)]);
    assert.equal(mayHoldUnitless('within 3 hours. within 30 days of receipt, no more than once a year'), false);
  });

  it('the defined-term gates let through every line their expressions match', () => {
    const pieces = ['"', "'", '(', ')', '1.', '(a)', 'b)', '12.3', 'Business Day', 'Customer Data', 'the', 'The', 'each', 'Each', 'together',
      'hereinafter referred to as', 'known as', 'called', 'means', 'mean', 'has the meaning', 'refers to', 'shall', ':', '\u2013', ' - ', '\t', ...SPACES, 'x', 'Term'];
    const lines = [...texts(pieces, 20_000, 8), ...slotted([['', '1. ', '(a) ', 'b) ', '"', ' '], ['Business Day', 'the Customer', '"Term"', 'x'], ['', ' ', '\t', ':', ' \u2013 ', ' - '],
      ['', ' ', '  '], ['means', 'shall mean', 'refers to', 'has the meaning', 'any day', 'called "Fees"', 'x'], ['', ' (the \'Goods\')', " ('Goods' )", ' (each a \'Unit\')', '(\'x\')']], 30_000)];
    const opens = (t: string) => opensTermLine(t.charCodeAt(0));
    sound('UNQUOTED_MEANS', UNQUOTED_MEANS, (t) => opens(t) && UNQUOTED_MEANS_WORDS.some((w) => t.includes(w)), lines);
    sound('TAB_ENTRY', TAB_ENTRY, (t) => opens(t) && t.includes('\t'), lines);
    sound('LIST_ENTRY', LIST_ENTRY, opens, lines);
    sound('INLINE', INLINE, (t) => INLINE_WORDS.some((w) => t.includes(w)), lines);
    sound('PAREN_SINGLE', PAREN_SINGLE, closesQuoteInParens, lines);
  });

  it('the signature-blank gates let through every line their expressions match', () => {
    const pieces = ['By', 'by', 'Name', 'Printed Name', 'Title', 'Signature', 'Signed', 'Signed by', 'Sign here', 'Witness', 'Position', 'Its', 'Authorised Signatory',
      'Date', 'Dated', 'DATE', 'for and on behalf of', 'the Customer', '|', '*', ':', '_', ...SPACES, 'x', '2026'];
    const lines = [...texts(pieces, 20_000, 6), ...slotted([['', ' ', '|', '*', '| * '], ['By', 'Name', 'Printed Name', 'Signed by', 'Witnessed by', 'Authorised Signatory', 'Date', 'Dated', 'Signed for and on behalf of', 'x'],
      ['', ':', ' :', ': '], ['', ' ', 'the Customer', '12 May', '__', 'x'], ['', ' ', ':', '\u00a0']], 30_000)];
    sound('SIGNING_LABEL', SIGNING_LABEL, mayBeSigningLabel, lines);
    sound('label at the end', /(?:^|\s)(?:by|name|title|signature|signed|witness|its|print(?:ed)? name)\s*:?\s*$/i, (t) => endsWithLabel(t, LABELS_AT_END), lines);
    sound('date at the end', /(?:^|\s)dated?\s*:?\s*$/i, (t) => endsWithLabel(t, DATE_LABEL), lines);
    sound('date line or none', /^[\s|]*(?:dated?\b[^_]{0,10})?$/i, (t) => mayBeDateLine(t, false), lines);
    sound('date line', /^[\s|*]*dated?\b[^_\n]{0,10}$/i, (t) => mayBeDateLine(t, true), lines);
    const columns = slotted([['By', 'by', 'Signature', 'Signatures', 'Signed', 'Sign here', 'Authorized Signature', 'authorised signature', 'Name', 'Printed Name', 'Print name', 'Full Name',
      'Name of Authorised Officer', 'name of signatory', 'Title', 'Job Title', 'Its', 'Position', 'Capacity', 'Designation', 'Date', 'Dated', 'Date Signed', '/s/', 'x'],
      ['', ' ', '\t', '  '], ['', ':', '.', '_', '/s/ J. Smith', 'x', 'Jane'], ['', ' ']], 20_000);
    FIELD.forEach(([field, re], i) => sound(`FIELD ${field}`, new RegExp(re.source, re.flags), (t) => mayBeField(t.slice(0, -1), FIELD_LABELS[i]), columns.map((c) => `${c} `)));
  });

  it('figures beside brackets and synonyms joined by "or" are found by code exactly as by the expressions', () => {
    const pieces = ['(', ')', '5', '12', '%', '£', '$', '€', 'GBP', 'usd', 'Eur', 'US$', 'us$', ...SPACES, 'x', 'five', 'one'];
    const all = texts(pieces, 30_000, 7);
    same('FIGURE_IN_BRACKETS', /\(\s*(?:[£$€]|(?:GBP|USD|EUR|US\$)\s?)?\d/i, figureInBrackets, all);
    same('FIGURE_THEN_BRACKET', /\d\s*%?\s*\(/, figureThenBracket, all);
    const between = texts(['"', '*', '_', ',', 'or', 'OR', 'and', 'And', 'the', 'an', 'a', 'x', 'orange', ...SPACES], 30_000, 6);
    sound('synonyms', /^["*_\s]*,?\s*(?:or|and)\s+(?:the\s+|a\s+|an\s+)?["*_\s]*$/i, mayJoinSynonyms, between);
  });

  it('the month gate lets through every text the two month expressions match', () => {
    const all = slotted([['', 'on ', 'x'], ['1', '31', '2nd', '21st day of', 'the', ''], [' ', ''], ['January', 'Jan', 'Jan.', 'Sept', 'May', 'may', 'JUNE', 'Dec', 'March', 'x'],
      [' ', ', ', ''], ['5', '2025', '31st', ''], [', 2025', ' 2025', '', '.']], 30_000);
    sound('DMY', DMY, (t) => holdsAny(t, MONTH_PREFIXES), all);
    sound('MDY', MDY, (t) => holdsAny(t, MONTH_PREFIXES), all);
  });

  it('file names are read by code as the expressions read them', () => {
    const names = texts(['a', '.', 'txt', 'TXT', 'Text', 'tex', 'md', 'docx', 'DOCX', 'htm', 'Html', 'html5', 'pdf', 'PDF', '\u212A', '/'], 20_000, 4);
    same('.txt or .text', /\.te?xt$/i, (n) => formatOfPath(n) === 'plain', names);
    for (const n of names) {
      const m = /\.(docx|html?|pdf)$/i.exec(n);
      const ext = m?.[1].toLowerCase();
      assert.equal(importFormatOf(n), !ext ? undefined : ext === 'docx' ? 'docx' : ext === 'pdf' ? 'pdf' : 'html', n);
    }
  });

  it('the bench\'s small contract runs none of the gated expressions, and the same findings come out', () => {
    forgetUnitlessRun();
    forgetNegationRuns();
    forgetMonthsRun();
    const text = generateContract(4_000);
    let count = 0;
    const run = expressionsRun(() => {
      count = review({ text, force: true }).diagnostics.length;
    });
    assert.ok(count > 0, 'the contract has findings');
    const gated: RegExp[] = [UNITLESS, DMY, MDY, UNQUOTED_MEANS, TAB_ENTRY, LIST_ENTRY, INLINE, PAREN_SINGLE, SIGNING_LABEL,
      /^\p{Lu}/u, /^(?:schedule|annex|appendix|exhibit|attachment)\b/i, /^(agreement|effective date|services?|parties|party|msa|sow|contract|terms)$/i,
      /^\w+(?:\s+\w+)?\s+(?:not|never)\b/i, /\bneither party\b|\bno party\b/i, /\bnothing\b/i,
      /^\s*(?:\*\*)?(schedule|annex|appendix|exhibit|attachment)\s+([0-9]{1,3}|[IVX]{1,6}|[A-Z])(?![A-Za-z0-9]|\.\d)/i,
      /\(\s*(?:[£$€]|(?:GBP|USD|EUR|US\$)\s?)?\d/i, /\d\s*%?\s*\(/, /^\s*(?:section|article|clause|part)\s+\d+(?:\.\d+)*\.?\s+[a-z]/i,
      /^(?:(?:by and )?between|among(?:st)?|and|by|with|of)\s+/i, /^(?:this|the)\b/i, /\s+by\s+.*$/i,
      /(?:^|\s)(?:by|name|title|signature|signed|witness|its|print(?:ed)? name)\s*:?\s*$/i, /(?:^|\s)dated?\s*:?\s*$/i,
      /^[\s|]*(?:dated?\b[^_]{0,10})?$/i, /^[\s|*]*dated?\b[^_\n]{0,10}$/i, /^["*_\s]*,?\s*(?:or|and)\s+(?:the\s+|a\s+|an\s+)?["*_\s]*$/i];
    const ran = gated.filter((re) => run.has(keyOf(re))).map((re) => re.source.slice(0, 50));
    assert.deepEqual(ran, [], `expressions run on the small contract: ${ran.join(' | ')}`);
  });
});
