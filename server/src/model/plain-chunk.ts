import { pushVerbatim, pushVerbatimParagraph, type RawBlock } from './blocks';

/*
 * Blocks of a chunk written without any Markdown markup but ATX headings and blank lines, read
 * without the parser. Most chunks of a contract are a heading and a few paragraphs of plain words,
 * and micromark's tokenizing of them was about as much CPU as the whole yardstick of the first
 * analysis (remark-parse alone on the same text). On such text the parse decides nothing: a
 * heading line is a heading, every other run of lines between blank lines is one paragraph whose
 * text is its source verbatim. The blocks are made as the event reader's (pushHeading, pushParagraph)
 * make them, from the positions micromark would give them (pushVerbatim).
 *
 * The reader accepts only text in which no construct can start (checked below, conservatively);
 * on anything else it returns null and the chunk is parsed as before. test/model/plain-chunk.test.ts
 * compares it with the event reader on random and real text.
 */

/**
 * A character that may start or end markup anywhere in a line, or that the parser would not keep as
 * it is: escapes, emphasis, code, links and images, HTML and autolinks, character references,
 * strikethrough, tables, NUL (read as U+FFFD), tabs, carriage returns and other control characters;
 * and spaces before a line end or the text's end (stripped, or a hard break). Underscores: LIVE_UNDERSCORE.
 */
const UNPLAIN = /[\\*[\]<>`&~|\0-\x09\x0b-\x1f\x7f]| \n| $/;

/**
 * An underscore that could take part in emphasis, or open a line (a thematic break "___"). Allowed
 * are only runs with a space before them and a space, line end or the text's end after them, as in
 * a signature line's blank ("Signed: ____________"): such a run is neither left- nor
 * right-flanking, so it can open or close nothing and stays literal text. Through micromark, the one
 * signature chunk of the generated 1 MB contract was the only chunk after the first that needed the
 * parser, and started it cold in a process's first review (issue 13, analysis).
 */
const LIVE_UNDERSCORE = /[^ _]_|^_|_[^ _\n]/m;

/**
 * A paragraph line that could open a block or continue one differently: indentation (indented code,
 * continuation), setext underlines and thematic breaks (= -), list items (- + and ordered markers),
 * a table's delimiter row (:), block quotes (>, also caught by UNPLAIN).
 */
const BLOCK_START = /^(?:[ =+\-:>]|\d{1,9}[.)](?: |$))/;

/** An ATX heading with plain content: "## 2. Services" (no closing sequence, no "#" in the text). */
const HEADING = /^(#{1,6}) ([^# ][^#]*)$/;

/**
 * The blocks of `source` (offsets relative to it, plus `at`), or null when it holds anything but
 * plain lines, headings and blank lines. `at` is where the source starts in its document: the blocks
 * are made at their place, where moving them afterwards read every offset again in a loop that
 * runs cold in a first review (issue 13).
 */
export function plainChunkBlocks(source: string, at = 0): RawBlock[] | null {
  if (UNPLAIN.test(source) || (source.includes('_') && LIVE_UNDERSCORE.test(source))) return null;
  const blocks: RawBlock[] = [];
  let paragraphStart = -1;
  let paragraphEnd = 0;
  const endParagraph = (): void => {
    if (paragraphStart < 0) return;
    pushVerbatimParagraph(blocks, at + paragraphStart, at + paragraphEnd, source.slice(paragraphStart, paragraphEnd));
    paragraphStart = -1;
  };
  const n = source.length;
  let pos = 0;
  while (pos < n) {
    let nl = source.indexOf('\n', pos);
    if (nl < 0) nl = n;
    if (nl > pos) {
      if (source.charCodeAt(pos) === 35 /* # */) {
        const heading = HEADING.exec(source.slice(pos, nl));
        if (!heading) return null;
        // A heading interrupts a paragraph.
        endParagraph();
        const depth = heading[1].length;
        pushVerbatim(blocks, 'heading', at + pos, at + nl, at + pos + depth + 1, heading[2], { depth: depth as RawBlock['depth'], quoted: false });
      } else {
        if (BLOCK_START.test(source.slice(pos, Math.min(nl, pos + 12)))) return null;
        if (paragraphStart < 0) paragraphStart = pos;
        paragraphEnd = nl;
      }
    } else endParagraph();
    pos = nl + 1;
  }
  endParagraph();
  return blocks;
}
