import type { Block, DefinedTerm, Section } from './types';
import { foldQuotes } from './text';
import { includesAny, isSpaceLike, literalSearch } from './word-gate';

// "Services" means / shall mean / has the meaning / refers to / includes
const MEANS = /"([A-Z][^"\n]{0,60}?)"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:or|and)\s+"([A-Z][^"\n]{0,60}?)"\s*)?(?:(?:shall|will)\s+)?(?:means?|mean|has the meaning|have the meanings?|refers? to|includes?|is defined|shall have the meaning)\b/g;
// (the "Supplier"), ("VIP"), (hereinafter "Customer"), (each a "Party"), (collectively, the "Services")
// A term may start with a lower-case prefix before a capital, as some company names do ("eGain", "iQor").
const PAREN = /\((?:[^()"\n]{0,60}?)?"((?:[A-Z]|[a-z]{1,2}[A-Z])[^"\n]{0,60}?)"(?:\s*(?:or|and)\s*(?:the\s+)?"([A-Z][^"\n]{0,60}?)")?\s*\)/g;

// A Title Case phrase of up to seven words ("Business Day", "Statement of Work", "Go-Live Date").
const PHRASE = String.raw`[A-Z][A-Za-z0-9'\u2019&/-]*(?:[ \t](?:(?:of|and|for|to|the|in|on)[ \t])?[A-Z][A-Za-z0-9'\u2019&/-]*){0,6}`;
// Unquoted "Business Day means ..." (or tab-separated "Business Day<TAB>means ...") at the start of
// a paragraph, after an optional clause number or item letter.
export const UNQUOTED_MEANS = new RegExp(String.raw`^(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\)|[a-z0-9]{1,3}[.)])[ \t]+)?(${PHRASE})(?:[ \t]*[:\u2013\u2014-])?[ \t]+(?:shall[ \t]+)?(?:means|mean|has the meaning|have the meaning|refers? to)\b`);
// In a definitions section: "Business Day<TAB>any day ...", "Business Day: any day ...", "Business Day – any day ...".
export const LIST_ENTRY = new RegExp(String.raw`^(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\)|[a-z0-9]{1,3}[.)])[ \t]+)?(${PHRASE})(?:\t+|[ \t]*:[ \t]+|[ \t]+[\u2013\u2014-][ \t]+)(?=\S)`);
// "Effective Date" is the earlier of ... (at the start of a paragraph, after an optional number)
const IS_AT_START = /^(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))\s+)?"([A-Z][^"\n]{0,60}?)"\s+(?:is|are|shall be)\s+(?:the|a|an|any|all|each|every)\b/;
// Business Day<TAB>any day ... (a definitions table pasted from a word processor)
export const TAB_ENTRY = new RegExp(String.raw`^(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))[ \t]+)?([A-Z][A-Za-z0-9'\u2019&/-]*(?:[ ](?:(?:of|and|for|to|the|in|on)[ ])?[A-Z][A-Za-z0-9'\u2019&/-]*){0,6})\t+(?=[a-z"(])`);
// ('Required Resources'), (the 'Claim'): single quotes, which foldQuotes leaves as they are
export const PAREN_SINGLE = /\((?:the\s+|each\s+a\s+|together\s+the\s+|collectively\s+the\s+)?'([A-Z][^'\n]{0,60}?)'\s*\)/g;
// are each a "Party" and together the "Parties"; hereinafter referred to as "Licensee"
export const INLINE = /\b(?:each|together|collectively|jointly|individually|severally|hereinafter(?:\s+referred\s+to\s+as)?|referred\s+to\s+(?:herein\s+)?as|known\s+as|called)\s*,?\s*(?:as\s+)?(?:a|an|the)?\s*"([A-Z][^"\n]{0,60}?)"/g;
const NOT_A_TERM = /^(?:The|This|That|These|Those|A|An|Each|Any|All|It|Such|In|If|For|Where|When|Unless|Subject|Note|Notes|Example|Examples|Term|Definition|Definitions|Meaning|Word|Words|Expression)\b/;
const DEFINITIONS_TITLE = /\b(?:definitions?|interpretation|defined terms|glossary)\b/i;

/**
 * Finds the terms a contract defines: the "X" means and the parenthetical (the "X") styles anywhere,
 * the unquoted "X means ..." style at the start of a paragraph, and, inside a section titled
 * Definitions, Interpretation or Glossary, list entries ("X<TAB>the ...", "X: the ...") and table
 * rows whose first cell is the term. `sections` is optional: without it the section-only styles
 * are not read.
 */
