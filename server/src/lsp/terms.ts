/**
 * Defined terms as symbols, and cross-references as links, in the language server:
 * - textDocument/definition: on a use of a defined term, its definition(s); on a cross-reference
 *   ("clause 4.2"), the clause it names.
 * - textDocument/references: every use of the term (and its definition when includeDeclaration).
 * - textDocument/hover (fallback of the findings hover): the term's definition.
 * - textDocument/prepareRename and textDocument/rename: renames a defined term at its definition
 *   and every use, keeping each use's form (plural "Services", singular "Service", possessive) and
 *   capitals ("SERVICES" in a passage in capitals). Anything else is rejected.
 * - textDocument/completion: the defined terms, triggered by a capital letter or a quote.
 * - textDocument/documentLink: cross-references to the clause, schedule or annex they name, as
 *   `<document uri>#L<line>` (1-based line of the target heading).
 * - textDocument/semanticTokens/full: uses of defined terms ("definedTerm", the definition with the
 *   "declaration" modifier) and capitalised terms the undefined-term rule flags ("undefinedTerm").
 *
 * Pure functions of the contract model (and the review, for the undefined-term findings), so they
 * are unit-testable; `registerTermFeatures` wires them to a connection.
 */
import {
  CompletionItemKind, type CancellationToken, ErrorCodes, MarkupKind, ResponseError,
  type CompletionItem, type CompletionList, type Connection, type DocumentLink, type Hover, type Location,
  type Position, type Range, type SemanticTokens, type SemanticTokensLegend, type ServerCapabilities, type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { offsetAt, positionAt, spanToRange, type ContractModel, type DefinedTerm, type Span } from '../model';
import type { ReviewResult } from '../engine';
import { formOf, occurrenceAtLazily, pluralOf, singularOf, termIndex, useCount, type TermOccurrence } from '../drafting/terms';
import { resolvedReferences } from '../drafting/xrefs';
import { undefinedTerms } from '../drafting/undefined';
import { driftSemanticTokens, sideOf, type TextDrift, type TextSide } from './drift';

export const SEMANTIC_TOKEN_TYPES = ['definedTerm', 'undefinedTerm'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration'] as const;
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] };

const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
export const COMPLETION_TRIGGERS = ['"', '\u201C', ...CAPITALS];

/** The capabilities these features add to the initialize result. */
export const TERM_CAPABILITIES: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  documentLinkProvider: { resolveProvider: false },
  semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: false },
};

function rangeOf(model: ContractModel, span: Span): Range {
  return spanToRange(model.lineStarts, span);
}

function offsetOf(model: ContractModel, pos: Position): number {
  return offsetAt(model.lineStarts, model.text.length, pos);
}

/** The defined-term occurrence at a position (a use or a definition). */
export function termAt(model: ContractModel, pos: Position): TermOccurrence | undefined {
  return occurrenceAtLazily(termIndex(model), offsetOf(model, pos));
}

// ---------------------------------------------------------------------------------------------
// Definition, references, hover

export function definitionAt(model: ContractModel, uri: string, pos: Position): Location[] | null {
  const occ = termAt(model, pos);
  if (occ) {
    const defs = termIndex(model).byKey.get(occ.key) ?? [];
    return defs.map((d) => ({ uri, range: rangeOf(model, d.span) }));
  }
  const offset = offsetOf(model, pos);
  const ref = resolvedReferences(model).find((r) => r.span.start <= offset && offset <= r.span.end && r.status === 'ok' && r.section);
  if (ref?.section) return [{ uri, range: targetRange(model, ref.section.index) }];
  return null;
}

/** Where a section's heading is: its title, or the start of its opening line. */
function targetRange(model: ContractModel, sectionIndex: number): Range {
  const s = model.sections[sectionIndex];
  const span = s.titleSpan.end > s.titleSpan.start ? s.titleSpan : { start: s.start, end: s.start };
  return rangeOf(model, span);
}

export function referencesAt(model: ContractModel, uri: string, pos: Position, includeDeclaration: boolean): Location[] | null {
  const occ = termAt(model, pos);
  if (!occ) return null;
  return termIndex(model).occurrences
    .filter((o) => o.key === occ.key && (includeDeclaration || !o.isDefinition))
    .map((o) => ({ uri, range: rangeOf(model, o.span) }));
}

