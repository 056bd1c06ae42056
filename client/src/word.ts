// "Clausewise: Open Word Document as Markdown": converts a Word (.docx), HTML or PDF file to a
// Markdown draft beside it (Word's automatic numbering as clause numbers, bold, tables) and opens
// it, so the language server reviews it and quick fixes can be applied. The converters are loaded
// from dist/convert.js on first use, not when the extension starts.
import * as vscode from 'vscode';
import { importFormatOf } from '../../server/src/convert/formats';
import { loadConverters } from '../../server/src/convert/lazy';

const FILTERS = { 'Word documents': ['docx'], 'PDF documents': ['pdf'], 'HTML pages': ['html', 'htm'] };

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function openWordAsMarkdown(arg?: unknown): Promise<void> {
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: FILTERS, openLabel: 'Open as Markdown', title: 'Open a Word document as Markdown' });
    source = picked?.[0];
  }
  if (!source) return;
  const name = source.path.split('/').pop() ?? source.path;
  const format = importFormatOf(name);
  if (!format) {
    void vscode.window.showErrorMessage(`Clausewise: ${name} is not a Word (.docx), PDF or HTML file.`);
    return;
  }

  let markdown: string;
  try {
    const { importDocument, ImportError } = loadConverters();
    try {
      markdown = (await importDocument(await vscode.workspace.fs.readFile(source), format)).markdown;
    } catch (e) {
      void vscode.window.showErrorMessage(`Clausewise: ${name} not converted: ${e instanceof ImportError ? e.message : (e as Error).message}`);
      return;
    }
  } catch (e) {
    void vscode.window.showErrorMessage(`Clausewise: the converters could not be loaded (${(e as Error).message}). Run "npm run build" and reload the window.`);
    return;
  }

  // Beside the original as <name>.md; never over an existing file without asking.
  let target: vscode.Uri | undefined = source.scheme === 'file' ? source.with({ path: source.path.replace(/\.[^./]+$/, '.md') }) : undefined;
  if (target && await exists(target)) {
    const choice = await vscode.window.showWarningMessage(`${target.path.split('/').pop()} already exists.`, { modal: true }, 'Replace', 'Open Unsaved Copy');
    if (!choice) return;
    if (choice === 'Open Unsaved Copy') target = undefined;
  }
  let doc: vscode.TextDocument;
  if (target) {
    await vscode.workspace.fs.writeFile(target, Buffer.from(markdown, 'utf8'));
    doc = await vscode.workspace.openTextDocument(target);
  } else {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  }
  await vscode.window.showTextDocument(doc);
}
