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
 * - Requests never start or wait for a review (./schedule.ts): hover, code actions, semantic tokens and
 *   completion answer at once from the document's last completed review, with positions mapped through
 *   the edits made since (./drift.ts). Large documents are reviewed in a worker thread
 *   (./review-thread.ts) so that their reviews hold up neither requests nor other documents; the
 *   worker keeps their last review and answers the requests on them (./worker-answers.ts: mapped
 *   through the edits here, answered there); for those, definition, references and links also
 *   answer from the last review, while rename, acceptFindingEdit, renderClause and frontMatter wait
 *   for the review of the current version. A worker review's diagnostics are published before its
 *   outcome has arrived here; requests arriving in between wait for it (settled()), so they answer
 *   from what was published.
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
 * - notification `clausewise/diagnosticChanges` (server -> client, instead of a full publish, to a client
 *   whose initialization options say `diagnosticChanges: true`, or 2 for line shifts too): { uri, version, previousVersion, changes }
 *   (./protocol.ts); notification `clausewise/resendDiagnostics` { uri } (client -> server): a full publish again.
 *
 * Robustness: a failing review is logged (connection.console.error) and never ends the server; files
 * over 2 MB or with NUL bytes get one information diagnostic saying they were skipped.
 */
import {
  CancellationToken, DiagnosticSeverity, TextDocuments, TextDocumentSyncKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type ClientCapabilities, type Connection, type Diagnostic, type InitializeParams, type InitializeResult, type Position, type TextEdit, type WorkspaceEdit, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EditedDocument } from './edited-document';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatOfPath, type ContractModel } from '../model';
import {
  acceptCommentEdit, allClauses, computeFix, DISK_READER, gitRoot, MAX_DOCUMENT_BYTES, readBundleText, renderHtmlReport, renderMarkdownReport, skipReason, VERSION, IncrementalReview,
  type ConfigReader, type ReviewResult, type ReviewSettings,
} from '../engine';
import { buildCodeActions, coverageResultOf, serverDiagnostic, SKIPPED_CODE, type EditCapabilities } from './convert';
import { documentSymbols, foldingRanges, hoverAt } from './outline';
import { DEFAULT_CLAUSE_POSITION, POSITION_LABELS, describePositionDifference, isClausePosition, positionDifferences, type ClausePosition } from '../library';
import { frontMatterClausePosition } from '../engine/review';
import { frontMatterResult } from './front-matter';
import { registerTermFeatures, TERM_CAPABILITIES, termHover } from './terms';
import { mergeSettings, sanitizeSettings, workspaceRelativePath } from './settings';
import { configErrorDiagnostic, diskStamp, WATCH_GLOB, WorkspaceConfigs, type PathStamp } from './config';
import { afterQueuedInput, DEFAULT_DEBOUNCE_MS, editDelay, inputWaiting, runInSlices, until, WORKER_JOB_WINDOW_MS } from './schedule';
import { driftCodeAction, driftFoldingRanges, driftSymbols, sideOf, sideOfSnapshot, TextDrift, type TextSide } from './drift';
import { TextSnapshot } from './text-snapshot';
import { trace } from './trace';
import { asText, changeParamsFromJson, publishParamsFromJson } from './raw-json';
import { runReviewJobSteps, type DiagnosticsChange, type DiagnosticsJson, type JobFindings, type JobOutcome } from './review-job';
import { DiagnosticsJsonCache } from './diagnostics-json';
import { ruleIndex, RULE_INDEX_KEY, type DiagnosticShape } from './diagnostic-shape';
import { WorkerAnswers, type RemoteView } from './worker-answers';
import type { WorkerQuery } from './worker-queries';
import { DEFAULT_WORKER_MIN_CHARS, ReviewThread, type QueuedJob, type ReviewWorkerOptions } from './review-thread';
import { IdleWarmUp, WARM_UP_AFTER_MS, WarmUp } from './warmup';
import {
  AcceptFindingEditRequest, CoverageRequest, ExportReportRequest, FrontMatterRequest, ListClausesRequest, RenderClauseRequest, ReviewDocumentRequest, StatusNotification,
  DiagnosticChangesNotification, DIAGNOSTIC_CHANGES_KEY, ResendDiagnosticsNotification, diagnosticChangesCapability, diagnosticChangesVersion,
  type CoverageResult, type FrontMatterResult, type ReviewSummary, type SeverityCounts, type StatusParams, type Verdict,
} from './protocol';

/** The files the server reads besides open documents: configuration files and a contract's schedules. */
export interface ServerFileSystem extends ConfigReader {
  /** A bundle member's text, or undefined when it is not to be read (see engine readBundleText). */
  readBundleText(absPath: string, tree: string): string | undefined;
  /** What is at a path (./config.ts PathStamp): lets a client without file watching skip re-reading unchanged config files. */
  stamp?: PathStamp;
}

export const DISK_FILE_SYSTEM: ServerFileSystem = { ...DISK_READER, readBundleText, stamp: diskStamp };

export interface ServerOptions {
  /** Default: the disk. */
  fs?: ServerFileSystem;
  /** Errors the server logs, besides the client's log (connection.console). Default: nowhere else. */
  log?: (text: string) => void;
  /** Told after every completed review (the document's uri and version): for tests and the benchmark. */
  onReviewed?: (uri: string, version: number) => void;
  /**
   * Reviews large documents in a worker thread (./review-thread.ts). Default: none, every review in
   * the server's thread (main.ts passes the bundled worker).
   */
  reviewWorker?: ReviewWorkerOptions;
  /** How long a review in the server's thread runs between two pauses for requests (ms; default REVIEW_SLICE_MS in ./schedule.ts). */
  reviewSliceMs?: number;
  /** Told at each such pause (the document's uri and the version under review): for tests. */
  onReviewPause?: (uri: string, version: number) => void;
  /**
   * Warms up this thread's review code on a sample of its own while it is idle after a review made
   * here (./warmup.ts): main.ts turns it on; default off. A WarmUp given here is the one used (tests).
   */
  warmUp?: boolean | WarmUp;
}

