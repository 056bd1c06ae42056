// The commands: review the current document as a contract, insert a clause from the library.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  ListClausesRequest, RenderClauseRequest, ReviewDocumentRequest,
  type ClauseInfo, type RenderClauseParams, type ReviewDocumentResult,
} from '../../server/src/lsp/protocol';
import { groupClauses, padForCursor, reviewSummary, statusFromReview } from './format';
import type { ContractStatus } from './status';

const LANGUAGES = new Set(['markdown', 'plaintext']);
const SCHEMES = new Set(['file', 'untitled']);

export interface CommandContext {
  /** The running client, or undefined while the server is not running. */
  client(): LanguageClient | undefined;
  status: ContractStatus;
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

/** The document a command acts on: the given one, or the active editor's; with a reason when unusable. */
export async function targetDocument(arg: unknown): Promise<vscode.TextDocument | string> {
  let doc: vscode.TextDocument | undefined;
  if (arg instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(arg);
  else if (typeof arg === 'string') doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  else doc = vscode.window.activeTextEditor?.document;
  if (!doc) return 'Open a Markdown or plain-text contract draft first.';
  if (!LANGUAGES.has(doc.languageId)) {
    return `Clausewise reviews Markdown and plain-text documents; "${basename(doc.uri)}" is ${doc.languageId}. `
      + 'Change the language mode (bottom right of the status bar) to Markdown or Plain Text.';
  }
  if (!SCHEMES.has(doc.uri.scheme)) return `Clausewise reviews files on disk and unsaved new files, not ${doc.uri.scheme}: documents.`;
  return doc;
}

export async function runningClient(ctx: CommandContext): Promise<LanguageClient | undefined> {
  const client = ctx.client();
  // Still starting (a command run right after VS Code opened): wait for it.
  if (client?.state === State.Starting) await client.start().catch(() => undefined);
  if (client?.isRunning()) return client;
  void vscode.window.showWarningMessage('The Clausewise server is not running.', 'Restart Server').then((pick) => {
    if (pick) void vscode.commands.executeCommand('clausewise.restartServer');
  });
  return undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `clausewise.reviewDocument [uri]`: reviews the document as a contract even if it does not read as one. */
export async function reviewDocument(ctx: CommandContext, arg?: unknown): Promise<ReviewDocumentResult | undefined> {
  const doc = await targetDocument(arg);
  if (typeof doc === 'string') {
    void vscode.window.showInformationMessage(doc);
    return undefined;
  }
  const client = await runningClient(ctx);
  if (!client) return undefined;
  let result: ReviewDocumentResult | null;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Clausewise: reviewing' },
      (_, token) => client.sendRequest(ReviewDocumentRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri) }, token),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Clausewise could not review "${basename(doc.uri)}": ${errorText(e)}`);
    return undefined;
  }
  if (!result) {
    void vscode.window.showWarningMessage(`Clausewise could not review "${basename(doc.uri)}": the server does not have the document open.`);
    return undefined;
  }
  ctx.status.set(doc.uri, statusFromReview(doc.uri.toString(), result));
  const message = reviewSummary(basename(doc.uri), result);
  const actions = result.isContract ? ['Show Problems'] : [];
  void vscode.window.showInformationMessage(message, ...actions).then((pick) => {
    if (pick === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

interface ClausePick extends vscode.QuickPickItem {
  clause?: ClauseInfo;
}

interface PlacePick extends vscode.QuickPickItem {
  position: vscode.Position;
  atCursor: boolean;
}

export interface InsertClauseArgs {
  /** Skip the picker. */
  clauseId?: string;
  /** Offer only these clause ids or categories in the picker. */
  only?: string[];
  /** Skip the place question: 'suggested' (default when the server has a place) or 'cursor'. */
  at?: 'suggested' | 'cursor';
  /** Skip the position question: insert this position of the clause. */
  clausePosition?: RenderClauseParams['clausePosition'];
}

let clauseCache: ClauseInfo[] | undefined;

/** Forget the cached library (after a server restart). */
export function clearClauseCache(): void {
  clauseCache = undefined;
}

export async function listClauses(client: LanguageClient): Promise<ClauseInfo[]> {
  if (!clauseCache) {
    const list = await client.sendRequest(ListClausesRequest);
    clauseCache = Array.isArray(list) ? list : [];
  }
  return clauseCache;
}

/** Where the clause preview shows: one virtual document, updated as the picker moves. */
export const PREVIEW_SCHEME = 'clausewise-preview';

export class ClausePreview implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Sets the preview text; the same URI for every clause, so one editor tab follows the picker. */
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const clausePreview = new ClausePreview();

function previewUri(doc: vscode.TextDocument): vscode.Uri {
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/Clause preview.${doc.languageId === 'markdown' ? 'md' : 'txt'}` });
}

