/**
 * Clausewise language server. Entry point: `clausewise-server --stdio` (or `node dist/server.js --stdio`).
 *
 * Standard LSP:
 * - textDocument/publishDiagnostics after open (at once) and after changes (debounced, default 250 ms;
 *   initializationOptions.debounceMs overrides). Results for superseded versions are dropped; a closed
 *   document gets an empty list and nothing after. Each diagnostic: source "clausewise", code = rule id,
 *   codeDescription.href = rule docs, data = { category, ruleId, fixes, version, index }.
 * - textDocument/codeAction: `quickfix` actions, one per fix (the first of each finding preferred).
 *   Edits only insert, or replace exactly the flagged words. `documentChanges` when the client supports
 *   it; LSP 3.18 SnippetTextEdit when the client declares workspace.workspaceEdit.snippetEditSupport or
 *   experimental.snippetTextEdit.
 * - textDocument/hover (findings: rule, message, rationale, fixing clause, docs; section headings: the
 *   categories the section evidences), textDocument/documentSymbol (section outline),
 *   textDocument/foldingRange (sections, front matter).
 *
 * Settings (ReviewSettings: enable, profiles, include, severity, thresholds), in order of precedence:
 * `workspace/configuration` section "clausewise" (pulled per document when the client supports it,
 * re-pulled on workspace/didChangeConfiguration), then settings pushed in didChangeConfiguration
 * (`{ settings: { clausewise: {...} } }`), then initializationOptions `{ settings: {...} }`, then defaults.
 * `include` globs are matched against the path relative to the workspace folder holding the document.
 * Config files (.clausewise.yaml/.yml/.json, package.json "clausewise"), the same the CLI reads, nearest
 * to each document: when one applies it decides the review and the settings above do not (except
 * enable: false), so editor and CI agree; see ./config.ts. An invalid one gives one `invalid-config`
 * diagnostic naming the file and line. Watched via workspace/didChangeWatchedFiles when the client
 * supports dynamic registration, else re-read for every review.
 *
 * Custom messages (shapes in ./protocol.ts; the VS Code client mirrors them in client/src/protocol.ts):
 * - request `clausewise/reviewDocument` { uri } -> { isContract, reason, profiles, coverage, counts } | null
 *   Reviews the open document as a contract even when it does not read as one; the document stays
 *   forced until it is closed. null when the document is not open.
 * - request `clausewise/coverage` { uri } -> { isContract, reason, profiles, coverage,
 *   assessments: [{ category, title, verdict, reason, evidence: [{ requirement, text, range }] }] } | null
 * - request `clausewise/listClauses` -> [{ id, title, category, summary, positions: [{ position, label, tradeoff, differs }] }]
 * - request `clausewise/renderClause` { uri, clauseId, snippet?, clausePosition? } -> { text, position, clausePosition } | null
 *   The clause rendered for that document (numbering, party names, tab stops when snippet) and the
 *   position a quick fix would insert it at. null when the document is not open or the clause unknown.
 * - request `clausewise/exportReport` { uri, format: 'markdown' | 'html' } -> { format, text } | null
 *   The review report of the open document (coverage with reasons and evidence, then the findings),
 *   as the CLI writes it (engine/report.ts). null when the document is not open or the format unknown.
 * - notification `clausewise/status` (server -> client, after each publish):
 *   { uri, isContract, reason, profiles, covered, weak, missing, total }
 *
 * Robustness: a failing review is logged (connection.console.error) and never ends the server; files
 * over 2 MB or with NUL bytes get one information diagnostic saying they were skipped.
 */
import {
  createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type ClientCapabilities, type Diagnostic, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildContractModel, formatOfPath, spanToRange, type ContractModel } from '../model';
