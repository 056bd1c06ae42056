// A VS Code diagnostic moved by whole lines, for a line shift of diagnostic changes (issue 13,
// linebreak; ./diagnostic-changes.ts). The list handed to VS Code is never changed, so the moved
// diagnostic is a copy: of the same class (vscode-languageclient's ProtocolDiagnostic, whose `data`
// the code actions' context sends back to the server only when `instanceof` holds), its fields shared
// (none is changed after conversion), and a new range, since vscode.Range cannot be changed.
import * as vscode from 'vscode';

export function movedDiagnostic(d: vscode.Diagnostic, lineDelta: number): vscode.Diagnostic | undefined {
  const r = d.range;
  if (r.start.line + lineDelta < 0 || r.end.line + lineDelta < 0) return undefined;
  const moved = Object.assign(Object.create(Object.getPrototypeOf(d) as object) as vscode.Diagnostic, d);
  moved.range = new vscode.Range(r.start.line + lineDelta, r.start.character, r.end.line + lineDelta, r.end.character);
  return moved;
}
