// `npx mocha`: every test/**/*.test.ts except the slow integration tests (*.integration.test.ts, run
// by `npm run test:integration`, see .mocharc.integration.cjs), spread over one worker process per
// core. New test files are picked up by these globs; name a file *.integration.test.ts when it packs,
// installs, renders with LibreOffice or runs whole pipelines or evaluation scripts.
// CLAUSEWISE_TEST_JOBS sets the number of workers (1 runs the files one after another in this process).
'use strict';
const os = require('node:os');
const suites = require('./test/support/suites.cjs');

const jobs = Number(process.env.CLAUSEWISE_TEST_JOBS) || os.availableParallelism();

module.exports = {
  'node-option': ['import=tsx'],
  extension: ['ts'],
  spec: suites.unit.spec,
  ignore: suites.unit.ignore,
  // Builds dist/ once (when stale) before any worker starts, so no two test files build it at once.
  require: ['./test/support/global-setup.cjs'],
  parallel: jobs > 1,
  jobs,
  // A limit for hung tests, not a speed goal (those live in `npm run bench`): generous, because on a
  // shared machine the workers compete with other work for the cores.
  timeout: 60000,
  reporter: './test/support/reporter.cjs',
};
