/**
 * The words written where a clause can start (see numberWrittenInText in xrefs.ts), read per
 * stretch of text and kept between edits (issue 13): the text is cut at block starts, and while
 * editing a stretch the splice left alone takes its words from the previous model instead of being
 * read again. The document's answer is a count of each word over all stretches, patched by the
 * stretches an edit read again, so an edit costs what it re-parsed plus one array read per block.
 */
import type { Block, ContractModel } from '../model';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';
import { detached } from '../model/detached';

/** How many times each word (lower case) is written where a clause starts; only words counted at least once are keys. */
export interface ClauseStartWords {
  /** After the start of a line, its marks ("> ", "* ", "# ") and an optional "clause", "section" or "article". */
  lineStart: Map<string, number>;
  /** After two spaces or a tab, with a word after it. */
  afterSpaces: Map<string, number>;
}

/**
 * What one model keeps. Stretch 0 is the text before the first block, stretch i + 1 runs from block
 * i's start to the next block's (or to the end). `reach` is how far reading a stretch looked (a
 * word, or the space before a letter, may run past its end): a stretch before the edit is taken
 * over only when that lies before the re-parsed text.
 */
interface Kept {
  text: string;
  blocks: Block[];
  words: ClauseStartWords;
  line: string[][];
  spaces: string[][];
  reach: Int32Array;
  /** Words whose count this model's update touched (undefined: read whole). */
  changed: Set<string> | undefined;
  /** How many stretches were read for this model (for tests). */
  read: number;
}

const kept = new WeakMap<ContractModel, Kept>();
const NONE: string[] = [];
const NONE_LISTS: string[][] = [];

const NOT_SPACES = /\S*/y;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const CLAUSE_WORD = /(?:clause|section|article)\s+/iy;
const SPACES_THEN_LETTER = /\s+[A-Za-z]/y;
const SPACES = /\s*/y;
const TAB_OR_RUN = /\t| {2,}/g;

/**
 * The words written where a clause starts, by how often. Built whole the first time; while editing
 * (a fact round, with the splice trace of the model) from the previous model's stretches.
 */
export function clauseStartWords(model: ContractModel): ClauseStartWords {
  const hit = kept.get(model);
  if (hit && hit.text === model.text && hit.blocks === model.blocks) return hit.words;
  const editing = factsActive();
  const trace = editing ? spliceTraceOf(model) : undefined;
  const before = trace ? kept.get(trace.previous) : undefined;
  // The previous model's counts are patched in place and move to this model (a model whose state
  // moved on reads its text whole if asked again), so the text and blocks are checked, not assumed.
  const usable = before && trace && before.text === trace.previous.text && before.blocks === trace.previous.blocks && before.line.length === before.blocks.length + 1 ? before : undefined;
  const out = usable ? patched(model, usable) : whole(model, editing);
  kept.set(model, out);
  return out.words;
}

/** Does the model hold the words with their stretches, for the next model to patch? */
export function hasClauseStartWords(model: ContractModel): boolean {
  const hit = kept.get(model);
  return !!hit && hit.text === model.text && hit.blocks === model.blocks && hit.line.length === hit.blocks.length + 1;
}

/** Words whose count changed between the previous model and this one (undefined when unknown: every word may have). */
export function changedClauseStartWords(model: ContractModel): Set<string> | undefined {
  const hit = kept.get(model);
  return hit && hit.text === model.text && hit.blocks === model.blocks ? hit.changed : undefined;
}

/** How many stretches of text were read for the model's words (for tests). */
export function clauseStartStretchesRead(model: ContractModel): number | undefined {
  return kept.get(model)?.read;
}

/** The same state for a copy of the model with the same blocks and text (drafting/carry.ts). */
export function carryClauseStartWords(from: ContractModel, to: ContractModel): void {
  const k = kept.get(from);
  if (k && from.blocks === to.blocks && from.text === to.text) kept.set(to, k);
}

