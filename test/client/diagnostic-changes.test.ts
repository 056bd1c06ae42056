// The client's side of diagnostic changes (client/src/diagnostic-changes.ts), as the VS Code client
// (client/src/extension.ts), the bench and lsp-trace use it: splices applied in order to a new list,
// never in place; a change on another version than the one held, or one that does not fit, makes the
// client ask for the whole list; a change arriving while the full publish before it is still being
// converted waits for it and applies to its list.
import { strict as assert } from 'node:assert';
import { applySplices, DiagnosticLists, DiagnosticsReceiver, sendsDiagnosticChanges, type ReceiverHost } from '../../client/src/diagnostic-changes';
import { DIAGNOSTIC_CHANGES_KEY } from '../../server/src/lsp/protocol';

describe('client: diagnostic changes applied', () => {
  it('reads from the initialize result whether the server sends changes', () => {
    assert.equal(sendsDiagnosticChanges({ capabilities: { experimental: { [DIAGNOSTIC_CHANGES_KEY]: true } } }), true);
    assert.equal(sendsDiagnosticChanges({ capabilities: { experimental: { [DIAGNOSTIC_CHANGES_KEY]: 'yes' } } }), false);
    assert.equal(sendsDiagnosticChanges({ capabilities: {} }), false);
    assert.equal(sendsDiagnosticChanges(undefined), false);
  });

  it('applies splices in order to a new list, leaving the old one as it was', () => {
    const list = ['a', 'b', 'c', 'd', 'e'];
    const out = applySplices(list, [{ start: 1, deleteCount: 2, items: ['X'] }, { start: 3, deleteCount: 1, items: ['Y', 'Z'] }]);
    assert.deepEqual(out, ['a', 'X', 'd', 'Y', 'Z']);
    assert.deepEqual(list, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(applySplices(list, [{ start: 5, deleteCount: 0, items: ['f'] }]), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(applySplices(list, [{ start: 0, deleteCount: 5, items: [] }]), []);
    // Splices going back (the second starts before the end of the first's items) apply one after the other.
    assert.deepEqual(applySplices(list, [{ start: 3, deleteCount: 1, items: ['X', 'Y'] }, { start: 1, deleteCount: 1, items: [] }]), ['a', 'c', 'X', 'Y', 'e']);
    assert.deepEqual(applySplices(list, [{ start: 1, deleteCount: 0, items: ['X'] }, { start: 1, deleteCount: 1, items: ['Y'] }]), ['a', 'Y', 'b', 'c', 'd', 'e']);
    assert.equal(applySplices(list, [{ start: 4, deleteCount: 0, items: ['X'] }, { start: 0, deleteCount: 7, items: [] }]), undefined);
    // Many one-item splices through the list, as an edit that changes a figure mentioned on every other line gives.
    const long = Array.from({ length: 1000 }, (_, i) => `d${i}`);
    const every = Array.from({ length: 500 }, (_, k) => ({ start: 2 * k, deleteCount: 1, items: [`D${2 * k}`] }));
    assert.deepEqual(applySplices(long, every), long.map((d, i) => (i % 2 ? d : d.toUpperCase())));
    const same = applySplices(list, []);
    assert.deepEqual(same, list);
    assert.notEqual(same, list);
  });

  it('refuses splices that do not fit the list', () => {
    const list = ['a', 'b'];
    for (const bad of [{ start: 3, deleteCount: 0 }, { start: 1, deleteCount: 2 }, { start: -1, deleteCount: 0 }, { start: 0.5, deleteCount: 0 }, { start: 0, deleteCount: -1 }]) {
      assert.equal(applySplices(list, [{ ...bad, items: [] }]), undefined, JSON.stringify(bad));
    }
    assert.equal(applySplices(list, [{ start: 0, deleteCount: 0, items: null as unknown as string[] }]), undefined);
  });

  it('applies a change only to the version it names, and nothing after a refused one until a full publish', () => {
    const lists = new DiagnosticLists<string>();
    assert.equal(lists.change('u', 1, 2, []), undefined, 'nothing held');
    lists.full('u', 1, ['a', 'b']);
    assert.deepEqual(lists.change('u', 1, 2, [{ start: 1, deleteCount: 1, items: ['c'] }]), ['a', 'c']);
    assert.equal(lists.change('u', 1, 3, []), undefined, 'v2 is held, not v1');
    assert.equal(lists.get('u'), undefined);
    assert.equal(lists.change('u', 2, 3, []), undefined, 'forgotten after a refused change');
    lists.full('u', 5, ['z']);
    assert.deepEqual(lists.change('u', 5, 6, [{ start: 1, deleteCount: 0, items: ['y'] }]), ['z', 'y']);
    assert.deepEqual(lists.get('u'), { version: 6, list: ['z', 'y'] });
  });

  it('receives in order: a change waits for the full publish being converted, a refused one asks for the whole list', async () => {
    const shown: Array<[string, readonly string[]]> = [];
    const resent: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => { release = r; });
    const host: ReceiverHost<{ m: string }, string> = {
      convertAll: async (ds) => { await slow; return ds.map((d) => d.m.toUpperCase()); },
      convertSome: (ds) => ds.map((d) => d.m.toUpperCase()),
      show: (uri, list) => { shown.push([uri, list]); },
      resend: (uri) => { resent.push(uri); },
      log: () => undefined,
    };
    const r = new DiagnosticsReceiver(host);
    const a = r.published({ uri: 'u', version: 1, diagnostics: [{ m: 'a' }, { m: 'b' }, { m: 'c' }] });
    const b = r.changed({ uri: 'u', version: 2, previousVersion: 1, changes: [{ start: 1, deleteCount: 1, diagnostics: [{ m: 'x' }] }] });
    const other = r.changed({ uri: 'v', version: 2, previousVersion: 1, changes: [] });
    await other;
    assert.deepEqual(resent, ['v'], 'another document is not held up, and holds nothing');
    assert.deepEqual(shown, []);
    release();
    await Promise.all([a, b]);
    assert.deepEqual(shown, [['u', ['A', 'B', 'C']], ['u', ['A', 'X', 'C']]]);
    await r.changed({ uri: 'u', version: 4, previousVersion: 3, changes: [] });
    assert.deepEqual(resent, ['v', 'u'], 'a gap');
    assert.equal(shown.length, 2);
  });

  it('drops what was queued when the server stops', async () => {
    const shown: string[][] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => { release = r; });
    const r = new DiagnosticsReceiver<string, string>({
      convertAll: async (ds) => { await slow; return ds; },
      convertSome: (ds) => ds,
      show: (_uri, list) => { shown.push([...list]); },
      resend: () => undefined,
      log: () => undefined,
    });
    const a = r.published({ uri: 'u', version: 1, diagnostics: ['a'] });
    r.clear();
    release();
    await a;
    assert.deepEqual(shown, []);
    assert.equal(r.lists.get('u'), undefined);
  });

  it('a full publish that cannot be converted is logged, and the next change asks for the whole list', async () => {
    const logs: string[] = [];
    const resent: string[] = [];
    const r = new DiagnosticsReceiver<string, string>({
      convertAll: async () => { throw new Error('bad'); },
      convertSome: (ds) => ds,
      show: () => undefined,
      resend: (uri) => { resent.push(uri); },
      log: (m) => { logs.push(m); },
    });
    await r.published({ uri: 'u', version: 1, diagnostics: ['a'] });
    assert.equal(logs.length, 1);
    await r.changed({ uri: 'u', version: 2, previousVersion: 1, changes: [] });
    assert.deepEqual(resent, ['u']);
  });
});
