/**
 * `--format json`: exactly the shape of the interface spec, keys in a fixed order, byte-deterministic.
 * Fields are added only when they have something to say, so output without them is unchanged:
 * `citations` per finding (the provisions the active profiles cite for its rule), `suppressed` per
 * file (findings accepted by suppression comments, with the reason and the comment),
 * `summary.baselined` (findings left out because --baseline knows them) and `summary.skipped` (files
 * found but not reviewed: binary or too large; `summary.files` counts only the reviewed ones). For a
 * Word, HTML or PDF file, whose ranges are in its Markdown conversion, each diagnostic also has
 * `source`: the format, the Word paragraph index or PDF page, the clause number and a quote of the text.
 */
import { inertJson, type ReviewDiagnostic, type SuppressedFinding } from '../engine';
import type { FileReport, Report } from './report';

type Range = ReviewDiagnostic['range'];

/**
 * One file's part of the report, exactly as it stands in formatJson's output (indented to its place
 * in `files`, made inert: see inertJson), as UTF-8. The CLI makes it as each file's review comes in,
 * between reviews, so that the report is only joined after the last one.
 */
export function formatJsonFile(f: FileReport): string {
  const bytes = new JsonPartWriter(1 << 14).part(f);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Writes files' parts of the JSON report straight into UTF-8 bytes, the same bytes as
 * `inertJson(JSON.stringify(entry, null, 2))` at the entry's place in `files` (the way this report
 * was made until issue 13, cliout; test/cli/json-writer.test.ts compares the two). That way made an
 * object per finding, its range and fixes, then one string of the whole part, flattened on the
 * first slice, searched again by inertJson and encoded: about 34 MB on the main thread over
 * cuad-dev (cliallocs2), for bytes that only go to the output. Code of our own because no JSON
 * library writes JSON.stringify's indented layout into bytes without building the text first.
 *
 * Parts are written one after another into slabs of memory outside the heap; a part is a view of
 * its slab (a part that does not fit is moved, whole, to a new slab), so the slabs hold the report
 * until it is written and nothing is copied again.
 */
export class JsonPartWriter {
  private buf: Buffer;
  private at = 0;
  /** Where the part being written starts in `buf`. */
  private start = 0;

  constructor(private readonly slab = JSON_SLAB) {
    this.buf = Buffer.allocUnsafeSlow(slab);
  }

  /** The part for file `f`, a view of this writer's memory (formatJsonFile's text as UTF-8). */
  part(f: FileReport): Uint8Array {
    const origins = f.origins && f.source ? f.origins : undefined;
    this.ascii('    {');
    let n = 0;
    n = this.member(n, 3, 'path', f.path);
    n = this.member(n, 3, 'isContract', f.isContract);
    n = this.key(n, 3, 'profiles');
    this.array(f.profiles, 3);
    n = this.key(n, 3, 'coverage');
    this.value(f.coverage, 3);
    n = this.key(n, 3, 'diagnostics');
    const ds = f.diagnostics;
    if (!ds.length) this.ascii('[]');
    else {
      this.ascii('[');
      for (let i = 0; i < ds.length; i++) {
        this.ascii(i ? ',\n        ' : '\n        ');
        this.diagnostic(ds[i], origins ? { format: f.source!, ...origins[i] } : undefined, undefined);
      }
      this.ascii('\n      ]');
    }
    if (f.suppressed.length) {
      n = this.key(n, 3, 'suppressed');
      this.ascii('[');
      for (let i = 0; i < f.suppressed.length; i++) {
        this.ascii(i ? ',\n        ' : '\n        ');
        this.diagnostic(f.suppressed[i].diagnostic, undefined, f.suppressed[i]);
      }
      this.ascii('\n      ]');
    }
    this.close(n, 2, '}');
    const out = this.buf.subarray(this.start, this.at);
    this.start = this.at;
    return out;
  }