/** Every stretch read; their lists are kept only while editing (the next model takes them over). */
function whole(model: ContractModel, keepLists: boolean): Kept {
  const { text, blocks } = model;
  const n = blocks.length + 1;
  const line: string[][] = keepLists ? new Array(n) : NONE_LISTS;
  const spaces: string[][] = keepLists ? new Array(n) : NONE_LISTS;
  const reach = new Int32Array(keepLists ? n : 0);
  const words: ClauseStartWords = { lineStart: new Map(), afterSpaces: new Map() };
  for (let s = 0; s < n; s++) {
    const r = readStretch(text, stretchStart(blocks, s), stretchEnd(text, blocks, s));
    if (keepLists) {
      line[s] = r.line;
      spaces[s] = r.spaces;
      reach[s] = r.reach;
    }
    count(words.lineStart, r.line, 1, undefined);
    count(words.afterSpaces, r.spaces, 1, undefined);
  }
  return { text, blocks, words, line, spaces, reach, changed: undefined, read: n };
}

function patched(model: ContractModel, was: Kept): Kept {
  const trace = spliceTraceOf(model)!;
  const { text, blocks } = model;
  const { prefix, fresh, oldAfter } = trace;
  const n = blocks.length + 1;
  const line: string[][] = new Array(n);
  const spaces: string[][] = new Array(n);
  const reach = new Int32Array(n);
  const used = new Uint8Array(was.line.length);
  const words = was.words;
  const changed = new Set<string>();
  const delta = text.length - was.text.length;
  let read = 0;
  // Text before the last block kept in front of the edit is unchanged (the splice re-reads whole chunks).
  const limit = prefix >= 1 ? blocks[prefix - 1].start : -1;
  for (let s = 0; s < n; s++) {
    const i = s - 1;
    let from = -1;
    if (i >= 0 && i < prefix - 1 && was.reach[s] <= limit) from = s;
    else if (i >= prefix + fresh) from = i - prefix - fresh + oldAfter + 1;
    if (from >= 0) {
      line[s] = was.line[from];
      spaces[s] = was.spaces[from];
      reach[s] = i >= prefix + fresh ? was.reach[from] + delta : was.reach[from];
      used[from] = 1;
      continue;
    }
    const r = readStretch(text, stretchStart(blocks, s), stretchEnd(text, blocks, s));
    read++;
    line[s] = r.line;
    spaces[s] = r.spaces;
    reach[s] = r.reach;
    count(words.lineStart, r.line, 1, changed);
    count(words.afterSpaces, r.spaces, 1, changed);
  }
  for (let s = 0; s < used.length; s++) {
    if (used[s]) continue;
    count(words.lineStart, was.line[s], -1, changed);
    count(words.afterSpaces, was.spaces[s], -1, changed);
  }
  // The counts now belong to this model.
  was.text = '';
  return { text, blocks, words, line, spaces, reach, changed, read };
}

function count(map: Map<string, number>, list: string[], by: 1 | -1, changed: Set<string> | undefined): void {
  for (const w of list) {
    const c = (map.get(w) ?? 0) + by;
    if (c > 0) map.set(w, c);
    else map.delete(w);
    changed?.add(w);
  }
}

const stretchStart = (blocks: Block[], s: number): number => (s === 0 ? 0 : blocks[s - 1].start);
const stretchEnd = (text: string, blocks: Block[], s: number): number => (s < blocks.length ? blocks[s].start : text.length);

/**
 * The words of the lines that start in [from, to) and of the runs of spaces (or tabs) that start
 * there, as the whole-text reading of numberWrittenInText's expression finds them: a line start is
 * the text's start or a position after a line break; a run is a tab or two or more spaces not
 * preceded by a space (the expression's left-to-right matches). A word runs to the next space; a
 * number may be written with a dot after it ("4.2."), so the word without its last dot counts too.
 * Only words of printable ASCII are kept, where lower case compares as the expression's
 * case-insensitive match does.
 */
