/** Inline suppression comments: which findings they accept, with which reason, and what they ignore. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acceptCommentEdit, acceptCommentPosition, findSuppressionComments, sanitizeReason, review, type ReviewDiagnostic, type ReviewResult } from '../../server/src/engine';
import { buildContractModel } from '../../server/src/model';

/** A small contract with document-level findings (title), section findings and two vague words on one line. */
const BASE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'contract.md'), 'utf8');
const LINE_12 = '1.2 The Supplier shall use reasonable efforts';

const run = (text: string): ReviewResult => review({ text, path: 'msa.md' });
const key = (d: ReviewDiagnostic) => `${d.ruleId}|${d.message}`;
const keys = (ds: readonly ReviewDiagnostic[]) => ds.map(key).sort();
/** Inserts `line` as a new line before the first line starting with `before`. */
function insertBefore(text: string, before: string, line: string): string {
  const at = text.indexOf(before);
  assert.ok(at >= 0, `"${before}" is in the text`);
  return `${text.slice(0, at)}${line}\n${text.slice(at)}`;
}

describe('engine: suppression comments', () => {
  const base = run(BASE);
  const vague = base.diagnostics.filter((d) => d.ruleId === 'vague-wording');

  it('the fixture has what the tests need: title findings, two vague words on one line, security findings', () => {
    assert.equal(base.suppressed.length, 0);
    assert.deepEqual(base.warnings, []);
    assert.equal(vague.length, 2);
    assert.equal(vague[0].range.start.line, vague[1].range.start.line);
    assert.ok(base.diagnostics.some((d) => d.ruleId === 'audit-rights' && d.range.start.line === 0));
    assert.ok(base.diagnostics.filter((d) => d.category === 'security').length >= 3);
  });

  it('disable-next-line RULE -- reason: accepts that rule on the next line only, with the reason; fixSpecs stay aligned', () => {
    const text = insertBefore(BASE, LINE_12, '<!-- clausewise-disable-next-line vague-wording -- agreed with the Customer -->');
    const r = run(text);
    assert.deepEqual(r.suppressed.map((s) => s.diagnostic.ruleId), ['vague-wording', 'vague-wording']);
    for (const s of r.suppressed) {
      assert.equal(s.reason, 'agreed with the Customer');
      assert.equal(s.comment.kind, 'disable-next-line');
      assert.equal(s.comment.range.start.line, s.diagnostic.range.start.line - 1, 'exact line of the comment');
    }
    assert.deepEqual(keys([...r.diagnostics, ...r.suppressed.map((s) => s.diagnostic)]), keys(base.diagnostics), 'nothing else changes');
    assert.equal(r.fixSpecs.length, r.diagnostics.length);
    // Each kept finding still has its own fixes.
    r.diagnostics.forEach((d, i) => {
      const j = base.diagnostics.findIndex((b) => key(b) === key(d));
      assert.deepEqual(r.fixSpecs[i].map((f) => f.title), base.fixSpecs[j].map((f) => f.title));
    });
  });

  it('disable-next-line covers the whole block the next line starts (a hard-wrapped paragraph), skipping blank lines', () => {
    const wrapped = BASE.replace(`${LINE_12} to keep`, '1.2 The Supplier shall make sure that the Services stay up and\nshall use reasonable efforts to keep');
    assert.notEqual(wrapped, BASE);
    const text = insertBefore(wrapped, '1.2 The Supplier shall make sure', '<!-- clausewise-disable-next-line vague-wording -->\n');
    const r = run(text);
    assert.equal(r.suppressed.length, 2, JSON.stringify(r.suppressed.map((s) => s.diagnostic.range)));
    assert.equal(r.suppressed[0].reason, null);
    // The next paragraph is not covered.
    const later = insertBefore(BASE, '1.1 The Supplier shall provide', '<!-- clausewise-disable-next-line vague-wording -->');
    assert.equal(run(later).suppressed.length, 0);
  });

  it('a category id accepts every rule of that category', () => {
    const text = insertBefore(BASE, '## 2. Security', '<!-- clausewise-disable-next-line security -- covered by the group ISMS -->');
    const r = run(text);
    const accepted = r.suppressed.map((s) => s.diagnostic);
    assert.ok(accepted.length >= 3);
    for (const d of accepted) assert.equal(d.category, 'security');
    assert.ok(!r.diagnostics.some((d) => d.category === 'security' && d.range.start.line === accepted[0].range.start.line));
  });

  it('several names, separated by spaces or commas', () => {
    const text = insertBefore(BASE, '## 2. Security', '<!-- clausewise-disable-next-line encryption, access-control security-testing -->');
    assert.deepEqual(run(text).suppressed.map((s) => s.diagnostic.ruleId).sort(), ['access-control', 'encryption', 'security-testing']);
  });

  it('disable ... enable: a range; findings after enable are reported again', () => {
    let text = insertBefore(BASE, '## 1. Services', '<!-- clausewise-disable vague-wording -- legacy wording, to be redrafted -->');
    text = insertBefore(text, '## 2. Security', '<!-- clausewise-enable vague-wording -->');
    text = text.replace('4.1 The Customer shall pay', '4.1 As needed, the Customer shall pay');
    const r = run(text);
    assert.deepEqual(r.suppressed.map((s) => s.diagnostic.ruleId), ['vague-wording', 'vague-wording']);
    assert.equal(r.suppressed[0].reason, 'legacy wording, to be redrafted');
    assert.equal(r.suppressed[0].comment.kind, 'disable');
    assert.ok(r.diagnostics.some((d) => d.ruleId === 'vague-wording' && /as needed/i.test(d.message)), 'the vague words after enable are reported');
  });

  it('disable without names accepts every rule from there on; enable without names ends it', () => {
    const text = insertBefore(BASE, '## 6. Governing Law', '<!-- clausewise-disable -->');
    const r = run(text);
    const line = text.split('\n').indexOf('<!-- clausewise-disable -->');
    assert.ok(r.suppressed.length >= 1);
    for (const s of r.suppressed) assert.ok(s.diagnostic.range.start.line > line);
    for (const d of r.diagnostics) assert.ok(d.range.start.line < line);
    const reopened = run(insertBefore(text, 'IN WITNESS WHEREOF', '<!-- clausewise-enable -->'));
    assert.ok(reopened.suppressed.length <= r.suppressed.length);
  });

  it('enable of one rule inside a disable-all keeps the others disabled', () => {
    let text = insertBefore(BASE, '## 1. Services', '<!-- clausewise-disable -->');
    text = insertBefore(text, '1.2 The Supplier', '<!-- clausewise-enable vague-wording -->');
    const r = run(text);
    assert.ok(r.diagnostics.some((d) => d.ruleId === 'vague-wording'), 'vague-wording is back on');
    assert.ok(!r.diagnostics.some((d) => d.category === 'security'), 'the rest stays off');
  });

  it('disable-file accepts a rule anywhere, including document-level findings at the title', () => {
    const text = `${BASE}\n<!-- clausewise-disable-file insurance indemnities -- covered by the group insurance programme -->\n`;
    const r = run(text);
    assert.deepEqual(r.suppressed.map((s) => s.diagnostic.ruleId).sort(), ['indemnities', 'insurance']);
    for (const s of r.suppressed) {
      assert.equal(s.diagnostic.range.start.line, 0, 'anchored at the title');
      assert.equal(s.comment.kind, 'disable-file');
      assert.equal(s.reason, 'covered by the group insurance programme');
    }
  });

  it('a document-level finding is accepted by disable-next-line right above the title', () => {
    const text = `<!-- clausewise-disable-next-line audit-rights -- audit rights are in the framework agreement -->\n${BASE}`;
    const r = run(text);
    assert.deepEqual(r.suppressed.map((s) => s.diagnostic.ruleId), ['audit-rights']);
    assert.equal(r.suppressed[0].diagnostic.range.start.line, 1);
    assert.equal(r.model.title, base.model.title, 'the comment does not change the title');
  });

  it('works below front matter and with CRLF line endings', () => {
    const fm = `---\nclausewise:\n  review: true\n---\n\n<!-- clausewise-disable-next-line sla-metrics -- SLA in Schedule 2 -->\n${BASE}`;
    const r = run(fm);
    assert.deepEqual(r.suppressed.map((s) => s.diagnostic.ruleId), ['sla-metrics']);
    const crlf = run(fm.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.suppressed.map((s) => [s.diagnostic.ruleId, s.diagnostic.range.start.line, s.comment.range.start.line]), r.suppressed.map((s) => [s.diagnostic.ruleId, s.diagnostic.range.start.line, s.comment.range.start.line]));
  });

  it('a comment inside a paragraph (inline HTML, dropped by the model) still counts, at its exact line', () => {
    const text = BASE.replace('(the "Services").', '(the "Services"). <!-- clausewise-disable-next-line vague-wording -- inline -->');
    const r = run(text);
    assert.equal(r.suppressed.length, 2);
    assert.equal(r.suppressed[0].reason, 'inline');
    const commentLine = text.split('\n').findIndex((l) => l.includes('clausewise-disable-next-line'));
    assert.equal(r.suppressed[0].comment.range.start.line, commentLine);
    assert.ok(!r.model.blocks.some((b) => b.text.includes('clausewise-disable')), 'not part of the contract text');
  });

  it('comments shown as text (code spans, fenced code) do not count', () => {
    const fenced = insertBefore(BASE, LINE_12, '```\n<!-- clausewise-disable-next-line vague-wording -->\n```');
    assert.equal(run(fenced).suppressed.length, 0);
    const span = BASE.replace('(the "Services").', '(the "Services"). `<!-- clausewise-disable-file -->`');
    assert.equal(run(span).suppressed.length, 0);
    assert.equal(findSuppressionComments(buildContractModel(span)).length, 0);
  });

  it('unknown rule names are ignored with a warning that suggests the right one; they never mean "every rule"', () => {
    const text = insertBefore(BASE, LINE_12, '<!-- clausewise-disable-next-line vague-wordings -->');
    const r = run(text);
    assert.equal(r.suppressed.length, 0, 'only unknown names: nothing is accepted');
    assert.equal(r.warnings.length, 1);
    assert.equal(r.warnings[0].code, 'invalid-suppression');
    assert.match(r.warnings[0].message, /unknown rule or category "vague-wordings"/);
    assert.match(r.warnings[0].message, /did you mean vague-wording/);
    assert.equal(r.warnings[0].range.start.line, text.split('\n').indexOf('<!-- clausewise-disable-next-line vague-wordings -->'));
    const mixed = run(insertBefore(BASE, LINE_12, '<!-- clausewise-disable-next-line no-such-rule vague-wording -->'));
    assert.equal(mixed.suppressed.length, 2, 'the known name still applies');
    assert.equal(mixed.warnings.length, 1);
  });

  it('stacked comments above one block all apply', () => {
    let text = insertBefore(BASE, '## 2. Security', '<!-- clausewise-disable-next-line encryption -- a -->');
    text = insertBefore(text, '## 2. Security', '<!-- clausewise-disable-next-line access-control -- b -->');
    assert.deepEqual(run(text).suppressed.map((s) => `${s.diagnostic.ruleId}:${s.reason}`).sort(), ['access-control:b', 'encryption:a']);
  });

  it('non-contracts and documents without comments are unaffected', () => {
    const readme = '# Notes\n\n<!-- clausewise-disable-file -->\n\nSome notes about the build.\n';
    const r = review({ text: readme });
    assert.equal(r.isContract, false);
    assert.deepEqual(r.suppressed, []);
  });

  it('acceptCommentPosition: above the block holding the finding, with its indentation', () => {
    const text = '# Services Agreement\n\n1. The Supplier shall provide support\n   in a timely manner.\n\n   A second paragraph of the item.\n';
    const model = buildContractModel(text);
    assert.deepEqual(acceptCommentPosition(model, 3), { line: 2, indent: '' });
    assert.deepEqual(acceptCommentPosition(model, 5), { line: 5, indent: '   ' });
    assert.deepEqual(acceptCommentPosition(model, 0), { line: 0, indent: '' });
  });
});

