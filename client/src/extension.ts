// Clausewise for VS Code: starts the Clausewise language server (dist/server.js) for Markdown and
// plain-text documents and adds the review and clause-library commands and the status item.
// Nothing here sends data anywhere: the server runs locally, no telemetry, no network.
//
// Quick fixes may carry LSP 3.18 snippet edits (`SnippetTextEdit` inside a `TextDocumentEdit` of
// `documentChanges`). vscode-languageclient 11 advertises `workspace.workspaceEdit.snippetEditSupport`
// and converts such edits to `vscode.SnippetTextEdit`, so no middleware is needed for them.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, PublishDiagnosticsNotification, State, TransportKind, type Diagnostic as LspDiagnostic, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DiagnosticChangesNotification, ResendDiagnosticsNotification, StatusNotification } from '../../server/src/lsp/protocol';
import { ContractStatus, DOCUMENT_SELECTOR } from './status';
import { clausePreview, clearClauseCache, insertClause, PREVIEW_SCHEME, reviewDocument, type InsertClauseArgs } from './commands';
import { CoverageView } from './coverage';
import { acceptFinding, chooseProfile, exportReport, insertClauseFor, openExample, revealIn } from './actions';
import { openWordAsMarkdown } from './word';
import { cachedParser } from './uris';
import { restoreDiagnostics, ruleIndexOf } from './compact-diagnostics';
import { DIAGNOSTIC_CHANGES_OPTION, DiagnosticsReceiver } from './diagnostic-changes';
import { movedDiagnostic } from './moved-diagnostic';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: {
      module,
      transport: TransportKind.stdio,
      // Attach with a "Node: attach" debug configuration on port 6009.
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const uriOf = cachedParser((text) => vscode.Uri.parse(text));
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR as LanguageClientOptions['documentSelector'],
    synchronize: { configurationSection: 'clausewise' },
    diagnosticCollectionName: 'clausewise',
    outputChannelName: 'Clausewise',
    // In Restricted Mode the server ignores configuration files in the folder (a counterparty's
    // folder could otherwise switch findings off); granting trust restarts the server.
    // diagnosticsInHover: VS Code already shows the finding's message above our hover; don't repeat it.
    // acceptFindingCommand: "Accept this finding…" runs clausewise.acceptFinding, which asks for the reason.
    // compactDiagnostics: findings come without their rule's source, link and category, which the
    // server sends once and the receiver below puts back (./compact-diagnostics.ts).
    // diagnosticChanges: after a document's first full publish, only what changed (./diagnostic-changes.ts),
    // version 2: findings that only moved by whole lines come as line shifts (./moved-diagnostic.ts).
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, diagnosticsInHover: true, acceptFindingCommand: true, compactDiagnostics: true, diagnosticChanges: DIAGNOSTIC_CHANGES_OPTION }),
    // As the client's own converters, but each distinct URI from the server parsed once: every
    // diagnostic links its rule's documentation, thousands per publish of a large contract (./uris.ts).
    uriConverters: { code2Protocol: (uri) => uri.toString(), protocol2Code: uriOf },
  };
  // The id "clausewise" makes the client honour the `clausewise.trace.server` setting.
  const c = new LanguageClient('clausewise', 'Clausewise', serverOptions, clientOptions);
  // Diagnostics are received here rather than by the client's own handler (a handler registered for
  // publishDiagnostics replaces it, at every start): full publishes and changes of a document in the
  // order they came, each list converted once and kept, changes applied to it, then shown in the
  // client's collection (`client.diagnostics`), which the Problems panel, the Contract Review view,
  // code actions and "Accept this finding" read as before. Compact findings are put back first.
  const restored = (ds: vscode.Diagnostic[]): vscode.Diagnostic[] => {
    const index = ruleIndexOf(c.initializeResult);
    if (index) restoreDiagnostics(ds, index, uriOf);
    return ds;
  };
  const receiver = new DiagnosticsReceiver<LspDiagnostic, vscode.Diagnostic>({
    convertAll: async (ds) => restored(await c.protocol2CodeConverter.asDiagnostics(ds)),
    convertSome: (ds) => restored(ds.map((d) => c.protocol2CodeConverter.asDiagnostic(d))),
    move: movedDiagnostic,
    show: (uri, list) => c.diagnostics?.set(c.protocol2CodeConverter.asUri(uri), list),
    resend: (uri) => { void c.sendNotification(ResendDiagnosticsNotification, { uri }).catch(() => undefined); },
    log: (message) => c.outputChannel.appendLine(message),
  });
  c.onNotification(PublishDiagnosticsNotification.type, (params) => { void receiver.published(params); });
  c.onNotification(DiagnosticChangesNotification, (params) => { void receiver.changed(params); });
  c.onDidChangeState((e) => { if (e.newState !== State.Running) receiver.clear(); });
  return c;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = new ContractStatus();
  context.subscriptions.push(status);

  const coverage = new CoverageView(() => client);
  context.subscriptions.push(coverage, clausePreview, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, clausePreview));

  const serverPath = context.asAbsolutePath('dist/server.js');
  if (!fs.existsSync(serverPath)) {
    status.setServerState('stopped');
    void vscode.window.showErrorMessage(`Clausewise: the review server is missing (${serverPath}). Run "npm run build" and reload the window.`);
  } else {
    client = createClient(context);
    context.subscriptions.push(
      client.onDidChangeState((e) => {
        status.setServerState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
        if (e.newState !== State.Running) clearClauseCache();
        coverage.refresh(0);
      }),
      client.onNotification(StatusNotification, (params) => {
        const uri = client?.protocol2CodeConverter.asUri(params.uri) ?? vscode.Uri.parse(params.uri);
        status.set(uri, params);
        coverage.statusChanged(uri);
      }),
    );
  }

  const ctx = { client: () => client, status, coverage, extension: context };
  const docArg = (arg: unknown) => arg ?? (vscode.window.activeTextEditor ? undefined : coverage.document);
  context.subscriptions.push(
    vscode.commands.registerCommand('clausewise.showCoverage', () => coverage.show()),
    vscode.commands.registerCommand('clausewise.coverage.refresh', () => coverage.refresh(0)),
    vscode.commands.registerCommand('clausewise.coverage.reveal', revealIn),
    vscode.commands.registerCommand('clausewise.coverage.insertClause', (node?: unknown) =>
      insertClauseFor(ctx, node && typeof node === 'object' && 'kind' in node ? node as Parameters<typeof insertClauseFor>[1] : undefined)),
    vscode.commands.registerCommand('clausewise.acceptFinding', (arg?: unknown) => acceptFinding(ctx, arg)),
    vscode.commands.registerCommand('clausewise.chooseProfile', (arg?: unknown) => chooseProfile(ctx, docArg(arg))),
    vscode.commands.registerCommand('clausewise.exportReport', (arg?: unknown) => exportReport(ctx, docArg(arg))),
    vscode.commands.registerCommand('clausewise.openExample', () => openExample(ctx)),
    vscode.commands.registerCommand('clausewise.reviewDocument', (uri?: unknown) => reviewDocument(ctx, uri)),
    vscode.commands.registerCommand('clausewise.openWordAsMarkdown', (uri?: unknown) => openWordAsMarkdown(uri)),
    vscode.commands.registerCommand('clausewise.insertClause', (args?: InsertClauseArgs) =>
      insertClause(ctx, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined)),
    vscode.commands.registerCommand('clausewise.restartServer', async () => {
      if (!client) {
        void vscode.window.showErrorMessage('Clausewise: the review server is missing. Run "npm run build" and reload the window.');
        return;
      }
      clearClauseCache();
      try {
        if (client.isRunning()) await client.restart();
        else await client.start();
      } catch {
        // The client has already reported the failure (with a link to the Clausewise output channel).
        status.setServerState('stopped');
      }
    }),
  );

  // Initialization options are read on every start, so a restart tells the server it is trusted now.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (client?.isRunning()) void client.restart().catch(() => status.setServerState('stopped'));
  }));

  if (client) {
    try {
      await client.start();
    } catch {
      // Reported by the client, with a link to the Clausewise output channel.
      status.setServerState('stopped');
    }
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