import {
  CATEGORIES, CLAUSES, computeFix, gitRoot, loadBundle, MAX_DOCUMENT_BYTES, readBundleText, renderHtmlReport, renderMarkdownReport, review, VERSION,
  type ReviewResult, type ReviewSettings,
} from '../engine';
import { buildCodeActions, diagnosticsOf, serverDiagnostic, SKIPPED_CODE, type EditCapabilities } from './convert';
import { documentSymbols, foldingRanges, hoverAt } from './outline';
import { DEFAULT_CLAUSE_POSITION, POSITION_LABELS, describePositionDifference, isClausePosition, positionDifferences } from '../library';
import { frontMatterClausePosition } from '../engine/review';
import { registerTermFeatures, TERM_CAPABILITIES, termHover } from './terms';
import { mergeSettings, sanitizeSettings, workspaceRelativePath } from './settings';
import { configErrorDiagnostic, WATCH_GLOB, WorkspaceConfigs } from './config';
import { gatedStdio, stdioHousekeeping } from './gate';
import {
  CoverageRequest, ExportReportRequest, ListClausesRequest, RenderClauseRequest, ReviewDocumentRequest, StatusNotification,
  type CoverageResult, type ReviewSummary, type SeverityCounts, type StatusParams, type Verdict,
} from './protocol';

const MAX_BYTES = MAX_DOCUMENT_BYTES;
const DEFAULT_DEBOUNCE_MS = 250;

// Over stdio (what every client uses), the transport keeps to the LSP lifecycle and never passes an
// exception's text to the client (./gate.ts); the other transports the library offers are kept as they were.
const OTHER_TRANSPORT = process.argv.slice(2).some((a) => /^--(node-ipc|socket|pipe)\b/.test(a));
const gate = OTHER_TRANSPORT ? null : gatedStdio(process.stdin, process.stdout, (text) => { process.stderr.write(`${text}\n`); });
const connection = gate ? createConnection(ProposedFeatures.all, gate.reader, gate.writer) : createConnection(ProposedFeatures.all);
if (gate) stdioHousekeeping(gate);
const documents = new TextDocuments(TextDocument);

// ---------------------------------------------------------------------------------------------
// Client capabilities and options

let hasConfiguration = false;
let hasDynamicConfigChange = false;
let editCaps: EditCapabilities = { documentChanges: false, snippets: false };
let debounceMs = DEFAULT_DEBOUNCE_MS;
const MIN_EDIT_DELAY_MS = 15;
let initSettings: ReviewSettings = {};
let pushedSettings: ReviewSettings = {};
let workspaceFolders: string[] = [];
let workspaceFoldersSupported = false;
/** Config files (.clausewise.yaml, ...): the same as the CLI's; see ./config.ts for precedence. */
const configs = new WorkspaceConfigs();
let canWatchFiles = false;

function readCapabilities(caps: ClientCapabilities): void {
  hasConfiguration = !!caps.workspace?.configuration;
  hasDynamicConfigChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  workspaceFoldersSupported = !!caps.workspace?.workspaceFolders;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  const we = caps.workspace?.workspaceEdit;
  const experimental = caps.experimental as Record<string, unknown> | undefined;
  editCaps = {
    documentChanges: !!we?.documentChanges,
    snippets: !!we?.snippetEditSupport || experimental?.snippetTextEdit === true,
  };
}

function folderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  return [];
}

/** Repeat a finding's message in the hover (false when the client shows diagnostics in hovers itself). */
let hoverWithMessage = true;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  readCapabilities(params.capabilities);
  const opts = (params.initializationOptions ?? {}) as Record<string, unknown>;
  if (typeof opts.debounceMs === 'number' && Number.isFinite(opts.debounceMs) && opts.debounceMs >= 0) debounceMs = opts.debounceMs;
  // `{ settings: {...} }`, or `{ settings: { clausewise: {...} } }`, or the settings themselves.
  let raw: unknown = opts.settings ?? opts.clausewise ?? (('profiles' in opts || 'enable' in opts || 'include' in opts) ? opts : undefined);
  if (raw && typeof raw === 'object' && 'clausewise' in raw) raw = (raw as Record<string, unknown>).clausewise;
  initSettings = sanitizeSettings(raw);
  // VS Code in Restricted Mode: the folder's configuration files are not trusted to weaken a review.
  configs.trusted = opts.workspaceTrusted !== false;
  // VS Code shows a diagnostic's message in the same hover as ours; its client says so, to avoid the repeat.
  hoverWithMessage = opts.diagnosticsInHover !== true;
  editCaps.acceptCommand = opts.acceptFindingCommand === true;
  workspaceFolders = folderUris(params);
  configs.setRoots(workspaceFolders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Clausewise' },
      foldingRangeProvider: true,
      // Defined terms and cross-references (./terms.ts): definition, references, rename, completion, links, semantic tokens.
      ...TERM_CAPABILITIES,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'clausewise', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    // Config files are cached while the client tells us about changes; otherwise re-read per review.
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] })
      .then(() => { configs.watching = true; }, () => undefined);
  }
  if (hasConfiguration && hasDynamicConfigChange) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clausewise' }).catch(() => undefined);
  }
  if (workspaceFoldersSupported) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f: WorkspaceFolder) => f.uri));
      workspaceFolders = [...workspaceFolders.filter((u) => !removed.has(u)), ...e.added.map((f: WorkspaceFolder) => f.uri)];
      configs.setRoots(workspaceFolders);
      settingsChanged();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Per-document state

