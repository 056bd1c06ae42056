/**
 * The parsed contract model. Built once per document version (see buildContractModel) and shared,
 * read-only, by every category assessor and rule. All offsets are UTF-16 code-unit offsets into the
 * document text, so they map one-to-one onto LSP positions.
 */

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A half-open span [start, end) of source offsets. */
export interface Span { start: number; end: number }

export type BlockKind = 'heading' | 'paragraph' | 'tableRow' | 'code' | 'html';

/** A leaf block of text (heading, paragraph, table row...), with its Markdown markup removed. */
export interface Block extends Span {
  index: number;
  kind: BlockKind;
  /** Plain text: inline markup removed, soft line breaks kept as '\n'. */
  text: string;
  /** sourceOffsets[i] is the source offset of text[i]; one extra entry for text.length. */
  sourceOffsets: Int32Array;
  /** Markdown heading depth (1-6) when kind is 'heading'. */
  depth?: number;
  /** Inside a blockquote: quoted material, not the parties' own words. */
  quoted: boolean;
  /** Number given by an ordered-list marker around this block (first paragraph of the item only). */
  listNumber?: string;
  /** Index of the innermost section holding this block. */
  section: number;
  sentences: Sentence[];
}

/**
 * A sentence of a block. It holds no document offset and no block index, only positions relative
 * to its block, so a block that an edit only moved keeps its sentence objects: the previous model
 * (still answering requests in the language server) and the next one share them (issue 13). Its
 * source span in a model is [block.start + from, block.start + to): see sentenceSpan.
 */
export interface Sentence {
  /** Offset of the sentence inside block.text. */
  textStart: number;
  text: string;
  /** Source offset of the sentence's first character, less block.start. */
  from: number;
  /** Source offset just past its last character, less block.start. */
  to: number;
}

export type SectionKind = 'root' | 'heading' | 'numbered' | 'caps';

export interface Section extends Span {
  index: number;
  parent: number;
  children: number[];
  kind: SectionKind;
  /** Nesting depth; the root is 0. */
  level: number;
  /** Clause number as written, without trailing dot: "12", "4.2", "A". */
  number?: string;
  /** Heading or clause title ("Governing Law"); empty for untitled numbered paragraphs. */
  title: string;
  /** Block that opens the section (heading or numbered paragraph); -1 for the root. */
  headingBlock: number;
  /** Span of the title (or of the opening line when there is no title). */
  titleSpan: Span;
  /** Blocks [firstBlock, lastBlock) covered by the section and its descendants. */
  firstBlock: number;
  lastBlock: number;
  /** True for a signature block, schedule, annex, exhibit or appendix. */
  trailer: 'signature' | 'schedule' | null;
}

export interface DefinedTerm {
  term: string;
  /** Span of the term itself (without quotes) where it is defined. */
  span: Span;
  /** The sentence that defines it. */
  definition: string;
  block: number;
  /**
   * How it is defined: '"X" means', '(the "X")', in passing ('each a "Party"', 'hereinafter
   * "Licensee"'), unquoted 'X means' at the start of a paragraph, or an entry of a definitions list
   * or table ("X<TAB>the ...", "| X | the ... |").
   */
  style: 'means' | 'parenthetical' | 'inline' | 'unquoted' | 'list';
}

export type PartyRole = 'supplier' | 'customer' | 'unknown';

export interface Party {
  /** Defined name used in the text ("Supplier", "Datec"). */
  alias: string;
  /** Full legal name when known ("Tailspin Systems Limited"). */
  legalName?: string;
  role: PartyRole;
  /** True when the alias is a role word ("Supplier") that takes "the". */
  takesArticle: boolean;
}

// The front matter's settings (read and checked in front-matter.ts).
export type FrontMatterClausePosition = 'customer' | 'balanced' | 'supplier';

/** A party named in front matter: its name as the text uses it, or its legal name and that alias. */
export type FrontMatterParty = string | { name?: string; alias?: string };

/** What a document's front matter decides for its own review; only values that passed the schema. */
export interface FrontMatterSettings {
  /** `clausewise: true|false` or `clausewise: { review: true|false }`: review it (or not) whatever it reads like. */
  review?: boolean;
  /** `profiles: [...]`, or a single `profile` (either key takes one id or a list). */
  profiles?: string[];
  clausePosition?: FrontMatterClausePosition;
  /** Files that are part of this contract (schedules, annexes), relative to its folder. */
  bundle?: string[];
  /** `clausewise.parties`, else a top-level `parties` key. */
  parties?: { supplier?: FrontMatterParty; customer?: FrontMatterParty };
}

/** A mistake in the `clausewise:` key: the document line (1-based) and what to do. */
export interface FrontMatterProblem {
  line: number;
  /** "front matter line 4: clausewise.clausePosition: must be one of ...; the value is ignored". */
  message: string;
}

/** A document's front matter, read from its YAML block (model/front-matter.ts reads it). */
export interface FrontMatter {
  frontMatter: Record<string, unknown> | null;
  /** Span of the front matter block, including its fences. */
  frontMatterSpan: Span | null;
  /** Invalid YAML, or YAML that is not a mapping: the whole front matter is then ignored (reported, never thrown). */
  frontMatterError: string | null;
  /** What the front matter's `clausewise:` key decides, validated. */
  frontMatterSettings: FrontMatterSettings;
  /** Invalid values in the `clausewise:` key, with their lines; those values are ignored. */
  frontMatterProblems: FrontMatterProblem[];
  /** Document line (1-based) of each `clausewise` value by dotted path ("profiles", "profiles[1]"). */
  frontMatterLines: Record<string, number>;
}

export interface ContractModel extends FrontMatter {
  text: string;
  version: number;
  lineStarts: number[];
  title: string;
  /** Where document-level findings are anchored: the title, else the first line of content. */
  titleSpan: Span;
  blocks: Block[];
  sections: Section[];
  definedTerms: DefinedTerm[];
  parties: Party[];
  // No list of cross-references ("clause 4.2", "Schedule 3"): drafting/xrefs.ts finds and resolves
  // them once per model for every reader. A second, simpler list here was built for every document
  // and moved on every keystroke, and nothing read it (issue 13).
  /** Does the document use Markdown headings for its sections (rather than plain numbered text)? */
  usesMarkdownHeadings: boolean;
  /** Markdown heading depth of the top-level numbered sections, when headings are used. */
  topSectionDepth: number | null;
  /**
   * Set when the text could not be read into a model (the model is then empty): a short reason
   * for the user, never an exception's text. The review reports it as one `not-analysed` finding.
   */
  notAnalysed?: string;
}
