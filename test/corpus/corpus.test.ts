import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { review, CATEGORY_IDS } from '../../server/src/engine';

const corpusDir = resolve(__dirname, '../../../shared/corpus/contracts');

describe('real contracts in ../shared/corpus', function () {
  if (!existsSync(corpusDir)) {
    it.skip(`skipped: ${corpusDir} is absent (the labelled corpus is provided in CI)`, () => {});
    return;
  }
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort();
  it('has contracts to review', () => assert.ok(files.length > 0));
  for (const file of files) {
    it(`reviews ${file} without crashing, with ranges inside the document`, () => {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const result = review({ text, path: file });
      assert.equal(result.isContract, true, `${file} should read as a contract: ${result.reason}`);
      assert.deepEqual(Object.keys(result.coverage), [...CATEGORY_IDS]);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of result.diagnostics) {
        assert.ok(d.range.start.line < lines.length && d.range.end.line < lines.length, `${d.ruleId} range outside ${file}`);
        assert.ok(d.range.end.character <= lines[d.range.end.line].length, `${d.ruleId} end column past the line in ${file}`);
        assert.ok(d.message.length > 10);
      }
    });
  }
});
