// The commands added for drafting: choose profiles, export the review report, accept a finding with a
// reason, insert a clause from the coverage view, and open the bundled example contract.
import * as vscode from 'vscode';
import { AcceptFindingEditRequest, ExportReportRequest, FrontMatterRequest, type ReportFormat } from '../../server/src/lsp/protocol';
import { insertClause, runningClient, targetDocument, type CommandContext } from './commands';
import { diagnosticData, isReviewable, reveal, ruleIdOf, type CoverageNode, type CoverageView } from './coverage';
import { setFrontMatterProfiles } from './edits';

export interface ActionContext extends CommandContext {
  coverage: CoverageView;
  extension: vscode.ExtensionContext;
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

interface ProfileInfo {
  id: string;
  description: string;
}

/** The profiles, from the `clausewise.profiles` setting's schema in package.json (one source). */
export function knownProfiles(extension: vscode.ExtensionContext): ProfileInfo[] {
  const prop = extension.extension.packageJSON?.contributes?.configuration?.properties?.['clausewise.profiles'];
  const ids: unknown = prop?.items?.enum;
  const descriptions: unknown = prop?.items?.enumDescriptions;
  if (!Array.isArray(ids)) return [{ id: 'it-outsourcing', description: '' }];
  return ids.map((id, i) => ({ id: String(id), description: Array.isArray(descriptions) ? String(descriptions[i] ?? '') : '' }));
}

/** The nearest Clausewise configuration file above the document, within its workspace folder (it then decides the profiles). */
async function nearestConfigFile(doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder || doc.uri.scheme !== 'file') return undefined;
  let dir = vscode.Uri.joinPath(doc.uri, '..');
  for (let i = 0; i < 50; i++) {
    for (const name of ['.clausewise.yaml', '.clausewise.yml', '.clausewise.json', 'package.json']) {
      const file = vscode.Uri.joinPath(dir, name);
      try {
        const bytes = await vscode.workspace.fs.readFile(file);
        if (name !== 'package.json') return file;
        const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
        if (json && typeof json === 'object' && json.clausewise) return file;
      } catch {
        // not there, or not a package.json with a clausewise key
      }
    }
    if (dir.path === folder.uri.path || dir.path.length <= folder.uri.path.length) break;
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return undefined;
}

interface WherePick extends vscode.QuickPickItem {
  where: 'folder' | 'frontMatter' | 'user';
}

/**
 * `clausewise.chooseProfile`: a multi-select of the review profiles, written to the workspace folder's
 * settings (`clausewise.profiles`) or to the document's front matter, which wins over settings.
 */
export async function chooseProfile(ctx: ActionContext, arg?: unknown): Promise<string[] | undefined> {
  const doc = await targetDocument(arg);
  if (typeof doc === 'string') {
    void vscode.window.showInformationMessage(doc);
    return undefined;
  }
  const client = await runningClient(ctx);
  if (!client) return undefined;
  // The server reads the front matter (both `profiles` and a single `profile`) and says where its YAML is.
  const frontMatter = await client.sendRequest(FrontMatterRequest, { uri: doc.uri.toString() }).catch(() => null);
  const inFrontMatter = frontMatter?.settings.profiles;
  const setting = vscode.workspace.getConfiguration('clausewise', doc.uri).get<string[]>('profiles') ?? ['it-outsourcing'];
  const current = new Set(inFrontMatter ?? setting);
  const items = knownProfiles(ctx.extension).map((p) => ({ label: p.id, detail: p.description, picked: current.has(p.id) }));
  const picks = await vscode.window.showQuickPick(items, {
    title: `Clausewise: Review Profiles for "${basename(doc.uri)}"`,
    placeHolder: 'Tick every checklist this contract must meet; profiles combine and the stricter rating wins',
    canPickMany: true,
    matchOnDetail: true,
  });
  if (!picks) return undefined;
  if (!picks.length) {
    void vscode.window.showWarningMessage('Clausewise: choose at least one profile (it-outsourcing is the usual one).');
    return undefined;
  }
  const profiles = picks.map((p) => p.label);
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const where: WherePick[] = [
    folder
      ? { where: 'folder', label: '$(folder) Workspace folder settings', description: folder.name, detail: 'Every contract in this folder that does not choose its own profiles (clausewise.profiles in .vscode/settings.json)' }
      : { where: 'user', label: '$(account) User settings', detail: 'Every contract you open that does not choose its own profiles (the file is not in a workspace folder)' },
    { where: 'frontMatter', label: '$(file) This document\'s front matter', description: basename(doc.uri), detail: 'Only this contract, and the choice travels with the file (clausewise: profiles: [...] at the top)' },
  ];
  if (inFrontMatter) where.reverse();
  const target = await vscode.window.showQuickPick(where, { title: 'Clausewise: Where should the profiles be saved?' });
  if (!target) return undefined;
  if (target.where === 'frontMatter') {
    const yaml = frontMatter?.yamlRange ? { start: doc.offsetAt(client.protocol2CodeConverter.asPosition(frontMatter.yamlRange.start)), end: doc.offsetAt(client.protocol2CodeConverter.asPosition(frontMatter.yamlRange.end)) } : null;
    if (frontMatter === null && /^\uFEFF?---/.test(doc.getText())) {
      void vscode.window.showErrorMessage(`Clausewise could not read the front matter of "${basename(doc.uri)}" (the server did not answer); try again.`);
      return undefined;
    }
    const change = setFrontMatterProfiles(doc.getText(), yaml, profiles);
    if (typeof change === 'string') {
      void vscode.window.showErrorMessage(`Clausewise could not change the front matter of "${basename(doc.uri)}": ${change}.`);
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.newText);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('Clausewise could not change the front matter (the document changed meanwhile); try again.');
      return undefined;
    }
  } else {
    const config = vscode.workspace.getConfiguration('clausewise', doc.uri);
    await config.update('profiles', profiles, target.where === 'folder' ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
    const configFile = await nearestConfigFile(doc);
    if (inFrontMatter) {
      void vscode.window.showWarningMessage(`Saved. Note: "${basename(doc.uri)}" chooses its own profiles in its front matter (${inFrontMatter.join(', ')}), which win over settings.`);
    } else if (configFile) {
      void vscode.window.showWarningMessage(`Saved. Note: the Clausewise configuration file ${vscode.workspace.asRelativePath(configFile)} decides the profiles for this contract, as it does in CI; change "profiles" there, or choose them in the front matter.`, 'Open Configuration File').then((pick) => {
        if (pick) void vscode.commands.executeCommand('vscode.open', configFile);
      });
    } else if (target.where === 'folder' && !vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Saved. This folder is in Restricted Mode, where Clausewise ignores workspace profile settings: trust the folder, or choose the profiles in the document\'s front matter.');
    }
  }
  return profiles;
}

