/**
 * Output is inert: what Clausewise prints comes in part from others (file names, contract text quoted
 * in messages) and lands in terminals and public CI logs. These helpers make such text print as
 * itself: control characters cannot move the cursor, colour or retitle a terminal, start a new log
 * line (a GitHub workflow command), or reorder what is shown (bidirectional overrides).
 */

/**
 * C0 controls and DEL, C1 controls (U+0080–U+009F, which some terminals read as escape sequences),
 * bidirectional embeddings, overrides and isolates, and the line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const visible = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** Text for one line of a terminal or log: every control character shown as an escape (ESC -> \x1B). */
export function printable(s: string): string {
  return s.replace(CONTROL, visible);
}

/** As printable(), but line feeds and carriage returns stay (for text whose lines the caller encodes itself). */
export function printableKeepingLineBreaks(s: string): string {
  return s.replace(CONTROL_BUT_LINE_BREAKS, visible);
}

/** Control characters removed outright (for prose where an escape would only be noise). */
export function withoutControls(s: string): string {
  return s.replace(CONTROL, ' ');
}

/**
 * A Markdown code span that shows `s` literally, whatever it holds: fenced by one more backtick than
 * the longest run inside it, padded when it starts or ends with a backtick (CommonMark 6.1), and with
 * control characters (newlines included) shown as escapes so the span stays on one line.
 */
export function markdownCode(s: string): string {
  const text = printable(s);
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * JSON text with every C1 control and separator escaped as \uXXXX (JSON.stringify escapes only C0):
 * the same JSON value, safe to print to a terminal.
 */
export function inertJson(json: string): string {
  return json.replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
