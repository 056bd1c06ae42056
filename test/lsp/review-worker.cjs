// The language server's review worker from its TypeScript source, for the in-memory tests
// (./memory.ts): tsx compiles it as it loads, as `--import tsx` does for the test runner itself.
require('tsx/cjs');
require('../../server/src/lsp/review-worker.ts');
