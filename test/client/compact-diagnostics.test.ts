// The VS Code client's putting back of compact diagnostics (client/src/compact-diagnostics.ts): the
// rule's source, link and category from the index the server sent, onto diagnostics without a
// source whose code it names; anything else is left as it came.
import { strict as assert } from 'node:assert';
import { restoreDiagnostics, ruleIndexOf } from '../../client/src/compact-diagnostics';
import { RULE_INDEX_KEY, type RuleIndex } from '../../server/src/lsp/protocol';

const INDEX: RuleIndex = {
  source: 'clausewise',
  rules: {
    'vague-wording': { href: 'https://example.org/rules/vague-wording.md', category: 'drafting' },
    'audit-rights': { href: 'https://example.org/rules/audit-rights.md', category: 'audit' },
  },
};

interface D { source?: string; code?: string | number | { value: string | number; target: { href: string } }; data?: unknown; message: string }

describe('client: compact diagnostics put back', () => {
  it('reads the index from the initialize result, and nothing from a server that sent none', () => {
    assert.equal(ruleIndexOf({ capabilities: { experimental: { [RULE_INDEX_KEY]: INDEX } } }), INDEX);
    assert.equal(ruleIndexOf({ capabilities: {} }), undefined);
    assert.equal(ruleIndexOf({ capabilities: { experimental: { [RULE_INDEX_KEY]: { source: 1 } } } }), undefined);
    assert.equal(ruleIndexOf(undefined), undefined);
  });

  it('puts back source, link and category, the category first in data, each link parsed once', () => {
    const links: string[] = [];
    const ds: D[] = [
      { code: 'vague-wording', message: 'a' },
      { code: 'audit-rights', message: 'b', data: { clauseIds: ['audit-rights'] } },
      ...Array.from({ length: 50 }, (_, i): D => ({ code: i % 2 ? 'vague-wording' : 'audit-rights', message: `m${i}` })),
    ];
    restoreDiagnostics(ds, INDEX, (href) => { links.push(href); return { href }; });
    assert.deepEqual(ds[0], { code: { value: 'vague-wording', target: { href: INDEX.rules['vague-wording'].href } }, message: 'a', source: 'clausewise', data: { category: 'drafting' } });
    assert.equal(ds[1].source, 'clausewise');
    assert.equal(JSON.stringify(ds[1].data), '{"category":"audit","clauseIds":["audit-rights"]}');
    assert.deepEqual(links.sort(), [INDEX.rules['audit-rights'].href, INDEX.rules['vague-wording'].href]);
    assert.ok(ds.slice(2).every((d) => d.source === 'clausewise' && typeof d.code === 'object' && (d.data as { category: string }).category === (d.code.value === 'audit-rights' ? 'audit' : 'drafting')));
  });

  it('leaves whole diagnostics, unknown codes and other sources alone', () => {
    const whole: D = { source: 'clausewise', code: 'invalid-config', message: 'c', data: { category: null } };
    const unknown: D = { code: 'no-such-rule', message: 'd' };
    const inherited: D = { code: 'constructor', message: 'e' };
    const other: D = { source: 'markdownlint', code: 'vague-wording', message: 'f' };
    const before = JSON.stringify([whole, unknown, inherited, other]);
    restoreDiagnostics([whole, unknown, inherited, other], INDEX, (href) => ({ href }));
    assert.equal(JSON.stringify([whole, unknown, inherited, other]), before);
  });
});
