import { LRUCache } from 'lru-cache';
import { split } from 'sentence-splitter';
import type { Block, Sentence } from './types';

// Sentence splitting is the most expensive step of building the model, and most blocks are the
// same from one keystroke to the next, so results are memoised by block text. Editing one clause
// re-splits that clause only.
const cache = new LRUCache<string, Array<[number, number]>>({ max: 20000 });

/** Sentence boundaries [start, end) inside a block's plain text. */
export function sentenceBounds(text: string): Array<[number, number]> {
  const hit = cache.get(text);
  if (hit) return hit;
  const bounds: Array<[number, number]> = [];
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    let [s, e] = node.range;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) for (const part of splitLongLists(text, s, e)) bounds.push(part);
  }
  cache.set(text, bounds);
  return bounds;
}

/**
 * Contract text often runs many obligations together with semicolons ("(a) ...; (b) ...;"). Those
 * parts are read as separate sentences, so that a finding points at the part that owns it.
 */
function splitLongLists(text: string, s: number, e: number): Array<[number, number]> {
  if (e - s < 400) return [[s, e]];
  const out: Array<[number, number]> = [];
  let from = s;
  const re = /;\s+(?:and\s+|or\s+)?(?=\(?[a-z0-9ivx]{1,4}\)\s)/g;
  re.lastIndex = s;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < e) {
    out.push([from, m.index + 1]);
    from = m.index + m[0].length;
  }
  out.push([from, e]);
  return out;
}

export function buildSentences(block: Block): Sentence[] {
  if (block.kind === 'code' || block.kind === 'html' || block.text.length === 0) return [];
  return sentenceBounds(block.text).map(([s, e]) => ({
    block: block.index,
    textStart: s,
    text: block.text.slice(s, e),
    start: block.sourceOffsets[s],
    end: block.sourceOffsets[e - 1] + 1,
  }));
}
