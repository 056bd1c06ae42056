/**
 * dist/review-worker.js: loads the review worker's bundle (dist/review-worker-main.js, from
 * ./review-worker.ts) in pieces, as dist/server.js loads the server's (./load-bundle.ts).
 */
import { join } from 'node:path';
import { loadBundle } from './load-bundle';

loadBundle(join(__dirname, 'review-worker-main.js'), module);
