// The "Contract review" view: for the active contract, every category of its profiles with its
// verdict (present / weak / missing), the reason, the clauses that satisfied it and the findings.
// Data: the server's `clausewise/coverage` request and the Clausewise diagnostics VS Code shows;
// refreshed on `clausewise/status`, on diagnostics changes and when another contract becomes active.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CoverageRequest, type CategoryCoverage, type CoverageEvidence, type CoverageResult, type DiagnosticData, type Verdict } from '../../server/src/lsp/protocol';
import { categoryTitle, plural } from './format';

export const VIEW_ID = 'clausewise.coverage';
const LANGUAGES = new Set(['markdown', 'plaintext']);
const SCHEMES = new Set(['file', 'untitled']);

/** Findings of rules outside the coverage categories ("drafting": vague wording and the like). */
const OTHER = '__other__';

export type CoverageNode =
  | { kind: 'category'; uri: vscode.Uri; a: CategoryCoverage; findings: vscode.Diagnostic[] }
  | { kind: 'other'; uri: vscode.Uri; findings: vscode.Diagnostic[] }
  | { kind: 'reason'; text: string }
  | { kind: 'evidence'; uri: vscode.Uri; e: CoverageEvidence }
  | { kind: 'finding'; uri: vscode.Uri; d: vscode.Diagnostic; category: string };

