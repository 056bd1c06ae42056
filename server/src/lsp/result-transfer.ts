/**
 * How a review result crosses from the review worker to the server's thread without copying what
 * the server's thread can rebuild for free (issue 13, memory).
 *
 * Most blocks of a contract are its source text verbatim: the block's text is a slice of the
 * document, its source offsets count up one by one, and each sentence's text is a slice too. Copied
 * as is, such a block brings its own copy of its text, of every sentence's text and a buffer of four
 * bytes per character; across a 1 MB contract that is about 9 MB of the server thread's 15 MB copy.
 * The worker sends these blocks with their texts and offsets left out and a flag per block
 * (`packModel`); the server's thread puts them back (`unpackModel`) as slices of the document's own
 * text (V8 keeps a slice as a view of its parent string) and as views of one shared counting buffer.
 * Blocks whose text differs from the source (markup removed, entities decoded) travel whole.
 *
 * The unpacked model equals the worker's, value for value. Its offset arrays are views of a shared
 * buffer, so nothing may write to them: the server's thread only reads a model it receives (it
 * never splices it: incremental state lives in the worker).
 */
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
  for (const s of b.sentences) if (s.start !== base + s.textStart || text.slice(s.start, s.end) !== s.text) return false;
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
    for (const s of b.sentences) s.text = source.slice(s.start, s.end);
  }
  return model;
}
