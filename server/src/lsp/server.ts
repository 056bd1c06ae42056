/**
 * The Clausewise language server, as a factory: `createServer(connection, { fs, log })` wires every
 * handler to the connection it is given and keeps all its state in the object it returns, so a test
 * can run several servers in one process over in-memory streams. The stdio entry point is ./main.ts.
 *
 * Standard LSP:
 * - textDocument/publishDiagnostics after open (at once) and after changes (see ./schedule.ts for when).
 *   Results for superseded versions are dropped; a closed document gets an empty list and nothing
 *   after. Each diagnostic: source "clausewise", code = rule id, codeDescription.href = rule docs,
 *   data = { category, ruleId, fixes, version, index }.
 * - textDocument/codeAction: `quickfix` actions, one per fix (the first of each finding preferred).
 *   Edits only insert, or replace exactly the flagged words. `documentChanges` when the client supports
 *   it; LSP 3.18 SnippetTextEdit when the client declares workspace.workspaceEdit.snippetEditSupport or
 *   experimental.snippetTextEdit.
 * - textDocument/hover (findings: rule, message, rationale, fixing clause, docs; section headings: the
 *   categories the section evidences), textDocument/documentSymbol (section outline),
 *   textDocument/foldingRange (sections, front matter).
 * - Hover, code actions, semantic tokens and completion answer from the completed review of the
 *   document's current version: they wait for the review already scheduled (or return nothing when the
 *   client cancels them) and never start one themselves.
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
 * Custom messages (./protocol.ts, the one definition the VS Code client imports too):
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
 * - request `clausewise/acceptFindingEdit` { uri, line, ruleId, reason } -> { version, edit } | null
 *   The comment that accepts a finding with the reason given, where it belongs (above the block holding
 *   the finding). The VS Code client's "Accept this finding…" asks for the reason, then for this edit.
 * - notification `clausewise/status` (server -> client, after each publish):
 *   { uri, isContract, reason, profiles, covered, weak, missing, total }
 *
 * Robustness: a failing review is logged (connection.console.error) and never ends the server; files
 * over 2 MB or with NUL bytes get one information diagnostic saying they were skipped.
 */
import {
  CancellationToken, DiagnosticSeverity, TextDocuments, TextDocumentSyncKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type ClientCapabilities, type Connection, type Diagnostic, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatOfPath, spanToRange, type ContractModel } from '../model';
import {
  acceptCommentEdit, CATEGORIES, CLAUSES, computeFix, DISK_READER, gitRoot, readBundleText, renderHtmlReport, renderMarkdownReport, reviewDocument, skipReason, VERSION, IncrementalReview,
  type ConfigReader, type ReviewResult, type ReviewSettings,
} from '../engine';
import { buildCodeActions, diagnosticsOf, serverDiagnostic, SKIPPED_CODE, type EditCapabilities } from './convert';
import { documentSymbols, foldingRanges, hoverAt } from './outline';
import { DEFAULT_CLAUSE_POSITION, POSITION_LABELS, describePositionDifference, isClausePosition, positionDifferences } from '../library';
import { frontMatterClausePosition } from '../engine/review';
import { frontMatterResult } from './front-matter';
import { registerTermFeatures, TERM_CAPABILITIES, termHover } from './terms';
import { mergeSettings, sanitizeSettings, workspaceRelativePath } from './settings';
import { configErrorDiagnostic, WATCH_GLOB, WorkspaceConfigs } from './config';
import { DEFAULT_DEBOUNCE_MS, editDelay, ReviewWaiters } from './schedule';
import {
  AcceptFindingEditRequest, CoverageRequest, ExportReportRequest, FrontMatterRequest, ListClausesRequest, RenderClauseRequest, ReviewDocumentRequest, StatusNotification,
  type CoverageResult, type ReviewSummary, type SeverityCounts, type StatusParams, type Verdict,
} from './protocol';

/** The files the server reads besides open documents: configuration files and a contract's schedules. */
export interface ServerFileSystem extends ConfigReader {
  /** A bundle member's text, or undefined when it is not to be read (see engine readBundleText). */
  readBundleText(absPath: string, tree: string): string | undefined;
}

