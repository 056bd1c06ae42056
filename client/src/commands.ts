// The commands: review the current document as a contract, insert a clause from the library.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  ListClausesRequest, RenderClauseRequest, ReviewDocumentRequest,
  type ClauseInfo, type ReviewDocumentResult,
} from './protocol';
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
async function targetDocument(arg: unknown): Promise<vscode.TextDocument | string> {
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

async function runningClient(ctx: CommandContext): Promise<LanguageClient | undefined> {
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
  /** Skip the place question: 'suggested' (default when the server has a place) or 'cursor'. */
  at?: 'suggested' | 'cursor';
}

let clauseCache: ClauseInfo[] | undefined;

/** Forget the cached library (after a server restart). */
export function clearClauseCache(): void {
  clauseCache = undefined;
}

async function pickClause(client: LanguageClient): Promise<ClauseInfo | undefined> {
  if (!clauseCache) {
    const list = await client.sendRequest(ListClausesRequest);
    clauseCache = Array.isArray(list) ? list : [];
  }
  if (!clauseCache.length) {
    void vscode.window.showInformationMessage('The Clausewise clause library is empty.');
    return undefined;
  }
  const items: ClausePick[] = [];
  for (const group of groupClauses(clauseCache)) {
    items.push({ label: group.title, kind: vscode.QuickPickItemKind.Separator });
    for (const clause of group.clauses) {
      items.push({ label: clause.title, description: group.title, detail: clause.summary, clause });
    }
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Clausewise: Insert Clause from Library',
    placeHolder: 'Type to search clauses by title, topic or summary',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return pick?.clause;
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
    const clause = args?.clauseId ? { id: args.clauseId } : await pickClause(client);
    if (!clause) return false;
    const rendered = await client.sendRequest(RenderClauseRequest, {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      clauseId: clause.id,
      snippet: true,
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
