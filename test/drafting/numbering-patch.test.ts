import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import { numberingIssues, numberingGroupsChecked } from '../../server/src/drafting/numbering';
import { propertyRuns, propertySeed } from '../support/property-runs';

// Issue 13: an edit in a heading's or a clause's number changes the section tree's numbers but not
// its shape. The numbering check then checks again only the groups of sibling clauses that the
// changed numbers can affect (their own siblings, the clauses numbered under them, clauses whose
// parent number changed, and the clauses under the wrong parent that read them) and takes the
// others' issues over. Either way the issues must equal a fresh review's.

const clause = (n: string) => `${n} The Supplier shall perform duty ${n} as agreed.`;
function section(n: number, subs: string[], title = `Topic ${n}`): string {
  return `## ${n}. ${title}\n\n${subs.map(clause).join('\n\n')}\n\nA paragraph of clause ${n}.\n`;
}
const body: string[] = [];
for (let n = 1; n <= 24; n++) {
  // A gap (4.2), a duplicate (7.1), a clause under the wrong parent (30.2 inside 9, and no clause
  // 30), deeper clauses, a gap of ten (14.2 to 14.11).
  const subs = n === 4 ? ['4.1', '4.3'] : n === 7 ? ['7.1', '7.1'] : n === 9 ? ['9.1', '30.2'] : n === 12 ? ['12.1', '12.1.1', '12.1.2', '12.2'] : n === 14 ? ['14.1', '14.12'] : [`${n}.1`, `${n}.2`];
  body.push(section(n, subs));
}
// Forms after an unnumbered heading start their numbering again (the check asks whether a heading lies between).
const forms = '## Annexed forms\n\nThe forms below start their numbering again.\n\n## 2. Form of notice\n\n2.1 A notice is given in writing.\n\n## 3. Form of report\n\n3.1 A report is given monthly.\n';
const text = `# Agreement\n\n${body.join('\n')}\n${forms}`;

/** Reviews `from` then `to` incrementally; returns the edited model's issues, checked against a fresh review's. */
function edited(from: string, to: string) {
  const inc = new IncrementalReview();
  inc.review({ text: from, version: 1, force: true });
  numberingIssues(inc.review({ text: from, version: 1, force: true }).model);
  const got = inc.review({ text: to, version: 2, force: true }).model;
  assert.equal(inc.fullParseReason, null);
  const issues = numberingIssues(got);
  assert.deepEqual(issues, numberingIssues(review({ text: to, version: 2, force: true }).model));
  for (const i of issues) {
    assert.equal(i.section, got.sections[i.section.index]);
    for (const s of i.group) assert.equal(s, got.sections[s.index]);
  }
  return { issues, checked: numberingGroupsChecked(got) };
}

