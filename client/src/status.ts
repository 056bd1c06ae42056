// The language status item ("{}" in the status bar) that says how much of the contract Clausewise found.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { statusLevel, statusText } from './format';

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
];

export type ServerState = 'starting' | 'running' | 'stopped';

export class ContractStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];
  private serverState: ServerState = 'starting';

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('clausewise.status', DOCUMENT_SELECTOR);
    this.item.name = 'Clausewise';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('clausewise.enable')) this.render();
      }),
    );
    this.render();
  }

  /** Records the status of one document (from the server's notification or a forced review). */
  set(uri: vscode.Uri, status: StatusParams): void {
    this.byUri.set(uri.toString(), status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.render();
  }

  setServerState(state: ServerState): void {
    this.serverState = state;
    if (state !== 'running') this.byUri.clear();
    this.render();
  }

  private render(): void {
    const item = this.item;
    const doc = vscode.window.activeTextEditor?.document;
    item.busy = false;
    item.detail = undefined;
    item.command = undefined;
    item.severity = vscode.LanguageStatusSeverity.Information;

    if (doc && vscode.workspace.getConfiguration('clausewise', doc.uri).get<boolean>('enable') === false) {
      item.text = 'Clausewise: off';
      item.detail = 'Turned off by the "Clausewise: Enable" setting';
      item.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['clausewise.enable'] };
      return this.a11y();
    }
    if (this.serverState === 'starting') {
      item.text = 'Clausewise: starting';
      item.busy = true;
      return this.a11y();
    }
    if (this.serverState === 'stopped') {
      item.text = 'Clausewise: not running';
      item.detail = 'The review server stopped';
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = { title: 'Restart', command: 'clausewise.restartServer' };
      return this.a11y();
    }

    const status = doc ? this.byUri.get(doc.uri.toString()) : undefined;
    if (!doc || !status) {
      item.text = 'Clausewise';
      item.detail = 'Not reviewed yet';
      item.command = { title: 'Review', command: 'clausewise.reviewDocument', tooltip: 'Review this document as a contract' };
      return this.a11y();
    }

    item.text = statusText(status);
    item.detail = status.reason || undefined;
    if (!status.isContract) {
      item.command = {
        title: 'Review as contract',
        command: 'clausewise.reviewDocument',
        arguments: [doc.uri],
        tooltip: 'Review this document as a contract anyway',
      };
    } else {
      item.severity = statusLevel(status) === 'warning'
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
      item.command = { title: 'Show review', command: 'clausewise.showCoverage', tooltip: 'Open the Contract Review view: every category with its verdict' };
    }
    this.a11y();
  }

  private a11y(): void {
    this.item.accessibilityInformation = { label: [this.item.text, this.item.detail].filter(Boolean).join('. ') };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