  /** A finding at depth 4 (its brace already indented), with a suppressed finding's reason and comment. */
  private diagnostic(d: ReviewDiagnostic, origin: object | undefined, s: SuppressedFinding | undefined): void {
    this.ascii('{');
    let n = 0;
    n = this.member(n, 5, 'ruleId', d.ruleId);
    n = this.member(n, 5, 'category', d.category);
    n = this.member(n, 5, 'severity', d.severity);
    n = this.member(n, 5, 'message', d.message);
    n = this.key(n, 5, 'range');
    this.range(d.range, 5);
    n = this.key(n, 5, 'fixes');
    const fixes = d.fixes;
    if (!fixes.length) this.ascii('[]');
    else {
      this.ascii('[');
      for (let i = 0; i < fixes.length; i++) {
        const x = fixes[i];
        this.ascii(i ? ',\n            {' : '\n            {');
        let m = 0;
        m = this.member(m, 7, 'kind', x.kind);
        m = this.member(m, 7, 'title', x.title);
        if (x.clauseId !== undefined) m = this.member(m, 7, 'clauseId', x.clauseId);
        this.close(m, 6, '}');
      }
      this.ascii('\n          ]');
    }
    if (d.citations?.length) {
      n = this.key(n, 5, 'citations');
      this.array(d.citations, 5);
    }
    if (origin) n = this.member(n, 5, 'source', origin);
    if (s) {
      n = this.member(n, 5, 'reason', s.reason);
      n = this.key(n, 5, 'comment');
      this.ascii('{');
      let m = 0;
      m = this.member(m, 6, 'kind', s.comment.kind);
      m = this.key(m, 6, 'range');
      this.range(s.comment.range, 6);
      this.close(m, 5, '}');
    }
    this.close(n, 4, '}');
  }

  /** A range's two positions, and nothing else the object may hold. */
  private range(r: Range, depth: number): void {
    this.ascii('{');
    let n = 0;
    n = this.key(n, depth + 1, 'start');
    this.position(r.start, depth + 1);
    n = this.key(n, depth + 1, 'end');
    this.position(r.end, depth + 1);
    this.close(n, depth, '}');
  }

  private position(p: Range['start'], depth: number): void {
    this.ascii('{');
    const line = p.line, character = p.character;
    let n = 0;
    if (typeof line === 'number') {
      n = this.key(n, depth + 1, 'line');
      this.number(line);
    } else n = this.member(n, depth + 1, 'line', line);
    if (typeof character === 'number') {
      n = this.key(n, depth + 1, 'character');
      this.number(character);
    } else n = this.member(n, depth + 1, 'character', character);
    this.close(n, depth, '}');
  }

  /**
   * A member of an object at `depth` (its key indented by 2 * depth spaces), after `n` members;
   * left out, as JSON.stringify leaves it out, when the value has no JSON form. Returns the count.
   */
  private member(n: number, depth: number, key: string, v: unknown): number {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return n;
    n = this.key(n, depth, key);
    this.value(v, depth);
    return n;
  }

  /** A member's separator and key, its value to follow. */
  private key(n: number, depth: number, key: string): number {
    // The separator, indent and key, encoded once per depth and key (the report has a dozen keys).
    const keys = (KEYS[depth] ??= new Map());
    let bytes = keys.get(key);
    if (!bytes) {
      bytes = Buffer.from(`,\n${'  '.repeat(depth)}${inertJson(JSON.stringify(key))}: `, 'utf8');
      keys.set(key, bytes);
    }
    this.ensure(bytes.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = n ? 0 : 1; i < bytes.length; i++) buf[at++] = bytes[i];
    this.at = at;
    return n + 1;
  }

  /** Closes an object or array at `depth` that has `n` members (`{}` or `[]` when none). */
  private close(n: number, depth: number, bracket: string): void {
    if (n) {
      this.ascii('\n');
      this.indent(depth);
    }
    this.ascii(bracket);
  }

