// The VS Code client's URI cache (client/src/uris.ts): each distinct URI text is parsed once, the same
// object comes back for it, and the cache holds a bounded number of texts.
import { strict as assert } from 'node:assert';
import { cachedParser } from '../../client/src/uris';

describe('client: URIs from the server parsed once per text', () => {
  it('parses each distinct text once and answers the same object for it', () => {
    const parsed: string[] = [];
    const parse = cachedParser((t: string) => { parsed.push(t); return { text: t }; });
    const hrefs = ['https://example.org/rules/a.md', 'https://example.org/rules/b.md'];
    const seen = Array.from({ length: 3880 }, (_, i) => parse(hrefs[i % 3 === 0 ? 1 : 0]));
    assert.deepEqual(parsed, [hrefs[1], hrefs[0]], "each once, in the order first met");
    // i % 3 === 0 reads b, the others a.
    assert.equal(seen[1], seen[2]);
    assert.equal(seen[0], seen[3]);
    assert.equal(seen[1], parse(hrefs[0]));
    assert.notEqual(seen[0], seen[1]);
  });

  it('keeps at most `max` texts, dropping the oldest', () => {
    const parsed: string[] = [];
    const parse = cachedParser((t: string) => { parsed.push(t); return t.length; }, 2);
    for (const t of ['a', 'bb', 'a', 'ccc', 'bb', 'a']) parse(t);
    // 'a' and 'bb' kept; 'ccc' drops 'a'; 'bb' still kept; 'a' parsed again (dropping 'bb').
    assert.deepEqual(parsed, ['a', 'bb', 'ccc', 'a']);
  });
});