export interface ClausewiseServer {
  /** The open documents, as the client sent them (read-only use). */
  readonly documents: TextDocuments<EditedDocument>;
  /** Stops every pending timer (the connection itself belongs to the caller). */
  dispose(): void;
}

interface Reviewed {
  version: number;
  /** The text reviewed: positions of a later version are mapped from it (./drift.ts). */
  side: TextSide | null;
  /** Settings generation and force flag the review was made with. */
  generation: number;
  force: boolean;
  /** null when the file was skipped (too large, binary), or when the review was made in the worker (`worker`). */
  result: ReviewResult | null;
  /**
   * Empty for a review made in the worker: published as they arrived, made again there if needed.
   * As JSON for a review made here (./diagnostics-json.ts).
   */
  diagnostics: JobFindings['diagnostics'];
  status: StatusParams;
  /**
   * Made in the review worker, which keeps the result and answers requests on it (./worker-answers.ts);
   * with the broken configuration file's diagnostic, if any, which this thread adds to its diagnostics.
   */
  worker?: { configError?: Diagnostic };
}

/** A change not sent (./server.ts notPublished), with what it must match to be sent later. */
interface Unsent {
  render: number;
  generation: number;
  force: boolean;
  first: string;
  change: DiagnosticsChange;
}

/** Changes never sent kept per document at most: past this, the next publish is full. */
const MAX_UNSENT = 16;

/** Everything the server knows about one open document. */
interface DocState {
  force: boolean;
  /** Cancels the review scheduled after an edit (./schedule.ts), if one is. */
  cancelScheduled?: () => void;
  /** When the document last changed (performance.now()): a pause since then decides whether an edit waits. */
  lastEditAt?: number;
  settings?: Promise<ReviewSettings>;
  last?: Reviewed;
  /** How long the last review took (ms): decides how long an edit waits (./schedule.ts). */
  lastCostMs?: number;
  /** Version last published, to avoid sending the same diagnostics twice. */
  published?: { version: number; generation: number; force: boolean };
  /**
   * For a client taking diagnostic changes: the diagnostics last sent, as the render of the findings'
   * JSON they were (./diagnostics-json.ts) and the server's own diagnostics before them. A change is
   * sent only on top of exactly these; anything else gets a full publish.
   */
  sent?: { render: number; version: number; generation: number; force: boolean; first: string };
  /** Changes of reviews whose diagnostics were never published (a newer version came first), in order: the next change is sent on top of them. */
  unsent?: Unsent[];
  /** The model of one version, shared by the review and the term features (tokens, completion). */
  model?: { version: number; model: ContractModel };
  /** The document's model and per-block facts kept between edits (issue 13): only edited sections are read again. */
  incremental?: IncrementalReview;
  /** Its findings' JSON kept from the last review made here: a publish makes only what changed (./diagnostics-json.ts). */
  json?: DiagnosticsJsonCache;
  /** True from open until the first review is scheduled: the first review does not wait. */
  opening: boolean;
  /** The review under way, shared by everyone who asks for the same version and settings. */
  pending?: { version: number; generation: number; force: boolean; promise: Promise<Reviewed | null> };
  /**
   * A worker review whose diagnostics are published while its outcome is still on its way here:
   * requests wait for it (settled()), so that what follows the diagnostics answers from them.
   */
  arriving?: { version: number; promise: Promise<unknown> };
  /** Reviewed in the worker thread (large documents; stays so until closed). */
  inWorker: boolean;
  /** Semantic tokens were answered from an older review: ask the client to refresh them after the next. */
  staleTokens: boolean;
  /** The mapping from the last review to the current version, kept while neither changes. */
  drift?: { reviewed: Reviewed; version: number; drift: TextDrift };
  /** A review in steps under way in this thread (its end), which the next one waits for. */
  stepping?: Promise<void>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function countsOf(diagnostics: Diagnostic[], counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 }): SeverityCounts {
  for (const d of diagnostics) {
    if (d.severity === DiagnosticSeverity.Error) counts.error++;
    else if (d.severity === DiagnosticSeverity.Warning) counts.warning++;
    else if (d.severity === DiagnosticSeverity.Information) counts.information++;
    else if (d.severity === DiagnosticSeverity.Hint) counts.hint++;
  }
  return counts;
}

/** The JSON of the server's own diagnostics published before a review's ('' for none): a change is sent only when they are the same. */
function firstJson(first: Diagnostic[] | undefined): string {
  return first?.length ? JSON.stringify(first) : '';
}

/** Diagnostics as objects, from JSON when they were made as JSON (a summary request: rare). */
function diagnosticList(d: JobFindings['diagnostics']): Diagnostic[] {
  return Array.isArray(d) ? d : [...(d.first ?? []), ...(d.json === null ? [] : JSON.parse(asText(d.json)) as Diagnostic[])];
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
  /** The client takes workspace/semanticTokens/refresh. */
  semanticTokensRefresh: boolean;
  /** Repeat a finding's message in the hover (false when the client shows diagnostics in hovers itself). */
  hoverWithMessage: boolean;
  /** Findings published compact: the client asked, and is sent the rule index (./diagnostic-shape.ts). */
  diagnosticShape: DiagnosticShape;
  /** After a document's first full publish, only what changed is sent (./protocol.ts DIAGNOSTIC_CHANGES_KEY): the version the client asked for, 0 for none (2: with line shifts). */
  diagnosticChanges: 0 | 1 | 2;
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
    semanticTokensRefresh: !!caps.workspace?.semanticTokens?.refreshSupport,
    debounceMs: typeof opts.debounceMs === 'number' && Number.isFinite(opts.debounceMs) && opts.debounceMs >= 0 ? opts.debounceMs : DEFAULT_DEBOUNCE_MS,
    // VS Code shows a diagnostic's message in the same hover as ours; its client says so, to avoid the repeat.
    hoverWithMessage: opts.diagnosticsInHover !== true,
    diagnosticShape: opts.compactDiagnostics === true ? 'compact' : 'full',
    diagnosticChanges: diagnosticChangesVersion(opts.diagnosticChanges),
    initSettings: sanitizeSettings(raw),
  };
}