export function termHover(model: ContractModel, pos: Position): Hover | null {
  const term = hoveredTerm(model, offsetOf(model, pos));
  if (!term) return null;
  const { key, span, defs, uses } = term;
  if (!defs.length) return null;
  const lines = [`**${key}** (defined term)`];
  for (const d of defs.slice(0, 3)) {
    const line = positionAt(model.lineStarts, d.span.start).line + 1;
    const text = d.definition.replace(/\s+/g, ' ').trim();
    lines.push('', `> ${text.length > 400 ? `${text.slice(0, 399)}\u2026` : text}`, '', `Defined on line ${line}.`);
  }
  if (defs.length > 1) lines.push('', `Defined ${defs.length} times.`);
  lines.push('', `Used ${uses} time${uses === 1 ? '' : 's'}.`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeOf(model, span) };
}

interface HoveredTerm { key: string; span: Span; defs: Array<Pick<DefinedTerm, 'span' | 'definition'>>; uses: number }

/**
 * The term at an offset, its definitions and how many times it is used, from the model's term index
 * (built once per model, and handed to the copy the review worker keeps) without building an object
 * per occurrence: a hover comes once or twice per version of a document being edited.
 */
function hoveredTerm(model: ContractModel, offset: number): HoveredTerm | undefined {
  const idx = termIndex(model);
  const occ = occurrenceAtLazily(idx, offset);
  return occ && { key: occ.key, span: occ.span, defs: idx.byKey.get(occ.key) ?? [], uses: useCount(idx, occ.key) };
}


// ---------------------------------------------------------------------------------------------
// Rename

export function prepareRename(model: ContractModel, pos: Position): { range: Range; placeholder: string } {
  const occ = termAt(model, pos);
  if (!occ) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a defined term can be renamed: place the cursor on a term the contract defines (for example "Services").');
  return { range: rangeOf(model, occ.span), placeholder: model.text.slice(occ.span.start, occ.span.end).replace(/\s+/g, ' ') };
}

/**
 * Renames the term at `pos` to `newName` (given in the form written at `pos`): every occurrence
 * gets the new name in its own form and capitals.
 */
