// `npm run test:integration` (part of `npm test`): the slow tests that pack and install the package,
// run the CI pipelines and evaluation scripts from a user's repository, render Word output with
// LibreOffice, or start the CLI and server under network traps. One after another: the package and
// pipeline tests share one `npm pack` per process (test/package/packed.ts).
'use strict';
const suites = require('./test/support/suites.cjs');

module.exports = {
  'node-option': ['import=tsx'],
  extension: ['ts'],
  spec: suites.integration.spec,
  require: ['./test/support/global-setup.cjs'],
  timeout: 120000,
  reporter: './test/support/reporter.cjs',
};
