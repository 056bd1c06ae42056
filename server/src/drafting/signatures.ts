/**
 * The signature block: where it is, which parties it names and which signing lines (signature,
 * name, title, date) each party has. Used by party-name-variant (names in the block) and
 * signature-block (what a party's block lacks).
 *
 * Signature blocks are laid out stacked (one party under the other) or side by side (columns
 * separated by wide gaps, tabs or table cells), so each line is split into columns and a field is
 * given to the party heading its column.
 */
import type { Block, ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { firstSectionFrom, foldQuotes } from '../model';
import { BlockResults } from './perBlock';
import { factsActive } from '../model/facts';
import { firstIndexAtOrAfter } from '../model/lineIndex';
import { spliceTraceOf } from '../model/trace';
import { anyWordExpression, holdsAny, isSpaceLike, opensWithOne, skipSpaceLike } from '../model/word-gate';

export type SigningField = 'signature' | 'name' | 'title' | 'date';

export interface SignatureParty {
  /** The words naming the party, as written ("ACME LIMITED", "Customer"). */
  label: string;
  span: Span;
  fields: Set<SigningField>;
  /** True when the signature line holds a signature already ("/s/ ..."): a filed, signed copy. */
  signed: boolean;
  /** The last block holding a line of this party's block, and whether its lines stand in columns. */
  lastBlock: number;
  sideBySide: boolean;
}

export interface SignatureBlock {
  /** Blocks [first, last) of the signature block. */
  first: number;
  last: number;
  parties: SignatureParty[];
  /** True when the block labels its lines ("Name:", "Title:"), so that a missing label means something. */
  labelled: boolean;
}

/** The line that opens a signature block. */
export const OPENER = /^[\s*_|]*(?:in witness whereof|(?:signed|executed)(?: as a deed)?(?: (?:for and )?on behalf of| by)\b|for and on behalf of\b|agreed and accepted|accepted and agreed|signature page|signatures?\s*:?\s*$|execution\s*$)/im;
/*
 * Lower-case words one of which every match of the expression beside them holds (model/word-gate.ts):
 * a text without any is not searched, so on a contract without a signature page these expressions
 * are never compiled (a cold run compiles each expression it runs).
 */
export const OPENER_WORDS = ['witness', 'signed', 'executed', 'on behalf of', 'agreed and accepted', 'accepted and agreed', 'signature', 'execution'];
/**
 * Whether a text holds a line that opens a signature block. Asked of a block's text as it is: folding
 * its curly quotes first (as before) could not change the answer, since neither OPENER nor its words
 * hold a quote mark and folding maps quote marks to quote marks, one for one; the fold read every
 * block of the first review.
 */
const opener = (text: string): boolean => OPENER_GATE.test(text) && OPENER.test(text);
/**
 * Pieces of OPENER_WORDS, each word (any case) holding one of them: a text holding a word holds a
 * piece, so the gate passes every text the words' gate would (test/drafting/signature-gate.test.ts).
 * A one-shot review runs it on every block before the signatures, 1 MB at the bench: the six short
 * pieces scan it about a third faster than the eight words (1.0-1.1 against 1.4-1.6 ms wall, warm).
 */
export const OPENER_PIECES = ['itness', 'igne', 'ignat', 'xecut', 'ehalf', 'd and a'];
const OPENER_GATE = anyWordExpression(OPENER_PIECES);
/** The gate before OPENER: false only when the text holds none of OPENER_WORDS (for tests). */
export const mayOpenSignatures = (text: string): boolean => OPENER_GATE.test(text);
export const FIELD: Array<[SigningField, RegExp, readonly string[]]> = [
  // "By: ____", "Signature ____", "By /s/ ..." (but not "Signed for and on behalf of ...", which names a party).
  ['signature', /^(?:by|signature|signed|sign here|authori[sz]ed signature)\s*(?:[:._]|\/s\/|$)/i, ['by', 'sign']],
  ['name', /^(?:name|print(?:ed)? name|full name|name of (?:signatory|authori[sz]ed (?:officer|signatory)))\b\s*(?:[:._]|$)/i, ['name']],
  ['title', /^(?:title|position|capacity|its|job title|designation)\b\s*(?:[:._]|$)/i, ['title', 'position', 'capacity', 'its', 'designation']],
  ['date', /^(?:date|dated|date signed)\b\s*(?:[:._]|$)/i, ['date']],
];
/**
 * Every label each FIELD expression opens with (lower case, [sz] both ways). A column that does not
 * open with one of them followed, past white space, by ":", ".", "_", "/" or its end matches none:
 * checked by code, so a cold run's signature heading compiles none of them (issue 13, cold).
 */
export const FIELD_LABELS: ReadonlyArray<readonly string[]> = [
  ['by', 'signature', 'signed', 'sign here', 'authorised signature', 'authorized signature'],
  ['name', 'print name', 'printed name', 'full name', 'name of signatory', 'name of authorised officer', 'name of authorized officer', 'name of authorised signatory', 'name of authorized signatory'],
  ['title', 'position', 'capacity', 'its', 'job title', 'designation'],
  ['date', 'dated', 'date signed'],
];
export function mayBeField(col: string, labels: readonly string[]): boolean {
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!opensWithOne(col, 0, label)) continue;
    const k = skipSpaceLike(col, label.length);
    const c = col.charCodeAt(k);
    if (k >= col.length || c === 58 || c === 46 || c === 95 || c === 47) return true;
  }
  return false;
}
const ON_BEHALF = /^(?:(?:signed|executed)(?: as a deed)?\s+(?:by\s+.{0,60}?\s+)?)?(?:(?:for\s+)?and\s+)?on behalf of\s+(?:the\s+)?(.+?)\s*:?$/i;
export const LEGAL_FORM = /\b(?:inc|incorporated|ltd|limited|llc|l\.l\.c|llp|plc|corp|corporation|company|co|gmbh|ag|s\.a|b\.v|n\.v|pty|lp|l\.p|pte|sarl|s\.p\.a)\.?$/i;
export const LEGAL_FORM_WORDS = ['inc', 'ltd', 'limited', 'llc', 'l.l.c', 'llp', 'plc', 'corp', 'company', 'co', 'gmbh', 'ag', 's.a', 'b.v', 'n.v', 'pty', 'lp', 'l.p', 'pte', 'sarl', 's.p.a'];