  private array(items: readonly unknown[], depth: number): void {
    this.ascii('[');
    for (let i = 0; i < items.length; i++) {
      this.ascii(i ? ',\n' : '\n');
      this.indent(depth + 1);
      const v = items[i];
      // In an array, JSON.stringify writes null for what has no JSON form.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') this.ascii('null');
      else this.value(v, depth + 1);
    }
    this.close(items.length, depth, ']');
  }

  /** Any plain JSON value, at the depth of the member or item that holds it. */
  private value(v: unknown, depth: number): void {
    if (typeof v === 'string') this.string(v);
    else if (typeof v === 'number') this.number(v);
    else if (typeof v === 'boolean') this.ascii(v ? 'true' : 'false');
    else if (v === null) this.ascii('null');
    else if (Array.isArray(v)) this.array(v, depth);
    else if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      this.ascii('{');
      let n = 0;
      for (const k of Object.keys(v)) n = this.member(n, depth + 1, k, (v as Record<string, unknown>)[k]);
      this.close(n, depth, '}');
    } else {
      // Nothing the report holds (a bigint would throw there too, a Date has toJSON): as JSON.stringify writes it, re-indented.
      const text = JSON.stringify(v, null, 2);
      if (text === undefined) this.ascii('null');
      else this.utf8(inertJson(text).replace(/\n/g, `\n${'  '.repeat(depth)}`));
    }
  }

  private number(v: number): void {
    if (v >= 0 && v < 0x7fffffff && (v | 0) === v) {
      this.ensure(10);
      const buf = this.buf;
      if (v < 10) {
        buf[this.at++] = 0x30 + v;
        return;
      }
      let digits = 1;
      for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
      let at = this.at + digits;
      this.at = at;
      for (let x = v; digits-- > 0; x = (x / 10) | 0) buf[--at] = 0x30 + (x % 10);
    } else this.ascii(Number.isFinite(v) ? String(v) : 'null');
  }

  private indent(depth: number): void {
    const spaces = 2 * depth;
    this.ensure(spaces);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < spaces; i++) buf[at++] = 0x20;
    this.at = at;
  }

  /** Text of code units below 0x80 with nothing to escape (the report's punctuation and literals). */
  private ascii(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Any text as UTF-8. */
  private utf8(s: string): void {
    this.ensure(3 * s.length);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /**
   * A JSON string as JSON.stringify writes it (quote, backslash and control characters escaped, a
   * lone surrogate as \uXXXX), then made inert (inertJson's characters as \uXXXX), in UTF-8.
   */
  private string(s: string): void {
    // At most six bytes per code unit (\uXXXX), and the quotes.
    this.ensure(6 * s.length + 2);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = 0x22;
    // Printable ASCII here; from the first other character on, stringRest (kept apart, so that this
    // loop's optimised code is not thrown away when a rare character first turns up).
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) {
        at = stringRest(buf, at, s, i);
        break;
      }
      buf[at++] = c;
    }
    buf[at++] = 0x22;
    this.at = at;
  }

  /** Room for `bytes` more bytes of the part being written: a new slab when the current one is full. */
  private ensure(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const written = this.at - this.start;
    const next = Buffer.allocUnsafeSlow(Math.max(this.slab, 2 * (written + bytes)));
    this.buf.copy(next, 0, this.start, this.at);
    this.buf = next;
    this.start = 0;
    this.at = written;
  }
}

const JSON_SLAB = 1 << 20;
/** Per depth, each key's `,\\n`, indent and `"key": `, as UTF-8 (JsonPartWriter.key). */
const KEYS: Array<Map<string, Uint8Array>> = [];
const HEX = '0123456789abcdef';

