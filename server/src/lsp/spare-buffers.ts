/**
 * The buffers that carry a document's diagnostics from the review worker to the server's thread,
 * used again (issue 13, payload). A 1 MB contract's publish is 1.58 MB of JSON per keystroke; the
 * worker wrote it into a fresh buffer each time, touching 1.58 MB of new pages on the keystroke's
 * path (2 to 5 ms of the worker's CPU on a loaded machine, against about 0.6 ms for the same bytes
 * written into a buffer already touched), and the server's thread then held that memory as external
 * memory until its garbage collector freed it. Now the server's thread hands each buffer back once
 * its bytes are in the output buffer (./server.ts publish, ./review-thread.ts giveBack), and the
 * worker writes the next publish into it.
 *
 * A few buffers at most are kept, the smallest that fits is taken, and a new one gets some room to
 * grow (typing adds findings), so that one buffer serves a document's keystrokes.
 */
import { isJsonWriter, type JsonText } from './raw-json';

/** Buffers kept at most (a second for when two documents of different sizes take turns). */
const MAX_KEPT = 2;
/** Buffers larger than this are not kept (bounds what an outsize document leaves behind). */
const LARGEST_KEPT = 32 * 1024 * 1024;
/** A new buffer's room beyond what it is made for, as a share of that. */
const HEADROOM = 0.125;

export class SpareBuffers {
  private readonly kept: ArrayBuffer[] = [];
  /** Buffers handed out that were taken from the spares (tests, traces). */
  reused = 0;

  /** A buffer handed back: kept for a later publish. */
  give(buffer: ArrayBuffer): void {
    // A detached buffer (transferred again meanwhile) has no bytes.
    if (buffer.byteLength === 0 || buffer.byteLength > LARGEST_KEPT || this.kept.includes(buffer)) return;
    this.kept.push(buffer);
    if (this.kept.length > MAX_KEPT) {
      // The smallest goes.
      let smallest = 0;
      for (let i = 1; i < this.kept.length; i++) if (this.kept[i].byteLength < this.kept[smallest].byteLength) smallest = i;
      this.kept.splice(smallest, 1);
    }
  }

  /** A buffer of at least `size` bytes: the smallest spare that fits, else a new one with room to grow. */
  take(size: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.kept.length; i++) {
      const b = this.kept[i].byteLength;
      if (b >= size && (best < 0 || b < this.kept[best].byteLength)) best = i;
    }
    if (best >= 0) {
      this.reused++;
      return this.kept.splice(best, 1)[0];
    }
    return Buffer.allocUnsafeSlow(size + Math.ceil(size * HEADROOM)).buffer as ArrayBuffer;
  }

  /** Idle: only the largest spare stays (the next keystroke's publish needs one). */
  trim(): void {
    if (this.kept.length < 2) return;
    this.kept.sort((a, b) => b.byteLength - a.byteLength);
    this.kept.length = 1;
  }

  /** Bytes held in spares (tests, memory logs). */
  get heldBytes(): number {
    return this.kept.reduce((n, b) => n + b.byteLength, 0);
  }

  /** The JSON's UTF-8 bytes in a spare buffer (or a new one): a view of its first bytes, to transfer with its buffer. */
  bytesOf(json: JsonText): Uint8Array {
    if (typeof json === 'string') {
      const size = Buffer.byteLength(json, 'utf8');
      const out = Buffer.from(this.take(size), 0, size);
      out.write(json, 0, 'utf8');
      return new Uint8Array(out.buffer, 0, size);
    }
    const size = json.byteLength;
    const out = new Uint8Array(this.take(size), 0, size);
    if (isJsonWriter(json)) json.writeTo(out, 0);
    else out.set(json);
    return out;
  }
}
