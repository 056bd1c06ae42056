// Pure text helpers (no `vscode` import) for the edits the commands make: the profiles in a document's
// front matter. Reading the front matter is the server's (clausewise/frontMatter, which also says where
// its YAML is), as is the comment that accepts a finding (clausewise/acceptFindingEdit).
import { isMap, isSeq, parseDocument } from 'yaml';

/** A replacement of text[start, end) by newText (offsets in UTF-16 code units). */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/** Where a document's YAML front matter is (between its --- fences), as the server found it. */
export interface YamlSpan {
  start: number;
  end: number;
}

/**
 * The edit that makes the document's front matter say `clausewise: { profiles: [...] }`: adds front
 * matter when there is none (`yaml` null), or sets the key in the existing YAML (keeping its other
 * keys and comments). A string when the front matter cannot be edited safely (invalid YAML, not a mapping).
 */
export function setFrontMatterProfiles(text: string, yaml: YamlSpan | null, profiles: readonly string[]): TextChange | string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const list = `[${profiles.join(', ')}]`;
  if (!yaml) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const block = ['---', 'clausewise:', `  profiles: ${list}`, '---', '', ''].join(eol);
    return { start: bom, end: bom, newText: block };
  }
  const yamlStart = yaml.start;
  const yamlText = text.slice(yaml.start, yaml.end);
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
    // `profile` (one id) would be ignored next to `profiles`: one key says it.
    doc.deleteIn(['clausewise', 'profile']);
  }
  let out = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  // Empty front matter: the closing --- must stay on a line of its own.
  if (!yamlText) out += eol;
  return { start: yamlStart, end: yamlStart + yamlText.length, newText: out };
}