export const DISK_FILE_SYSTEM: ServerFileSystem = { ...DISK_READER, readBundleText };

export interface ServerOptions {
  /** Default: the disk. */
  fs?: ServerFileSystem;
  /** Errors the server logs, besides the client's log (connection.console). Default: nowhere else. */
  log?: (text: string) => void;
  /** Told after every completed review (the document's uri and version): for tests and the benchmark. */
  onReviewed?: (uri: string, version: number) => void;
}

export interface ClausewiseServer {
  /** The open documents, as the client sent them (read-only use). */
  readonly documents: TextDocuments<TextDocument>;
  /** Stops every pending timer (the connection itself belongs to the caller). */
  dispose(): void;
}

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

/** Everything the server knows about one open document. */
interface DocState {
  force: boolean;
  timer?: NodeJS.Timeout;
  settings?: Promise<ReviewSettings>;
  last?: Reviewed;
  /** How long the last review took (ms): decides how long an edit waits (./schedule.ts). */
  lastCostMs?: number;
  /** Version last published, to avoid sending the same diagnostics twice. */
  published?: { version: number; generation: number; force: boolean };
  /** The model of one version, shared by the review and the term features (tokens, completion). */
  model?: { version: number; model: ContractModel };
  /** The document's model and per-block facts kept between edits (issue 13): only edited sections are read again. */
  incremental?: IncrementalReview;
  /** True from open until the first review is scheduled: the first review does not wait. */
  opening: boolean;
  /** Reviews taken off the timer and not finished (they may be waiting for settings). */
  inFlight: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
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

function folderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  return [];
}

/** What the client declared at initialize, and the options it passed. */
interface ClientSetup {
  hasConfiguration: boolean;
  hasDynamicConfigChange: boolean;
  workspaceFoldersSupported: boolean;
  canWatchFiles: boolean;
  editCaps: EditCapabilities;
  debounceMs: number;
  /** Repeat a finding's message in the hover (false when the client shows diagnostics in hovers itself). */
  hoverWithMessage: boolean;
  initSettings: ReviewSettings;
}

function readClientSetup(caps: ClientCapabilities, opts: Record<string, unknown>): ClientSetup {
  const we = caps.workspace?.workspaceEdit;
  const experimental = caps.experimental as Record<string, unknown> | undefined;
  // `{ settings: {...} }`, or `{ settings: { clausewise: {...} } }`, or the settings themselves.
  let raw: unknown = opts.settings ?? opts.clausewise ?? (('profiles' in opts || 'enable' in opts || 'include' in opts) ? opts : undefined);
  if (raw && typeof raw === 'object' && 'clausewise' in raw) raw = (raw as Record<string, unknown>).clausewise;
  return {
    hasConfiguration: !!caps.workspace?.configuration,
    hasDynamicConfigChange: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    workspaceFoldersSupported: !!caps.workspace?.workspaceFolders,
    canWatchFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    editCaps: {
      documentChanges: !!we?.documentChanges,
      snippets: !!we?.snippetEditSupport || experimental?.snippetTextEdit === true,
      acceptCommand: opts.acceptFindingCommand === true,
    },
    debounceMs: typeof opts.debounceMs === 'number' && Number.isFinite(opts.debounceMs) && opts.debounceMs >= 0 ? opts.debounceMs : DEFAULT_DEBOUNCE_MS,
    // VS Code shows a diagnostic's message in the same hover as ours; its client says so, to avoid the repeat.
    hoverWithMessage: opts.diagnosticsInHover !== true,
    initSettings: sanitizeSettings(raw),
  };
}