/*
 * Literal tests instead of three small expressions that only the signature block's few lines ran
 * (each compiled on its first run in a review; issue 13, signatures): "/s" in any case (what
 * `/\/s\/?/i` finds), a leading run of dashes only where the column starts with three.
 */
const holdsSlashS = (t: string): boolean => t.includes('/s') || t.includes('/S');
const DASHES = /^-{3,}\s*/;

/** Whether three characters in a row are white space (isSpaceLike: a what `\s` matches). */
function hasThreeSpaces(line: string): boolean {
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    if (!isSpaceLike(line.charCodeAt(i))) run = 0;
    else if (++run === 3) return true;
  }
  return false;
}

/** columns() of a line without a separator: what split gives then ([line]), cleaned the same way. */
function oneColumn(line: string): string[] {
  const c = undashed(line.replace(/^[\s*_)]+|[\s*_()]+$/g, '')).trim();
  return c.length > 0 ? [c] : [];
}
const undashed = (c: string): string => (c.startsWith('---') ? c.replace(DASHES, '') : c);

/** Columns of a line: cells of a table row, or text separated by a tab or a gap of 3+ spaces. */
function columns(line: string): string[] {
  // Each separator holds "|", a tab, three white spaces in a row or (before a label) a ":": a line
  // without any is one column, found by code (a cold run compiled the expression for nothing; issue 13, cold).
  if (!line.includes('|') && !line.includes('\t') && !line.includes(':') && !hasThreeSpaces(line)) return oneColumn(line);
  return line.split(/\s*\|\s*|\t+|\s{3,}|(?<=\S)\s+(?=(?:Name|Title|Date|Its|Print(?:ed)? Name)\s*:)/i)
    .map((c) => undashed(c.replace(/^[\s*_)]+|[\s*_()]+$/g, '')).trim()).filter((c) => c.length > 0);
}

