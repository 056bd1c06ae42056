/**
 * How many block quotes and list items one line may open. micromark's container handling costs
 * roughly the square of the nesting depth per line (measured: 2,000 nested list markers on one
 * line took 13 s, 5,000 nested quotes overflowed the stack), while contracts nest five or six deep.
 */
export const MAX_NESTING = 12;

// Each replacement is one UTF-16 unit, like the character it replaces, so every offset of the
// capped text is the offset of the same place in the original.
const NEUTRAL: Record<string, string> = { '>': '\u203A', '-': '\u2010', '*': '\u2217', '+': '\u2214', '.': '\u2024', ')': '\u2769' };

const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The text with container markers beyond MAX_NESTING on any line turned into look-alike
 * characters, so that the rest of the line is read as text of the deepest container. A plain scan
 * (not a parse) because it must run before, and in linear time regardless of, the parser.
 */
export function capNesting(text: string): string {
  // A line can only be cut where it opens more than MAX_NESTING markers in a row, as excessMarker
  // reads them; one native search for such a line start answers for nearly every text, rather than
  // the line loop in cold code (issue 13, a first review). Where one is found, the loop decides.
  return DEEP_LINE.test(text) ? capNestingByLines(text) : text;
}

/** capNesting without its quick answer: every line read by excessMarker (exported for its test). */
export function capNestingByLines(text: string): string {
  const cuts: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const cut = excessMarker(text, lineStart, lineEnd);
    if (cut !== -1) cuts.push(cut);
    lineStart = lineEnd + 1;
  }
  if (!cuts.length) return text;
  let result = '';
  let from = 0;
  for (const at of cuts) {
    result += text.slice(from, at) + NEUTRAL[text[at]];
    from = at + 1;
  }
  return result + text.slice(from);
}

/**
 * A line start followed by more than MAX_NESTING container markers, each read as excessMarker reads
 * one (">", a bullet and a blank, up to nine digits with "." or ")" and a blank), spaces or tabs
 * before each: every line excessMarker cuts matches it (a thematic break may match and not be cut).
 */
const DEEP_LINE = new RegExp(String.raw`(?:^|\n)[ \t]*(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*){${MAX_NESTING + 1}}`);

/** Where the first container marker past the cap starts on a line, or -1. */
function excessMarker(text: string, start: number, end: number): number {
  let depth = 0;
  let pos = start;
  let breakChecked = false;
  while (pos < end) {
    while (pos < end && (text[pos] === ' ' || text[pos] === '\t')) pos++;
    if (pos >= end) return -1;
    const ch = text[pos];
    let marker = -1;
    let next = pos;
    if (ch === '>') { marker = pos; next = pos + 1; }
    else if ((ch === '-' || ch === '*' || ch === '+') && isBlank(text[pos + 1]) && pos + 1 < end) {
      // "- - -" is a rule, not three lists; checked once a line, so the scan stays linear.
      if (!breakChecked && THEMATIC_BREAK.test(text.slice(pos, end))) return -1;
      breakChecked = true;
      marker = pos; next = pos + 1;
    } else {
      let d = pos;
      while (d < end && d - pos < 9 && text[d] >= '0' && text[d] <= '9') d++;
      if (d > pos && (text[d] === '.' || text[d] === ')') && d + 1 < end && isBlank(text[d + 1])) { marker = d; next = d + 1; }
    }
    if (marker === -1) return -1;
    if (++depth > MAX_NESTING) return marker;
    pos = next;
  }
  return -1;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/**
 * Longest run of one emphasis character kept as markup. micromark pairs emphasis delimiters in time
 * quadratic in a run's length (12,500 asterisks each side of a word took over three minutes and
 * overflowed the stack); no contract writes more than a few in a row.
 */
export const MAX_EMPHASIS_RUN = 32;

const LONG_RUN = new RegExp(`\\*{${MAX_EMPHASIS_RUN + 1},}|_{${MAX_EMPHASIS_RUN + 1},}`, 'g');

/** The text with emphasis runs cut to MAX_EMPHASIS_RUN; the rest of a run becomes look-alike text, offsets kept. */
export function capEmphasisRuns(text: string): string {
  return text.replace(LONG_RUN, (run, at: number) => {
    // A line of underscores (a signature blank) or asterisks is a thematic break: left as it is.
    if (isThematicBreakAt(text, at, run.length)) return run;
    return run.slice(0, MAX_EMPHASIS_RUN) + (run[0] === '*' ? '\u2217' : '\uFF3F').repeat(run.length - MAX_EMPHASIS_RUN);
  });
}

/** Whether the run at `at` opens its line (after at most 3 spaces) and the line holds nothing but that character and spaces. */
function isThematicBreakAt(text: string, at: number, length: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i <= 4 && text[i] === ' ') i--;
  if (i >= 0 && text[i] !== '\n') return false;
  // Only the first run of a line gets here, so this scan reads each line once at most.
  for (let j = at + length; j < text.length && text[j] !== '\n'; j++) {
    if (text[j] !== text[at] && text[j] !== ' ' && text[j] !== '\t' && text[j] !== '\r') return false;
  }
  return true;
}

