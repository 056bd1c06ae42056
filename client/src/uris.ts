// The URIs in the server's messages, parsed once per distinct text (issue 13, payload). Every
// diagnostic carries its rule's documentation link (`codeDescription.href`), which the language
// client turns into a vscode.Uri: 3,880 parses per publish of a 1 MB contract, for about thirty
// distinct links (measured with vscode-uri, VS Code's own URI code: 3.3 to 3.9 ms per publish, against
// 0.2 to 0.4 ms with this cache, on a loaded machine). A vscode.Uri never changes once made, so one
// object can stand for every occurrence.

/** Parses with `parse`, keeping the last `max` distinct texts' results (oldest dropped first). */
export function cachedParser<T>(parse: (text: string) => T, max = 512): (text: string) => T {
  const kept = new Map<string, T>();
  return (text: string): T => {
    let value = kept.get(text);
    if (value === undefined) {
      value = parse(text);
      if (kept.size >= max) kept.delete(kept.keys().next().value as string);
      kept.set(text, value);
    }
    return value;
  };
}