export function findDefinedTerms(blocks: Block[], sections?: Section[]): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  const inDefinitions = sections ? definitionsSections(sections) : null;
  // Indexed loops: this runs once per model built in full, before it is optimised, where a for-of
  // loop allocates a result object per step (issue 13).
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const found = definedTermsInBlock(block, termsDependOnSection(block) && inDefinitions !== null && inDefinitions[block.section] === 1);
    for (let i = 0; i < found.length; i++) terms.push(found[i]);
  }
  return terms;
}

/**
 * sectionInDefinitions of every section, 1 or 0 by index: each title tested once, where each
 * paragraph walked up its sections testing every title on the way (issue 13, climodel). A section
 * whose parent does not come before it (no tree built here makes one) is asked directly.
 */
function definitionsSections(sections: Section[]): Uint8Array {
  const out = new Uint8Array(sections.length);
  for (let i = 1; i < sections.length; i++) {
    const parent = sections[i].parent;
    out[i] = (parent < i ? isDefinitionsTitle(sections[i].title) || (parent > 0 && out[parent] === 1) : sectionInDefinitions(i, sections)) ? 1 : 0;
  }
  return out;
}

/** Is the block inside a section (or sub-section of one) titled Definitions, Interpretation...? */
export function inDefinitionsSection(block: Block, sections?: Section[]): boolean {
  return sections ? sectionInDefinitions(block.section, sections) : false;
}

/** Is the section, or one above it, a definitions section? */
export function sectionInDefinitions(section: number, sections: Section[]): boolean {
  for (let i = section; i > 0; i = sections[i].parent) if (isDefinitionsTitle(sections[i].title)) return true;
  return false;
}

/** Does a section of this title hold definitions (Definitions, Interpretation, Glossary...)? */
export function isDefinitionsTitle(title: string): boolean {
  return DEFINITIONS_TITLE.test(title);
}

/** Does a block's kind let its terms depend on being in a definitions section? */
export function termsDependOnSection(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'tableRow';
}

/**
 * The terms one block defines, in the order findDefinedTerms lists them. A function of the block
 * alone and of `definitionsSection`, so the incremental model (model/docFacts.ts) keeps it per block.
 */
