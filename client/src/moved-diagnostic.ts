// A VS Code diagnostic moved by whole lines, for a line shift of diagnostic changes (issue 13,
// linebreak; ./diagnostic-changes.ts). The list handed to VS Code is never changed, so the moved
// diagnostic is a copy: made by the same class's constructor (vscode-languageclient's
// ProtocolDiagnostic, whose `data` the code actions' context sends back to the server only when
// `instanceof` holds; the constructor also sets up whatever VS Code's own Diagnostic keeps), its
// fields then copied (shared: none is changed after conversion), and a new range, since a
// vscode.Range cannot be changed.
import * as vscode from 'vscode';

type DiagnosticClass = new (range: vscode.Range, message: string, severity?: vscode.DiagnosticSeverity) => vscode.Diagnostic;

export function movedDiagnostic(d: vscode.Diagnostic, lineDelta: number): vscode.Diagnostic | undefined {
  const r = d.range;
  if (r.start.line + lineDelta < 0 || r.end.line + lineDelta < 0) return undefined;
  const range = new vscode.Range(r.start.line + lineDelta, r.start.character, r.end.line + lineDelta, r.end.character);
  const moved = Object.assign(new (d.constructor as DiagnosticClass)(range, d.message, d.severity), d);
  moved.range = range;
  return moved;
}