/**
 * Most emphasis runs and brackets read as markup in one paragraph. micromark splices its event
 * list (a cost proportional to the paragraph) for each emphasis pair and each bracket that is not
 * a link, so a long paragraph of them is quadratic (10,000 "a*" pairs took a minute; 12,500
 * placeholders "[●]" 14 s). Beyond this many, they are read as text; a contract paragraph has a
 * handful. The block text still shows the original characters (see restoreOriginal).
 */
export const MAX_INLINE_MARKUP = 400;

const PARAGRAPH_BREAK = /\n[ \t]*(?:\r?\n|$)/g;
const INLINE_MARKUP = /[*_]+|[[\]]/g;

/** The text with inline markup past MAX_INLINE_MARKUP per paragraph turned into look-alike text, offsets kept. */
export function capInlineMarkup(text: string): string {
  // Only paragraphs that change are copied: a text where none does (nearly every one) is returned
  // as it is, rather than rebuilt from slices of every paragraph, and the paragraph breaks are
  // found with an exec loop rather than matchAll's iterator (issue 13, a first review).
  // A paragraph's runs are among the text's (a run holds no line break, so none spans a paragraph
  // break): a text with at most MAX_INLINE_MARKUP runs in all has no paragraph to cap, and one scan
  // of it for runs replaces the paragraph breaks' scan and a replace per long paragraph (issue 13:
  // the 1 MB bench contract holds one run).
  if (!moreMarkupThan(text, MAX_INLINE_MARKUP)) return text;
  let out = '';
  let copied = 0;
  let from = 0;
  const flush = (end: number) => {
    if (end - from >= MAX_INLINE_MARKUP) {
      const paragraph = text.slice(from, end);
      let seen = 0;
      const capped = paragraph.replace(INLINE_MARKUP, (m) => {
        if (++seen <= MAX_INLINE_MARKUP) return m;
        return m === '[' ? '\uFF3B' : m === ']' ? '\uFF3D' : m.replace(/\*/g, '\u2217').replace(/_/g, '\uFF3F');
      });
      if (capped !== paragraph) {
        out += text.slice(copied, from) + capped;
        copied = end;
      }
    }
    from = end;
  };
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) flush(m.index + m[0].length);
  flush(text.length);
  return copied === 0 ? text : out + text.slice(copied);
}

/** Whether `text` holds more than `limit` inline markup runs (INLINE_MARKUP's matches), counted up to limit + 1. */
function moreMarkupThan(text: string, limit: number): boolean {
  let n = 0;
  INLINE_MARKUP.lastIndex = 0;
  while (INLINE_MARKUP.test(text)) if (++n > limit) break;
  INLINE_MARKUP.lastIndex = 0;
  return n > limit;
}

/**
 * Block text with the characters the caps above replaced put back as written, so that rules read
 * the user's words (a placeholder "[X]" past the cap is still a placeholder).
 */
export function restoreOriginal(blockText: string, offsets: Int32Array, capped: string, original: string): string {
  let out: string[] | null = null;
  for (let i = 0; i < blockText.length; i++) {
    const at = offsets[i];
    if (capped[at] !== original[at] && blockText[i] === capped[at]) {
      out ??= blockText.split('');
      out[i] = original[at];
    }
  }
  return out ? out.join('') : blockText;
}
