// The sentence splitter the model used before (the `sentence-splitter` package), kept as the
// reference the new splitter is measured against, and the measure itself: sentences found
// identically by both, over all sentences either finds.
import { split } from 'sentence-splitter';
import { parseMarkdown } from '../../server/src/model/markdown';
import { parsePlainText } from '../../server/src/model/plain';
// The list split is the model's own, so the comparison measures only the sentence splitting itself.
import { sentenceBounds, splitLongLists } from '../../server/src/model/sentences';

export function legacySentenceBounds(text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    let [s, e] = node.range;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) for (const part of splitLongLists(text, s, e)) bounds.push(part);
  }
  return bounds;
}

/** The texts of a document's blocks that get sentences (not code or HTML), as the model reads them. */
export function blockTexts(text: string, path: string): string[] {
  const blocks = path.endsWith('.txt') ? parsePlainText(text) : parseMarkdown(text).blocks;
  return blocks.filter((b) => b.kind !== 'code' && b.kind !== 'html' && b.text.length > 0).map((b) => b.text);
}

export interface Agreement {
  /** Sentences (start and end) both splitters find. */
  same: number;
  /** Sentences either splitter finds. */
  total: number;
  differingBlocks: Array<{ old: string[]; now: string[] }>;
}

export function compareSplitters(texts: string[]): Agreement {
  let same = 0;
  let total = 0;
  const differingBlocks: Agreement['differingBlocks'] = [];
  for (const t of texts) {
    const old = legacySentenceBounds(t).map(([s, e]) => `${s}:${e}`);
    const now = new Set(sentenceBounds(t).map(([s, e]) => `${s}:${e}`));
    const both = old.filter((k) => now.has(k)).length;
    same += both;
    total += old.length + now.size - both;
    if (both !== old.length || both !== now.size) {
      const show = (ks: Iterable<string>) => [...ks].map((k) => { const [s, e] = k.split(':').map(Number); return t.slice(s, e); });
      differingBlocks.push({ old: show(old), now: show(now) });
    }
  }
  return { same, total, differingBlocks };
}