describe('numbering issues patched after an edit in a number', () => {
  it('reads the fixture as expected: gaps, duplicates, a clause under the wrong parent', () => {
    const issues = numberingIssues(review({ text, force: true }).model);
    assert.deepEqual(issues.map((i) => `${i.problem} ${i.section.number}`), ['gap 4.3', 'duplicate 7.1', 'parent 30.2', 'gap 14.12']);
  });

  const cases: Array<[string, string, string]> = [
    ['a digit typed into a numbered heading', '## 20. Topic 20', '## 200. Topic 20'],
    ['a digit deleted from a numbered heading', '## 18. Topic 18', '## 1. Topic 18'],
    ['a numbered heading\'s number changed', '## 6. Topic 6', '## 8. Topic 6'],
    ['a letter typed into a heading\'s number (it is no longer one)', '## 11. Topic 11', '## 11x. Topic 11'],
    ['a numbered heading\'s number deleted', '## 16. Topic 16', '## Topic 16'],
    ['a number typed into the unnumbered heading before the forms', '## Annexed forms', '## 25. Annexed forms'],
    ['a heading renumbered to be the misplaced clause\'s parent', '## 22. Topic 22', '## 30. Topic 22'],
    ['the misplaced clause\'s parent renumbered to match it', '## 9. Topic 9', '## 30. Topic 9'],
    ['a digit typed into a numbered clause', '\n21.2 The', '\n21.22 The'],
    ['a numbered clause\'s number changed, closing the gap', '\n4.3 The', '\n4.2 The'],
    ['a numbered clause\'s number changed, making a duplicate', '\n13.2 The', '\n13.1 The'],
    ['a digit deleted from a numbered clause', '\n14.12 The', '\n14.1 The'],
    ['a deep clause renumbered under another parent', '\n12.1.1 The', '\n12.2.1 The'],
    ['a form renumbered after the unnumbered heading', '## 3. Form of report', '## 4. Form of report'],
  ];
  for (const [name, from, to] of cases) {
    it(`equals a fresh review, checking only a few groups: ${name}`, () => {
      assert.ok(text.includes(from), from);
      const { checked } = edited(text, text.replace(from, to));
      assert.ok(checked && !checked.full, `${name}: read in full`);
      // The fixture has 52 groups; an edit in one number affects its own group, the groups under
      // it and at most a few that read them.
      assert.ok(checked.groups >= 1 && checked.groups <= 5, `${name}: ${checked.groups} groups checked`);
    });
  }

  it('checks no group after a keystroke that leaves every number alone, and the group that read the text there after one that does not', () => {
    assert.deepEqual(edited(text, text.replace('A paragraph of clause 20.', 'A paragraph of the clause 20.')).checked, { full: false, groups: 0 });
    // The misplaced clause 30.2 was checked against the text before it ("30" written at a line's start?).
    assert.deepEqual(edited(text, text.replace('A paragraph of clause 3.', 'A paragraph of the clause 3.')).checked, { full: false, groups: 1 });
    const { issues, checked } = edited(text, text.replace('A paragraph of clause 3.', 'A paragraph of clause 3.\n\n30 Fees are due monthly.'));
    assert.ok(checked && !checked.full && checked.groups <= 3, JSON.stringify(checked));
    assert.ok(!issues.some((i) => i.problem === 'parent'));
  });

  it('equals a fresh review after runs of edits typed into, deleted from and changed in numbers', () => {
    // Edits land on the numbers of headings, clauses and list items: a digit typed before, inside or
    // after a number, one character of it deleted, a digit changed, a letter typed after it, or the
    // number removed. A fixed pseudo-random sequence, so that a failure repeats.
    let seed = propertySeed(1313);
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const runs = propertyRuns(3);
    let patched = 0;
    let edits = 0;
    for (let run = 0; run < runs; run++) {
      const inc = new IncrementalReview();
      let t = text;
      numberingIssues(inc.review({ text: t, version: 0, force: true }).model);
      for (let v = 1; v <= 30; v++) {
        const numbers = [...t.matchAll(/^(?:#+ |\d+\. (?=the))?(\d+(?:\.\d+)*)/gm)].filter((m) => m[1]);
        const m = numbers[next(numbers.length)];
        const start = m.index! + m[0].length - m[1].length;
        const at = start + next(m[1].length + 1);
        const op = next(6);
        const digit = String(next(10));
        t = op === 0 ? t.slice(0, at) + digit + t.slice(at)
          : op === 1 && m[1].length > 1 ? t.slice(0, start) + m[1].slice(0, at - start) + m[1].slice(at - start + 1) + t.slice(start + m[1].length)
          : op === 2 ? t.slice(0, start) + m[1].replace(/\d(?=\D*$)/, digit) + t.slice(start + m[1].length)
          : op === 3 ? t.slice(0, start + m[1].length) + 'x' + t.slice(start + m[1].length)
          : op === 4 && m[0].startsWith('#') ? t.slice(0, start) + t.slice(start + m[1].length).replace(/^\.? ?/, '') 
          : t.slice(0, start) + String(Number(m[1].split('.')[0]) + 1) + m[1].replace(/^\d+/, '') + t.slice(start + m[1].length);
        const got = inc.review({ text: t, version: v, force: true }).model;
        assert.deepEqual(numberingIssues(got), numberingIssues(review({ text: t, version: v, force: true }).model), `run ${run}, edit ${v}`);
        edits++;
        if (numberingGroupsChecked(got)?.full === false) patched++;
      }
    }
    // Most of these edits keep the tree's shape (a heading stays a heading of its level).
    assert.ok(patched >= edits / 3, `${patched} of ${edits} edits patched`);
  });
});
