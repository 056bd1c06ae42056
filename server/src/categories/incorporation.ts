import type { ContractModel, Sentence } from '../model';
import { collapseSpace } from '../model';
import { maskOf, type DocumentGate, type ListFilter } from './prefilter';
import { prefiltered, sentenceIndexOf, sentencesOf, shortDocumentGate, SIGNAL_PREFILTER as prefilter } from './scan';
import type { CategoryId, Evidence } from './types';
import { shrinkableWeakMap } from '../model/weak-tables';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';

/**
 * Incorporation by reference: a contract that takes a category's terms from another document ("the
 * Service Level Agreement attached as Schedule 3", "the Supplier's security policy set out in Annex
 * B", "this Statement of Work is governed by the Master Services Agreement") has not left them out;
 * they live in that document. Where the category is otherwise missing, the review says so and names
 * the document, so the lawyer checks it instead of being told to add a clause.
 */
export interface Incorporation {
  /** The document as the contract names it, with its schedule label when given: "Service Level Agreement (Schedule 3)". */
  document: string;
  evidence: Evidence;
}

// Documents that carry one category's terms, by name. Whole agreements (a master agreement under which
// a statement of work or order is issued) carry every category and are handled below.
const DOCUMENTS: Partial<Record<CategoryId, string>> = {
  sla: String.raw`service[- ]level (?:agreement|schedule|terms|description|specification)s?|SLAs?`,
  security: String.raw`(?:information |IT |data |cyber ?)?security (?:policy|policies|requirements|schedule|standards?|annex|exhibit|terms|plan|procedures)`,
  // A security policy need not say when incidents are reported, so only an incident plan carries this one.
  'breach-notification': String.raw`(?:security )?incident (?:response|management|notification) (?:plan|policy|procedures?|schedule)`,
  'data-protection': String.raw`data processing (?:agreement|addendum|terms|schedule|exhibit|annex)|data protection (?:agreement|addendum|schedule|terms|exhibit|annex)|DPA|business associate agreement|BAA`,
  'business-continuity': String.raw`business continuity (?:and disaster recovery )?(?:plan|policy|schedule|programme|program)|disaster recovery (?:plan|policy|schedule)|BC\/?DR plan`,
  exit: String.raw`exit (?:plan|management plan|schedule|strategy)|transition(?:-out)? (?:plan|schedule|services schedule)|termination assistance (?:schedule|plan)`,
  'change-control': String.raw`change (?:control |management )?(?:procedure|schedule|process) (?:schedule|document)?|change control (?:procedure|schedule)`,
  communication: String.raw`governance (?:schedule|procedures?|plan|framework|model|terms)|communications? plan`,
  'performance-monitoring': String.raw`(?:KPI|key performance indicators?|performance (?:management|measurement|monitoring)|reporting) (?:schedule|plan|framework|regime)`,
  deliverables: String.raw`statements? of work|SOWs?|service descriptions?|services? specification|scope of (?:work|services)`,
  payment: String.raw`(?:charges|pricing|fees?|price) schedule|rate card|price list|schedule of (?:charges|fees|rates|prices)`,
  insurance: String.raw`insurance (?:schedule|requirements|exhibit|annex)`,
  confidentiality: String.raw`non-disclosure agreement|NDA|confidentiality agreement`,
  'audit-rights': String.raw`audit (?:schedule|protocol|procedures?|terms)|records and audit (?:schedule|terms)`,
};

// A master or framework agreement under which this document is issued: it carries every category.
const MASTER = String.raw`(?:master|framework|main|principal|umbrella) (?:(?:professional |IT |technology |outsourcing |cloud )?(?:services?|subscription|supply|purchase|licen[cs]e|consulting|hosting) )?agreement|MSA`;

// The incorporating words: the other document's terms are made part of this one, or govern it.
const INCORPORATING = String.raw`incorporat\w*|attached|annexed|appended|set (?:out|forth) in|contained in|described in|specified in|defined in|provided (?:for )?in|forms? (?:an? )?(?:integral )?part of|in accordance with|subject to|governed by|issued (?:under|pursuant to)|pursuant to|as per|comply with|complies with`;
// A document is named: a schedule label, an agreement, policy or plan, a date or a web address.
const LABEL = String.raw`(?:Schedule|Annex|Exhibit|Appendix|Attachment|Addendum)\s+(?:[A-Z]{1,3}|\d{1,3}(?:\.\d{1,2})?)\b`;