interface Reviewed {
  version: number;
  /** Settings generation and force flag the review was made with. */
  generation: number;
  force: boolean;
  /** null when the file was skipped (too large, binary). */
  result: ReviewResult | null;
  diagnostics: Diagnostic[];
  status: StatusParams;
}

interface DocState {
  force: boolean;
  timer?: NodeJS.Timeout;
  settings?: Promise<ReviewSettings>;
  last?: Reviewed;
  /** Version last published, to avoid sending the same diagnostics twice. */
  published?: { version: number; generation: number; force: boolean };
  /** The model of one version, shared by the review and the term features (tokens, completion). */
  model?: { version: number; model: ContractModel };
}

/** The parsed model of a document version, built once and shared by every request on it. */
function modelOf(st: DocState, doc: TextDocument): ContractModel {
  if (st.model?.version !== doc.version) st.model = { version: doc.version, model: buildContractModel(doc.getText(), doc.version, doc.languageId === 'plaintext' ? 'plain' : formatOfPath(doc.uri)) };
  return st.model.model;
}

const states = new Map<string, DocState>();
let generation = 0;

function stateOf(uri: string): DocState {
  let st = states.get(uri);
  if (!st) states.set(uri, (st = { force: false }));
  return st;
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

async function settingsFor(uri: string, st: DocState): Promise<ReviewSettings> {
  if (!st.settings) {
    st.settings = (async () => {
      let pulled: ReviewSettings = {};
      if (hasConfiguration) {
        try {
          pulled = sanitizeSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'clausewise' }));
        } catch (e) {
          connection.console.error(`Clausewise: workspace/configuration failed: ${errorText(e)}`);
        }
      }
      return mergeSettings(initSettings, pushedSettings, pulled);
    })();
  }
  return st.settings;
}

function skipReason(text: string): string | null {
  if (text.length > MAX_BYTES / 2 && Buffer.byteLength(text, 'utf8') > MAX_BYTES) {
    return `Clausewise skipped this file: it is larger than 2 MB (${(Buffer.byteLength(text, 'utf8') / 1024 / 1024).toFixed(1)} MB).`;
  }
  if (text.includes('\0')) return 'Clausewise skipped this file: it contains NUL bytes (a binary file, not a text contract).';
  return null;
}

function statusOf(uri: string, result: ReviewResult): StatusParams {
  const verdicts = Object.values(result.coverage) as Verdict[];
  return {
    uri,
    isContract: result.isContract,
    reason: result.reason,
    profiles: result.profiles,
    covered: verdicts.filter((v) => v === 'present').length,
    weak: verdicts.filter((v) => v === 'weak').length,
    missing: verdicts.filter((v) => v === 'missing').length,
    total: verdicts.length,
  };
}

/** Reviews the document as it is now (synchronously, after settings are known) and caches the result. */
async function reviewed(uri: string): Promise<Reviewed | null> {
  // Settings may change while they are being pulled: then pull again, so a result is never cached
  // under a settings generation it was not made with.
  for (let attempt = 0; attempt < 5; attempt++) {
    const st = states.get(uri);
    if (!st) return null;
    const gen = generation;
    const settings = await settingsFor(uri, st);
    if (gen !== generation) continue;
    return reviewNow(uri, st, settings);
  }
  return null;
}