export function renameEdits(model: ContractModel, uri: string, pos: Position, newName: string): WorkspaceEdit {
  const occ = termAt(model, pos);
  if (!occ) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a defined term can be renamed.');
  const name = newName.replace(/\s+/g, ' ').trim();
  if (!name || /["\u201C\u201D\n]/.test(name)) throw new ResponseError(ErrorCodes.InvalidParams, 'A defined term cannot be empty or contain quotation marks.');
  // The new name as the base form of the term.
  let base = occ.upper ? titleLike(name, occ.key) : name;
  if (occ.form === 'plural') base = singularOf(base) ?? base;
  else if (occ.form === 'singular') base = pluralOf(base);
  const idx = termIndex(model);
  const clash = [...idx.byKey.keys()].find((k) => k !== occ.key && (k === base || pluralOf(k) === base || pluralOf(base) === k));
  if (clash) throw new ResponseError(ErrorCodes.InvalidParams, `The contract already defines "${clash}": choose another name.`);
  const edits: TextEdit[] = idx.occurrences
    .filter((o) => o.key === occ.key)
    .map((o) => ({ range: rangeOf(model, o.span), newText: formOf(base, o.form, o.upper) }));
  return { changes: { [uri]: edits } };
}

/** A name typed in capitals over a use in capitals: back to the capitalisation of the term. */
function titleLike(name: string, key: string): string {
  if (name !== name.toUpperCase()) return name;
  const words = name.toLowerCase().split(' ');
  const keyWords = key.split(' ');
  return words.map((w, i) => (keyWords[i] && /^[A-Z]/.test(keyWords[i]) || i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Completion

/** Defined terms of `model` that complete the words typed before `pos` in `typed` (default: the model's own text). */
export function completeTerms(model: ContractModel, pos: Position, typed: TextSide = sideOf(model.text, model.lineStarts)): CompletionList {
  const { prefix, range } = typedPrefix(typed, pos);
  return termCompletions(model, prefix, range);
}

/** The capitalised words typed before `pos` ("Service Le", or nothing just after a quote), and the range a completion replaces. */
export function typedPrefix(typed: TextSide, pos: Position): { prefix: string; range: Range } {
  const lineStart = typed.offsetAt({ line: pos.line, character: 0 });
  const cursor = typed.offsetAt(pos);
  const before = typed.text.slice(lineStart, cursor);
  const m = /(?:[A-Z][\w'\u2019-]*[ ]+(?:of[ ]+)?)*[A-Z][\w'\u2019-]*$|[A-Z]$/.exec(before);
  const prefix = m ? m[0] : '';
  return { prefix, range: { start: typed.positionAt(cursor - prefix.length), end: pos } };
}

/** The defined terms of `model` that complete `prefix`, each replacing `range`. */
export function termCompletions(model: ContractModel, prefix: string, range: Range): CompletionList {
  const idx = termIndex(model);
  const items: CompletionItem[] = [];
  for (const [key, defs] of idx.byKey) {
    if (prefix && !key.toLowerCase().startsWith(prefix.toLowerCase())) {
      const plural = pluralOf(key);
      if (!plural.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    }
    const def = defs[0];
    const text = def.definition.replace(/\s+/g, ' ').trim();
    items.push({
      label: key,
      kind: CompletionItemKind.Constant,
      detail: 'Defined term',
      documentation: { kind: MarkupKind.Markdown, value: `> ${text.length > 300 ? `${text.slice(0, 299)}\u2026` : text}` },
      textEdit: { range, newText: key },
      filterText: key,
      sortText: key.toLowerCase(),
    });
    const plural = pluralOf(key);
    if (!idx.byKey.has(plural) && (idx.usesByKey.get(key) ?? []).some((u) => u.form === 'plural')) {
      items.push({ label: plural, kind: CompletionItemKind.Constant, detail: `Defined term (plural of "${key}")`, textEdit: { range, newText: plural }, filterText: plural, sortText: `${key.toLowerCase()}~` });
    }
  }
  return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------------------------
// Document links

export function documentLinks(model: ContractModel, uri: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  const base = uri.replace(/#.*$/, '');
  for (const ref of resolvedReferences(model)) {
    if (ref.status !== 'ok' || !ref.section) continue;
    const s = ref.section;
    const line = positionAt(model.lineStarts, s.titleSpan.end > s.titleSpan.start ? s.titleSpan.start : s.start).line;
    const name = [s.number, s.title].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim() || `${ref.word} ${ref.target}`;
    out.push({ range: rangeOf(model, ref.span), target: `${base}#L${line + 1}`, tooltip: `Go to ${name}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Semantic tokens

interface RawToken { start: number; end: number; type: number; modifiers: number }

/**
 * Defined terms (uses and definitions) and, when the undefined-term rule reported findings in the
 * review, every occurrence of the terms it flags.
 */
export function semanticTokens(model: ContractModel, result: ReviewResult | null): SemanticTokens {
  // Kept per review (per model without one): asked again after every keystroke, and answered from
  // the last review until the next completes (callers must not modify the tokens).
  const key: object = result ?? model;
  let made = tokensMade.get(key);
  if (!made || made.model !== model) tokensMade.set(key, (made = { model, tokens: tokensOf(model, result) }));
  return made.tokens;
}

const tokensMade = new WeakMap<object, { model: ContractModel; tokens: SemanticTokens }>();

function tokensOf(model: ContractModel, result: ReviewResult | null): SemanticTokens {
  const raw: RawToken[] = [];
  for (const o of termIndex(model).occurrences) raw.push({ start: o.span.start, end: o.span.end, type: 0, modifiers: o.isDefinition ? 1 : 0 });
  const flagged = result?.diagnostics.some((d) => d.ruleId === 'undefined-term');
  if (flagged) {
    for (const t of undefinedTerms(model).terms) for (const s of t.spans) raw.push({ start: s.start, end: s.end, type: 1, modifiers: 0 });
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of raw) {
    if (t.start < lastEnd) continue; // no overlapping tokens
    lastEnd = t.end;
    // A token may not span lines: split it at line breaks.
    let from = t.start;
    while (from < t.end) {
      const p = positionAt(model.lineStarts, from);
      const lineEnd = p.line + 1 < model.lineStarts.length ? model.lineStarts[p.line + 1] : model.text.length;
      let to = Math.min(t.end, lineEnd);
      while (to > from && /[\r\n]/.test(model.text[to - 1])) to--;
      // Leading white space of a continuation line is not part of the term.
      let s = from;
      while (s < to && /\s/.test(model.text[s])) s++;
      if (to > s) {
        const ps = positionAt(model.lineStarts, s);
        const deltaLine = ps.line - prevLine;
        const deltaChar = deltaLine === 0 ? ps.character - prevChar : ps.character;
        data.push(deltaLine, deltaChar, to - s, t.type, t.modifiers);
        prevLine = ps.line;
        prevChar = ps.character;
      }
      from = lineEnd;
    }
  }
  return { data };
}

// ---------------------------------------------------------------------------------------------
// Wiring

/** The term features answered by the review worker for a document it reviews (./worker-answers.ts implements them). */
export interface WorkerTermFeatures {
  locations(uri: string, pos: Position, token: CancellationToken, references?: { includeDeclaration: boolean }): Promise<Location[] | null>;
  prepareRename(uri: string, pos: Position, token: CancellationToken): Promise<{ range: Range; placeholder: string } | null>;
  completion(uri: string, pos: Position, token: CancellationToken): Promise<CompletionList | null>;
  documentLinks(uri: string, token: CancellationToken): Promise<DocumentLink[]>;
  semanticTokens(uri: string, token: CancellationToken): Promise<{ data: number[] }>;
}

export interface TermFeatureHost {
  /**
   * The parsed model of the open document's current version when it is at hand without waiting, or
   * null (not open, skipped, or a large document edited since its last review in the worker).
   */
  model(uri: string): ContractModel | null;
  /** The current version's model, waiting for the review under way when it is not at hand (rename). */
  modelNow(uri: string): Promise<ContractModel | null>;
  /**
   * The last completed review of the document, maybe of an older version, with the mapping of its
   * positions to the current one (./drift.ts); null when there is none yet or the request is
   * cancelled. Never starts or waits for a review.
   */
  lastReview(uri: string, token: CancellationToken): { result: ReviewResult; drift: TextDrift } | null;
  /** Resolves once a review whose diagnostics are already published is here too (see settled() in ./server.ts). */
  settled(uri: string): Promise<void>;
  /**
   * For a document whose last review was made in the review worker: the same features answered
   * there (./worker-answers.ts), since the review stays in the worker. null: answered here.
   */
  worker?(uri: string): WorkerTermFeatures | null;
  /** Rename on a document reviewed in the worker, there, on the review of the current version (waited for); undefined for other documents. */
  renameInWorker?(uri: string, pos: Position, newName: string): Promise<WorkspaceEdit | null | undefined>;
  /** Semantic tokens were answered from an older review: the client is to be asked to refresh them later. */
  staleTokens(uri: string): void;
  log(message: string): void;
}

/**
 * What a request on a position reads: the current model, else the last review's with the position
 * mapped into it (null inside text changed since that review: nothing is known about it yet).
 */
function modelAt(host: TermFeatureHost, uri: string, pos: Position, token: CancellationToken): { model: ContractModel; at: Position; drift: TextDrift | null } | null {
  const model = host.model(uri);
  if (model) return { model, at: pos, drift: null };
  const cur = host.lastReview(uri, token);
  const at = cur?.drift.toBefore(pos);
  return cur && at ? { model: cur.result.model, at, drift: cur.drift.identical ? null : cur.drift } : null;
}

/** Document links of the reviewed text in the current one: a link moves with its text, and one over text edited since is left out. */
export function driftDocumentLinks(links: DocumentLink[], drift: TextDrift): DocumentLink[] {
  if (drift.identical) return links;
  const out: DocumentLink[] = [];
  for (const link of links) {
    const range = drift.exact(link.range);
    const line = Number(/#L(\d+)$/.exec(link.target ?? '')?.[1]);
    if (!range || !line) continue;
    const target = drift.locate({ start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } }).start.line + 1;
    out.push({ ...link, range, target: link.target!.replace(/#L\d+$/, `#L${target}`) });
  }
  return out;
}

/** Locations of the reviewed text in the current one (they only locate: stretched over the text changed since). */
function locateAll(locations: Location[] | null, drift: TextDrift | null): Location[] | null {
  return locations && drift ? locations.map((l) => ({ ...l, range: drift.locate(l.range) })) : locations;
}

async function guard<T>(host: TermFeatureHost, uri: string, what: string, fallback: T, f: () => T | Promise<T>): Promise<T> {
  try {
    await host.settled(uri);
    return await f();
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    host.log(`Clausewise: ${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return fallback;
  }
}

/** Registers definition, references, rename, completion, document links and semantic tokens. */
export function registerTermFeatures(connection: Connection, host: TermFeatureHost): void {
  // Definition and references answer from the last review while a large document's next one is
  // under way in the worker; rename waits for it, so that no use typed since is left out.
  connection.onDefinition((p, token) => guard(host, p.textDocument.uri, 'definition', null, () => {
    const remote = host.worker?.(p.textDocument.uri);
    if (remote) return remote.locations(p.textDocument.uri, p.position, token);
    const view = modelAt(host, p.textDocument.uri, p.position, token);
    return view ? locateAll(definitionAt(view.model, p.textDocument.uri, view.at), view.drift) : null;
  }));
  connection.onReferences((p, token) => guard(host, p.textDocument.uri, 'references', null, () => {
    const remote = host.worker?.(p.textDocument.uri);
    if (remote) return remote.locations(p.textDocument.uri, p.position, token, { includeDeclaration: p.context?.includeDeclaration !== false });
    const view = modelAt(host, p.textDocument.uri, p.position, token);
    return view ? locateAll(referencesAt(view.model, p.textDocument.uri, view.at, p.context?.includeDeclaration !== false), view.drift) : null;
  }));
  connection.onPrepareRename((p, token) => guard(host, p.textDocument.uri, 'prepareRename', null, () => {
    const remote = host.worker?.(p.textDocument.uri);
    if (remote) return remote.prepareRename(p.textDocument.uri, p.position, token);
    const view = modelAt(host, p.textDocument.uri, p.position, token);
    if (!view) return null;
    const answer = prepareRename(view.model, view.at);
    if (!view.drift) return answer;
    // The term's own words were edited since the review: what they now say is not known yet.
    const range = view.drift.exact(answer.range);
    return range ? { ...answer, range } : null;
  }));
  connection.onRenameRequest(async (p) => {
    try {
      const inWorker = await host.renameInWorker?.(p.textDocument.uri, p.position, p.newName);
      if (inWorker !== undefined) return inWorker;
      const model = host.model(p.textDocument.uri) ?? await host.modelNow(p.textDocument.uri);
      return model ? renameEdits(model, p.textDocument.uri, p.position, p.newName) : null;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      host.log(`Clausewise: rename failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return null;
    }
  });
  connection.onCompletion((p, token) => guard(host, p.textDocument.uri, 'completion', null, () => {
    const remote = host.worker?.(p.textDocument.uri);
    if (remote) return remote.completion(p.textDocument.uri, p.position, token);
    const cur = host.lastReview(p.textDocument.uri, token);
    // The terms the last review knows; the words typed so far read from the text as it is now.
    return cur ? completeTerms(cur.result.model, p.position, cur.drift.after) : null;
  }));
  connection.onDocumentLinks((p, token) => guard(host, p.textDocument.uri, 'document links', [], () => {
    const model = host.model(p.textDocument.uri);
    if (model) return documentLinks(model, p.textDocument.uri);
    const remote = host.worker?.(p.textDocument.uri);
    if (remote) return remote.documentLinks(p.textDocument.uri, token);
    const cur = host.lastReview(p.textDocument.uri, token);
    return cur ? driftDocumentLinks(documentLinks(cur.result.model, p.textDocument.uri), cur.drift) : [];
  }));
  connection.languages.semanticTokens.on(async (p, token) => {
    try {
      await host.settled(p.textDocument.uri);
      const remote = host.worker?.(p.textDocument.uri);
      if (remote) return await remote.semanticTokens(p.textDocument.uri, token);
      const cur = host.lastReview(p.textDocument.uri, token);
      if (!cur) return { data: [] };
      const tokens = semanticTokens(cur.result.model, cur.result);
      if (cur.drift.identical) return tokens;
      host.staleTokens(p.textDocument.uri);
      return { data: driftSemanticTokens(tokens.data, cur.drift) };
    } catch (e) {
      host.log(`Clausewise: semantic tokens failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return { data: [] };
    }
  });
}