const MASTER_SENTENCE = new RegExp(String.raw`\b(?:${INCORPORATING})\b[^.;]{0,120}?\b(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(${MASTER})\b|\b(${MASTER})\b[^.;]{0,80}?\b(?:is|are|shall be|will be|hereby)\s+incorporat\w*|\bterms (?:and conditions )?of (?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(${MASTER})\b[^.;]{0,80}\b(?:apply|applies|govern|governs|shall apply|will apply)\b`, 'i');

const INCORPORATING_RE = new RegExp(String.raw`\b(?:${INCORPORATING})\b`, 'i');
const LABEL_RE = new RegExp(LABEL);
const OWN_RE = new Map<CategoryId, RegExp>(Object.entries(DOCUMENTS).map(([id, doc]) => [id as CategoryId, new RegExp(String.raw`\b(${doc})\b`, 'i')]));

/**
 * The expressions run on every sentence, which the literal prefilter (categories/prefilter.ts) may
 * skip where a sentence lacks the words they need: most sentences name no document. Their needs
 * are in the generated table (scripts/generate-signal-needs.ts adds them).
 */
export const INCORPORATION_PATTERNS: RegExp[] = [INCORPORATING_RE, LABEL_RE, MASTER_SENTENCE, ...OWN_RE.values()];
const OWN_INDEX = new Map<CategoryId, number>([...OWN_RE.keys()].map((id, i) => [id, 3 + i]));
const GATED = INCORPORATION_PATTERNS.map((pattern) => ({ pattern, masked: false }));

/**
 * What the search reads of one sentence's text, kept with the sentence object: a block an edit
 * leaves alone keeps its sentence objects in the next model (model/incremental.ts), so after an
 * edit only the sentences typed are read again, rather than every sentence of the document for
 * each keystroke (issue 13: on a 100 KB contract this pass was the longest step of an edit's
 * review). Everything here follows from the text alone; the gates only skip expressions that
 * cannot match, so a value found with or without them is the same.
 */
interface TextLook {
  text: string;
  /**
   * Passed over by every category's search: "the Security Policy, if any" (the document may not
   * exist, so the gap stands), or a sentence where neither the master agreement's expression nor
   * any document's name can match.
   */
  skip: boolean;
  incorporating: boolean;
  /** The schedule label the sentence names, if any. */
  label: string | undefined;
  /** MASTER_SENTENCE's match, computed when first needed. */
  master?: RegExpExecArray | null;
  /** Categories whose document name has been looked for (bits by CATEGORY_BIT), and the names found. */
  asked: number;
  names?: Map<CategoryId, string>;
}

// Shrinkable: an entry per sentence (see ../model/weak-tables.ts).
const textLooks = shrinkableWeakMap<Sentence, TextLook>();
const SKIPPED: TextLook = { text: '', skip: true, incorporating: false, label: undefined, asked: 0 };
const CATEGORY_BIT = new Map<CategoryId, number>();
const bitOf = (category: CategoryId): number => {
  let bit = CATEGORY_BIT.get(category);
  if (bit === undefined) CATEGORY_BIT.set(category, (bit = 1 << CATEGORY_BIT.size));
  return bit;
};

/** What every category's search reads of one sentence; the same for all of them, so read once per model. */
interface SentenceLook {
  /** The gate that read it (null: every expression runs), and where its row starts there. */
  gate: DocumentGate | null;
  row: number;
  start: number;
  end: number;
  section: number;
  /** The sentence's block in the model, and its place among the block's sentences. */
  block: number;
  k: number;
  look: TextLook;
}

/** A model's sentence looks, with the prefilter's gate over them (null: every expression runs). */
interface SentenceLooks {
  looks: SentenceLook[];
  filter: ListFilter | null;
  /** For a short document (not prefiltered): per expression of GATED, 0 where its words are absent from every sentence. */
  possible: Uint8Array | null;
  titles?: string[];
  /** How many sentences the model's blocks hold (all kinds), and how many were read for these looks (the others' were taken over). */
  count: number;
  read: number;
}

const looksOfModel = new WeakMap<ContractModel, SentenceLooks>();

/** What reading the sentences of a model's blocks needs besides the sentence (see readBlockLooks). */
interface LookReader {
  model: ContractModel;
  found: SentenceLooks;
  count: number;
  /** The gate over the looks list itself, made when first needed (undefined: not yet). */
  own: DocumentGate | null | undefined;
  /** The category scans' gate and sentence list (null: none; undefined: not asked yet). */
  shared: { gate: DocumentGate; infos: ReturnType<typeof sentencesOf> } | null | undefined;
  /** The sentences' flattened texts in document order, for a short document; and the next one's place. */
  flattened: string[] | null;
  next: number;
}

const readsSentence = (block: ContractModel['blocks'][number]) => block.kind !== 'code' && block.kind !== 'html' && block.kind !== 'heading';

