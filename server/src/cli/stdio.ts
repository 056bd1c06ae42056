/**
 * The CLI's standard output and error. When one is a pipe, a socket or a file (a CI log, a hook's
 * captured output, `| less`, the bench), text is written straight to its file descriptor with
 * `fs.writeSync`. Node builds `process.stdout` and `process.stderr` on first use, and for a pipe or
 * socket that loads net, its stream classes and bindings: about 15 million instructions of a small
 * contract's cold run (docs/performance.md), to write a few lines that Node would write synchronously
 * anyway (pipes and files are synchronous on POSIX). A terminal or a character device (/dev/null),
 * every descriptor on Windows, and the rest of a write that fails (EAGAIN on a non-blocking pipe,
 * EPIPE when the reader went away) go to Node's stream as before, so those cases behave as they did:
 * once handed over, every later write goes to the stream too, keeping the order of the text.
 */
import * as fs from 'node:fs';

/** What the CLI writes to (run.ts's `stdout` and `stderr`). */
export interface CliOutput {
  write(text: string): boolean;
  /**
   * Writes bytes already encoded as UTF-8, in order: the JSON report is encoded file by file while the
   * review goes on (run.ts), so nothing of 9 MB is joined or encoded after the last review.
   */
  writeBytes(chunks: readonly Uint8Array[]): boolean;
  /** As `process.stdout.isTTY`: true only for a terminal. */
  readonly isTTY: boolean | undefined;
}

/** Whether `fd` can be written directly: a pipe, socket or regular file on a POSIX system. */
export function writableDirectly(fd: number, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return false;
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

/**
 * An output on `fd` that writes directly when it can (see above) and otherwise through `stream()`,
 * which is called (and Node's stream made) only when it is needed. Nothing is checked or loaded
 * until the first write or `isTTY`.
 */
export function cliOutput(fd: number, stream: () => NodeJS.WritableStream & { isTTY?: boolean }, direct: (fd: number) => boolean = writableDirectly): CliOutput {
  let mode: 'unknown' | 'direct' | 'stream' = 'unknown';
  const isDirect = (): boolean => {
    if (mode === 'unknown') mode = direct(fd) ? 'direct' : 'stream';
    return mode === 'direct';
  };
  /** Writes `bytes` directly, or through the stream once a direct write failed (see above). */
  const writeChunk = (bytes: Uint8Array): boolean => {
    if (!isDirect()) return stream().write(bytes);
    let done = 0;
    try {
      while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      return true;
    } catch {
      // The rest, and everything after it, through Node's stream: it waits out a full non-blocking
      // pipe, and reports a closed one as it always has (the CLI's EPIPE handler in main.ts).
      mode = 'stream';
      return stream().write(bytes.subarray(done));
    }
  };
  return {
    write(text: string): boolean {
      return isDirect() ? writeChunk(Buffer.from(text, 'utf8')) : stream().write(text);
    },
    writeBytes(chunks: readonly Uint8Array[]): boolean {
      let ok = true;
      for (const chunk of chunks) if (chunk.length) ok = writeChunk(chunk) && ok;
      return ok;
    },
    get isTTY(): boolean | undefined {
      return isDirect() ? false : stream().isTTY;
    },
  };
}
