/**
 * Preload (node --require) for the "nothing leaves the machine" test: replaces every way Node offers
 * to reach the network or start another program with a stub that records the attempt and throws.
 * Attempts go to the file named by CLAUSEWISE_TRAP_LOG, one line each; "loaded <threadId>" lines
 * show which threads (the main one, review workers) ran with the traps in place.
 */
'use strict';
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

const LOG = process.env.CLAUSEWISE_TRAP_LOG;
const record = (line) => { if (LOG) fs.appendFileSync(LOG, `${line}\n`); };

function trap(target, name, label) {
  if (!target || typeof target[name] !== 'function') return;
  const what = `${label}.${name}`;
  const stub = function trapped() {
    record(`attempt ${what} (thread ${threadId})`);
    throw new Error(`blocked by the no-network test: ${what}`);
  };
  try {
    Object.defineProperty(target, name, { value: stub, writable: true, configurable: true });
  } catch {
    target[name] = stub;
  }
}

const net = require('node:net');
for (const n of ['connect', 'createConnection']) trap(net, n, 'net');
trap(net.Socket.prototype, 'connect', 'net.Socket.prototype');
const tls = require('node:tls');
trap(tls, 'connect', 'tls');
const dgram = require('node:dgram');
trap(dgram, 'createSocket', 'dgram');
const dns = require('node:dns');
for (const n of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  trap(dns, n, 'dns');
  trap(dns.promises, n, 'dns.promises');
}
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  for (const n of ['request', 'get', 'connect']) trap(m, n, mod.slice(5));
}
trap(globalThis, 'fetch', 'globalThis');
trap(globalThis, 'WebSocket', 'globalThis');
const cp = require('node:child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(cp, n, 'child_process');

record(`loaded ${threadId}`);
