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
  /**
   * The deflated parts one after another, in pages of PAGE_BYTES (the last one cut to what it
   * holds); a part may run on from one page into the next.
   */
  pages: Uint8Array[];
  /** How many bytes each deflated part takes, in order: first the skeleton, then the slices `layout` lists. */
  partLengths: number[];
  /** Whether the model's text was left out: it is kept beside the compressed result. */
  textLeftOut: boolean;
}

/** The bytes a compressed result holds. */
export function compressedBytes(compressed: CompressedResult): number {
  let n = 0;
  for (const p of compressed.pages) n += p.length;
  return n;
}

/** Deflate's fastest level: about 10 ms for a 1 MB contract's result, a tenth of its size. */
const DEFLATE_LEVEL = 1;

/**
 * zlib's memory level for a part's stream: 6 makes its hash table and pending buffer a quarter of
 * the default 8's (a stream's state about 160 KB instead of 260 KB, allocated and freed for every
 * part); on parts of PART_BYTES it compressed a 1 MB contract's result as well (640 KB either way)
 * and a fifth faster, since each stream clears a smaller table.
 */
const DEFLATE_MEM_LEVEL = 6;

/**
 * About how many bytes one serialised part may take (issue 13, memory). v8.serialize writes into
 * one malloc'd buffer that doubles as it grows, and each part is deflated by a zlib stream of its
 * own (about 330 KB of state), so a compression makes a burst of malloc'd blocks that live for
 * one part. In the review worker these came from its malloc arena between blocks that live on
 * (the documents' models' typed arrays, the kept reviews' bytes): with parts of 512 KB and the
 * sections in the skeleton, serialiser buffers of 1 and 2 MB, whose holes stayed resident as free
 * memory in the arena (17 MB free with five documents open, 13 MB of it in ten chunks of 0.6 to 2.9
 * MB; docs/performance.md). Parts of 64 KB keep every such block at or under about 128 KB, and the
 * zlib streams' blocks are of one size each time, so glibc hands the same free chunks out again.
 */
export const PART_BYTES = 64 * 1024;

/**
 * The size of the pages the deflated parts are kept in (issue 13, memory): a kept review lives for
 * many edits, and as one block per review (0.6 MB for a 1 MB contract, a new one at every
 * compression, freed when the document is reviewed again) it left holes of its own size in the
 * arena; pages of one size are reused as they are freed.
 */
export const PAGE_BYTES = 64 * 1024;

/**
 * The arrays of a result that are sliced into parts: large, and (checked on the bench's contract and
 * in test/lsp/memory-footprint.test.ts) sharing no object with each other, which one serialisation
 * would keep shared and separate ones would not. `sections` shares objects with the assessments'
 * evidence (a heading's title span): those are written in the skeleton as references to the
 * section (SectionRefs) and made the same objects again when expanded.
 */
type SlicedArray = 'diagnostics' | 'fixSpecs' | 'blocks' | 'crossReferences' | 'sections';
const SLICED: readonly SlicedArray[] = ['diagnostics', 'fixSpecs', 'blocks', 'crossReferences', 'sections'];

/** The key of a reference to a section or one of its objects in a compressed skeleton: "i" or "i.key". */
const SECTION_REF = '\u0000sectionRef';

/**
 * References to the sections' objects, for the parts of the result serialised apart from them: each
 * section, and each object its fields hold, by where it is in the sections.
 */
class SectionRefs {
  private readonly refs = new Map<object, string>();
  /** Originals and their copies with references in place (a copy only where something was replaced). */
  private readonly done = new Map<object, unknown>();

  constructor(sections: readonly object[]) {
    sections.forEach((s, i) => {
      this.refs.set(s, String(i));
      for (const [key, v] of Object.entries(s)) if (v !== null && typeof v === 'object') this.refs.set(v, `${i}.${key}`);
    });
  }

