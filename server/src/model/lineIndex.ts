import type { Position, Range, Span } from './types';

/** Offsets of the first character of every line. Handles \n, \r\n and lone \r. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Most texts have no carriage return: indexOf finds the line feeds natively, far faster than a
  // loop over every character (this runs on every full review).
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The index of the last entry of the ascending `sorted` that is at or before `value` (0 when none is). */
export function lastIndexAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many of the ascending `sorted` are below `value`: the index of the first at or after it (its length if none). */
export function firstIndexAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** UTF-16 offset to LSP position (JS strings are UTF-16, so characters need no conversion). */
export function positionAt(lineStarts: number[], offset: number): Position {
  const line = lastIndexAtOrBefore(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function offsetAt(lineStarts: number[], textLength: number, pos: Position): number {
  if (pos.line >= lineStarts.length) return textLength;
  if (pos.line < 0) return 0;
  const lineStart = lineStarts[pos.line];
  const next = pos.line + 1 < lineStarts.length ? lineStarts[pos.line + 1] : textLength;
  return Math.min(lineStart + Math.max(0, pos.character), next);
}

export function spanToRange(lineStarts: number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}
