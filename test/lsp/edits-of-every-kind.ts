// Edits of every kind at spread positions, shared by the tests of the findings' kept JSON and of the
// diagnostic changes made from it: characters typed and deleted, line breaks typed and deleted, a
// paragraph added, a finding's words removed, and the first character typed (and, when asked, deleted again).

/** The texts after each edit, in turn, each edit made on the text the one before left. */
export function* editsOfEveryKind(text: string, options: { firstDeletedAgain?: boolean } = {}): Generator<string> {
  const at = (f: number) => { const i = text.indexOf('. ', Math.floor(text.length * f)); return i > 0 ? i : Math.floor(text.length / 2); };
  const edit = (from: number, to: number, insert: string) => { text = text.slice(0, from) + insert + text.slice(to); return text; };
  yield edit(at(0.3), at(0.3), 'x');
  yield edit(at(0.5), at(0.5), '\n');
  yield edit(at(0.7), at(0.7), '\n\nA new paragraph, as needed from time to time.\n\n');
  yield edit(at(0.2), at(0.2) + 1, '');
  const line = text.indexOf('\n', Math.floor(text.length * 0.6));
  yield edit(line, line + 1, '');
  const vague = text.indexOf('as needed');
  if (vague >= 0) yield edit(vague, vague + 'as needed'.length, 'within five days');
  yield edit(0, 0, 'x');
  if (options.firstDeletedAgain) yield edit(0, 1, '');
}
