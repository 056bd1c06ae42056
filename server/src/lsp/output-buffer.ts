/**
 * The stdio writer's encoder, writing each message into one buffer kept for the next (issue 13).
 * A publish is large (about 170 KB of JSON for a 100 KB contract, 1.6 MB for 1 MB), and a fresh
 * buffer of that size for every message cost more of the server's thread than making the JSON
 * itself: each is new memory, touched page by page (measured: 0.6 ms of CPU and up to 2 ms of wall
 * time per 230 KB publish, against 0.02 ms to write into a kept buffer).
 *
 * A message comes in pieces (./raw-json.ts messageParts): text, the UTF-8 bytes of diagnostics
 * made in the review worker, and diagnostics that write their JSON themselves from what is kept for
 * each finding (./diagnostics-json.ts, reviews in the server's thread). Each piece is written (or copied) into the buffer where the one
 * before ended, so a large publish is never joined into one string first (a copy of 1.6 MB, and a
 * fresh allocation, per publish).
 *
 * Safe only on a stream that is done with a buffer once its write has called back, such as a pipe
 * or a socket (net.Socket): vscode-jsonrpc's writer encodes the next message only after the
 * previous one's write has called back (one message at a time, under its write lock). An
 * in-memory stream (a PassThrough) keeps the buffer it was given, so ./gate.ts uses this only for
 * sockets and pipes.
 */
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import { asText, isJsonWriter, type JsonParts } from './raw-json';

/** Messages smaller than this come from Node's shared pool as before (Buffer.from). */
const SMALL = 16 * 1024;
/** A message larger than this gets a buffer of its own, not kept (bounds what is kept). */
const LARGEST_KEPT = 32 * 1024 * 1024;

export function reusingEncoder(toJson: (msg: Message) => string | JsonParts): ContentTypeEncoder {
  let kept: Buffer | undefined;
  return {
    name: 'application/json',
    encode: (msg, options) => {
      try {
        const json = toJson(msg);
        const charset = options.charset as BufferEncoding;
        // Bytes are UTF-8: for any other charset (never used by ./gate.ts) they are written as text.
        const utf8 = /^utf-?8$/i.test(charset);
        const parts = typeof json === 'string' ? [json] : utf8 ? json : json.map(asText);
        if (parts.length === 1 && typeof parts[0] === 'string' && parts[0].length < SMALL) return Promise.resolve(Buffer.from(parts[0], charset));
        const sizes = parts.map((p) => (typeof p === 'string' ? Buffer.byteLength(p, charset) : p.byteLength));
        const size = sizes.reduce((a, b) => a + b, 0);
        let out: Buffer;
        if (size < SMALL || size > LARGEST_KEPT) out = Buffer.allocUnsafe(size);
        else {
          if (!kept || kept.length < size) kept = Buffer.allocUnsafeSlow(Math.min(LARGEST_KEPT, Math.max(size, Math.ceil(size * 1.25))));
          out = kept;
        }
        let at = 0;
        parts.forEach((p, i) => {
          if (typeof p === 'string') out.write(p, at, sizes[i], charset);
          else if (isJsonWriter(p)) p.writeTo(out, at);
          else out.set(p, at);
          at += sizes[i];
        });
        return Promise.resolve(out.subarray(0, size));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}