/** The sentences a document could be incorporated in, with the category-independent tests done. */
function sentenceLooks(model: ContractModel): SentenceLooks {
  let found = looksOfModel.get(model);
  if (found) return found;
  found = (factsActive() ? looksTakenOver(model) : null) ?? readLooks(model);
  looksOfModel.set(model, found);
  return found;
}

/** Every block's looks, read in order (a first review, a one-shot review, a model not spliced). */
function readLooks(model: ContractModel): SentenceLooks {
  const looks: SentenceLook[] = [];
  let count = 0;
  // Indexed loops: this runs over every block and sentence once per model, and a first review runs
  // it before it is optimised, where a for-of loop allocates a result object per step (issue 13).
  const blocks = model.blocks;
  for (let b = 0; b < blocks.length; b++) count += blocks[b].sentences.length;
  const filter = prefiltered(count) ? prefilter.list('incorporation', () => GATED, looks) : null;
  // A short document (not prefiltered): the expressions whose words none of its sentences holds
  // never run (nor compile), so its sentences are flattened first, for the gate and the looks. A
  // prefiltered one skips this list altogether (building it made a 1 MB keystroke measurably slower).
  let flattened: string[] | null = null;
  let possible: Uint8Array | null = null;
  if (!filter) {
    flattened = [];
    for (const block of model.blocks) if (readsSentence(block)) for (const s of block.sentences) flattened.push(collapseSpace(s.text));
    possible = shortDocumentGate(flattened)?.possible(GATED) ?? null;
  }
  const found: SentenceLooks = { looks, filter, possible, count, read: 0 };
  const reader: LookReader = { model, found, count, own: undefined, shared: undefined, flattened, next: 0 };
  for (let b = 0; b < blocks.length; b++) readBlockLooks(reader, b);
  return found;
}

/**
 * While editing, the looks of a model spliced from one whose looks were read: a block the edit kept
 * or moved has the same sentence objects, so its looks are the previous ones (a look is a function
 * of the sentence's text), and only the re-parsed blocks are read. Most sentences have no look (they
 * name no document), so an edit costs the previous looks and the re-parsed blocks, not a lookup per
 * sentence of the document (issue 13, passes). Null when the previous model's looks are not known or
 * either model is too short to be prefiltered (a short document's looks depend on all its words).
 */
function looksTakenOver(model: ContractModel): SentenceLooks | null {
  const trace = spliceTraceOf(model);
  const before = trace && looksOfModel.get(trace.previous);
  if (!trace || !before || !before.filter) return null;
  const { prefix, fresh, oldAfter } = trace;
  const old = trace.previous;
  let count = before.count;
  for (let b = prefix; b < oldAfter; b++) count -= old.blocks[b].sentences.length;
  for (let b = prefix; b < prefix + fresh; b++) count += model.blocks[b].sentences.length;
  if (!prefiltered(count)) return null;
  const looks: SentenceLook[] = [];
  const filter = prefilter.list('incorporation', () => GATED, looks);
  if (!filter) return null;
  const found: SentenceLooks = { looks, filter, possible: null, count, read: 0 };
  const was = before.looks;
  let i = 0;
  // Before the edit: the same blocks, at the same places.
  for (; i < was.length && was[i].block < prefix; i++) looks.push(moved(model, was[i], 0));
  while (i < was.length && was[i].block < oldAfter) i++;
  const reader: LookReader = { model, found, count, own: undefined, shared: undefined, flattened: null, next: 0 };
  for (let b = prefix; b < prefix + fresh; b++) readBlockLooks(reader, b);
  // After it: the previous blocks from oldAfter on, moved.
  for (const by = prefix + fresh - oldAfter; i < was.length; i++) looks.push(moved(model, was[i], by));
  return found;
}

/**
 * A previous model's look of a block now `by` places further on: the same entry where nothing it
 * holds changed, without the previous model's gate (which only skipped expressions that cannot match).
 */
function moved(model: ContractModel, w: SentenceLook, by: number): SentenceLook {
  const b = w.block + by;
  const block = model.blocks[b];
  const s = block.sentences[w.k];
  const start = block.start + s.from;
  if (by === 0 && start === w.start && block.section === w.section && w.gate === null) return w;
  return { gate: null, row: -1, start, end: block.start + s.to, section: block.section, block: b, k: w.k, look: w.look };
}

/** The gate of the category scans over the model's sentences, when the looks are prefiltered. */
function sharedGate(r: LookReader): { gate: DocumentGate; infos: ReturnType<typeof sentencesOf> } | null {
  if (r.shared !== undefined) return r.shared;
  if (!r.found.filter) return (r.shared = null);
  const infos = sentencesOf(r.model);
  return (r.shared = { gate: prefilter.gate(infos, infos.length), infos });
}