interface FormatPick extends vscode.QuickPickItem {
  format: ReportFormat;
}

/** `clausewise.exportReport`: saves the review report of the document as Markdown or HTML. */
export async function exportReport(ctx: ActionContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const doc = await targetDocument(arg);
  if (typeof doc === 'string') {
    void vscode.window.showInformationMessage(doc);
    return undefined;
  }
  const client = await runningClient(ctx);
  if (!client) return undefined;
  const formats: FormatPick[] = [
    { format: 'html', label: '$(globe) HTML page', description: '.html', detail: 'Opens in any browser; print it to PDF or attach it to an email' },
    { format: 'markdown', label: '$(markdown) Markdown', description: '.md', detail: 'Plain text you can edit, or paste into a document or an email' },
  ];
  const format = await vscode.window.showQuickPick(formats, { title: `Clausewise: Export Review Report of "${basename(doc.uri)}"`, placeHolder: 'Choose the report format' });
  if (!format) return undefined;
  const ext = format.format === 'html' ? 'html' : 'md';
  const stem = basename(doc.uri).replace(/\.[^.]+$/, '') || 'contract';
  const dir = doc.uri.scheme === 'file'
    ? vscode.Uri.joinPath(doc.uri, '..')
    : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Save the review report',
    saveLabel: 'Save Report',
    defaultUri: dir ? vscode.Uri.joinPath(dir, `${stem}-review.${ext}`) : undefined,
    filters: format.format === 'html' ? { 'HTML page': ['html', 'htm'] } : { Markdown: ['md'] },
  });
  if (!target) return undefined;
  let report;
  try {
    report = await client.sendRequest(ExportReportRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri), format: format.format });
  } catch (e) {
    void vscode.window.showErrorMessage(`Clausewise could not make the report: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (!report) {
    void vscode.window.showWarningMessage(`Clausewise could not make the report: the server does not have "${basename(doc.uri)}" open.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.text));
  void vscode.window.showInformationMessage(`Saved the review report of "${basename(doc.uri)}" to ${basename(target)}.`, 'Open').then((pick) => {
    if (pick) void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}

/** What "Accept finding" needs: from a coverage-view node or from a command argument. */
interface FindingRef {
  uri: vscode.Uri;
  line: number;
  ruleId: string;
  message?: string;
}

function findingRef(arg: unknown): FindingRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as Partial<CoverageNode> & { uri?: unknown; line?: unknown; ruleId?: unknown };
  if (node.kind === 'finding' && node.d && node.uri) return { uri: node.uri, line: node.d.range.start.line, ruleId: ruleIdOf(node.d), message: node.d.message };
  if (typeof node.ruleId === 'string' && typeof node.line === 'number') {
    const uri = node.uri instanceof vscode.Uri ? node.uri : typeof node.uri === 'string' ? vscode.Uri.parse(node.uri) : undefined;
    const message = typeof (node as { message?: unknown }).message === 'string' ? (node as { message: string }).message : undefined;
    if (uri) return { uri, line: node.line, ruleId: node.ruleId, ...(message ? { message } : {}) };
  }
  return undefined;
}