function reviewNow(uri: string, st: DocState, settings: ReviewSettings): Reviewed | null {
  const doc = documents.get(uri);
  if (!doc || states.get(uri) !== st) return null;
  const last = st.last;
  if (last && last.version === doc.version && last.generation === generation && last.force === st.force) return last;
  const text = doc.getText();
  const skipped = skipReason(text);
  let entry: Reviewed;
  if (skipped) {
    entry = {
      version: doc.version, generation, force: st.force, result: null,
      diagnostics: [serverDiagnostic(SKIPPED_CODE, skipped, DiagnosticSeverity.Information, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, doc.version)],
      status: { uri, isContract: false, reason: skipped.replace(/^Clausewise skipped this file: /, 'skipped: '), profiles: [], covered: 0, weak: 0, missing: 0, total: 0 },
    };
  } else {
    const config = configs.forDocument(uri, settings, st.force);
    const model = modelOf(st, doc);
    const bundle = bundleOf(uri, model);
    const result = review({
      text, version: doc.version, settings: config.settings, force: st.force || config.force,
      ...(!st.force && config.forceReason ? { forceReason: config.forceReason } : {}),
      path: workspaceRelativePath(uri, workspaceFolders),
      bundle: bundle.members,
    }, model);
    result.problems.push(...bundle.problems);
    if (config.ignoredReason) result.reason = config.ignoredReason;
    const diagnostics = diagnosticsOf(result, doc.version);
    if (config.error) diagnostics.unshift(configErrorDiagnostic(config.error, doc.version));
    entry = { version: doc.version, generation, force: st.force, result, diagnostics, status: statusOf(uri, result) };
  }
  st.last = entry;
  return entry;
}

/**
 * The other files of a contract bundle (schedules named in front matter or linked), read from the
 * editor when open there, else from disk; shown by their workspace-relative paths.
 */
function bundleOf(uri: string, model: ContractModel): { members: Array<{ path: string; text: string }>; problems: string[] } {
  if (!uri.startsWith('file:')) return { members: [], problems: [] };
  const read = (fsPath: string): string | undefined => {
    const open = documents.get(pathToFileURL(fsPath).href);
    if (open) return open.getText();
    // From disk: regular files inside the contract's repository (else its workspace folder) only.
    return readBundleText(fsPath, gitRoot(dirname(fsPath)) ?? configs.rootOf(fsPath) ?? dirname(fileURLToPath(uri)));
  };
  const { members, problems } = loadBundle(model, fileURLToPath(uri), read);
  return {
    members: members.map((m) => ({ path: workspaceRelativePath(pathToFileURL(m.path).href, workspaceFolders) ?? m.path, text: m.text })),
    problems,
  };
}

/** Reviews and publishes, unless the document changed or closed meanwhile. */
async function validate(uri: string): Promise<void> {
  const st = states.get(uri);
  if (!st) return;
  try {
    const entry = await reviewed(uri);
    if (!entry || states.get(uri) !== st) return;
    const doc = documents.get(uri);
    if (!doc || doc.version !== entry.version) return; // stale: a newer version is on its way
    const p = st.published;
    if (p && p.version === entry.version && p.generation === entry.generation && p.force === entry.force) return;
    st.published = { version: entry.version, generation: entry.generation, force: entry.force };
    await connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics });
    await connection.sendNotification(StatusNotification, entry.status);
  } catch (e) {
    connection.console.error(`Clausewise: reviewing ${uri} failed: ${errorText(e)}`);
  }
}

function schedule(uri: string, delay: number): void {
  const st = states.get(uri);
  if (!st) return;
  if (st.timer) clearTimeout(st.timer);
  st.timer = setTimeout(() => {
    st.timer = undefined;
    void validate(uri);
  }, delay);
}

function settingsChanged(): void {
  generation++;
  for (const st of states.values()) st.settings = undefined;
  for (const doc of documents.all()) schedule(doc.uri, 0);
}

const opening = new Set<string>();
documents.onDidOpen((e) => {
  const st = stateOf(e.document.uri);
  st.last = undefined;
  st.published = undefined;
  opening.add(e.document.uri);
});

documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  stateOf(uri);
  const first = opening.delete(uri);
  // Edits wait at least a few milliseconds even with debounceMs 0, so that a burst of messages read in
  // separate chunks (a change followed at once by a close or another change) is seen before reviewing.
  schedule(uri, first ? 0 : Math.max(debounceMs, MIN_EDIT_DELAY_MS));
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  const st = states.get(uri);
  if (st?.timer) clearTimeout(st.timer);
  states.delete(uri);
  opening.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles((params) => {
  if (configs.changed(params.changes.map((c) => c.uri))) settingsChanged();
});