/** Reads the looks of block b's sentences into the reader's list. */
function readBlockLooks(r: LookReader, b: number): void {
  const { model, found } = r;
  const { looks, filter, possible } = found;
  const block = model.blocks[b];
  if (!readsSentence(block)) return;
  const sentences = block.sentences;
  found.read += sentences.length;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const folded = r.flattened ? r.flattened[r.next++] : undefined;
    let look = textLooks.get(s);
    if (look) {
      if (!look.skip) looks.push({ gate: null, row: -1, start: block.start + s.from, end: block.start + s.to, section: block.section, block: b, k: i, look });
      continue;
    }
    // The category scans' gate has read nearly every sentence already (their text with curly quotes
    // folded, where the scanner finds every literal it finds in the text unfolded, and more: it
    // reads no character above ASCII, so a row read there skips no pattern that could match here):
    // its rows are taken over rather than every sentence read a second time.
    // A sentence's place in the list is found from its block's (sentenceIndexOf), not from a table of
    // every sentence: after an edit only the few sentences typed ask, and that table was a map of ten
    // thousand entries made per keystroke of a 1 MB contract (issue 13, alloc).
    const sg = sharedGate(r);
    const n = sg ? sentenceIndexOf(model, block.index, i, s) : undefined;
    // A sentence where neither the master agreement's expression nor any document's name can
    // match is passed over by every category's search (see findIncorporation), so it gets no look:
    // most sentences of a long contract, whose whitespace folding and tests were a few per cent of
    // a CLI review.
    if (n !== undefined && !namesAnyDocument(sg!.gate, filter!, sg!.gate.row(n, sg!.infos[n].flat))) {
      textLooks.set(s, SKIPPED);
      continue;
    }
    const text = folded ?? collapseSpace(s.text);
    if (/\bif any\b/i.test(text)) {
      textLooks.set(s, SKIPPED);
      continue;
    }
    // The gate over the looks list itself is made when a sentence is first read (after an edit, most are known already).
    if (n === undefined && r.own === undefined) r.own = filter ? prefilter.gate(looks, r.count) : null;
    const gate = n !== undefined ? sg!.gate : r.own!;
    const row = n !== undefined ? sg!.gate.row(n, sg!.infos[n].flat) : gate ? gate.row(looks.length, text) : -1;
    // (No closure in this loop's body: one capturing its variables made V8 allocate a context for
    // every sentence of the document, looked-up or not, about 0.4 MB per 1 MB edit; issue 13, alloc.)
    look = {
      text, skip: false,
      incorporating: mayMatch(possible, gate, filter, 0, row) && INCORPORATING_RE.test(text),
      label: mayMatch(possible, gate, filter, 1, row) ? LABEL_RE.exec(text)?.[0] : undefined, asked: 0,
    };
    textLooks.set(s, look);
    looks.push({ gate, row, start: block.start + s.from, end: block.start + s.to, section: block.section, block: b, k: i, look });
  }
}

/** May expression i of GATED match the sentence at `row` (see sentenceLooks)? */
function mayMatch(possible: Uint8Array | null, gate: DocumentGate | null, filter: ListFilter | null, i: number, row: number): boolean {
  return possible ? possible[i] === 1 : !gate || gate.may(filter!, i, row);
}

/** Hands the looks to a copy of the model with the same blocks (drafting/carry.ts: the copy IncrementalReview keeps after releaseModelCaches). */
export function carryLooks(from: ContractModel, to: ContractModel): void {
  const found = looksOfModel.get(from);
  if (found && from.blocks === to.blocks && from.text === to.text) looksOfModel.set(to, { looks: found.looks, filter: found.filter, possible: found.possible, count: found.count, read: found.read });
}

/** How many sentences of the model the searches read (for tests: a long contract's few that may name a document). */
export function sentenceLookCount(model: ContractModel): number {
  return sentenceLooks(model).looks.length;
}

/** How many sentences were looked at to make the model's looks, of how many (for tests: an edit reads the re-parsed blocks only). */
export function sentenceLookReads(model: ContractModel): { read: number; sentences: number } {
  const found = sentenceLooks(model);
  return { read: found.read, sentences: found.count };
}

/**
 * May the master agreement's expression (GATED[2]) or a document's name (GATED[3...]) match the
 * sentence at `row`? One test of the row's words against their bits, asked of every sentence (it
 * was one `may` per expression: 16 calls a sentence; issue 13, clicats).
 */