  /** `value` with every section object in it replaced by a reference; `value` itself is left alone. */
  replace(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
    const ref = this.refs.get(value);
    if (ref !== undefined) return { [SECTION_REF]: ref };
    if (this.done.has(value)) return this.done.get(value);
    this.done.set(value, value);
    let copy: Record<string, unknown> | unknown[] | null = null;
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, v] of entries) {
      const r = this.replace(v);
      if (r === v) continue;
      copy ??= Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
      (copy as Record<string | number, unknown>)[key] = r;
    }
    if (copy) this.done.set(value, copy);
    return copy ?? value;
  }

  /** The references in `value` (just deserialised: changed in place) made the sections' objects again. */
  static resolve(value: unknown, sections: readonly Record<string, unknown>[]): unknown {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
    const ref = (value as Record<string, unknown>)[SECTION_REF];
    if (typeof ref === 'string') {
      const dot = ref.indexOf('.');
      return dot < 0 ? sections[Number(ref)] : sections[Number(ref.slice(0, dot))][ref.slice(dot + 1)];
    }
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o)) o[key] = SectionRefs.resolve(o[key], sections);
    return value;
  }
}

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
    this.parts.push(deflateSync(serialised, { level: DEFLATE_LEVEL, memLevel: DEFLATE_MEM_LEVEL }));
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
  const holders = { diagnostics: rest, fixSpecs: rest, blocks: rest.model, crossReferences: rest.model, sections: rest.model } as const;
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
  const skeleton = sliced.sections ? new SectionRefs(sliced.sections as object[]).replace(rest) : rest;
  writer.add({ result: skeleton, textFrom, textLength, layout });
  const parts = [...writer.parts, ...after.parts];
  let total = 0;
  for (const p of parts) total += p.length;
  // Copied into pages of their own (zlib's may be views of larger or shared ones).
  const pages: Uint8Array[] = [];
  let page = new Uint8Array(0);
  let at = 0;
  let left = total;
  const partLengths: number[] = [];
  for (const p of parts) {
    partLengths.push(p.length);
    for (let from = 0; from < p.length; ) {
      if (at === page.length) {
        page = new Uint8Array(Math.min(PAGE_BYTES, left));
        pages.push(page);
        at = 0;
      }
      const n = Math.min(p.length - from, page.length - at);
      page.set(p.subarray(from, from + n), at);
      from += n;
      at += n;
      left -= n;
    }
  }
  return { pages, partLengths, textLeftOut };
}

/** The result again, equal value for value to the one compressed (`text`: the text it was made of, needed when it was left out). */
export function expandResult(compressed: CompressedResult, text?: string): ReviewResult {
  if (compressed.textLeftOut && text === undefined) throw new Error('a compressed review without its text was expanded without it');
  let part = 0;
  let page = 0;
  let at = 0;
  const pages = compressed.pages;
  const next = (): unknown => {
    const length = compressed.partLengths[part++];
    if (at === pages[page].length) {
      page++;
      at = 0;
    }
    let bytes: Uint8Array;
    if (at + length <= pages[page].length) {
      bytes = pages[page].subarray(at, at + length);
      at += length;
    } else {
      // Runs on into the next page: joined for the inflate (one part, a few KB).
      bytes = new Uint8Array(length);
      for (let filled = 0; filled < length; ) {
        if (at === pages[page].length) {
          page++;
          at = 0;
        }
        const n = Math.min(length - filled, pages[page].length - at);
        bytes.set(pages[page].subarray(at, at + n), filled);
        filled += n;
        at += n;
      }
    }
    return deserialize(inflateSync(bytes));
  };
  const { result, textFrom, textLength, layout } = next() as Skeleton;
  const holders = { diagnostics: result, fixSpecs: result, blocks: result.model, crossReferences: result.model, sections: result.model } as const;
  const arrays: Partial<Record<SlicedArray, unknown[]>> = {};
  for (const key of SLICED) {
    const n = layout.slices[key];
    if (n === undefined) continue;
    const items: unknown[] = [];
    for (let i = 0; i < n; i++) for (const item of next() as unknown[]) items.push(item);
    arrays[key] = items;
  }
  // The skeleton's references to the sections' objects made those objects again (see SectionRefs),
  // before the sliced arrays are put in (nothing in them is a reference).
  if (arrays.sections) SectionRefs.resolve(result, arrays.sections as Record<string, unknown>[]);
  for (const key of SLICED) if (arrays[key]) (holders[key] as unknown as Record<string, unknown>)[key] = arrays[key];
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
