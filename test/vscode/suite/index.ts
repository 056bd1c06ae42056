// Entry point VS Code's test host loads (bundled by test/vscode/run.mjs): runs the *.vscode-test.ts
// files with mocha. They are named so that the default mocha run (test/**/*.test.ts) skips them.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60000 });
  // Install describe/it as globals, then load the suites (bundled, loaded lazily here).
  mocha.suite.emit('pre-require', globalThis, 'extension.vscode-test', mocha);
  await import('./extension.vscode-test');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
