import assert from 'node:assert/strict';
import { furnitureLines, furnitureStats } from '../../server/src/model/plain';

// Most lines of a contract converted from a PDF are longer than 90 characters: such a line is page
// furniture only when its key is that of three shorter lines, and it is read whole only when its key
// opens as one of those keys does (model/plain.ts furnitureOfTrimmed, issue 13, climodel).
describe('plain text: long lines and page furniture (model/plain.ts)', () => {
  const sentence = (i: number) => `The Supplier shall keep record ${i} of the Services available to the Customer for inspection at any time`;

  it('reads no long line whole when no key is counted three times', () => {
    const lines = Array.from({ length: 300 }, (_, i) => sentence(i));
    furnitureStats.longLinesHashed = 0;
    assert.deepEqual([...furnitureLines(lines)], []);
    assert.equal(furnitureStats.longLinesHashed, 0);
  });

  it('reads only the long lines whose key opens as a repeated key does, and finds those that share it', () => {
    const lines: string[] = [];
    for (let page = 1; page <= 40; page++) {
      lines.push(`Confidential Exhibit ${page}`);
      for (let i = 0; i < 5; i++) lines.push(sentence(page * 10 + i));
    }
    // Over 90 characters, the same key as the footers ("confidential exhibit #"), and another that opens as they do.
    const long = `Confidential    Exhibit ${'9'.repeat(90)}`;
    const other = `Confidential Exhibit 7 is attached to the Services Agreement between the Supplier and the Customer`;
    lines.push(long, other);
    furnitureStats.longLinesHashed = 0;
    const found = furnitureLines(lines);
    assert.equal(furnitureStats.longLinesHashed, 2);
    assert.ok(found.has(lines.length - 2), 'the long line with the footers\' key is furniture');
    assert.ok(!found.has(lines.length - 1), 'the long line with another key is not');
    for (let page = 0; page < 40; page++) assert.ok(found.has(page * 6), `footer ${page + 1}`);
    assert.equal(found.size, 41);
  });
});