/** Words naming a party, or null: "ACME LIMITED", "For and on behalf of Acme Limited", "SUPPLIER:", "Customer: Eliance Corporation". */
function partyLabel(col: string, aliases: string[]): string | null {
  const c = col.replace(/[\s:]+$/, '');
  const onBehalf = ON_BEHALF.exec(c);
  // " by " looked for (case aside) before the expression that cuts it: a cold run's labels hold none (issue 13, cold).
  if (onBehalf) return (holdsAny(onBehalf[1].toLowerCase(), ['by']) ? onBehalf[1].replace(/\s+by\s+.*$/i, '') : onBehalf[1]).replace(/[\s,]+$/, '');
  const lower = c.toLowerCase();
  for (const a of aliases) {
    if (lower === a.toLowerCase() || lower === `the ${a.toLowerCase()}`) return c;
    // "Customer: Eliance Corporation"
    if (lower.startsWith(`${a.toLowerCase()}:`) && c.length - a.length > 3) return c.slice(a.length + 1).trim();
  }
  if (holdsAny(lower, LEGAL_FORM_WORDS) && LEGAL_FORM.test(c) && /^[A-Z]/.test(c) && c.length <= 70 && !/[;]/.test(c) && c.split(/\s+/).length <= 8) return c;
  return null;
}

function fieldOf(col: string): SigningField | null {
  if (col.startsWith('/s/') || col.startsWith('/S/')) return 'signature';
  const lower = col.toLowerCase();
  if (lower.includes('name') && /^\(?print(?:ed)? name\)?$/i.test(col)) return 'name';
  for (let i = 0; i < FIELD.length; i++) if (mayBeField(col, FIELD_LABELS[i]) && FIELD[i][1].test(col + ' ')) return FIELD[i][0];
  return null;
}

/**
 * The signature block of the contract, or null. It starts at the last opener ("IN WITNESS
 * WHEREOF", "Signed for and on behalf of") or at a section titled as a signature block, and ends at a
 * schedule, a heading that is not about signing, or running text.
 */
export function findSignatureBlock(model: ContractModel, aliases: string[]): SignatureBlock | null {
  // Asked twice per review (the parties' names and the signing gaps): one answer per model and aliases.
  const key = aliases.join('\u0000');
  const hit = found.get(model);
  if (hit && hit.key === key) return hit.block;
  const block = signatureBlockOf(model, aliases);
  found.set(model, { key, block });
  return block;
}
const found = new WeakMap<ContractModel, { key: string; block: SignatureBlock | null }>();

/**
 * Whether each block's text holds an opener: a function of the text alone, so while editing a kept
 * or moved block takes its answer from the previous model (perBlock.ts) and only re-parsed blocks are
 * read. Before, finding the block folded and tested every block's text up to the signatures on every
 * review, in effect the whole document.
 */
const blockOpens = new BlockResults<boolean>((_model, b) => b.kind !== 'code' && b.kind !== 'html' && opener(b.text), { none: false });

const opensAt = (model: ContractModel, b: number): boolean => blockOpens.at(model, b);

/** How many blocks' texts were tested for an opener for this model (for tests); undefined when none was asked. */
export function signatureOpenersRead(model: ContractModel): number | undefined {
  return blockOpens.blocksRead(model);
}

/** Hands the per-block answers to a copy of the model with the same blocks (drafting/carry.ts). */
export function carrySignatureOpeners(from: ContractModel, to: ContractModel): void {
  blockOpens.carry(from, to);
  const c = candidatesBuilt.get(from);
  if (c && from.blocks === to.blocks && from.text === to.text && from.sections === to.sections) candidatesBuilt.set(to, c);
}

/**
 * While editing: the blocks where a signature block can start, ascending: those whose text holds an
 * opener, and the headings of sections that are signature blocks. Few in any contract, so a spliced
 * model patches the previous model's lists (kept before the edit, read in the re-parsed blocks,
 * moved after it) instead of the search looking at every block before the signatures (issue 13).
 */
interface SignatureCandidates { openers: number[]; heads: number[] }
const candidatesBuilt = new WeakMap<ContractModel, SignatureCandidates>();
/** How many blocks, sections and candidates the search for each model looked at (for tests). */
const searchLooked = new WeakMap<ContractModel, number>();

/** How many blocks, sections and candidates finding the signature block looked at for this model while editing (for tests); undefined when not asked. */
export function signatureSearchLooked(model: ContractModel): number | undefined {
  return searchLooked.get(model);
}

