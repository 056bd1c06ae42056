/**
 * How the review worker keeps a review compressed (issue 13, memory): the reviews of documents that
 * lost their incremental state are kept in the worker in this form (./kept-reviews.ts) and expanded
 * again when a request reads them. (Until the worker answered requests itself, every result crossed
 * to the server's thread in this form.)
 *
 * Most blocks of a contract are its source text verbatim: the block's text is a slice of the
 * document, its source offsets count up one by one, and each sentence's text is a slice too. Kept
 * as is, such a block holds its own copy of its text, of every sentence's text and a buffer of four
 * bytes per character; across a 1 MB contract that is about 9 MB of a 15 MB result.
 * `packModel` leaves these texts and offsets out, with a flag per block; `unpackModel` puts them
 * back as slices of the document's own text (V8 keeps a slice as a view of its parent string) and
 * as views of one shared counting buffer. Blocks whose text differs from the source (markup
 * removed, entities decoded) are kept whole.
 *
 * The unpacked model equals the original, value for value. Its offset arrays are views of a shared
 * buffer, so nothing may write to them: a kept review is only read (it is never spliced: the
 * incremental state of a document that lost it is parsed whole again).
 */
import { deserialize, serialize } from 'node:v8';
import { deflateSync, inflateSync } from 'node:zlib';
import type { ReviewResult } from '../engine';
import { contiguousStart, plainBlock, type Block, type ContractModel } from '../model';

/**
 * A model with some blocks' texts and offsets left out: for block i, `textFrom[i]` is where its text
 * starts in the document and `textLength[i]` how long it is, or -1 when the block travels whole.
 */
export interface PackedModel {
  model: ContractModel;
  textFrom: Int32Array;
  textLength: Int32Array;
}

const NO_OFFSETS = new Int32Array(0);

/**
 * Whether the block, and each of its sentences, is the source text verbatim. Reads the offsets
 * through contiguousStart, which does not copy a moved block's offsets (model/offsetBlock.ts).
 */
function isVerbatim(text: string, b: Block): boolean {
  const base = contiguousStart(b);
  if (base < 0 || base + b.text.length > text.length || text.slice(base, base + b.text.length) !== b.text) return false;
  for (const s of b.sentences) if (b.start + s.from !== base + s.textStart || text.slice(b.start + s.from, b.start + s.to) !== s.text) return false;
  return true;
}

/** The model as the worker sends it: a shallow copy, the model itself is left untouched. */
export function packModel(model: ContractModel): PackedModel {
  const textFrom = new Int32Array(model.blocks.length).fill(-1);
  const textLength = new Int32Array(model.blocks.length).fill(-1);
  const blocks = model.blocks.map((b, i): Block => {
    // A plain copy: a copy across threads keeps neither the class nor the accessor of an OffsetBlock.
    if (!isVerbatim(model.text, b)) return plainBlock(b);
    textFrom[i] = contiguousStart(b);
    textLength[i] = b.text.length;
    // (A spread copies an OffsetBlock's own fields, not its offsets, which are set here.)
    return { ...b, text: '', sourceOffsets: NO_OFFSETS, sentences: b.sentences.map((s) => ({ ...s, text: '' })) };
  });
  return { model: { ...model, blocks }, textFrom, textLength };
}

/** 0, 1, 2, ...: verbatim blocks' source offsets are views of it. Grown (never shrunk) to the longest text seen. */
let counting = new Int32Array(0);

function countingUpTo(n: number): Int32Array {
  if (counting.length < n) {
    const next = new Int32Array(Math.max(n, counting.length * 2, 1 << 16));
    for (let i = 0; i < next.length; i++) next[i] = i;
    counting = next;
  }
  return counting;
}

/**
 * The model again, after the copy across threads (changed in place). `text` is the document text
 * the review was made of, as the server's thread holds it: when it equals the model's, the model
 * shares it rather than keep a second copy.
 */
export function unpackModel(packed: PackedModel, text?: string): ContractModel {
  const { model, textFrom, textLength } = packed;
  if (text !== undefined && text.length === model.text.length && text === model.text) model.text = text;
  const source = model.text;
  const numbers = countingUpTo(source.length + 1);
  for (let i = 0; i < model.blocks.length; i++) {
    const from = textFrom[i];
    if (from < 0) continue;
    const to = from + textLength[i];
    const b = model.blocks[i];
    b.text = source.slice(from, to);
    b.sourceOffsets = numbers.subarray(from, to + 1);
    for (const s of b.sentences) s.text = source.slice(b.start + s.from, b.start + s.to);
  }
  return model;
}

