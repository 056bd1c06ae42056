import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { numberWrittenInText } from '../../server/src/drafting/xrefs';

// Issue 13: whether a clause number is written where a clause starts is looked up among the words
// read once per model, not by one expression over the whole text per number. The lookup must answer
// as the expression does (it decides whether a reference to a number with no section is broken).
const WRITTEN = (n: string) => new RegExp(`(?:^|\\n)[ \\t>*#]*(?:(?:clause|section|article)\\s+)?${n.replace(/\./g, '\\.')}\\.?(?:\\s|$)|(?: {2,}|\\t)${n.replace(/\./g, '\\.')}\\.?\\s+[A-Z]`, 'i');

const text = [
  'Terms of the agreement.',
  '4.2 The Supplier shall keep records.',
  '> * 7.3. Quoted and listed.',
  'SECTION\n\n  9.1 after a heading word and blank lines',
  'Flattened from a PDF:   14.3 Termination rights.   15.2  lower case follows',
  'Tab\t16.4 Fees and\t17.5 7',
  'Not a clause start: see 21.3 below, and 22.1.5 is deeper.',
  'Article IV Roman numerals.',
  'Ends with 30.1',
].join('\n');
const model = buildContractModel(text, 0, 'markdown');

describe('numbers written where a clause starts', () => {
  it('finds numbers at line starts, after marks, clause words and runs of spaces', () => {
    for (const n of ['4.2', '7.3', '9.1', '14.3', '15.2', '16.4', 'iv', 'IV']) assert.equal(numberWrittenInText(model, n), true, n);
  });

  it('does not find numbers inside a sentence, deeper numbers or a number with no word after a space run', () => {
    for (const n of ['21.3', '22.1', '22.1.5', '4', '17.5', '30.1', '2', '7']) assert.equal(numberWrittenInText(model, n), false, n);
  });

  it('answers as the expression over the whole text does', () => {
    for (const n of ['4.2', '4.2.', '7.3', '7', '9.1', '14.3', '15.2', '16.4', '17.5', '21.3', '22.1.5', 'iv', 'IV', 'terms', '30.1', '1']) {
      assert.equal(numberWrittenInText(model, n), WRITTEN(n).test(model.text), n);
    }
  });
});