/**
 * `clausewise.acceptFinding`: records that a reviewer accepts a finding, with a reason, as a comment
 * above its paragraph: `<!-- clausewise-disable-next-line RULE -- reason -->`. The comment lives in the
 * file (and in version control); Markdown previews do not show it. This asks for the reason; the server
 * computes the edit (clausewise/acceptFindingEdit), as it does for other editors' quick fix.
 */
export async function acceptFinding(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  let ref = findingRef(arg);
  if (!ref) {
    // From the editor: the Clausewise finding at the cursor.
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isReviewable(editor.document)) return false;
    const at = editor.selection.active;
    const d = vscode.languages.getDiagnostics(editor.document.uri)
      .find((x) => x.source === 'clausewise' && x.range.contains(at) && diagnosticData(x)?.category !== null);
    if (!d) {
      void vscode.window.showInformationMessage('Put the cursor on a Clausewise finding (or use the Contract Review view) to accept it.');
      return false;
    }
    ref = { uri: editor.document.uri, line: d.range.start.line, ruleId: ruleIdOf(d), message: d.message };
  }
  const reason = await vscode.window.showInputBox({
    title: `Accept finding: ${ref.ruleId}`,
    prompt: `${ref.message ? `${ref.message} ` : ''}Why is this acceptable? The reason is kept in a comment above the clause, so reviewers and CI can see it.`,
    placeHolder: 'e.g. Agreed with the client: covered by the master services agreement',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim().length < 3 ? 'Give a short reason (it is recorded in the contract file).' : undefined),
  });
  if (reason === undefined) return false;
  const client = await runningClient(ctx);
  if (!client) return false;
  const doc = await vscode.workspace.openTextDocument(ref.uri);
  const answer = await client.sendRequest(AcceptFindingEditRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri), line: ref.line, ruleId: ref.ruleId, reason })
    .catch(() => null);
  if (!answer || answer.version !== doc.version) {
    void vscode.window.showErrorMessage('Clausewise could not add the comment (the document changed meanwhile); try again.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, client.protocol2CodeConverter.asRange(answer.edit.range), answer.edit.newText);
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) void vscode.window.showErrorMessage('Clausewise could not add the comment (the document changed meanwhile); try again.');
  return ok;
}

/** `clausewise.coverage.insertClause`: from the coverage view, inserts a clause for that category. */
export async function insertClauseFor(ctx: ActionContext, node?: CoverageNode): Promise<boolean> {
  const uri = node && 'uri' in node ? node.uri : ctx.coverage.document;
  if (!uri) return insertClause(ctx);
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  if (!editor) return false;
  const ids = node ? ctx.coverage.clauseIdsFor(node) : [];
  const category = node?.kind === 'category' ? node.a.category : node?.kind === 'finding' ? node.category : undefined;
  if (ids.length === 1) return insertClause(ctx, { clauseId: ids[0], at: 'suggested' });
  const only = ids.length ? ids : category ? [category] : undefined;
  return insertClause(ctx, { only, at: 'suggested' });
}

/** `clausewise.coverage.reveal`: jumps to the evidence or finding. */
export async function revealIn(uri: vscode.Uri, range: Parameters<typeof reveal>[1]): Promise<void> {
  await reveal(uri, range);
}

/** `clausewise.openExample`: opens a copy of the bundled weak example contract as a new, unsaved file. */
export async function openExample(ctx: ActionContext): Promise<vscode.TextEditor | undefined> {
  const file = vscode.Uri.joinPath(ctx.extension.extensionUri, 'examples', 'weak-msa.md');
  let content: string;
  try {
    content = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    void vscode.window.showErrorMessage('Clausewise: the example contract is missing from this installation.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc, { preview: false });
}
