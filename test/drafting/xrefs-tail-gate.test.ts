import assert from 'node:assert/strict';
import { EXTERNAL_AFTER, EXTERNAL_AFTER_OPENS, EXTERNAL_BEFORE, IN_ATTACHMENT, IN_ATTACHMENT_OPENS, mayEndExternal, mayOpen, MORE, MORE_OPENS, PAREN_TITLE } from '../../server/src/drafting/xrefs';

/**
 * The tail expressions of drafting/xrefs.ts run only on a tail whose first character past white
 * space is one of their lists (cold start: an expression never run is never compiled). Every tail
 * they match must pass the gate: checked over tails made of pieces that open each way they can.
 */
const PIECES = [
  '', ' ', '\n', '\u00A0', '\t ', '(a)', ' (ii)', '(1) ', ',', ', and ', ', or ', ' and ', ' or ', ' to ', ' through ', ' - ', '-', '\u2013', ' \u2014 ',
  'And ', 'OR ', 'To ', 'Through ', 'of ', 'in ', 'under ', 'to ', 'from ', 'Of ', 'In ', 'the ', 'this ', 'that ', 'such ', 'any ', 'a ',
  'Schedule 2', 'schedule B', 'Annex IV', 'exhibit A', 'Attachment 3', 'clause 4', 'Section 4.2', '4.5', '7(b)', 'GDPR', 'the Act', 'Master Agreement',
  'master services agreement', 'applicable law', 'U.S.C', 'C.F.R', 'CFR', 'USC ', '(Definitions)', '(Service Levels) ', 'shall', '.', '; ', 'x', 'only', 'On ', 'over ', 'TO', 'Of', 'IN', 'inter alia', 'thereof', 'and/or ',
];

function* tails(): Generator<string> {
  // Every sequence of up to three pieces (a fixed, complete enumeration: no seed).
  for (const a of PIECES) {
    yield a;
    for (const b of PIECES) {
      yield a + b;
      for (const c of PIECES) yield a + b + c;
    }
  }
}

describe('drafting/xrefs: tail expressions gated by their first character', () => {
  it('every tail an expression matches opens with one of its characters past white space', () => {
    const gated: Array<[string, RegExp, readonly string[]]> = [
      ['MORE', MORE, MORE_OPENS], ['EXTERNAL_AFTER', EXTERNAL_AFTER, EXTERNAL_AFTER_OPENS], ['IN_ATTACHMENT', IN_ATTACHMENT, IN_ATTACHMENT_OPENS], ['PAREN_TITLE', PAREN_TITLE, ['(']],
    ];
    const matched = new Map<string, number>();
    for (const tail of tails()) {
      for (const [name, re, opens] of gated) {
        if (!re.test(tail)) continue;
        matched.set(name, (matched.get(name) ?? 0) + 1);
        assert.ok(mayOpen(tail, opens, re.ignoreCase), `${name} matches ${JSON.stringify(tail)} but the gate would skip it`);
      }
    }
    // The enumeration reaches each expression (else the check above proves nothing for it).
    for (const [name] of gated) assert.ok((matched.get(name) ?? 0) > 100, `${name} matched ${matched.get(name) ?? 0} tails`);
  });

  it('mayOpen reads past white space, as \\s does, folds case when asked, and finds nothing in an empty tail', () => {
    assert.equal(mayOpen(' \u00A0\n\u2003(a)', ['(']), true);
    assert.equal(mayOpen('   ', ['(']), false);
    assert.equal(mayOpen('', ['(']), false);
    assert.equal(mayOpen(' Through 4.7', MORE_OPENS, true), true);
    assert.equal(mayOpen(' Through 4.7', MORE_OPENS), false);
    assert.equal(mayOpen(' only.', MORE_OPENS, true), false);
    assert.equal(mayOpen('. The Supplier', MORE_OPENS, true), false);
  });

  it('every text EXTERNAL_BEFORE matches ends as mayEndExternal lets through, read in place within the window', () => {
    // The same pieces reversed in order make texts that end each way a reference can be preceded.
    const ENDS = ['', ' ', ',', ' , ', ',\u00A0', '\u2003', 'GDPR', 'the Act', 'Regulation', 'Regulations', 'Directive', 'Code', '26 U.S.C.', 'C.F.R.', 'CFR', 'FAR', 'DFARS', 'Rules', 'UK', 'in accordance with', 'under', 'see', 'Acts', 'rules', 'A', 'x.', 'EU,', '\n'];
    let matched = 0;
    for (const a of PIECES) for (const b of ENDS) for (const c of ['', ' ', ', ', ' ,  ', '\t']) {
      const text = a + b + c;
      if (!EXTERNAL_BEFORE.test(text)) continue;
      matched++;
      assert.ok(mayEndExternal(text, 0, text.length), `EXTERNAL_BEFORE matches ${JSON.stringify(text)} but the gate would skip it`);
      // Read within [from, end) of a longer text, as referencesIn reads the 40 characters before a reference.
      assert.ok(mayEndExternal('clause 4 ' + text + ' clause 9', 9, 9 + text.length));
    }
    assert.ok(matched > 200, `EXTERNAL_BEFORE matched ${matched} texts`);
    // And it skips what most references follow.
    assert.equal(mayEndExternal('in accordance with ', 0, 19), false);
    assert.equal(mayEndExternal('subject to', 0, 10), false);
  });
});