function candidatesOf(model: ContractModel): { candidates: SignatureCandidates; looked: number } {
  const hit = candidatesBuilt.get(model);
  if (hit) return { candidates: hit, looked: 0 };
  const trace = spliceTraceOf(model);
  const before = trace ? candidatesBuilt.get(trace.previous) : undefined;
  let looked = 0;
  let openers: number[];
  let heads: number[] | null = null;
  if (trace && before) {
    const { prefix, fresh, oldAfter } = trace;
    const delta = prefix + fresh - oldAfter;
    // The previous list's entries before the edit, those `read` adds for the re-parsed blocks, and the moved ones.
    const patched = (list: number[], read: (out: number[]) => void): number[] => {
      const out: number[] = [];
      let k = 0;
      for (; k < list.length && list[k] < prefix; k++) out.push(list[k]);
      read(out);
      for (k = firstIndexAtOrAfter(list, oldAfter); k < list.length; k++) out.push(list[k] + delta);
      looked += out.length;
      return out;
    };
    openers = patched(before.openers, (out) => { for (let b = prefix; b < prefix + fresh; b++) { looked++; if (blockOpens.at(model, b)) out.push(b); } });
    const now = model.sections;
    const was = trace.previous.sections;
    // A tree taken over from the previous one (model/sections.ts reusedSections shares the arrays of
    // children; a tree built afresh has its own) keeps the previous sections' trailers: only the
    // sections the re-parsed blocks open are read. Otherwise every section is (a heading edit).
    if (now !== was && now.length && was.length && now[0].children === was[0].children) {
      heads = patched(before.heads, (out) => {
        for (let i = firstSectionFrom(now, prefix); i < now.length && now[i].headingBlock < prefix + fresh; i++) {
          looked++;
          if (now[i].trailer === 'signature' && (!out.length || out[out.length - 1] !== now[i].headingBlock)) out.push(now[i].headingBlock);
        }
      });
    }
  } else {
    openers = blockOpens.listed(model).blocks.slice();
    looked += model.blocks.length;
  }
  if (!heads) {
    heads = [];
    for (const sec of model.sections) {
      looked++;
      if (sec.trailer === 'signature' && sec.headingBlock >= 0 && (!heads.length || heads[heads.length - 1] !== sec.headingBlock)) heads.push(sec.headingBlock);
    }
  }
  const candidates = { openers, heads };
  candidatesBuilt.set(model, candidates);
  return { candidates, looked };
}

/** Whether block b of the model starts the signature block (the search's test); `opens` tells whether its text holds an opener. */
function opensSignatures(model: ContractModel, b: Block, opens: ((model: ContractModel, b: number) => boolean) | null): boolean {
  if (b.kind === 'code' || b.kind === 'html' || b.quoted) return false;
  const blocks = model.blocks;
  const sec = model.sections[b.section];
  if (sec?.trailer === 'signature' && sec.headingBlock === b.index && isSigningArea(blocks, b.index)) return true;
  return (opens ? opens(model, b.index) : opener(b.text)) && isSigningArea(blocks, b.index);
}

function signatureBlockOf(model: ContractModel, aliases: string[]): SignatureBlock | null {
  const blocks = model.blocks;
  let first = -1;
  if (factsActive()) {
    // While editing: only the candidates are tested, in order.
    // Built for every model while editing, so that the next one takes the entries over.
    blockOpens.listed(model);
    const { candidates, looked: read } = candidatesOf(model);
    let looked = read;
    const { openers, heads } = candidates;
    for (let i = 0, j = 0; i < openers.length || j < heads.length;) {
      const b = j >= heads.length || (i < openers.length && openers[i] <= heads[j]) ? openers[i] : heads[j];
      if (i < openers.length && openers[i] === b) i++;
      if (j < heads.length && heads[j] === b) j++;
      looked++;
      if (opensSignatures(model, blocks[b], opensAt)) { first = b; break; }
    }
    searchLooked.set(model, looked);
  } else {
    // A one-shot review (the CLI) stops at the first opener instead of reading every block.
    for (const b of blocks) if (opensSignatures(model, b, null)) { first = b.index; break; }
  }
  if (first < 0) return null;
  let last = first + 1;
  let longRun = 0;
  while (last < blocks.length) {
    const b = blocks[last];
    const sec = model.sections[b.section];
    // A schedule after the block ends it (signatures written at the foot of the last schedule run on).
    if (sec?.trailer === 'schedule' && b.section !== blocks[first].section) break;
    if (b.kind === 'heading' && !opener(b.text) && !partyLabel(b.text, aliases)) break;
    // Running text ends the block; two long paragraphs in a row mean the contract goes on.
    if (b.text.length > 300 && !/\b(?:by|name|title|date)\s*:/i.test(b.text)) { if (++longRun >= 1) break; } else longRun = 0;
    last++;
    if (last - first > 60) break;
  }
  return { first, last, ...readParties(blocks.slice(first, last), aliases) };
}

