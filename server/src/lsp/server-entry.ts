/**
 * dist/server.js: loads the language server's bundle (dist/server-main.js, from ./main.ts) in pieces,
 * so that reading it leaves no large freed block behind (./load-bundle.ts).
 */
import { join } from 'node:path';
import { loadBundle } from './load-bundle';

loadBundle(join(__dirname, 'server-main.js'), module);
