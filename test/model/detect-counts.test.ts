import assert from 'node:assert/strict';
import { buildContractModel, detectContract } from '../../server/src/model';
import { matchCounter } from '../../server/src/model/detect';
import { watchingExec } from '../support/expressions-run';

// Issue 13, alloc: contract detection counts its vocabulary only as far as its tests need
// (model/detect.ts matchCounter), where it made an array of every match over the whole text.

/** Calls of RegExp.prototype.exec made by `run` (String.prototype.match calls it too, once per match). */
function execCalls(run: () => void): number {
  let calls = 0;
  watchingExec(() => calls++, run);
  return calls;
}

/** The rules of detectContract on every match counted (what it did before). */
function reference(text: string, title: string, roles: Set<string>): boolean {
  const words = text.length / 6;
  if (words < 40) return false;
  const obligations = (text.match(/\b(shall|must|will|agrees? to|undertakes? to|is responsible for|warrants?)\b/gi) ?? []).length;
  const contractWords = (text.match(/\b(hereby|herein|hereunder|hereto|thereof|party|parties|termination|terminate|indemnif\w*|liability|liable|governing law|in witness whereof|effective date|confidential information|service levels?|service credits?|this (?:agreement|contract|schedule)|warrant(?:y|ies|s))\b/gi) ?? []).length;
  const titled = /\b(agreement|contract|statement of work|sow|service level|sla|terms and conditions|terms of service|standard terms|schedule|addendum|order form|work order|memorandum of understanding|data processing|dpa|performance work statement|licen[cs]e)\b/i.test(title);
  const hasParties = roles.has('supplier') || roles.has('customer') || /\bbetween\s[^\n]{0,300}?\sand\s/i.test(text.slice(0, 5000));
  const selfReferences = (text.match(/\bthis (?:agreement|contract|statement of work|schedule)\b/gi) ?? []).length;
  const density = (contractWords / words) * 1000;
  if (titled && (hasParties || contractWords >= 5 || obligations >= 5)) return true;
  if (hasParties && contractWords >= 8 && obligations >= 8) return true;
  if (roles.has('supplier') && roles.has('customer') && obligations >= 10) return true;
  if (selfReferences >= 3 && obligations >= 5) return true;
  return density >= 6 && obligations >= 15 && contractWords >= 15;
}

describe('model: contract detection counts only what it needs (issue 13, alloc)', () => {
  it('reads a long agreement only as far as its first few obligations', () => {
    const text = `# Services Agreement\n\n${Array.from({ length: 3000 }, (_, i) => `The provider shall deliver item ${i} on time.`).join('\n\n')}\n`;
    const model = buildContractModel(text);
    let d = detectContract(model);
    const calls = execCalls(() => { d = detectContract(model); });
    assert.equal(d.isContract, true, d.reason);
    assert.ok(calls < 40, `${calls} calls of exec`);
  });

  it('a counter asked for n matches stops at the nth, and counts them all for Infinity', () => {
    const text = 'shall '.repeat(500);
    const re = /\bshall\b/g;
    const count = matchCounter(text, re);
    assert.equal(execCalls(() => assert.ok(count(3))), 3);
    assert.equal(execCalls(() => assert.ok(count(5))), 2, 'resumed where it stopped');
    assert.equal(count(Infinity), 500);
    assert.equal(count(501), 0);
    assert.equal(re.lastIndex, 0, 'the shared expression is left as found');
  });

  it('gives the answer full counts give, on texts around every threshold', () => {
    const vocab = ['shall', 'the parties', 'termination', 'this agreement', 'liability', 'hereby'];
    const titles = ['# Services Agreement', '# Notes', '# Handbook of Work'];
    const openings = ['', 'Between Acme Ltd and Brill plc.', 'Acme Ltd (the "Supplier") and Brill plc (the "Customer").'];
    let n = 0;
    const answers = new Set<boolean>();
    for (const title of titles) for (const opening of openings) for (let k = 0; k < 20; k += 3) for (const word of vocab) {
      const filler = Array.from({ length: 30 }, (_, i) => `Line ${i} of plain words about the weather.`).join(' ');
      const text = `${title}\n\n${opening}\n\n${filler}\n\n${Array.from({ length: k }, (_, i) => `Item ${i}: ${word} apply ${i % 2 ? 'must' : 'and'} this.`).join('\n\n')}\n`;
      const model = buildContractModel(text);
      const roles = new Set(model.parties.map((p) => p.role));
      const expected = reference(model.text, model.title, roles);
      assert.equal(detectContract(model).isContract, expected, text);
      answers.add(expected);
      n++;
    }
    assert.ok(n > 300);
    assert.equal(answers.size, 2, 'contracts and non-contracts among them');
  });
});
