// Pure text helpers (no `vscode` import) for the edits the commands make: the profiles in a document's
// front matter (the comment that accepts a finding is the server's: clausewise/acceptFindingEdit).
import { isMap, isSeq, parseDocument } from 'yaml';

/** A replacement of text[start, end) by newText (offsets in UTF-16 code units). */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

const FRONT_MATTER = /^(\uFEFF?)---[ \t]*(\r?\n)([\s\S]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The profiles a document's front matter chooses (`clausewise: { profiles: [...] }`), or undefined. */
export function frontMatterProfiles(text: string): string[] | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  try {
    const value = parseDocument(m[3]).toJS() as unknown;
    const cw = value && typeof value === 'object' ? (value as Record<string, unknown>).clausewise : undefined;
    const profiles = cw && typeof cw === 'object' ? (cw as Record<string, unknown>).profiles : undefined;
    if (typeof profiles === 'string') return [profiles];
    return Array.isArray(profiles) ? profiles.filter((p): p is string => typeof p === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The edit that makes the document's front matter say `clausewise: { profiles: [...] }`: adds front
 * matter when there is none, or sets the key in the existing YAML (keeping its other keys and
 * comments). A string when the front matter cannot be edited safely (invalid YAML, not a mapping).
 */
export function setFrontMatterProfiles(text: string, profiles: readonly string[]): TextChange | string {
  const m = FRONT_MATTER.exec(text);
  const eol = m?.[2] ?? (text.includes('\r\n') ? '\r\n' : '\n');
  const list = `[${profiles.join(', ')}]`;
  if (!m) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const block = ['---', 'clausewise:', `  profiles: ${list}`, '---', '', ''].join(eol);
    return { start: bom, end: bom, newText: block };
  }
  const yamlStart = m[1].length + m[0].slice(m[1].length).indexOf(eol) + eol.length;
  const yamlText = m[3];
  const doc = parseDocument(yamlText);
  if (doc.errors.length) {
    return `the front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it first`;
  }
  if (doc.contents === null || (typeof doc.contents === 'object' && !isMap(doc.contents))) {
    if (doc.contents !== null) return 'the front matter is not a list of "key: value" lines';
  }
  const cw = doc.get('clausewise', true) as unknown;
  if (cw !== undefined && cw !== null && !isMap(cw)) {
    return 'the front matter\'s "clausewise" entry is not a mapping (write it as "clausewise:" with keys under it)';
  }
  const seq = doc.createNode([...profiles], { flow: true });
  if (!isSeq(seq)) return 'could not write the profiles list';
  if (cw === undefined || cw === null) {
    doc.set('clausewise', doc.createNode({ profiles: [...profiles] }));
    (doc.getIn(['clausewise', 'profiles'], true) as { flow?: boolean }).flow = true;
  } else {
    doc.setIn(['clausewise', 'profiles'], seq);
  }
  let out = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  return { start: yamlStart, end: yamlStart + yamlText.length, newText: out };
}