/**
 * A review result compressed: the packed model and the rest of the result serialised
 * (v8.serialize) and deflated, in parts (see PART_BYTES). A 1 MB contract's result is about 5 MB
 * serialised without its text and about 0.6 MB deflated, against about 14 MB of heap as objects
 * (issue 13, memory).
 */
export interface CompressedResult {
  /** The deflated parts one after another: first the skeleton, then the slices `layout` lists. */
  bytes: Uint8Array;
  /** How many bytes each deflated part takes in `bytes`, in order. */
  partLengths: number[];
  /** Whether the model's text was left out: it is kept beside the compressed result. */
  textLeftOut: boolean;
}

/** Deflate's fastest level: about 10 ms for a 1 MB contract's result, a tenth of its size. */
const DEFLATE_LEVEL = 1;

/**
 * About how many bytes one serialised part may take (issue 13, memory). v8.serialize writes into
 * one malloc'd buffer that doubles as it grows, and inflating makes one buffer of the whole output:
 * for a whole 1 MB contract's result (7.3 MB with its text) both were 8 to 9 MB. glibc's malloc
 * raises its mmap threshold to the size of the largest such block freed (up to 32 MB) and its trim
 * threshold to twice that, so after the first one every buffer below 9 MB came from an arena and
 * an arena was given back only when 18.7 MB at its top were free: the server's RSS grew over edits
 * by memory malloc held free (docs/performance.md). In parts of about this size a slice's buffer
 * stays under about twice it; the skeleton (sections and the rest, about 1.2 MB for a 1 MB
 * contract) under 2.3 MB: all below the 4.2 MB that Node's own reading of the 3 MB bundle (a
 * std::string that doubles) sets the threshold to at start.
 */
export const PART_BYTES = 512 * 1024;

/**
 * The arrays of a result that are sliced into parts: large, and (checked on the bench's contract and
 * in test/lsp/memory-footprint.test.ts) sharing no object with each other or with the rest of the
 * result, which one serialisation would keep shared and separate ones would not. `sections` is not
 * among them: the assessments' evidence holds some of its objects.
 */
type SlicedArray = 'diagnostics' | 'fixSpecs' | 'blocks' | 'crossReferences';
const SLICED: readonly SlicedArray[] = ['diagnostics', 'fixSpecs', 'blocks', 'crossReferences'];

/** What the skeleton part says about the parts after it: per sliced array and for the text, how many slices. */
interface Layout {
  slices: Partial<Record<SlicedArray, number>>;
  textSlices: number;
}

interface Skeleton {
  result: ReviewResult;
  textFrom: Int32Array;
  textLength: Int32Array;
  layout: Layout;
}

/** Adds serialised-then-deflated parts, each in a buffer of its own until they are joined. */
class PartWriter {
  readonly parts: Uint8Array[] = [];

  constructor(private readonly partBytes: number) {}

  add(value: unknown): number {
    const serialised = serialize(value);
    this.parts.push(deflateSync(serialised, { level: DEFLATE_LEVEL }));
    return serialised.length;
  }

  /** An array in slices of about PART_BYTES serialised, the slice length fitted to what the last slice took per element; returns how many slices. */
  addSliced(items: readonly unknown[]): number {
    let count = 0;
    let per = 64;
    for (let i = 0; i < items.length; count++) {
      const slice = items.slice(i, i + per);
      const bytes = this.add(slice);
      i += slice.length;
      per = Math.max(1, Math.floor(this.partBytes / Math.max(1, bytes / slice.length)));
    }
    return count;
  }

  /** A string in slices of PART_BYTES / 2 characters (a two-byte string serialises to two bytes a character); returns how many slices. */
  addText(text: string): number {
    const chars = Math.max(1, Math.floor(this.partBytes / 2));
    let count = 0;
    for (let i = 0; i < text.length; i += chars, count++) this.add(text.slice(i, i + chars));
    return count;
  }
}

/**
 * The result compressed, in a buffer of its own. `jobText`: the text the holder keeps beside it,
 * left out when it is the model's; undefined to compress the text with the rest (a kept review in
 * the worker: a 1 MB contract's text is 2 MB of heap as a string, a tenth of that deflated).
 * `partBytes`: about how large a serialised part may be (tests make it small).
 */