function namesAnyDocument(gate: DocumentGate, filter: ListFilter, row: number): boolean {
  if (filter !== namesFilter) {
    namesMask = maskOf(filter.ids!.subarray(2));
    namesFilter = filter;
  }
  return gate.mayAnyOf(namesMask, row);
}
/** The bits of GATED[2...] in the prefilter's list (`namesFilter`, the one list while its prefilter lives). */
let namesFilter: ListFilter | null = null;
let namesMask: Uint32Array = new Uint32Array(0);

/** Where a category missing from this document is incorporated from another, that document and the sentence that says so. */
export function findIncorporation(model: ContractModel, category: CategoryId): Incorporation | null {
  const own = OWN_RE.get(category) ?? null;
  const ownIndex = OWN_INDEX.get(category) ?? -1;
  const bit = bitOf(category);
  const { looks, filter, possible } = sentenceLooks(model);
  // Neither expression can match in a short document without their words.
  if (possible && !(ownIndex >= 0 && possible[ownIndex]) && (category === 'deliverables' || !possible[2])) return null;
  for (const sl of looks) {
    const { look } = sl;
    let name: string | null;
    if (look.asked & bit) name = look.names?.get(category) ?? null;
    else {
      name = documentNamed(sl, category, own, ownIndex, filter, possible);
      look.asked |= bit;
      if (name) (look.names ??= new Map()).set(category, name);
    }
    if (!name) continue;
    const { text, label: lab } = look;
    // The document is here after all (a section titled "Schedule 3" or "Service Level Agreement"): nothing is delegated.
    if (isInThisDocument(model, lab, name)) continue;
    const document = `${titleCase(name)}${lab && !name.toLowerCase().includes(lab.toLowerCase()) ? ` (${lab})` : ''}`;
    return { document, evidence: { requirement: 'incorporated', span: { start: sl.start, end: sl.end }, text, section: sl.section } };
  }
  return null;
}

/** The document a sentence says the category's terms are incorporated from (its text alone decides), or null. */
function documentNamed(sl: SentenceLook, category: CategoryId, own: RegExp | null, ownIndex: number, filter: ListFilter | null, possible: Uint8Array | null): string | null {
  const { gate, look } = sl;
  const { text } = look;
  const mayOwn = possible ? ownIndex >= 0 && possible[ownIndex] === 1 : !gate || (ownIndex >= 0 && gate.may(filter!, ownIndex, sl.row));
  // Neither expression can match a sentence without their words (the gate never skips a match).
  if (gate && !mayOwn && (category === 'deliverables' || !gate.may(filter!, 2, sl.row))) return null;
  const m = mayOwn ? own?.exec(text) : null;
  // "This Statement of Work", "this SLA": the document itself, not one it takes terms from.
  if (m && /\bthis\s+$/i.test(text.slice(0, m.index))) return null;
  // An acronym counts only in capitals and not where it abbreviates something else ("Buy America Act (BAA)").
  if (m && /^[A-Za-z]{2,4}s?$/.test(m[1]) && (!/^[A-Z]{2,4}s?$/.test(m[1]) || /\(\s*$/.test(text.slice(0, m.index)))) return null;
  if (m && look.incorporating && (look.label !== undefined || /\b(?:agreement|addendum|policy|policies|plan|schedule|annex|exhibit|document|dated|available at|https?:\/\/)/i.test(text))) return m[1];
  if (category === 'deliverables') return null;
  // The statement of work's own scope is not the master agreement's to give.
  if (look.master === undefined) look.master = possible && !possible[2] ? null : MASTER_SENTENCE.exec(text);
  const w = look.master;
  return w ? (w[1] ?? w[2] ?? w[3] ?? null) : null;
}

function isInThisDocument(model: ContractModel, label: string | undefined, name: string): boolean {
  const looks = sentenceLooks(model);
  const titles = (looks.titles ??= model.sections.slice(1).map((s) => s.title.replace(/\s+/g, ' ').trim().toLowerCase()));
  const lab = label?.replace(/\s+/g, ' ').toLowerCase();
  if (lab && titles.some((t) => t.startsWith(lab) && (t.length === lab.length || /^[\s:.\-–—(]/.test(t.slice(lab.length))))) return true;
  const n = name.toLowerCase();
  return titles.some((t) => t === n || t.endsWith(` ${n}`) || t.startsWith(`${n} `));
}

/** "service level agreement" -> "Service Level Agreement"; names already capitalised ("SLA", "Master Services Agreement") are kept. */
function titleCase(name: string): string {
  if (/[A-Z]/.test(name)) return name;
  return name.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}