describe('engine: the comment that accepts a finding (the server sends it to every client)', () => {
  it('writes the rule and the reason, indented like the block, with no "--" in the reason and the text\'s line ends', () => {
    const lines = ['# Title', '', 'Body text here.', '', '   - item one', ''];
    assert.deepEqual(acceptCommentEdit(buildContractModel(lines.join('\n')), 2, 'insurance', 'Covered by the group policy'),
      { line: 2, text: '<!-- clausewise-disable-next-line insurance -- Covered by the group policy -->\n' });
    assert.deepEqual(acceptCommentEdit(buildContractModel(lines.join('\r\n')), 4, 'escalation', 'see -- schedule 2 -->'),
      { line: 4, text: '   <!-- clausewise-disable-next-line escalation -- see — schedule 2 —› -->\r\n' });
    assert.equal(sanitizeReason('  two\nlines  '), 'two lines');
  });

  it('goes above the paragraph, list item or table that holds the finding', () => {
    const lines = ['# Title', '', '2.4 The Supplier shall', 'use its best efforts', 'and more.', '', '- one', '  continued', '', '| a | b |', '| - | - |', '| x | y |'];
    const model = buildContractModel(lines.join('\n'));
    const at = (line: number) => acceptCommentEdit(model, line, 'r', 'why').line;
    assert.deepEqual([at(4), at(2), at(0), at(7), at(11)], [2, 2, 0, 6, 9]);
  });
});
