// Which test files make up which suite, read by .mocharc.cjs (`npx mocha`) and
// .mocharc.integration.cjs (`npm run test:integration`): the file name decides, so a new test file
// joins a suite without touching either config.
'use strict';

const INTEGRATION = 'test/**/*.integration.test.ts';

module.exports = {
  unit: { spec: ['test/**/*.test.ts'], ignore: [INTEGRATION] },
  integration: { spec: [INTEGRATION] },
};
