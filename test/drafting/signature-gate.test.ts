import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildContractModel } from '../../server/src/model';
import { anyWordExpression } from '../../server/src/model/word-gate';
import { mayOpenSignatures, OPENER, OPENER_PIECES, OPENER_WORDS } from '../../server/src/drafting/signatures';

// The signature search gates every block with pieces of the opener words (issue 13, signatures):
// the gate may pass more texts than the words, never fewer.
describe('signature openers: the pieces gate', () => {
  it('every opener word, in any case, holds one of the pieces', () => {
    for (const w of OPENER_WORDS) {
      for (const written of [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]) assert.equal(mayOpenSignatures(written), true, written);
      assert.ok(OPENER_PIECES.some((p) => w.includes(p)), w);
    }
  });

  it('never says no to a text of the corpus or cuad-dev that holds an opener word or an opener', function () {
    const shared = resolve(__dirname, '../../../shared');
    if (!existsSync(shared)) { this.skip(); return; }
    const words = anyWordExpression(OPENER_WORDS);
    const texts: string[] = [];
    const corpus = join(shared, 'corpus/contracts');
    // Block texts as the search reads them (the corpus is small enough to model).
    if (existsSync(corpus)) for (const f of readdirSync(corpus).filter((n) => n.endsWith('.md')).sort()) for (const b of buildContractModel(readFileSync(join(corpus, f), 'utf8')).blocks) texts.push(b.text);
    // cuad-dev's lines and paragraphs as written (modelling 254 filings would take minutes).
    const cuad = join(shared, 'cuad-dev');
    if (existsSync(cuad)) for (const f of readdirSync(cuad).filter((n) => n.endsWith('.txt')).sort()) { const t = readFileSync(join(cuad, f), 'utf8'); texts.push(...t.split(/\n\s*\n/), ...t.split('\n')); }
    if (!texts.length) { console.log('    (../shared has no corpus or cuad-dev: skipped)'); this.skip(); return; }
    let held = 0;
    for (const text of texts) {
      if (!words.test(text) && !OPENER.test(text)) continue;
      held++;
      assert.equal(mayOpenSignatures(text), true, JSON.stringify(text.slice(0, 200)));
    }
    // Not vacuous: the filings sign "on behalf of", "IN WITNESS WHEREOF", "executed", "signature".
    assert.ok(held > 1000, `${held} texts hold an opener word`);
  });
});