const VERDICT_ICON: Record<Verdict, vscode.ThemeIcon> = {
  present: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  weak: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

const VERDICT_WORD: Record<Verdict, string> = { present: 'present', weak: 'weak', missing: 'missing' };

function severityIcon(s: vscode.DiagnosticSeverity): vscode.ThemeIcon {
  switch (s) {
    case vscode.DiagnosticSeverity.Error: return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case vscode.DiagnosticSeverity.Warning: return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case vscode.DiagnosticSeverity.Information: return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    default: return new vscode.ThemeIcon('lightbulb');
  }
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function diagnosticData(d: vscode.Diagnostic): DiagnosticData | undefined {
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  return data && typeof data === 'object' && 'category' in data ? data as DiagnosticData : undefined;
}

export function ruleIdOf(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' && d.code ? d.code.value : d.code;
  return String(code ?? '');
}

/** Is this a document Clausewise reviews (Markdown or plain text, on disk or unsaved)? */
export function isReviewable(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && LANGUAGES.has(doc.languageId) && SCHEMES.has(doc.uri.scheme);
}

export class CoverageView implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<CoverageNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** The contract the view shows: the last active reviewable document. */
  private uri: vscode.Uri | undefined;
  private data: CoverageResult | null = null;
  private roots: CoverageNode[] = [];
  private pending: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (isReviewable(e?.document) && e.document.uri.toString() !== this.uri?.toString()) {
          this.uri = e.document.uri;
          this.refresh(0);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.toString() === this.uri?.toString()) {
          this.uri = isReviewable(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor.document.uri : undefined;
          this.refresh(0);
        }
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.uri && e.uris.some((u) => u.toString() === this.uri!.toString())) this.refresh(150);
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.refresh(0);
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (isReviewable(active)) this.uri = active.uri;
    void this.setContext('noDocument');
  }

  /** The document the view is about. */
  get document(): vscode.Uri | undefined {
    return this.uri;
  }

  /** Called for each `clausewise/status` notification. */
  statusChanged(uri: vscode.Uri): void {
    if (!this.uri && isReviewable(vscode.window.activeTextEditor?.document) && vscode.window.activeTextEditor.document.uri.toString() === uri.toString()) {
      this.uri = uri;
    }
    if (uri.toString() === this.uri?.toString()) this.refresh(0);
  }

  /**
   * Re-reads the coverage of the current document, after `delay` ms (coalescing bursts), when the
   * view is shown. Hidden, it reads nothing: every keystroke's review asks for a refresh twice (its
   * status, then its diagnostics), and each is a round trip to the server (about 40 KB of coverage)
   * and a pass over every finding of the document (thousands on a large contract). Shown again, the
   * view refreshes (onDidChangeVisibility).
   */
  refresh(delay = 0): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (!this.view.visible) return;
      void this.load();
    }, delay);
  }

  private async setContext(state: 'noDocument' | 'notContract' | 'contract' | 'notRunning'): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'clausewise.coverageState', state);
  }

  private async load(): Promise<void> {
    const gen = ++this.generation;
    const uri = this.uri;
    const client = this.client();
    let data: CoverageResult | null = null;
    let state: 'noDocument' | 'notContract' | 'contract' | 'notRunning' = 'noDocument';
    if (uri && client?.isRunning()) {
      try {
        data = await client.sendRequest(CoverageRequest, { uri: client.code2ProtocolConverter.asUri(uri) });
      } catch {
        data = null;
      }
      state = data?.isContract ? 'contract' : data ? 'notContract' : 'noDocument';
    } else if (uri) {
      state = 'notRunning';
    }
    if (gen !== this.generation) return;
    this.data = data;
    this.roots = uri && data?.isContract ? this.buildRoots(uri, data) : [];
    const name = uri ? uri.path.split('/').pop() : undefined;
    if (data?.isContract) {
      const v = Object.values(data.coverage);
      const covered = v.filter((x) => x === 'present').length;
      this.view.description = `${name}: ${covered}/${v.length} covered`;
      this.view.message = `${covered} of ${plural(v.length, 'category', 'categories')} covered, ${v.filter((x) => x === 'weak').length} weak, `
        + `${v.filter((x) => x === 'missing').length} missing (${data.profiles.join(', ')}).`;
    } else {
      // No message here: VS Code then shows the view's welcome content, with its buttons
      // ("Review as Contract", "Open Example Contract"); the status item gives the reason.
      this.view.description = state === 'notContract' && data ? `${name}: not a contract (${clip(data.reason, 60)})` : name;
      this.view.message = undefined;
    }
    await this.setContext(state);
    this.changed.fire(undefined);
  }

  private buildRoots(uri: vscode.Uri, data: CoverageResult): CoverageNode[] {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'clausewise');
    const byCategory = new Map<string, vscode.Diagnostic[]>();
    const known = new Set(data.assessments.map((a) => a.category));
    for (const d of diagnostics) {
      const category = diagnosticData(d)?.category;
      const key = category && known.has(category) ? category : OTHER;
      let list = byCategory.get(key);
      if (!list) byCategory.set(key, (list = []));
      list.push(d);
    }
    const order = (a: vscode.Diagnostic, b: vscode.Diagnostic) => a.range.start.compareTo(b.range.start);
    const roots: CoverageNode[] = data.assessments.map((a) => ({ kind: 'category', uri, a, findings: (byCategory.get(a.category) ?? []).sort(order) }));
    const other = byCategory.get(OTHER);
    if (other?.length) roots.push({ kind: 'other', uri, findings: other.sort(order) });
    return roots;
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) return this.roots;
    if (node.kind === 'category') {
      const out: CoverageNode[] = [];
      if (node.a.reason) out.push({ kind: 'reason', text: node.a.reason });
      for (const e of node.a.evidence) out.push({ kind: 'evidence', uri: node.uri, e });
      for (const d of node.findings) out.push({ kind: 'finding', uri: node.uri, d, category: node.a.category });
      return out;
    }
    if (node.kind === 'other') return node.findings.map((d) => ({ kind: 'finding', uri: node.uri, d, category: diagnosticData(d)?.category ?? '' }));
    return [];
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.kind) {
      case 'category': {
        const { a } = node;
        const item = new vscode.TreeItem(a.title || categoryTitle(a.category), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `category:${a.category}`;
        item.iconPath = VERDICT_ICON[a.verdict];
        const findings = node.findings.length ? ` · ${plural(node.findings.length, 'finding')}` : '';
        item.description = `${VERDICT_WORD[a.verdict]}${findings}${a.verdict === 'present' ? '' : ` — ${clip(a.reason, 80)}`}`;
        const tip = new vscode.MarkdownString(`**${a.title}**: ${VERDICT_WORD[a.verdict]}\n\n${a.reason}`);
        if (a.evidence[0]) tip.appendMarkdown(`\n\n> ${clip(a.evidence[0].text, 240).replace(/[\\`*_[\]<>]/g, '\\$&')}`);
        if (a.verdict !== 'present') tip.appendMarkdown('\n\nUse **Insert Clause** (the + button) to add a model clause from the library.');
        item.tooltip = tip;
        item.contextValue = `category.${a.verdict}`;
        item.accessibilityInformation = { label: `${a.title}: ${VERDICT_WORD[a.verdict]}. ${a.reason}` };
        const target = a.evidence[0]?.range ?? node.findings[0]?.range;
        if (target) item.command = { title: 'Show', command: 'clausewise.coverage.reveal', arguments: [node.uri, target] };
        return item;
      }
      case 'other': {
        const item = new vscode.TreeItem('Drafting', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'category:other';
        item.iconPath = new vscode.ThemeIcon('edit');
        item.description = `${plural(node.findings.length, 'finding')} — wording to make precise`;
        item.tooltip = 'Findings about the wording (vague terms, open lists, agreements to agree) rather than a missing or weak category.';
        item.contextValue = 'other';
        return item;
      }
      case 'reason': {
        const item = new vscode.TreeItem(clip(node.text, 200), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('comment');
        item.tooltip = node.text;
        item.contextValue = 'reason';
        return item;
      }
      case 'evidence': {
        const { e } = node;
        const item = new vscode.TreeItem(clip(e.text, 100), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('quote');
        item.description = `line ${e.range.start.line + 1}${e.requirement ? ` · ${e.requirement}` : ''}`;
        item.tooltip = new vscode.MarkdownString(`Evidence (${e.requirement}), line ${e.range.start.line + 1}:\n\n> ${clip(e.text, 400).replace(/[\\`*_[\]<>]/g, '\\$&')}`);
        item.contextValue = 'evidence';
        item.command = { title: 'Show', command: 'clausewise.coverage.reveal', arguments: [node.uri, e.range] };
        return item;
      }
      case 'finding': {
        const { d } = node;
        const item = new vscode.TreeItem(clip(d.message, 120), vscode.TreeItemCollapsibleState.None);
        item.iconPath = severityIcon(d.severity);
        item.description = `${ruleIdOf(d)} · line ${d.range.start.line + 1}`;
        item.tooltip = `${d.message}\n\n${ruleIdOf(d)}, line ${d.range.start.line + 1}. Click to go there; the light bulb offers the quick fixes.`;
        item.contextValue = 'finding';
        item.command = { title: 'Show', command: 'clausewise.coverage.reveal', arguments: [node.uri, d.range] };
        return item;
      }
    }
  }

  /** Shows the view (the status item and the walkthrough open it). */
  async show(): Promise<void> {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    this.refresh(0);
  }

  /** The clause ids that would fix a category: from its findings' quick fixes first. */
  clauseIdsFor(node: CoverageNode): string[] {
    if (node.kind !== 'category' && node.kind !== 'finding') return [];
    const findings = node.kind === 'category' ? node.findings : [node.d];
    const ids: string[] = [];
    for (const d of findings) {
      for (const id of diagnosticData(d)?.clauseIds ?? []) if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  get current(): CoverageResult | null {
    return this.data;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens the document at a range (the view's click action). */
export async function reveal(uri: vscode.Uri, range: vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const r = range instanceof vscode.Range
    ? range
    : new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(r.start, r.start), preserveFocus: false });
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