connection.onDidChangeConfiguration((change) => {
  const s = (change?.settings ?? null) as Record<string, unknown> | null;
  if (s && typeof s === 'object' && 'clausewise' in s) pushedSettings = sanitizeSettings(s.clausewise);
  settingsChanged();
});

// ---------------------------------------------------------------------------------------------
// Language features

/** Review result for the document's current version (reviewing now if the cache is stale). */
async function currentResult(uri: string): Promise<{ entry: Reviewed; result: ReviewResult } | null> {
  if (!documents.get(uri)) return null;
  const entry = await reviewed(uri);
  if (!entry?.result) return null;
  return { entry, result: entry.result };
}

/** The parsed model of the current version, without a full review when none is cached. */
function currentModel(uri: string): ContractModel | null {
  const doc = documents.get(uri);
  if (!doc) return null;
  const last = states.get(uri)?.last;
  if (last && last.version === doc.version) return last.result?.model ?? null;
  if (skipReason(doc.getText())) return null;
  return modelOf(stateOf(uri), doc);
}

connection.onCodeAction(async (params) => {
  try {
    const only = params.context.only;
    if (only && !only.some((k) => k === '' || k === 'quickfix')) return [];
    const cur = await currentResult(params.textDocument.uri);
    if (!cur || !cur.result.isContract) return [];
    return buildCodeActions(params.textDocument.uri, cur.entry.version, cur.result, params.range, params.context.diagnostics, editCaps, {
      warn: (m) => connection.console.warn(`Clausewise: ${m}`),
    });
  } catch (e) {
    connection.console.error(`Clausewise: code actions failed: ${errorText(e)}`);
    return [];
  }
});

connection.onHover(async (params) => {
  try {
    const cur = await currentResult(params.textDocument.uri);
    const hover = cur ? hoverAt(cur.result, params.position, { withMessage: hoverWithMessage }) : null;
    // No finding or heading here: the definition of a defined term under the cursor.
    if (hover) return hover;
    const model = cur?.result.model ?? currentModel(params.textDocument.uri);
    return model ? termHover(model, params.position) : null;
  } catch (e) {
    connection.console.error(`Clausewise: hover failed: ${errorText(e)}`);
    return null;
  }
});

// Defined terms as symbols, cross-references as links (./terms.ts).
registerTermFeatures(connection, {
  model: (uri) => currentModel(uri),
  result: async (uri) => (await currentResult(uri))?.result ?? null,
  log: (m) => connection.console.error(m),
});

connection.onDocumentSymbol((params) => {
  try {
    const model = currentModel(params.textDocument.uri);
    return model ? documentSymbols(model) : [];
  } catch (e) {
    connection.console.error(`Clausewise: document symbols failed: ${errorText(e)}`);
    return [];
  }
});

connection.onFoldingRanges((params) => {
  try {
    const model = currentModel(params.textDocument.uri);
    return model ? foldingRanges(model) : [];
  } catch (e) {
    connection.console.error(`Clausewise: folding ranges failed: ${errorText(e)}`);
    return [];
  }
});

// ---------------------------------------------------------------------------------------------
// Custom requests

function countsOf(diagnostics: Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) counts.error++;
    else if (d.severity === DiagnosticSeverity.Warning) counts.warning++;
    else if (d.severity === DiagnosticSeverity.Information) counts.information++;
    else if (d.severity === DiagnosticSeverity.Hint) counts.hint++;
  }
  return counts;
}

function uriParam(params: unknown): string | null {
  const uri = params && typeof params === 'object' ? (params as Record<string, unknown>).uri : undefined;
  return typeof uri === 'string' ? uri : null;
}

connection.onRequest(ReviewDocumentRequest, async (params) => {
  const uri = uriParam(params);
  if (!uri || !documents.get(uri)) return null;
  try {
    const st = stateOf(uri);
    st.force = true;
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    await validate(uri);
    const entry = await reviewed(uri);
    if (!entry) return null;
    const r = entry.result;
    return {
      isContract: r?.isContract ?? false,
      reason: r?.reason ?? entry.status.reason,
      profiles: r?.profiles ?? [],
      coverage: (r?.coverage ?? {}) as Record<string, Verdict>,
      counts: countsOf(entry.diagnostics),
    } satisfies ReviewSummary;
  } catch (e) {
    connection.console.error(`Clausewise: reviewDocument failed: ${errorText(e)}`);
    return null;
  }
});