async function closePreview(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true).then(undefined, () => undefined);
}

/**
 * The clause picker: grouped by category, with each clause's summary, and a preview beside the
 * editor of the clause as it would be inserted into this document (numbering and party names).
 */
/**
 * Shows a clause, as it would be inserted into `doc`, in the read-only preview beside the editor;
 * a later call wins over an earlier one still waiting for the server.
 */
function clausePreviewer(client: LanguageClient, doc: vscode.TextDocument) {
  const uri = previewUri(doc);
  let shown = false;
  let seq = 0;
  const show = async (clauseId: string, clausePosition?: RenderClauseParams['clausePosition']): Promise<void> => {
    const mine = ++seq;
    try {
      const rendered = await client.sendRequest(RenderClauseRequest, {
        uri: client.code2ProtocolConverter.asUri(doc.uri), clauseId, snippet: false, ...(clausePosition ? { clausePosition } : {}),
      });
      if (mine !== seq || !rendered?.text) return;
      clausePreview.set(uri, `${rendered.text.trim()}\n`);
      if (!shown) {
        shown = true;
        const preview = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(preview, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
      }
    } catch {
      // No preview; the picker still works.
    }
  };
  /** Drops any preview still waiting for the server and closes the one shown. */
  const close = (): Promise<void> => {
    seq++;
    return shown ? closePreview(uri) : Promise.resolve();
  };
  return { show, close };
}

async function pickClause(client: LanguageClient, doc: vscode.TextDocument, only?: readonly string[]): Promise<ClauseInfo | undefined> {
  let clauses = await listClauses(client);
  if (only?.length) clauses = clauses.filter((c) => only.includes(c.id) || only.includes(c.category));
  if (!clauses.length) {
    void vscode.window.showInformationMessage('The Clausewise clause library is empty.');
    return undefined;
  }
  const items: ClausePick[] = [];
  for (const group of groupClauses(clauses)) {
    items.push({ label: group.title, kind: vscode.QuickPickItemKind.Separator });
    for (const clause of group.clauses) {
      items.push({ label: clause.title, description: group.title, detail: clause.summary, clause });
    }
  }
  const qp = vscode.window.createQuickPick<ClausePick>();
  qp.title = 'Clausewise: Insert Clause from Library';
  qp.placeholder = 'Type to search clauses by title, topic or summary; the clause shows beside the editor';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = items;
  const preview = clausePreviewer(client, doc);
  let timer: NodeJS.Timeout | undefined;
  const showPreview = (clause: ClauseInfo | undefined) => {
    if (timer) clearTimeout(timer);
    if (!clause) return;
    timer = setTimeout(() => void preview.show(clause.id), 120);
  };
  return new Promise<ClauseInfo | undefined>((resolve) => {
    let picked: ClauseInfo | undefined;
    qp.onDidChangeActive((active) => showPreview(active[0]?.clause));
    qp.onDidAccept(() => {
      picked = qp.selectedItems[0]?.clause ?? qp.activeItems[0]?.clause;
      qp.hide();
    });
    qp.onDidHide(() => {
      if (timer) clearTimeout(timer);
      qp.dispose();
      void preview.close().then(() => resolve(picked));
    });
    qp.show();
  });
}

interface PositionPick extends vscode.QuickPickItem {
  position: NonNullable<RenderClauseParams['clausePosition']>;
}

/**
 * The second step of the picker: which position of the clause. The document's default comes first;
 * each item says what the position trades away and how it differs from the balanced text, and the
 * preview beside the editor follows the highlighted item.
 */
async function pickPosition(client: LanguageClient, doc: vscode.TextDocument, clause: ClauseInfo): Promise<PositionPick['position'] | undefined> {
  const positions = clause.positions ?? [];
  if (positions.length < 2) return undefined;
  const docUri = client.code2ProtocolConverter.asUri(doc.uri);
  const first = await client.sendRequest(RenderClauseRequest, { uri: docUri, clauseId: clause.id, snippet: false }).then(undefined, () => null);
  const preferred = first?.clausePosition ?? 'balanced';
  // The default first, then the nearest (as the quick fixes order them).
  const index = (p: string) => ['customer', 'balanced', 'supplier'].indexOf(p);
  const rank = (p: string) => Math.abs(index(p) - index(preferred));
  const ordered = [...positions].sort((a, b) => rank(a.position) - rank(b.position));
  const items: PositionPick[] = ordered.map((p) => ({
    label: `${p.label[0].toUpperCase()}${p.label.slice(1)}${p.position === preferred ? ' (default)' : ''}`,
    description: p.differs,
    detail: p.tradeoff,
    position: p.position,
  }));
  const qp = vscode.window.createQuickPick<PositionPick>();
  qp.title = `Clausewise: ${clause.title}: which position?`;
  qp.placeholder = 'Each position says what it trades away; the clause shows beside the editor';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = items;
  const preview = clausePreviewer(client, doc);
  const showPreview = async (position: PositionPick['position'] | undefined) => {
    if (position) await preview.show(clause.id, position);
  };
  return new Promise((resolve) => {
    let picked: PositionPick['position'] | undefined;
    qp.onDidChangeActive((active) => void showPreview(active[0]?.position));
    qp.onDidAccept(() => {
      picked = qp.selectedItems[0]?.position ?? qp.activeItems[0]?.position;
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      void preview.close().then(() => resolve(picked));
    });
    qp.show();
  });
}

function linePreview(doc: vscode.TextDocument, line: number): string {
  for (let l = Math.min(line, doc.lineCount - 1); l >= 0; l--) {
    const text = doc.lineAt(l).text.trim();
    if (text) return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }
  return '';
}

async function pickPlace(editor: vscode.TextEditor, suggested: vscode.Position | undefined, at: InsertClauseArgs['at']): Promise<PlacePick | undefined> {
  const doc = editor.document;
  const cursor = editor.selection.active;
  const cursorPick: PlacePick = {
    label: '$(edit) At the cursor',
    description: `line ${cursor.line + 1}`,
    detail: 'Numbering and headings follow the suggested place; adjust them if needed.',
    position: cursor,
    atCursor: true,
  };
  if (!suggested || at === 'cursor') return cursorPick;
  const previousLine = suggested.character === 0 ? suggested.line - 1 : suggested.line;
  const before = previousLine >= 0 ? linePreview(doc, previousLine) : '';
  const suggestedPick: PlacePick = {
    label: '$(list-ordered) Where it belongs',
    description: `line ${suggested.line + 1}`,
    detail: before ? `After "${before}"` : 'At the start of the document',
    position: suggested,
    atCursor: false,
  };
  if (at === 'suggested' || suggested.line === cursor.line) return suggestedPick;
  return vscode.window.showQuickPick([suggestedPick, cursorPick], {
    title: 'Clausewise: Where should the clause go?',
    placeHolder: 'Clausewise suggests a place that follows the contract\'s structure',
  });
}

/** `clausewise.insertClause`: picks a clause (grouped by category) and inserts it as a snippet. */
export async function insertClause(ctx: CommandContext, args?: InsertClauseArgs): Promise<boolean> {
  const target = await targetDocument(undefined);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return false;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== target) return false;
  const client = await runningClient(ctx);
  if (!client) return false;
  try {
    const clause = args?.clauseId ? { id: args.clauseId } : await pickClause(client, editor.document, args?.only);
    if (!clause || editor.document.isClosed) return false;
    // A clause chosen in the picker: then its position (a clause named by a caller uses the document's default).
    let clausePosition = args?.clausePosition;
    if (!clausePosition && 'positions' in clause) {
      clausePosition = await pickPosition(client, editor.document, clause);
      if (!clausePosition && clause.positions && clause.positions.length > 1) return false;
    }
    if (editor.document.isClosed) return false;
    const rendered = await client.sendRequest(RenderClauseRequest, {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      clauseId: clause.id,
      snippet: true,
      ...(clausePosition ? { clausePosition } : {}),
    });
    if (!rendered?.text) {
      void vscode.window.showWarningMessage(`Clausewise has no clause "${clause.id}" for this document.`);
      return false;
    }
    const doc = editor.document;
    const suggested = rendered.position ? doc.validatePosition(client.protocol2CodeConverter.asPosition(rendered.position)) : undefined;
    const place = await pickPlace(editor, suggested, args?.at);
    if (!place || doc.isClosed) return false;
    let text = rendered.text;
    if (place.atCursor) {
      const line = doc.lineAt(place.position.line).text;
      text = padForCursor(text, line.slice(0, place.position.character), line.slice(place.position.character));
    }
    // Insert at an empty selection so nothing the user selected is replaced.
    const ok = await editor.insertSnippet(new vscode.SnippetString(text), place.position, { undoStopBefore: true, undoStopAfter: true });
    if (!ok) void vscode.window.showWarningMessage('Clausewise could not insert the clause (the editor was closed or changed).');
    return ok;
  } catch (e) {
    void vscode.window.showErrorMessage(`Clausewise could not insert the clause: ${errorText(e)}`);
    return false;
  }
}