function readStretch(text: string, from: number, to: number): { line: string[]; spaces: string[]; reach: number } {
  let line = NONE;
  let spaces = NONE;
  // wordAt's words extend `reach`: a module variable rather than a closure over this call's, so a
  // stretch (one per block in a CLI review) makes no closure and no context (issue 13, clidraft).
  reach = to;
  let l = from === 0 || text.charCodeAt(from - 1) === 10 ? from : text.indexOf('\n', from) + 1;
  // (A line start at the very end of the text holds no word.)
  while ((l > 0 || from === 0) && l < to) {
    let at = l;
    // A line's marks (" ", tab, ">", "*", "#") skipped by code.
    for (let c = text.charCodeAt(at); c === 32 || c === 9 || c === 62 || c === 42 || c === 35; c = text.charCodeAt(++at));
    line = wordAt(text, line, at, false);
    CLAUSE_WORD.lastIndex = at;
    if (CLAUSE_WORD.test(text)) {
      reach = Math.max(reach, CLAUSE_WORD.lastIndex + 1);
      line = wordAt(text, line, CLAUSE_WORD.lastIndex, false);
    }
    const next = text.indexOf('\n', l);
    if (next < 0) break;
    l = next + 1;
  }
  // Tabs and runs of spaces found by one expression over the stretch (a slice: over the text from
  // `from`, a stretch without either would search on to the next one), not a test of every character
  // in a loop (the stretches of a one-shot review are the whole text; 0.8% of a CLI thread over cuad-dev).
  const stretch = text.slice(from, to);
  TAB_OR_RUN.lastIndex = 0;
  for (let m = TAB_OR_RUN.exec(stretch); m !== null; m = TAB_OR_RUN.exec(stretch)) {
    const q = from + m.index;
    if (text.charCodeAt(q) === 9) spaces = wordAt(text, spaces, q + 1, true);
    // A run that starts before `from` is not one of this stretch's (the match is its rest).
    else if (q === 0 || text.charCodeAt(q - 1) !== 32) {
      // The run may go on past the stretch's end.
      let t = q + m[0].length;
      while (text.charCodeAt(t) === 32) t++;
      reach = Math.max(reach, t + 1);
      spaces = wordAt(text, spaces, t, true);
    }
  }
  TAB_OR_RUN.lastIndex = 0;
  return { line, spaces, reach: Math.min(reach, text.length) };
}

/** How far the stretch being read looked (readStretch's, extended by wordAt). */
let reach = 0;

/**
 * The word at `at` added to `list` (a new list for NONE): the run of non-space there, if it is
 * printable ASCII, and with `wordAfter` only when spaces and a letter follow it; with its last dot
 * dropped as well when it ends with one. Extends `reach` to what it looked at.
 */
function wordAt(text: string, list: string[], at: number, wordAfter: boolean): string[] {
  // test, not exec: the sticky expressions' lastIndex is all that is read, and exec made a match
  // array for every word of every stretch (issue 13, clialloc).
  NOT_SPACES.lastIndex = at;
  NOT_SPACES.test(text);
  const end = NOT_SPACES.lastIndex;
  reach = Math.max(reach, Math.min(text.length, end + 1));
  if (end === at) return list;
  const word = text.slice(at, end);
  if (!PRINTABLE_ASCII.test(word)) return list;
  if (wordAfter) {
    SPACES.lastIndex = end;
    SPACES.test(text);
    reach = Math.max(reach, Math.min(text.length, SPACES.lastIndex + 1));
    SPACES_THEN_LETTER.lastIndex = end;
    if (!SPACES_THEN_LETTER.test(text)) return list;
  }
  const out = list === NONE ? [] : list;
  // Copied out of the text (model/detached.ts): the words of a stretch outlive the version of the
  // text they were read in, and a longer substring would keep that whole text alive.
  const w = word.length < 13 ? word.toLowerCase() : detached(word.toLowerCase());
  out.push(w);
  if (w.endsWith('.')) out.push(w.slice(0, -1));
  return out;
}