export function createServer(connection: Connection, options: ServerOptions = {}): ClausewiseServer {
  const fs = options.fs ?? DISK_FILE_SYSTEM;
  const logError = (text: string): void => {
    options.log?.(text);
    connection.console.error(text);
  };
  // A change is kept as an edit until the text is read (./edited-document.ts): applying it to a 1 MB
  // string copied the string before the hover sent with the keystroke was read.
  const documents = new TextDocuments(EditedDocument);
  let client: ClientSetup = readClientSetup({}, {});
  let pushedSettings: ReviewSettings = {};
  let workspaceFolders: string[] = [];
  /** Config files (.clausewise.yaml, ...): the same as the CLI's; see ./config.ts for precedence. */
  const configs = new WorkspaceConfigs(fs, fs.stamp);
  const states = new Map<string, DocState>();
  /** Bumped whenever settings or config files change: a review made before is out of date. */
  let generation = 0;
  /** Reviews of large documents, off this thread (null: every review here). */
  const thread = options.reviewWorker ? new ReviewThread(options.reviewWorker, {
    readBundle: (contractUri, absPath) => readBundleMember(contractUri, absPath),
    log: logError,
    settle: () => {
      for (const doc of documents.all()) if (doc instanceof EditedDocument) doc.settleText();
    },
  }) : null;
  const workerMinChars = options.reviewWorker?.minChars ?? DEFAULT_WORKER_MIN_CHARS;
  /** Requests on documents whose last review was made in the worker, answered there. */
  const answers = thread ? new WorkerAnswers({
    thread, view: (uri, token) => workerView(uri, token), settled, log: logError,
    staleTokens: (uri) => {
      const st = states.get(uri);
      if (st) st.staleTokens = true;
    },
  }) : null;

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
        // What compact findings leave out, once (a client that asked for them puts it back).
        // Diagnostic changes, when asked for (./protocol.ts).
        ...(client.diagnosticShape === 'compact' || client.diagnosticChanges ? {
          experimental: {
            ...(client.diagnosticShape === 'compact' ? { [RULE_INDEX_KEY]: ruleIndex() } : {}),
            ...(client.diagnosticChanges ? { [DIAGNOSTIC_CHANGES_KEY]: diagnosticChangesCapability(client.diagnosticChanges) } : {}),
          },
        } : {}),
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

  // Answered once the review worker has stopped: the client's `exit` (process.exit) then never
  // stops it in the middle of zlib, which aborts the process (ReviewThread.dispose).
  connection.onShutdown(async () => { await dispose(); });

  async function dispose(): Promise<void> {
    for (const st of states.values()) st.cancelScheduled?.();
    warming?.dispose();
    await thread?.dispose();
  }

  // Steps only once the thread has had nothing to do for WARM_UP_AFTER_MS after a review, and while
  // no review is scheduled or under way here: an edit stops it at once, and its review's debounce
  // is never spent on the warm-up.
  const warming = options.warmUp
    ? new IdleWarmUp(options.warmUp instanceof WarmUp ? options.warmUp : new WarmUp(), () => [...states.values()].every((st) => !st.cancelScheduled && !st.pending && !st.stepping), WARM_UP_AFTER_MS)
    : null;

  // -------------------------------------------------------------------------------------------
  // Reviewing

  function stateOf(uri: string): DocState {
    let st = states.get(uri);
    if (!st) states.set(uri, (st = { force: false, opening: false, inWorker: false, staleTokens: false }));
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

  /** Reviews the document as it is now (after settings are known) and caches the result. */
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

  /** The review of the current version: cached, under way (shared), or started now. */
  function reviewNow(uri: string, st: DocState, settings: ReviewSettings): Promise<Reviewed | null> {
    const doc = documents.get(uri);
    if (!doc || states.get(uri) !== st) return Promise.resolve(null);
    if (isCurrent(st.last, doc, st)) return Promise.resolve(st.last);
    const p = st.pending;
    if (p && p.version === doc.version && p.generation === generation && p.force === st.force) return p.promise;
    const promise = reviewVersion(uri, doc, st, settings).then((entry) => {
      if (st.pending?.promise === promise) st.pending = undefined;
      if (st.arriving?.promise === promise) st.arriving = undefined;
      if (!entry || states.get(uri) !== st) return null;
      st.lastCostMs = entry.costMs;
      // The newest completed review is what requests read, even when the document has moved on.
      if (!st.last || entry.version >= st.last.version) st.last = entry;
      options.onReviewed?.(uri, entry.version);
      return entry;
    }, (e: unknown) => {
      // A review that threw is not kept as under way: the next request for this version tries again.
      if (st.pending?.promise === promise) st.pending = undefined;
      if (st.arriving?.promise === promise) st.arriving = undefined;
      throw e;
    });
    st.pending = { version: doc.version, generation, force: st.force, promise };
    return promise;
  }

  /**
   * THE review of one document version: the single place the server analyses a document, on open,
   * after every change and on request. Everything else reads the result it caches. Large documents
   * go to the worker thread; the rest, and everything when the worker is gone, is reviewed here.
   */
  async function reviewVersion(uri: string, doc: TextDocument, st: DocState, settings: ReviewSettings): Promise<(Reviewed & { costMs: number }) | null> {
    // The text as the one before the editor's pending edits plus those edits (./text-snapshot.ts):
    // a job for the worker travels as those edits, so this thread builds the whole text (a copy of a
    // 1 MB contract per keystroke) only for a review made here (issue 13, model).
    const snapshot = doc instanceof EditedDocument ? doc.snapshot() : TextSnapshot.of(doc.getText());
    const version = doc.version;
    const gen = generation;
    const force = st.force;
    // skipReason reads the whole text only when the size or a NUL character could make it skip.
    const skipped = snapshot.length > MAX_DOCUMENT_BYTES / 2 || snapshot.mayHoldNul() ? skipReason(snapshot.text) : null;
    if (!skipped && doc instanceof EditedDocument && snapshot.edits.length === 0) doc.noteNulFree(true);
    if (skipped) {
      return {
        version, generation: gen, force, result: null, side: null, costMs: 0,
        diagnostics: [serverDiagnostic(SKIPPED_CODE, skipped.message, DiagnosticSeverity.Information, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })],
        status: { uri, isContract: false, reason: skipped.reason, profiles: [], covered: 0, weak: 0, missing: 0, total: 0 },
      };
    }
    trace('job-building');
    const config = configs.forDocument(uri, settings, force);
    trace('config-read');
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const job: QueuedJob = {
      uri, version, text: snapshot, format: doc.languageId === 'plaintext' ? 'plain' : formatOfPath(uri),
      settings: config.settings, force: force || config.force,
      ...(!force && config.forceReason ? { forceReason: config.forceReason } : {}),
      ...(config.ignoredReason ? { ignoredReason: config.ignoredReason } : {}),
      path: workspaceRelativePath(uri, workspaceFolders),
      ...(file ? { bundlePath: file } : {}),
      workspaceFolders,
      ...(client.diagnosticShape === 'compact' ? { diagnosticShape: client.diagnosticShape } : {}),
      ...(client.diagnosticChanges ? { diagnosticChanges: client.diagnosticChanges } : {}),
    };
    trace(`review-start v${version}`);
    if (thread?.alive && (st.inWorker || snapshot.length >= workerMinChars)) {
      if (!st.inWorker) {
        // From now on the worker keeps this document's incremental state; this thread's copy goes.
        st.inWorker = true;
        st.incremental = undefined;
        st.json = undefined;
        st.sent = undefined;
        st.model = undefined;
      }
      // Requests sent with the keystroke (a hover, code actions) that this thread has read by
      // WORKER_JOB_WINDOW_MS after the edit go first: the job waits for their queries' answers (none:
      // no wait), so they are answered and written while the worker is idle. One read later is
      // answered by the worker between two of the job's steps, from the document's last completed
      // review (./review-worker.ts answerWaiting). Until round seventeen the window was 4 ms, as the
      // worker then answered a query on the document under review only before its model was
      // spliced, and a later one after the whole review; see ./schedule.ts for why it is not 0.
      if (WORKER_JOB_WINDOW_MS > 0) await until((st.lastEditAt ?? 0) + WORKER_JOB_WINDOW_MS);
      if (inputWaiting()) await new Promise<void>((resolve) => afterQueuedInput(resolve));
      await thread.answered(uri);
      if (states.get(uri) !== st || documents.get(uri)?.version !== version || generation !== gen) return null;
      // The diagnostics are published as soon as they arrive; the result stays in the worker.
      const reviewing = thread.review(job, (findings) => {
        const doc = documents.get(uri);
        if (states.get(uri) !== st || doc?.version !== version || generation !== gen || st.force !== force) {
          notPublished(st, gen, force, findings.diagnostics);
          return;
        }
        // This review is the one under way (reviewNow set it before the worker could answer).
        const p = st.pending;
        if (p && p.version === version && p.generation === gen && p.force === force) st.arriving = { version, promise: p.promise };
        // Not when a close or a newer change has arrived meanwhile (read but not yet handled).
        afterQueuedInput(() => {
          if (states.get(uri) !== st || documents.get(uri)?.version !== version || generation !== gen || st.force !== force) {
            notPublished(st, gen, force, findings.diagnostics);
            return;
          }
          void publish(uri, st, { version, generation: gen, force, ...withConfigError(findings, config.error) });
        });
      });
      // A document just opened has no line offsets yet: made here, after the job is posted (an
      // immediate queued after the pump's) and while the worker reviews, rather than by the first
      // keystroke, which paid for them (a pass over a 1 MB text) before its job (issue 13, firstedit).
      if (doc instanceof EditedDocument) setImmediate(() => doc.prepareLineOffsets());
      const remote = await reviewing;
      if (remote) {
        // The result stays in the worker, which answers requests on it; the diagnostics were published as they arrived.
        const configError = config.error ? configErrorDiagnostic(config.error) : undefined;
        return {
          version, generation: gen, force, status: remote.status, costMs: remote.costMs, side: sideOfSnapshot(snapshot, remote.lineStarts),
          result: null, diagnostics: [], worker: configError ? { configError } : {},
        };
      }
      // Replaced by a newer version, or the document closed: nothing to report. A worker that died
      // leaves the review to this thread.
      if (thread.alive) return null;
      st.inWorker = false;
    }
    if (states.get(uri) !== st) return null;
    // In steps (the model, then each rule...), with the requests that arrived meanwhile answered
    // between slices of a few milliseconds (./schedule.ts runInSlices): a hover sent during a
    // keystroke's review waits for one slice, not for the review. The document's reviews share its
    // incremental state, so one runs at a time.
    const prior = st.stepping;
    let finished!: () => void;
    const mine = new Promise<void>((resolve) => { finished = resolve; });
    st.stepping = mine;
    let outcome: JobOutcome | undefined;
    try {
      if (prior) await prior;
      if (states.get(uri) !== st) return null;
      const text = snapshot.text;
      // The text just built becomes the document's base, with no edits pending (EditedDocument
      // settleText). Otherwise the base stayed the text of the last request that read it, and each
      // later review rebuilt the text from there through every edit since (V8 copying the whole text
      // once per edit), and a hover sent with the next keystroke compared two whole texts instead of
      // mapping through that one edit (./drift.ts TextDrift.ofEdit).
      if (doc instanceof EditedDocument) doc.settleText();
      outcome = await runInSlices(runReviewJobSteps({ ...job, text }, (st.incremental ??= new IncrementalReview()), (p) => readBundleMember(uri, p), (st.json ??= new DiagnosticsJsonCache(client.diagnosticShape, client.diagnosticChanges))), () => states.get(uri) !== st, options.reviewSliceMs, () => { trace('pause'); options.onReviewPause?.(uri, version); });
    } finally {
      if (st.stepping === mine) st.stepping = undefined;
      finished();
    }
    if (!outcome) return null;
    trace(`reviewed v${version} cost ${outcome.costMs.toFixed(1)}`);
    // The term features of this version share the review's model.
    st.model = { version, model: outcome.result.model };
    const { costMs, status, result } = outcome;
    return { version, generation: gen, force, result, ...withConfigError({ diagnostics: outcome.diagnostics, status }, config.error), side: sideOf(result.model.text, result.model.lineStarts), costMs };
  }

  /** A review's diagnostics and status, with the diagnostic of a broken configuration file first. */
  function withConfigError<F extends JobFindings>(findings: F, error: Parameters<typeof configErrorDiagnostic>[0] | undefined): F {
    if (!error) return findings;
    const first = configErrorDiagnostic(error);
    const d = findings.diagnostics;
    return { ...findings, diagnostics: Array.isArray(d) ? [first, ...d] : { ...d, first: [first, ...(d.first ?? [])] } };
  }

  /**
   * A worker review's diagnostics, to publish them when they were not published as they arrived
   * (rare: they normally are). Made again in the worker from its result; none already published.
   */
  async function workerFindings(uri: string, entry: Reviewed): Promise<Pick<Reviewed, 'version' | 'generation' | 'force' | 'status'> & JobFindings> {
    const st = states.get(uri);
    const p = st?.published;
    const done = p && p.version === entry.version && p.generation === entry.generation && p.force === entry.force;
    const json = done ? '[]' : await answers?.ofVersion<string>(uri, entry.version, { kind: 'diagnostics', shape: client.diagnosticShape }) ?? '[]';
    const first = entry.worker?.configError ? [entry.worker.configError] : [];
    return { version: entry.version, generation: entry.generation, force: entry.force, status: entry.status, diagnostics: { json, first } };
  }

  /** Publishes a version's diagnostics and status, once per version, settings and force flag. */
  async function publish(uri: string, st: DocState, entry: Pick<Reviewed, 'version' | 'generation' | 'force' | 'status'> & JobFindings): Promise<void> {
    const p = st.published;
    if (p && p.version === entry.version && p.generation === entry.generation && p.force === entry.force) return;
    st.published = { version: entry.version, generation: entry.generation, force: entry.force };
    trace(`publish v${entry.version}`);
    const d = entry.diagnostics;
    if (!Array.isArray(d) && (d.render !== undefined || d.json === null)) {
      if (!await publishChanged(uri, st, entry, d)) return;
    } else {
      st.sent = undefined;
      await connection.sendDiagnostics(Array.isArray(d)
        ? { uri, version: entry.version, diagnostics: d }
        // (json is null only beside a render: handled above.)
        : publishParamsFromJson(uri, entry.version, d.json!, d.first));
      // Written out (the writer encodes a message before its write's promise settles): the worker's
      // buffer goes back to it for the next publish (./spare-buffers.ts).
      if (!Array.isArray(d)) thread?.giveBack(d.json);
    }
    await connection.sendNotification(StatusNotification, entry.status);
  }

  /**
   * A review's diagnostics that were not published (a newer version came first): for a client taking
   * changes, its change is kept, so that the next change can go on top of the diagnostics last sent
   * through it (./protocol.ts). A review without a change (its list whole) leaves nothing to go
   * through: the next publish is full.
   */
  function notPublished(st: DocState, gen: number, force: boolean, d: JobFindings['diagnostics']): void {
    if (!client.diagnosticChanges || Array.isArray(d) || d.render === undefined) return;
    if (!d.change || (st.unsent?.length ?? 0) >= MAX_UNSENT) {
      st.unsent = undefined;
      return;
    }
    (st.unsent ??= []).push({ render: d.render, generation: gen, force, first: firstJson(d.first), change: d.change });
  }

  /**
   * Publishes for a client taking diagnostic changes (./protocol.ts): the change when it applies to
   * exactly the diagnostics last sent for the document (same render, settings and force flag, same
   * diagnostics of the server's own before the findings), else the whole list, asked of the worker
   * when it sent only the change. False when nothing was sent (a newer publish came meanwhile).
   */
  async function publishChanged(uri: string, st: DocState, entry: Pick<Reviewed, 'version' | 'generation' | 'force'>, d: DiagnosticsJson): Promise<boolean> {
    const first = firstJson(d.first);
    const sent = st.sent;
    const c = d.change;
    const { version, generation: gen, force } = entry;
    // The changes never sent that lead from the diagnostics sent to this change's base, in order.
    const through: DiagnosticsChange[] = [];
    let base = sent?.render;
    for (const u of st.unsent ?? []) {
      if (u.change.base === base && u.generation === gen && u.force === force && u.first === first) {
        through.push(u.change);
        base = u.render;
      }
    }
    st.unsent = undefined;
    if (c && d.render !== undefined && sent && base === c.base && sent.generation === gen && sent.force === force && sent.first === first) {
      st.sent = { render: d.render, version, generation: gen, force, first };
      trace(`publish change v${version}${through.length ? ` through ${through.length}` : ''}`);
      const params = changeParamsFromJson(uri, version, sent.version, [...through, c].map((x) => x.json), d.first?.length ?? 0);
      await connection.sendNotification(DiagnosticChangesNotification, params);
      for (const x of through) thread?.giveBack(x.json);
      thread?.giveBack(c.json);
      return true;
    }
    if (c) thread?.giveBack(c.json);
    let json = d.json;
    if (json === null) {
      // The worker sent only the change: the whole list of the review it keeps, made again there (rare: a skipped publish, a resend).
      st.sent = undefined;
      json = await answers?.ofVersion<string>(uri, version, { kind: 'diagnostics', shape: client.diagnosticShape }) ?? null;
      const p = st.published;
      const current = states.get(uri) === st && p?.version === version && p.generation === gen && p.force === force;
      if (json === null || !current) {
        // Not made (the worker has moved on, or is gone), or a newer publish came meanwhile: a later publish sends the whole list.
        if (current) st.published = undefined;
        return false;
      }
    }
    st.sent = d.render !== undefined ? { render: d.render, version, generation: gen, force, first } : undefined;
    await connection.sendDiagnostics(publishParamsFromJson(uri, version, json, d.first));
    thread?.giveBack(json);
    return true;
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
    trace('validate');
    const st = states.get(uri);
    if (!st) return;
    try {
      // Not after the answers to requests sent with the keystroke (until round seventeen it waited
      // for them): a worker job reads no text here, and the worker answers a query posted before the
      // job first, and one posted after it between the job's steps (./review-worker.ts).
      const entry = await reviewed(uri);
      if (!entry || states.get(uri) !== st) return;
      // A close or a newer change that arrived during the review (read but not yet handled) makes it stale.
      await new Promise<void>((resolve) => afterQueuedInput(resolve));
      if (states.get(uri) !== st) return;
      const doc = documents.get(uri);
      if (!doc || doc.version !== entry.version) {
        // stale: a newer version is on its way
        if (!entry.worker) notPublished(st, entry.generation, entry.force, entry.diagnostics);
        return;
      }
      await publish(uri, st, entry.worker ? await workerFindings(uri, entry) : entry);
      // (Not after a worker's review: this thread's warm-up would take a core from the worker.)
      if (!entry.worker) warming?.resume();
      if (st.staleTokens) {
        // Tokens were answered from an older review (mapped, with the edited stretch left out): the
        // client asks again when told to.
        st.staleTokens = false;
        if (client.semanticTokensRefresh) void connection.languages.semanticTokens.refresh().catch(() => undefined);
      }
    } catch (e) {
      logError(`Clausewise: reviewing ${uri} failed: ${errorText(e)}`);
    }
  }

  /**
   * Reviews the document once the messages already received are handled (./schedule.ts), after
   * `delay` ms first when it is not 0. A newer call replaces the one pending.
   */
  function schedule(uri: string, delay: number): void {
    const st = states.get(uri);
    if (!st) return;
    st.cancelScheduled?.();
    const run = (): void => {
      st.cancelScheduled = undefined;
      void validate(uri);
    };
    if (delay <= 0) {
      st.cancelScheduled = afterQueuedInput(run);
      return;
    }
    const timer = setTimeout(() => { st.cancelScheduled = afterQueuedInput(run); }, delay);
    st.cancelScheduled = () => clearTimeout(timer);
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
    st.sent = undefined;
    st.unsent = undefined;
    st.opening = true;
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const st = stateOf(uri);
    trace(`change v${e.document.version}`);
    warming?.interrupt();
    const first = st.opening;
    st.opening = false;
    const now = performance.now();
    const since = st.lastEditAt === undefined ? undefined : now - st.lastEditAt;
    st.lastEditAt = now;
    // The worker builds the new text from the edits now, before the job is due (./review-thread.ts textAhead).
    if (st.inWorker && e.document instanceof EditedDocument) thread?.textAhead(uri, e.document.version, e.document.snapshot());
    schedule(uri, first ? 0 : editDelay(st.lastCostMs, client.debounceMs, st.inWorker, since));
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const st = states.get(uri);
    st?.cancelScheduled?.();
    states.delete(uri);
    if (st?.inWorker) thread?.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // A client taking diagnostic changes that holds another version than a change applies to: the whole list again.
  connection.onNotification(ResendDiagnosticsNotification, (params) => {
    const uri = uriParam(params);
    const st = uri ? states.get(uri) : undefined;
    if (!uri || !st) return;
    st.sent = undefined;
    st.unsent = undefined;
    st.published = undefined;
    schedule(uri, 0);
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

  /** The open document as a side of a mapping (./drift.ts). */
  function sideOfDocument(doc: TextDocument): TextSide {
    // The text read only when asked for: a mapping from the document's pending edit never asks (driftTo).
    return { get text() { return doc.getText(); }, offsetAt: (p) => doc.offsetAt(p), positionAt: (o) => doc.positionAt(o) };
  }

  /**
   * Waits, when the diagnostics of a worker review were published before its outcome got here, for
   * that outcome (a second small message, not a review): a request sent once the diagnostics appear
   * answers from the review that made them. Publishing early keeps keystroke-to-diagnostics short;
   * this keeps quick fixes and hovers in step with them.
   */
  async function settled(uri: string): Promise<void> {
    const arriving = states.get(uri)?.arriving;
    if (arriving) await arriving.promise.catch(() => undefined);
  }

  /**
   * The document's last completed review, whatever version it was made of, with the mapping of its
   * positions to the current version. Never starts or waits for a review (./schedule.ts); null before
   * the first review completes, for a skipped file, or when the request is already cancelled.
   */
  function lastReview(uri: string, token: CancellationToken = CancellationToken.None): { entry: Reviewed; result: ReviewResult; drift: TextDrift; version: number } | null {
    const doc = documents.get(uri);
    const st = states.get(uri);
    const entry = st?.last;
    if (!doc || !st || !entry?.result || !entry.side || token.isCancellationRequested) return null;
    return { entry, result: entry.result, drift: driftTo(st, entry, entry.side, doc), version: doc.version };
  }

  /** The mapping from a review's text to the document's current version, kept until either changes. */
  function driftTo(st: DocState, entry: Reviewed, side: NonNullable<Reviewed['side']>, doc: TextDocument): TextDrift {
    if (st.drift?.reviewed !== entry || st.drift.version !== doc.version) {
      // When the document is the reviewed text with one edit (a keystroke since the review), mapped
      // through that edit, without building the new text (./edited-document.ts).
      const edit = doc instanceof EditedDocument ? ('snapshot' in side ? doc.editSinceSnapshot(side.snapshot as TextSnapshot) : doc.editSince(side.text)) : undefined;
      const now = sideOfDocument(doc);
      st.drift = { reviewed: entry, version: doc.version, drift: edit ? TextDrift.ofEdit(side, now, edit) : new TextDrift(side, now) };
    }
    return st.drift.drift;
  }

  /** The document's last completed review when it was made in the worker: its version and the mapping to the current text. */
  function workerView(uri: string, token: CancellationToken): RemoteView | null {
    const doc = documents.get(uri);
    const st = states.get(uri);
    const entry = st?.last;
    if (!doc || !st || !entry?.worker || !entry.side || token.isCancellationRequested) return null;
    return { review: entry, version: entry.version, docVersion: doc.version, drift: driftTo(st, entry, entry.side, doc) };
  }

  /**
   * For a document reviewed in the worker: the review of its current version (waited for), which
   * the worker answers requests on; undefined when the document's reviews are made here.
   */
  async function workerReview(uri: string): Promise<Reviewed | null | undefined> {
    if (!answers || !states.get(uri)?.inWorker) return undefined;
    const entry = await reviewed(uri);
    if (!entry) return null;
    return entry.worker ? entry : undefined;
  }

  /** A query answered from the worker's review of the current version; undefined when the document is reviewed here. */
  async function askCurrent<T>(uri: string, query: WorkerQuery): Promise<T | null | undefined> {
    const entry = await workerReview(uri);
    if (entry === undefined) return undefined;
    return entry && answers ? answers.ofVersion<T>(uri, entry.version, query) : null;
  }

  /** The review of the current version, reviewing now if the cache is stale (custom requests only). */
  async function reviewForRequest(uri: string): Promise<{ entry: Reviewed; result: ReviewResult } | null> {
    if (!documents.get(uri)) return null;
    const entry = await reviewed(uri);
    if (!entry?.result) return null;
    return { entry, result: entry.result };
  }

  /**
   * The parsed model of the current version. A small document's is built here when no review of
   * this version is cached (only the edited sections are parsed again); a large document's comes
   * only from its reviews, made in the worker, so this is null between an edit and its review.
   */
  function currentModel(uri: string): ContractModel | null {
    const doc = documents.get(uri);
    const st = states.get(uri);
    if (!doc || !st) return null;
    const last = st.last;
    if (last && last.version === doc.version) return last.result?.model ?? null;
    if (st.inWorker) {
      const cur = lastReview(uri);
      return cur?.drift.identical ? cur.result.model : null;
    }
    if (skipReason(doc.getText())) return null;
    return modelOf(st, doc);
  }

  /**
   * The parsed model of the current version for a request that edits by it (rename, accepting a
   * finding, inserting a clause): at once when it is at hand, else, for a large document edited since
   * its last review in the worker, once the review of this version completes.
   */
  async function modelForRequest(uri: string): Promise<ContractModel | null> {
    const model = currentModel(uri);
    if (model || !states.get(uri)?.inWorker) return model;
    return (await reviewForRequest(uri))?.result.model ?? null;
  }

  /** The model to outline the document with, and the mapping of its ranges to the current version. */
  function outlineModel(uri: string): { model: ContractModel; drift: TextDrift | null } | null {
    const model = currentModel(uri);
    if (model) return { model, drift: null };
    const cur = lastReview(uri);
    return cur ? { model: cur.result.model, drift: cur.drift } : null;
  }

  // -------------------------------------------------------------------------------------------
  // Language features

  connection.onCodeAction(async (params, token) => {
    try {
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || k === 'quickfix')) return [];
      const uri = params.textDocument.uri;
      await settled(uri);
      if (answers?.has(uri)) return await answers.codeActions(uri, params, client.editCaps, token);
      const cur = lastReview(uri, token);
      if (!cur || !cur.result.isContract) return [];
      const log = { warn: (m: string) => connection.console.warn(`Clausewise: ${m}`) };
      const { drift } = cur;
      if (drift.identical) return buildCodeActions(uri, cur.version, cur.result, params.range, params.context.diagnostics, client.editCaps, log);
      // From an older review: the request's range and diagnostics in its positions (the client may
      // send diagnostics as published, or as it moved them with the edits), then every action's edits
      // in today's positions; an action whose edits touch text changed since is left out.
      const context = [...params.context.diagnostics, ...params.context.diagnostics.map((d) => ({ ...d, range: drift.rangeToBefore(d.range) }))];
      const actions = buildCodeActions(uri, cur.version, cur.result, drift.rangeToBefore(params.range), context, client.editCaps, log);
      return actions.map((a) => driftCodeAction(a, uri, drift)).filter((a): a is NonNullable<typeof a> => !!a);
    } catch (e) {
      logError(`Clausewise: code actions failed: ${errorText(e)}`);
      return [];
    }
  });

  connection.onHover(async (params, token) => {
    trace('hover-in');
    try {
      await settled(params.textDocument.uri);
      trace('hover-settled');
      if (answers?.has(params.textDocument.uri)) return await answers.hover(params.textDocument.uri, params.position, client.hoverWithMessage, token);
      const cur = lastReview(params.textDocument.uri, token);
      if (!cur) return null;
      trace('hover-drift');
      const at = cur.drift.toBefore(params.position);
      if (!at) return null; // text typed since the last review: nothing known about it yet
      let hover = hoverAt(cur.result, at, { withMessage: client.hoverWithMessage });
      trace('hover-findings');
      // No finding or heading here: the definition of a defined term under the cursor.
      hover ??= termHover(cur.result.model, at);
      if (hover?.range && !cur.drift.identical) {
        const range = cur.drift.exact(hover.range);
        if (range) hover.range = range;
        else delete hover.range;
      }
      trace('hover-out');
      return hover;
    } catch (e) {
      logError(`Clausewise: hover failed: ${errorText(e)}`);
      return null;
    }
  });

  // Defined terms as symbols, cross-references as links (./terms.ts).
  registerTermFeatures(connection, {
    model: (uri) => currentModel(uri),
    modelNow: (uri) => modelForRequest(uri),
    settled,
    worker: (uri) => (answers?.has(uri) ? answers : null),
    renameInWorker: (uri, pos, newName) => askCurrent<WorkspaceEdit>(uri, { kind: 'rename', at: pos, newName }),
    lastReview: (uri, token) => {
      const cur = lastReview(uri, token);
      return cur ? { result: cur.result, drift: cur.drift } : null;
    },
    staleTokens: (uri) => {
      const st = states.get(uri);
      if (st) st.staleTokens = true;
    },
    log: logError,
  });

  connection.onDocumentSymbol(async (params, token) => {
    try {
      await settled(params.textDocument.uri);
      if (answers?.has(params.textDocument.uri)) return await answers.symbols(params.textDocument.uri, token);
      const view = outlineModel(params.textDocument.uri);
      if (!view) return [];
      const symbols = documentSymbols(view.model);
      return view.drift ? driftSymbols(symbols, view.drift) : symbols;
    } catch (e) {
      logError(`Clausewise: document symbols failed: ${errorText(e)}`);
      return [];
    }
  });

  connection.onFoldingRanges(async (params, token) => {
    try {
      await settled(params.textDocument.uri);
      if (answers?.has(params.textDocument.uri)) return await answers.folding(params.textDocument.uri, token);
      const view = outlineModel(params.textDocument.uri);
      if (!view) return [];
      const ranges = foldingRanges(view.model);
      return view.drift ? driftFoldingRanges(ranges, view.drift) : ranges;
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
      st.cancelScheduled?.();
      st.cancelScheduled = undefined;
      await validate(uri);
      const entry = await reviewed(uri);
      if (!entry) return null;
      if (entry.worker) {
        const summary = await answers?.ofVersion<ReviewSummary>(uri, entry.version, { kind: 'summary' });
        if (summary && entry.worker.configError) summary.counts = countsOf([entry.worker.configError], summary.counts);
        return summary ?? null;
      }
      const r = entry.result;
      return {
        isContract: r?.isContract ?? false,
        reason: r?.reason ?? entry.status.reason,
        profiles: r?.profiles ?? [],
        coverage: (r?.coverage ?? {}) as Record<string, Verdict>,
        counts: countsOf(diagnosticList(entry.diagnostics)),
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
      if (entry.worker) return await answers?.ofVersion<CoverageResult>(uri, entry.version, { kind: 'coverage' }) ?? null;
      const r = entry.result;
      if (!r) return { isContract: false, reason: entry.status.reason, profiles: [], coverage: {}, assessments: [] };
      return coverageResultOf(r);
    } catch (e) {
      logError(`Clausewise: coverage failed: ${errorText(e)}`);
      return null;
    }
  });

  connection.onRequest(ListClausesRequest, () =>
    allClauses().map((c) => ({
      id: c.id, title: c.title, category: c.category, summary: c.summary,
      positions: positionDifferences(c).map((d) => ({ position: d.position, label: POSITION_LABELS[d.position], tradeoff: d.tradeoff, differs: describePositionDifference(d) })),
    })));

  connection.onRequest(RenderClauseRequest, async (params) => {
    try {
      const uri = uriParam(params);
      const clauseId = params && typeof params.clauseId === 'string' ? params.clauseId : null;
      if (!uri || !clauseId) return null;
      const answer = await askCurrent<{ text: string; position: Position; clausePosition: ClausePosition }>(uri, { kind: 'renderClause', clauseId, snippet: params.snippet === true, clausePosition: params.clausePosition });
      if (answer !== undefined) return answer;
      const model = await modelForRequest(uri);
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

  connection.onRequest(FrontMatterRequest, async (params) => {
    const uri = uriParam(params);
    if (!uri) return null;
    const answer = await askCurrent<FrontMatterResult>(uri, { kind: 'frontMatter' });
    if (answer !== undefined) return answer;
    const model = await modelForRequest(uri);
    return model ? frontMatterResult(model) : null;
  });

  connection.onRequest(AcceptFindingEditRequest, async (params) => {
    try {
      const uri = uriParam(params);
      if (!uri || !documents.get(uri) || typeof params.ruleId !== 'string' || typeof params.reason !== 'string' || !Number.isInteger(params.line)) return null;
      // A large document: the comment is placed by the worker's review of this version.
      const answer = await askCurrent<{ version: number; edit: TextEdit }>(uri, { kind: 'acceptFindingEdit', line: params.line, ruleId: params.ruleId, reason: params.reason });
      if (answer !== undefined) return answer;
      const model = await modelForRequest(uri);
      if (!model) return null;
      const comment = acceptCommentEdit(model, params.line, params.ruleId, params.reason);
      const at = { line: comment.line, character: 0 };
      // The model's version, which the edit's line numbers belong to (the document may have moved on while waiting).
      return { version: model.version, edit: { range: { start: at, end: at }, newText: comment.text } };
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
      const path = workspaceRelativePath(uri, workspaceFolders) ?? decodeURIComponent(uri.replace(/^.*\//, ''));
      const answer = await askCurrent<{ format: typeof format; text: string }>(uri, { kind: 'exportReport', format, path });
      if (answer !== undefined) return answer;
      const cur = await reviewForRequest(uri);
      if (!cur) return null;
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