export function createServer(connection: Connection, options: ServerOptions = {}): ClausewiseServer {
  const fs = options.fs ?? DISK_FILE_SYSTEM;
  const logError = (text: string): void => {
    options.log?.(text);
    connection.console.error(text);
  };
  const documents = new TextDocuments(TextDocument);
  let client: ClientSetup = readClientSetup({}, {});
  let pushedSettings: ReviewSettings = {};
  let workspaceFolders: string[] = [];
  /** Config files (.clausewise.yaml, ...): the same as the CLI's; see ./config.ts for precedence. */
  const configs = new WorkspaceConfigs(fs);
  const states = new Map<string, DocState>();
  /** Bumped whenever settings or config files change: a review made before is out of date. */
  let generation = 0;
  /** Requests waiting for the review of a document version (./schedule.ts). */
  const waiters = new ReviewWaiters<Reviewed>();

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as Record<string, unknown>;
    client = readClientSetup(params.capabilities, opts);
    // VS Code in Restricted Mode: the folder's configuration files are not trusted to weaken a review.
    configs.trusted = opts.workspaceTrusted !== false;
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
    if (client.canWatchFiles) {
      // Config files are cached while the client tells us about changes; otherwise re-read per review.
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] })
        .then(() => { configs.watching = true; }, () => undefined);
    }
    if (client.hasConfiguration && client.hasDynamicConfigChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clausewise' }).catch(() => undefined);
    }
    if (client.workspaceFoldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f: WorkspaceFolder) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((u) => !removed.has(u)), ...e.added.map((f: WorkspaceFolder) => f.uri)];
        configs.setRoots(workspaceFolders);
        settingsChanged();
      });
    }
  });

  connection.onShutdown(() => dispose());

  function dispose(): void {
    for (const st of states.values()) if (st.timer) clearTimeout(st.timer);
    waiters.cancelAll();
  }

  // -------------------------------------------------------------------------------------------
  // Reviewing

  function stateOf(uri: string): DocState {
    let st = states.get(uri);
    if (!st) states.set(uri, (st = { force: false, opening: false, inFlight: 0 }));
    return st;
  }

  /** The parsed model of a document version, built once and shared by every request on it. */
  function modelOf(st: DocState, doc: TextDocument): ContractModel {
    // Incremental (issue 13): only the sections an edit touched are parsed again.
    if (st.model?.version !== doc.version) st.model = { version: doc.version, model: (st.incremental ??= new IncrementalReview()).model(doc.getText(), doc.version, doc.languageId === 'plaintext' ? 'plain' : formatOfPath(doc.uri)) };
    return st.model.model;
  }

  async function settingsFor(uri: string, st: DocState): Promise<ReviewSettings> {
    if (!st.settings) {
      st.settings = (async () => {
        let pulled: ReviewSettings = {};
        if (client.hasConfiguration) {
          try {
            pulled = sanitizeSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'clausewise' }));
          } catch (e) {
            logError(`Clausewise: workspace/configuration failed: ${errorText(e)}`);
          }
        }
        return mergeSettings(client.initSettings, pushedSettings, pulled);
      })();
    }
    return st.settings;
  }

  function isCurrent(entry: Reviewed | undefined, doc: TextDocument, st: DocState): entry is Reviewed {
    return !!entry && entry.version === doc.version && entry.generation === generation && entry.force === st.force;
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
    if (isCurrent(st.last, doc, st)) return st.last;
    const started = performance.now();
    const entry = reviewDocumentVersion(uri, doc, st, settings);
    st.lastCostMs = performance.now() - started;
    st.last = entry;
    options.onReviewed?.(uri, entry.version);
    waiters.settle(uri, entry.version, entry);
    return entry;
  }

  /**
   * THE review of one document version: the single place the server analyses a document, on open,
   * after every change and on request. Everything else reads the result it caches.
   */
  function reviewDocumentVersion(uri: string, doc: TextDocument, st: DocState, settings: ReviewSettings): Reviewed {
    const text = doc.getText();
    const skipped = skipReason(text);
    if (skipped) {
      return {
        version: doc.version, generation, force: st.force, result: null,
        diagnostics: [serverDiagnostic(SKIPPED_CODE, skipped.message, DiagnosticSeverity.Information, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, doc.version)],
        status: { uri, isContract: false, reason: skipped.reason, profiles: [], covered: 0, weak: 0, missing: 0, total: 0 },
      };
    }
    const config = configs.forDocument(uri, settings, st.force);
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const { result } = reviewDocument({
      text, version: doc.version, model: modelOf(st, doc), incremental: st.incremental, settings: config.settings, force: st.force || config.force,
      ...(!st.force && config.forceReason ? { forceReason: config.forceReason } : {}),
      path: workspaceRelativePath(uri, workspaceFolders),
      ...(file ? { bundlePath: file, readBundle: (p: string) => readBundleMember(uri, p), bundleDisplayPath: (p: string) => workspaceRelativePath(pathToFileURL(p).href, workspaceFolders) ?? p } : {}),
    });
    if (config.ignoredReason) result.reason = config.ignoredReason;
    const diagnostics = diagnosticsOf(result, doc.version);
    if (config.error) diagnostics.unshift(configErrorDiagnostic(config.error, doc.version));
    return { version: doc.version, generation, force: st.force, result, diagnostics, status: statusOf(uri, result) };
  }

  /**
   * A file of a contract bundle (a schedule named in front matter or linked): from the editor when open
   * there, else from disk, regular files inside the contract's repository (else its workspace folder) only.
   */
  function readBundleMember(contractUri: string, fsPath: string): string | undefined {
    const open = documents.get(pathToFileURL(fsPath).href);
    if (open) return open.getText();
    return fs.readBundleText(fsPath, gitRoot(dirname(fsPath), (p) => fs.exists(p)) ?? configs.rootOf(fsPath) ?? dirname(fileURLToPath(contractUri)));
  }

  /** Reviews and publishes, unless the document changed or closed meanwhile. */
  async function validate(uri: string): Promise<void> {
    const st = states.get(uri);
    if (!st) return;
    st.inFlight++;
    try {
      const entry = await reviewed(uri);
      if (!entry) {
        const now = documents.get(uri);
        if (now) waiters.settle(uri, now.version, null); // settings never settled: waiters get nothing
        return;
      }
      if (states.get(uri) !== st) return;
      const doc = documents.get(uri);
      if (!doc || doc.version !== entry.version) return; // stale: a newer version is on its way
      const p = st.published;
      if (p && p.version === entry.version && p.generation === entry.generation && p.force === entry.force) return;
      st.published = { version: entry.version, generation: entry.generation, force: entry.force };
      await connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics });
      await connection.sendNotification(StatusNotification, entry.status);
    } catch (e) {
      logError(`Clausewise: reviewing ${uri} failed: ${errorText(e)}`);
      // Requests waiting for this version get nothing rather than waiting for ever.
      const doc = documents.get(uri);
      if (doc) waiters.settle(uri, doc.version, null);
    } finally {
      st.inFlight--;
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

  documents.onDidOpen((e) => {
    const st = stateOf(e.document.uri);
    st.last = undefined;
    st.published = undefined;
    st.opening = true;
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const st = stateOf(uri);
    const first = st.opening;
    st.opening = false;
    // Versions before this one will never be reviewed: requests waiting for them get nothing.
    waiters.supersede(uri, e.document.version);
    schedule(uri, first ? 0 : editDelay(st.lastCostMs, client.debounceMs));
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const st = states.get(uri);
    if (st?.timer) clearTimeout(st.timer);
    states.delete(uri);
    waiters.close(uri);
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

  // -------------------------------------------------------------------------------------------
  // Reading the results

  /**
   * The completed review of the document's current version. Never starts a review: when the one
   * scheduled for this version has not run yet, waits for it; null when the document closes or
   * changes again first, or the request is cancelled.
   */
  async function completedReview(uri: string, token: CancellationToken = CancellationToken.None): Promise<{ entry: Reviewed; result: ReviewResult } | null> {
    const doc = documents.get(uri);
    const st = states.get(uri);
    if (!doc || !st) return null;
    let entry: Reviewed | null | undefined = st.last;
    if (!isCurrent(entry, doc, st)) {
      // Nothing scheduled for this version (its review failed): nothing to wait for.
      if (!st.timer && !st.inFlight) return null;
      entry = await waiters.wait(uri, doc.version, token);
    }
    if (!entry?.result || token.isCancellationRequested) return null;
    return { entry, result: entry.result };
  }

  /** The review of the current version, reviewing now if the cache is stale (custom requests only). */
  async function reviewForRequest(uri: string): Promise<{ entry: Reviewed; result: ReviewResult } | null> {
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

  // -------------------------------------------------------------------------------------------
  // Language features

  connection.onCodeAction(async (params, token) => {
    try {
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || k === 'quickfix')) return [];
      const cur = await completedReview(params.textDocument.uri, token);
      if (!cur || !cur.result.isContract) return [];
      return buildCodeActions(params.textDocument.uri, cur.entry.version, cur.result, params.range, params.context.diagnostics, client.editCaps, {
        warn: (m) => connection.console.warn(`Clausewise: ${m}`),
      });
    } catch (e) {
      logError(`Clausewise: code actions failed: ${errorText(e)}`);
      return [];
    }
  });

  connection.onHover(async (params, token) => {
    try {
      const cur = await completedReview(params.textDocument.uri, token);
      if (!cur) return null;
      const hover = hoverAt(cur.result, params.position, { withMessage: client.hoverWithMessage });
      // No finding or heading here: the definition of a defined term under the cursor.
      return hover ?? termHover(cur.result.model, params.position);
    } catch (e) {
      logError(`Clausewise: hover failed: ${errorText(e)}`);
      return null;
    }
  });

  // Defined terms as symbols, cross-references as links (./terms.ts).
  registerTermFeatures(connection, {
    model: (uri) => currentModel(uri),
    reviewed: async (uri, token) => (await completedReview(uri, token))?.result ?? null,
    log: logError,
  });

  connection.onDocumentSymbol((params) => {
    try {
      const model = currentModel(params.textDocument.uri);
      return model ? documentSymbols(model) : [];
    } catch (e) {
      logError(`Clausewise: document symbols failed: ${errorText(e)}`);
      return [];
    }
  });

  connection.onFoldingRanges((params) => {
    try {
      const model = currentModel(params.textDocument.uri);
      return model ? foldingRanges(model) : [];
    } catch (e) {
      logError(`Clausewise: folding ranges failed: ${errorText(e)}`);
      return [];
    }
  });

  // -------------------------------------------------------------------------------------------
  // Custom requests

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
      logError(`Clausewise: reviewDocument failed: ${errorText(e)}`);
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
      logError(`Clausewise: coverage failed: ${errorText(e)}`);
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
      logError(`Clausewise: renderClause failed: ${errorText(e)}`);
      return null;
    }
  });

  connection.onRequest(FrontMatterRequest, (params) => {
    const uri = uriParam(params);
    const model = uri ? currentModel(uri) : undefined;
    return model ? frontMatterResult(model) : null;
  });

  connection.onRequest(AcceptFindingEditRequest, (params) => {
    try {
      const uri = uriParam(params);
      const doc = uri ? documents.get(uri) : undefined;
      if (!uri || !doc || typeof params.ruleId !== 'string' || typeof params.reason !== 'string' || !Number.isInteger(params.line)) return null;
      const model = currentModel(uri);
      if (!model) return null;
      const comment = acceptCommentEdit(model, params.line, params.ruleId, params.reason);
      const at = { line: comment.line, character: 0 };
      return { version: doc.version, edit: { range: { start: at, end: at }, newText: comment.text } };
    } catch (e) {
      logError(`Clausewise: acceptFindingEdit failed: ${errorText(e)}`);
      return null;
    }
  });

  connection.onRequest(ExportReportRequest, async (params) => {
    try {
      const uri = uriParam(params);
      const format = params?.format;
      if (!uri || (format !== 'markdown' && format !== 'html')) return null;
      const cur = await reviewForRequest(uri);
      if (!cur) return null;
      const path = workspaceRelativePath(uri, workspaceFolders) ?? decodeURIComponent(uri.replace(/^.*\//, ''));
      const files = [{ path, result: cur.result }];
      const opts = { generatedBy: `Reviewed by Clausewise ${VERSION} against ${cur.result.profiles.join(', ') || 'no profile'}` };
      return { format, text: format === 'html' ? renderHtmlReport(files, opts) : renderMarkdownReport(files, opts) };
    } catch (e) {
      logError(`Clausewise: exportReport failed: ${errorText(e)}`);
      return null;
    }
  });

  documents.listen(connection);
  return { documents, dispose };
}