/** An opener counts only if signing lines follow it soon (not "signed by both parties" in a clause). */
function isSigningArea(blocks: Block[], at: number): boolean {
  const text = blocks.slice(at, at + 8).map((b) => b.text).join('\n');
  return /(?:^|\n|\s{2})(?:by|name|title|signature|signed|date)\s*:|_{4,}|\/s\//i.test(text) || /^\s*in witness whereof/i.test(blocks[at].text);
}

function readParties(blocks: Block[], aliases: string[]): { parties: SignatureParty[]; labelled: boolean } {
  const parties: SignatureParty[] = [];
  let current: SignatureParty[] = [];
  let labelled = false;
  for (const b of blocks) {
    if (b.kind === 'code' || b.kind === 'html') continue;
    const text = foldQuotes(b.text);
    let lineStart = 0;
    for (const line of text.split('\n')) {
      // Table cells keep their places, empty or not, so that a cell is read under its party.
      const cols = b.kind === 'tableRow' ? line.split(' | ').map((c) => columns(c)[0] ?? '') : columns(line);
      // Where each column starts in the block text, for the span of a party's label.
      let from = lineStart;
      const positions = cols.map((c) => { const i = text.indexOf(c, from); from = i >= 0 ? i + c.length : from; return i; });
      const heads: SignatureParty[] = [];
      cols.forEach((c, i) => {
        if (!c || fieldOf(c)) return;
        const label = partyLabel(c, aliases);
        if (!label) return;
        const at = positions[i] + Math.max(0, c.indexOf(label));
        const span = at >= 0 ? { start: sourceOffsetAt(b, at), end: sourceOffsetAt(b, Math.min(text.length, at + label.length)) } : { start: b.start, end: b.start };
        heads.push({ label, span, fields: new Set(), signed: false, lastBlock: b.index, sideBySide: b.kind === 'tableRow' || cols.length > 1 });
      });
      if (heads.length) {
        // A party named again in the same block (a heading, then "for and on behalf of" it) is one party.
        const fresh = heads.filter((h) => !current.some((p) => sameName(p.label, h.label)) || heads.length > 1);
        if (fresh.length) { current = fresh; parties.push(...fresh); }
      }
      const fields = cols.map((c) => (c ? fieldOf(c) : null));
      if (fields.some((f) => f === 'name' || f === 'title')) labelled = true;
      if (heads.length && fields.some(Boolean)) {
        // Party and lines run on in one line ("ACME INC.   By: ...   Name: ...   BETA LLC   By: ..."): each field belongs to the party before it.
        let owner: SignatureParty | undefined;
        let h = 0;
        cols.forEach((c, i) => {
          if (!c) return;
          if (!fields[i] && h < heads.length && partyLabel(c, aliases)) owner = heads[h++];
          else if (fields[i] && owner) { owner.fields.add(fields[i]!); owner.lastBlock = b.index; if (holdsSlashS(c)) owner.signed = true; }
        });
      } else if (current.length) {
        const fieldCols = fields.filter((f): f is SigningField => f !== null);
        if (b.kind === 'tableRow') fields.forEach((f, i) => { if (f) current[Math.min(i, current.length - 1)].fields.add(f); });
        else {
          // The k-th "Name:" of a line belongs to the k-th party of the row above it.
          const seen = new Map<SigningField, number>();
          for (const f of fieldCols) {
            const k = seen.get(f) ?? 0;
            seen.set(f, k + 1);
            current[Math.min(k, current.length - 1)].fields.add(f);
          }
        }
        if (fieldCols.length) for (const p of current) p.lastBlock = b.index;
        if (holdsSlashS(line)) for (const p of current) p.signed = true;
        // One field on a line under side-by-side parties: every column shares it ("Date: ____ for both").
        if (b.kind !== 'tableRow' && fieldCols.length === 1 && current.length > 1 && cols.length === 1) current.forEach((p) => p.fields.add(fieldCols[0]));
      }
      lineStart += line.length + 1;
    }
  }
  return { parties, labelled };
}

function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return n(a) === n(b);
}