export function compressResult(result: ReviewResult, jobText?: string, partBytes = PART_BYTES): CompressedResult {
  const { model, textFrom, textLength } = packModel(result.model);
  const textLeftOut = model.text === jobText;
  const writer = new PartWriter(partBytes);
  const slices: Layout['slices'] = {};
  const rest: ReviewResult = { ...result, model: { ...model, text: '' } };
  const holders = { diagnostics: rest, fixSpecs: rest, blocks: rest.model, crossReferences: rest.model } as const;
  const sliced: Partial<Record<SlicedArray, readonly unknown[]>> = {};
  for (const key of SLICED) {
    const holder = holders[key] as unknown as Record<string, unknown>;
    const items = holder[key];
    if (!Array.isArray(items)) continue;
    sliced[key] = items;
    holder[key] = [];
  }
  // The skeleton goes first, though it is written last: it says how many slices follow.
  const after = new PartWriter(partBytes);
  for (const key of SLICED) if (sliced[key]) slices[key] = after.addSliced(sliced[key]!);
  const layout: Layout = { slices, textSlices: textLeftOut ? 0 : after.addText(model.text) };
  writer.add({ result: rest, textFrom, textLength, layout } satisfies Skeleton);
  const parts = [...writer.parts, ...after.parts];
  let total = 0;
  for (const p of parts) total += p.length;
  // One buffer of its own for all of them (zlib's may be views of larger or shared ones).
  const bytes = new Uint8Array(total);
  const partLengths: number[] = [];
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
    partLengths.push(p.length);
  }
  return { bytes, partLengths, textLeftOut };
}

/** The result again, equal value for value to the one compressed (`text`: the text it was made of, needed when it was left out). */
export function expandResult(compressed: CompressedResult, text?: string): ReviewResult {
  if (compressed.textLeftOut && text === undefined) throw new Error('a compressed review without its text was expanded without it');
  let part = 0;
  let at = 0;
  const next = (): unknown => {
    const length = compressed.partLengths[part++];
    const value = deserialize(inflateSync(compressed.bytes.subarray(at, at + length)));
    at += length;
    return value;
  };
  const { result, textFrom, textLength, layout } = next() as Skeleton;
  const holders = { diagnostics: result, fixSpecs: result, blocks: result.model, crossReferences: result.model } as const;
  for (const key of SLICED) {
    const n = layout.slices[key];
    if (n === undefined) continue;
    const items: unknown[] = [];
    for (let i = 0; i < n; i++) for (const item of next() as unknown[]) items.push(item);
    (holders[key] as unknown as Record<string, unknown>)[key] = items;
  }
  if (compressed.textLeftOut) result.model.text = text!;
  else {
    const slices: string[] = [];
    for (let i = 0; i < layout.textSlices; i++) slices.push(next() as string);
    result.model.text = slices.join('');
  }
  unpackModel({ model: result.model, textFrom, textLength }, text);
  return result;
}

/**
 * The compressed results held expanded: those read most recently, at most `capacity` documents'
 * worth; the others stay compressed (KeptResult) until a request reads them again. An idle 1 MB
 * contract then costs its text and about 0.6 MB, not 14 MB.
 */
export class ExpandedResults {
  /** By document, least recently read first. */
  private readonly live = new Map<string, { release(): void }>();

  constructor(private readonly capacity: number = DEFAULT_EXPANDED_RESULTS) {}

  /** `holder` of `uri` was just read: it stays expanded, and the least recently read beyond capacity are compressed again. */
  touch(uri: string, holder: { release(): void }): void {
    const before = this.live.get(uri);
    if (before && before !== holder) before.release();
    this.live.delete(uri);
    this.live.set(uri, holder);
    for (const [other, h] of this.live) {
      if (this.live.size <= this.capacity) break;
      this.live.delete(other);
      h.release();
    }
  }

  /** Whether a result of the document was read recently (it is kept expanded). */
  has(uri: string): boolean {
    return this.live.has(uri);
  }

  /** The document closed or its result was replaced. */
  forget(uri: string, holder?: { release(): void }): void {
    const h = this.live.get(uri);
    if (!h || (holder && h !== holder)) return;
    this.live.delete(uri);
    h.release();
  }
}

/** Documents whose results stay expanded: the one being edited, and one more being looked at. */
export const DEFAULT_EXPANDED_RESULTS = 2;

/**
 * One kept review's result: compressed, expanded on the first read and kept so while it is among
 * the results read most recently (`results`).
 */
export class KeptResult {
  private expanded: ReviewResult | null = null;

  /** `text`: the text the review was made of, when `compressed` left it out. */
  constructor(private readonly uri: string, private readonly compressed: CompressedResult, private readonly text: string | undefined, private readonly results: ExpandedResults) {}

  /** Whether the text is held beside the compressed bytes (as a string) rather than in them. */
  get keepsText(): boolean {
    return this.text !== undefined;
  }

  get(): ReviewResult {
    const result = (this.expanded ??= expandResult(this.compressed, this.text));
    this.results.touch(this.uri, this);
    return result;
  }

  /** Back to the compressed form only: the objects go to the collector. */
  release(): void {
    this.expanded = null;
  }
}