connection.onRequest(CoverageRequest, async (params) => {
  const uri = uriParam(params);
  if (!uri || !documents.get(uri)) return null;
  try {
    const entry = await reviewed(uri);
    if (!entry) return null;
    const r = entry.result;
    if (!r) return { isContract: false, reason: entry.status.reason, profiles: [], coverage: {}, assessments: [] };
    const lineStarts = r.model.lineStarts;
    return {
      isContract: r.isContract,
      reason: r.reason,
      profiles: r.profiles,
      coverage: r.coverage as Record<string, Verdict>,
      assessments: r.assessments.map((a) => ({
        category: a.category,
        title: CATEGORIES[a.category]?.title ?? a.category,
        verdict: a.verdict,
        reason: a.reason,
        evidence: a.evidence.map((e) => ({ requirement: e.requirement, text: e.text, range: spanToRange(lineStarts, e.span), ...(e.source ? { source: e.source, score: e.score } : {}) })),
      })),
    } satisfies CoverageResult;
  } catch (e) {
    connection.console.error(`Clausewise: coverage failed: ${errorText(e)}`);
    return null;
  }
});

connection.onRequest(ListClausesRequest, () =>
  CLAUSES.map((c) => ({
    id: c.id, title: c.title, category: c.category, summary: c.summary,
    positions: positionDifferences(c).map((d) => ({ position: d.position, label: POSITION_LABELS[d.position], tradeoff: d.tradeoff, differs: describePositionDifference(d) })),
  })));

connection.onRequest(RenderClauseRequest, (params) => {
  try {
    const uri = uriParam(params);
    const clauseId = params && typeof params.clauseId === 'string' ? params.clauseId : null;
    if (!uri || !clauseId) return null;
    const model = currentModel(uri);
    if (!model) return null;
    const last = states.get(uri)?.last?.result;
    // The document's own choice (front matter, then the setting) unless the picker names a position.
    const clausePosition = isClausePosition(params.clausePosition) ? params.clausePosition : last?.clausePosition ?? frontMatterClausePosition(model) ?? DEFAULT_CLAUSE_POSITION;
    const fix = computeFix(model, { kind: 'insertClause', title: 'Insert clause', clauseId }, { snippet: params.snippet === true, insertOnly: true, thresholds: last?.thresholds, position: clausePosition });
    const edit = fix?.edits[0];
    if (!edit) return null;
    return { text: edit.newText, position: edit.range.start, clausePosition };
  } catch (e) {
    connection.console.error(`Clausewise: renderClause failed: ${errorText(e)}`);
    return null;
  }
});

connection.onRequest(ExportReportRequest, async (params) => {
  try {
    const uri = uriParam(params);
    const format = params?.format;
    if (!uri || (format !== 'markdown' && format !== 'html')) return null;
    const cur = await currentResult(uri);
    if (!cur) return null;
    const path = workspaceRelativePath(uri, workspaceFolders) ?? decodeURIComponent(uri.replace(/^.*\//, ''));
    const files = [{ path, result: cur.result }];
    const opts = { generatedBy: `Reviewed by Clausewise ${VERSION} against ${cur.result.profiles.join(', ') || 'no profile'}` };
    return { format, text: format === 'html' ? renderHtmlReport(files, opts) : renderMarkdownReport(files, opts) };
  } catch (e) {
    connection.console.error(`Clausewise: exportReport failed: ${errorText(e)}`);
    return null;
  }
});

// ---------------------------------------------------------------------------------------------

connection.onShutdown(() => {
  for (const st of states.values()) if (st.timer) clearTimeout(st.timer);
});

process.on('uncaughtException', (e) => {
  try {
    connection.console.error(`Clausewise: unexpected error: ${errorText(e)}`);
  } catch {
    // The connection itself is gone; nothing left to report to.
  }
});
process.on('unhandledRejection', (e) => {
  try {
    connection.console.error(`Clausewise: unexpected error: ${errorText(e)}`);
  } catch {
    // As above.
  }
});

documents.listen(connection);
connection.listen();