/** JsonPartWriter.string from `s[from]` on, escaped and encoded into `buf` at `at` (room made); returns the end. */
function stringRest(buf: Buffer, at: number, s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) buf[at++] = c;
      else {
        buf[at++] = 0x5c;
        const short = c === 0x22 ? 0x22 : c === 0x5c ? 0x5c : c === 0x08 ? 0x62 : c === 0x0c ? 0x66 : c === 0x0a ? 0x6e : c === 0x0d ? 0x72 : c === 0x09 ? 0x74 : 0;
        if (short) buf[at++] = short;
        else at = hexEscape(buf, at, c);
      }
    } else if (c <= 0x9f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      buf[at++] = 0x5c;
      at = hexEscape(buf, at, c);
    } else if (c < 0x800) {
      buf[at++] = 0xc0 | (c >> 6);
      buf[at++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        buf[at++] = 0xf0 | (c >> 18);
        buf[at++] = 0x80 | ((c >> 12) & 0x3f);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        // A lone surrogate, as JSON.stringify escapes it.
        buf[at++] = 0x5c;
        at = hexEscape(buf, at, c);
      }
    } else {
      buf[at++] = 0xe0 | (c >> 12);
      buf[at++] = 0x80 | ((c >> 6) & 0x3f);
      buf[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}

/** `uXXXX` (the backslash written already), lower-case hex as JSON.stringify and inertJson write it. */
function hexEscape(buf: Buffer, at: number, c: number): number {
  buf[at++] = 0x75;
  buf[at++] = HEX.charCodeAt((c >> 12) & 15);
  buf[at++] = HEX.charCodeAt((c >> 8) & 15);
  buf[at++] = HEX.charCodeAt((c >> 4) & 15);
  buf[at++] = HEX.charCodeAt(c & 15);
  return at;
}

const FILES_KEY = '"files": []';

/** The report's text around its files: up to the files array's first entry, and from after its last one. */
function skeletonOf(report: Report): { head: string; tail: string } | { whole: string } {
  const out = {
    tool: { name: report.tool.name, version: report.tool.version },
    files: [],
    summary: {
      files: report.summary.files,
      contracts: report.summary.contracts,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      information: report.summary.information,
      hints: report.summary.hints,
      ...(report.summary.baselined !== undefined ? { baselined: report.summary.baselined } : {}),
      ...(report.skipped.length ? { skipped: report.skipped.length } : {}),
    },
  };
  const skeleton = inertJson(JSON.stringify(out, null, 2));
  if (!report.files.length) return { whole: `${skeleton}\n` };
  // The first `"files": []` is the key: before it stand only the tool's name and version, JSON strings
  // whose quotes are escaped.
  const at = skeleton.indexOf(FILES_KEY);
  return { head: `${skeleton.slice(0, at)}"files": [\n`, tail: `\n  ]${skeleton.slice(at + FILES_KEY.length)}\n` };
}

/** The report; `parts` are formatJsonFile of each of its files when they were made beforehand. */
export function formatJson(report: Report, parts?: readonly string[]): string {
  const skeleton = skeletonOf(report);
  if ('whole' in skeleton) return skeleton.whole;
  const files = parts && parts.length === report.files.length ? parts : report.files.map(formatJsonFile);
  return `${skeleton.head}${files.join(',\n')}${skeleton.tail}`;
}

const SEPARATOR = Buffer.from(',\n', 'utf8');

/**
 * formatJson's bytes (UTF-8), in pieces to write one after another, from each file's part already
 * encoded (formatJsonFile as UTF-8, one per file, in file order). The CLI encodes each part as its
 * review comes in; joining 9 MB of text and encoding it after the last review took about a tenth of
 * a second in which the other threads had nothing left to do.
 */
export function formatJsonBytes(report: Report, parts: readonly Uint8Array[]): Uint8Array[] {
  const skeleton = skeletonOf(report);
  if ('whole' in skeleton) return [Buffer.from(skeleton.whole, 'utf8')];
  if (parts.length !== report.files.length) throw new Error(`internal error: ${parts.length} JSON parts for ${report.files.length} files`);
  const out: Uint8Array[] = [Buffer.from(skeleton.head, 'utf8')];
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out.push(SEPARATOR);
    out.push(parts[i]);
  }
  out.push(Buffer.from(skeleton.tail, 'utf8'));
  return out;
}