export function definedTermsInBlock(block: Block, definitionsSection: boolean): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  if (block.kind === 'code' || block.kind === 'html') return terms;
  // Starts already taken, as a set: a scan of every term per term was quadratic in their number.
  // Blocks cover disjoint stretches of the source, so a start can only repeat within one block.
  // Made at the first term (most blocks define none; issue 13, a first review's allocation).
  let starts: Set<number> | null = null;
  const text = foldQuotes(block.text);
  // Only paragraphs and table rows define terms without quotes: other blocks without one define
  // none, and return before the closure below is made.
  if (block.kind !== 'paragraph' && block.kind !== 'tableRow' && !text.includes('"') && !text.includes("'")) return terms;
  const add = (term: string, at: number, style: DefinedTerm['style']) => {
    const clean = term.trim();
    if (!clean || clean.length > 60) return;
    const start = block.sourceOffsets[at];
    if (starts === null) starts = new Set<number>();
    else if (starts.has(start)) return;
    starts.add(start);
    const sentence = block.sentences.find((s) => s.textStart <= at && at < s.textStart + s.text.length);
    terms.push({
      term: clean,
      span: { start, end: block.sourceOffsets[at + clean.length - 1] + 1 },
      definition: sentence?.text ?? block.text,
      block: block.index,
      style,
    });
  };
  if (text.includes('"')) {
    for (const m of text.matchAll(MEANS)) {
      add(m[1], m.index! + 1, 'means');
      // "Processing" or "Process" will have the meaning ...
      if (m[2]) add(m[2], m.index! + m[0].lastIndexOf('"' + m[2] + '"') + 1, 'means');
    }
    for (const m of text.matchAll(PAREN)) {
      const first = m.index! + m[0].indexOf('"' + m[1] + '"') + 1;
      add(m[1], first, 'parenthetical');
      if (m[2]) add(m[2], m.index! + m[0].lastIndexOf('"' + m[2] + '"') + 1, 'parenthetical');
    }
    if (INLINE_WORD.test(text)) for (const m of text.matchAll(INLINE)) add(m[1], m.index! + m[0].lastIndexOf('"' + m[1] + '"') + 1, 'inline');
    const is = IS_AT_START.exec(text);
    if (is) add(is[1], is.index + is[0].indexOf('"' + is[1] + '"') + 1, 'means');
  }
  if (closesQuoteInParens(text)) for (const m of text.matchAll(PAREN_SINGLE)) add(m[1], m.index! + m[0].indexOf("'") + 1, 'parenthetical');
  if (block.kind !== 'paragraph' && block.kind !== 'tableRow') return terms;
  if (block.kind === 'tableRow') {
    if (!definitionsSection) return terms;
    // | Business Day | a day other than ... |
    const m = /^\s*(\S[^|]*?)\s*\|\s*\S/.exec(text);
    if (m && new RegExp(`^${PHRASE}$`).test(m[1]) && !NOT_A_TERM.test(m[1])) add(m[1], m.index + m[0].indexOf(m[1]), 'list');
    return terms;
  }
  // A definitions block written one per line in one paragraph: each line that starts a definition
  // is read as its own, so that a term defined twice on neighbouring lines is seen twice.
  for (const at of definitionLineStarts(text)) {
    const line = text.slice(at, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
    // The three expressions below open at the line's start with a number, "(" or a capital: a line
    // opening otherwise (a quoted term, most often) runs none of them (issue 13, cold: 700 pattern
    // characters a cold run compiled for nothing).
    if (!opensTermLine(line.charCodeAt(0))) continue;
    const unquoted = includesAny(line, UNQUOTED_MEANS_WORDS) ? UNQUOTED_MEANS.exec(line) : null;
    if (unquoted && !NOT_A_TERM.test(unquoted[1])) {
      add(unquoted[1], at + unquoted.index + unquoted[0].indexOf(unquoted[1]), 'unquoted');
      continue;
    }
    const tab = line.includes('\t') ? TAB_ENTRY.exec(line) : null;
    if (tab && !NOT_A_TERM.test(tab[1])) {
      add(tab[1], at + tab.index + tab[0].indexOf(tab[1]), 'list');
      continue;
    }
    if (!definitionsSection) continue;
    const entry = LIST_ENTRY.exec(line);
    if (entry && !NOT_A_TERM.test(entry[1]) && !/\b(?:shall|will|must|may)\b/.test(entry[1])) {
      add(entry[1], at + entry.index + entry[0].indexOf(entry[1]), 'list');
    }
  }
  return terms;
}

/**
 * Word gates (issue 13, cold): every match of INLINE holds one of INLINE_WORDS (case-sensitive, as
 * the expression is), every match of UNQUOTED_MEANS one of UNQUOTED_MEANS_WORDS; test/model/cold-gates.test.ts
 * checks both lists against the expressions.
 */
export const INLINE_WORDS = ['each', 'together', 'collectively', 'jointly', 'individually', 'severally', 'hereinafter', 'referred', 'known', 'called'];
export const UNQUOTED_MEANS_WORDS = ['mean', 'refer'];
/**
 * The INLINE_WORDS gate as one search (no flags: the words as written, as `includes` finds them):
 * ten `includes` per block that holds a quote, most finding nothing, took half as long again over
 * cuad-dev's 6,172 such blocks (about 17 against 11 ms; issue 13, climodel).
 */
const INLINE_WORD = literalSearch(INLINE_WORDS);

/**
 * Whether a line may open UNQUOTED_MEANS, TAB_ENTRY or LIST_ENTRY: each opens with a clause number
 * (a digit, "(" or a letter or digit before "." or ")") or a phrase's capital, all ASCII letters,
 * digits or "(".
 */
export function opensTermLine(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 40;
}

/**
 * Whether PAREN_SINGLE may match: each match ends with a single quote, white space (a superset of
 * `\s` is skipped here) and ")".
 */
export function closesQuoteInParens(text: string): boolean {
  for (let i = text.indexOf("'"); i >= 0; i = text.indexOf("'", i + 1)) {
    let j = i + 1;
    while (j < text.length && isSpaceLike(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 41) return true;
  }
  return false;
}

/**
 * Where definitions may start in a paragraph: its first line, and each later line whose previous
 * line ends a definition (";", ".", ":", or "; and"). A hard-wrapped sentence continues mid-clause,
 * so its lines are not read as new definitions.
 */
function definitionLineStarts(text: string): number[] {
  const out = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const previous = text.slice(Math.max(0, nl - 12), nl);
    if (/(?:[;.:]|;\s*(?:and|or))\s*$/.test(previous)) out.push(nl + 1);
  }
  return out;
}
