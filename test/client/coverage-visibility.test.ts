// The Contract Review view (client/src/coverage.ts) asks the server for coverage only while it is
// shown: each keystroke's review asks it to refresh twice (status, then diagnostics), and a hidden
// view has nothing to show. Shown again, it loads. Runs against a small stand-in for the `vscode`
// module: only what the view touches.
import { strict as assert } from 'node:assert';
import Module from 'node:module';

type Listener<T> = (e: T) => void;
class Emitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (l: Listener<T>) => { this.listeners.push(l); return { dispose: () => undefined }; };
  fire(e: T): void { for (const l of this.listeners) l(e); }
  dispose(): void { this.listeners = []; }
}

const visibility = new Emitter<{ visible: boolean }>();
const diagnosticsChanged = new Emitter<{ uris: Array<{ toString(): string }> }>();
const treeView = { visible: false, description: undefined as string | undefined, message: undefined as string | undefined, onDidChangeVisibility: visibility.event, dispose: () => undefined };
const docUri = { scheme: 'file', path: '/w/contract.md', toString: () => 'file:///w/contract.md' };
const editor = { document: { languageId: 'markdown', uri: docUri } };

const vscodeStub = {
  EventEmitter: Emitter,
  ThemeIcon: class { constructor(readonly id: string, readonly color?: unknown) {} },
  ThemeColor: class { constructor(readonly id: string) {} },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  window: {
    createTreeView: () => treeView,
    onDidChangeActiveTextEditor: new Emitter<unknown>().event,
    activeTextEditor: editor,
  },
  workspace: { onDidCloseTextDocument: new Emitter<unknown>().event },
  languages: { onDidChangeDiagnostics: diagnosticsChanged.event, getDiagnostics: () => [] },
  commands: { executeCommand: async () => undefined },
};

// `vscode` exists only inside the editor: resolved to the stand-in while the view's module loads.
const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = M._load;
M._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStub : load.call(this, request, ...rest);
};
const { CoverageView } = require('../../client/src/coverage') as typeof import('../../client/src/coverage');
M._load = load;

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('client: the Contract Review view reads coverage only while shown', () => {
  it('sends no coverage request while hidden, and loads when shown', async () => {
    const asked: string[] = [];
    const client = {
      isRunning: () => true,
      code2ProtocolConverter: { asUri: (u: { toString(): string }) => u.toString() },
      sendRequest: async (_type: unknown, params: { uri: string }) => {
        asked.push(params.uri);
        return { isContract: true, reason: '', profiles: ['it-outsourcing'], coverage: { sla: 'present' }, assessments: [] };
      },
    };
    const view = new CoverageView(() => client as never);
    try {
      // Keystrokes' reviews: a status, then the diagnostics, each asking for a refresh.
      for (let i = 0; i < 3; i++) {
        view.statusChanged(docUri as never);
        diagnosticsChanged.fire({ uris: [docUri] });
      }
      await settle();
      assert.deepEqual(asked, [], 'hidden: nothing asked');
      treeView.visible = true;
      visibility.fire({ visible: true });
      await settle();
      assert.deepEqual(asked, ['file:///w/contract.md'], 'shown: loaded once');
      assert.match(treeView.description ?? '', /contract\.md: 1\/1 covered/);
      view.statusChanged(docUri as never);
      await settle();
      assert.equal(asked.length, 2, 'shown: each review refreshes it');
    } finally {
      view.dispose();
      treeView.visible = false;
    }
  });
});
