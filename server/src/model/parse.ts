import { endsWithAsciiFolded } from '../convert/formats';
import { parsePlainText } from './plain';
import type { Block, ContractModel, Section, Span } from './types';
import { parseMarkdown } from './markdown';
import { buildSections, reusedSections, sectionChangesOfTree } from './sections';
import { buildSentencesOfBlocks } from './sentences';
import { findDefinedTerms } from './definedTerms';
import { findParties, type RoleWordCounts } from './parties';
import { keptDefinedTerms, keptSectionStarts, type BlockDocFacts, type ModelReuse } from './docFacts';
import { computeLineStarts } from './lineIndex';
import { isMostlyUpper, titleCase } from './text';
import { noFrontMatter, readFrontMatter, type FrontMatter } from './front-matter';
import type { OffsetBlock } from './offsetBlock';
import { setTextCaches } from './text-caches';

export { readFrontMatter, type FrontMatter };

export type TextFormat = 'markdown' | 'plain';

/** The format a path implies: plain text for .txt (never parsed as Markdown), Markdown otherwise. */
export function formatOfPath(path: string | undefined): TextFormat {
  return path && (endsWithAsciiFolded(path, '.txt') || endsWithAsciiFolded(path, '.text')) ? 'plain' : 'markdown';
}


/**
 * Parses a Markdown (or plain-text) contract into the shared model. Never throws on content: a text
 * that cannot be read (a defect of ours, or a parser library giving up) yields an empty model that
 * says why, so one bad file costs its own findings and nothing else.
 */
export function buildContractModel(text: string, version = 0, format: TextFormat = 'markdown'): ContractModel {
  try {
    return readModel(text, version, format);
  } catch (e) {
    return unreadableModel(text, version, unreadReason(e));
  }
}

/** Why a text could not be read, in words for the user (the exception's text stays internal). */
function unreadReason(e: unknown): string {
  if (e instanceof RangeError) return 'the text nests or repeats Markdown markup too deeply to be read';
  return 'an internal error stopped the reading of the text';
}

/** The front matter part of a model, as the incremental parse carries it from one version to the next. */
export function frontMatterOf(model: ContractModel): FrontMatter {
  const { frontMatter, frontMatterSpan, frontMatterError, frontMatterSettings, frontMatterProblems, frontMatterLines } = model;
  return { frontMatter, frontMatterSpan, frontMatterError, frontMatterSettings, frontMatterProblems, frontMatterLines };
}

/** The empty model of a text that could not be read, saying why. */
export function unreadableModel(text: string, version: number, reason: string): ContractModel {
  return {
    text, version, lineStarts: computeLineStarts(text), ...noFrontMatter(),
    title: '', titleSpan: { start: 0, end: 0 }, blocks: [],
    sections: buildSections([], text, false),
    definedTerms: [], parties: [], usesMarkdownHeadings: false, topSectionDepth: null,
    notAnalysed: reason,
  };
}

function readModel(text: string, version: number, format: TextFormat): ContractModel {
  // A model built here is built once and never edited (review(), the CLI, a bundle's other files):
  // the caches keyed by text (text-caches.ts) would only cost, a copy of every chunk's and block's
  // text and an entry each that the collector then copies, about a tenth of the model of a 1 MB
  // contract. The language server's models, which later edits read, are built by
  // model/incremental.ts (fullModelState), which keeps filling them.
  const caching = setTextCaches(false);
  try {
    const parsed = format === 'plain' ? { blocks: parsePlainText(text), yaml: null } : parseMarkdown(text);
    // The parsers' blocks are fresh objects (never their caches'): completed in place, not copied.
    const blocks = parsed.blocks as Block[];
    for (let i = 0; i < blocks.length; i++) blocks[i].section = 0;
    buildSentencesOfBlocks(blocks);
    return assembleModel(text, version, blocks, readFrontMatter(parsed.yaml));
  } finally {
    setTextCaches(caching);
  }
}

/**
 * The document-level part of the model, built from its blocks (each with its sentences). Shared by
 * the full parse and the incremental one (model/incremental.ts), so both give the same model. With
 * `kept` (one BlockDocFacts per block, as the incremental model holds them), what each block
 * contributes is looked up rather than read again; the combination is the same code either way.
 */
export function assembleModel(text: string, version: number, blocks: Block[], fm: FrontMatter, lineStarts = computeLineStarts(text), kept?: BlockDocFacts[], reuse?: ModelReuse, roleWords?: RoleWordCounts): ContractModel {
  const { frontMatter, frontMatterSpan } = fm;
  let headings = 0;
  for (let i = 0; i < blocks.length && headings < 2; i++) if (blocks[i].kind === 'heading' && !blocks[i].quoted) headings++;
  const usesMarkdownHeadings = headings >= 2;

  // A spliced model takes the previous section tree over when the edit opened, closed or renamed no section (model/sections.ts).
  const reused = kept && reuse ? reusedSections(blocks, text, usesMarkdownHeadings, keptSectionStarts(kept), reuse) : null;
  // The blocks before the edit are the previous model's objects (model/incremental.ts); a tree built
  // afresh assigns block.section, so they are copied first and the previous model keeps its own.
  if (reuse && !reused) for (let i = 0; i < reuse.firstBlock; i++) blocks[i] = (blocks[i] as OffsetBlock).movedTo(i, blocks[i].start);
  const sections = reused ?? (kept ? buildSections(blocks, text, usesMarkdownHeadings, keptSectionStarts(kept)) : buildSections(blocks, text, usesMarkdownHeadings));
  // Terms of a spliced model are the previous ones but for the re-parsed blocks (model/docFacts.ts).
  const definedTerms = kept ? keptDefinedTerms(blocks, sections, kept, reused ? reuse : undefined) : findDefinedTerms(blocks, sections);
  const parties = findParties(blocks, definedTerms, fm.frontMatterSettings.parties, text, roleWords);

  const { title, titleSpan } = findTitle(blocks, frontMatter, frontMatterSpan, text);

  // The heading depth used by top-level numbered sections ("## 7. Term"), so inserted sections match.
  // A section tree taken over has the previous one's kinds, trailers and heading depths, and its
  // numbers but for the renumbered sections: the same answer unless one of those joined or left the
  // numbered headings it is counted over.
  const topSectionDepth = reused && reuse ? keptTopDepth(reused, blocks, reuse) : topDepthOf(sections, blocks);

  return {
    text, version, lineStarts, ...fm, title, titleSpan,
    blocks, sections, definedTerms, parties, usesMarkdownHeadings, topSectionDepth,
  };
}

/** A top-level numbered heading, as topDepthOf counts them. */
function topNumberedHeading(s: Section): boolean {
  return s.kind === 'heading' && !!s.number && !s.number.includes('.') && !s.trailer;
}

/**
 * Per section tree, when it has top-level numbered headings: how many there are of each heading
 * depth (what topDepthOf counts), handed on to the trees taken over from it.
 */
const topDepthCounts = new WeakMap<Section[], Map<number, number>>();

/** The depth counted most often (the shallower on a tie). */
function mostCounted(counts: Map<number, number>): number {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/**
 * topDepthOf for a tree taken over (model/sections.ts): the previous answer while each renumbered
 * section is a top-level numbered heading exactly when it was; otherwise the previous counts with
 * those sections moved in or out (a number typed into "## 7. Term"), not every section again.
 */
function keptTopDepth(sections: Section[], blocks: Block[], reuse: ModelReuse): number | null {
  const renumbered = sectionChangesOfTree(sections)?.renumbered ?? [];
  const was = reuse.sections;
  const counts = topDepthCounts.get(was);
  let changed: Map<number, number> | null = null;
  for (const i of renumbered) {
    const before = topNumberedHeading(was[i]);
    if (before === topNumberedHeading(sections[i])) continue;
    if (!counts) return topDepthOf(sections, blocks);
    changed ??= new Map(counts);
    const d = blocks[sections[i].headingBlock].depth ?? 2;
    const n = (changed.get(d) ?? 0) + (before ? -1 : 1);
    if (n > 0) changed.set(d, n);
    else changed.delete(d);
  }
  if (!changed) {
    if (counts) topDepthCounts.set(sections, counts);
    return reuse.topSectionDepth;
  }
  // No numbered heading left: topDepthOf counts other headings instead.
  if (changed.size === 0) return topDepthOf(sections, blocks);
  topDepthCounts.set(sections, changed);
  return mostCounted(changed);
}

function topDepthOf(sections: Section[], blocks: Block[]): number | null {
  let topSectionDepth: number | null = null;
  const numberedHeadings = sections.filter(topNumberedHeading);
  const pool = numberedHeadings.length ? numberedHeadings : sections.filter((s) => s.kind === 'heading' && (blocks[s.headingBlock].depth ?? 1) > 1);
  if (pool.length) {
    const counts = new Map<number, number>();
    for (const s of pool) {
      const d = blocks[s.headingBlock].depth ?? 2;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    topSectionDepth = mostCounted(counts);
    if (numberedHeadings.length) topDepthCounts.set(sections, counts);
  }
  return topSectionDepth;
}

function findTitle(blocks: Block[], fm: Record<string, unknown> | null, fmSpan: Span | null, text: string): { title: string; titleSpan: Span } {
  const h1 = blocks.find((b) => b.kind === 'heading' && b.depth === 1 && !b.quoted);
  const firstContent = blocks.find((b) => b.kind !== 'html' && b.kind !== 'code' && b.text.trim().length > 0);
  const lineSpan = (b: Block): Span => {
    const nl = b.text.indexOf('\n');
    const endIdx = nl === -1 ? b.text.length : nl;
    return { start: b.start, end: endIdx > 0 ? b.sourceOffsets[endIdx - 1] + 1 : b.start };
  };
  const fmTitle = fm && typeof fm.title === 'string' ? fm.title.trim() : '';
  if (h1) return { title: fmTitle || h1.text.trim(), titleSpan: lineSpan(h1) };
  // Plain text: the first agreement-like line among the first few blocks, else the first upper-case
  // line that is not a filing label ("EXHIBIT 10.46").
  const candidates = blocks.slice(0, 12).map((b) => ({ b, line: b.text.split('\n')[0].trim() }))
    .filter(({ line }) => line && line.length <= 120 && line.split(/\s+/).length <= 14 && !/^(?:exhibit|schedule|annex|appendix|attachment)\s+[\w.-]+$/i.test(line));
  const pick = candidates.find(({ line }) => /\b(agreement|contract|statement of work|terms)\b/i.test(line)) ?? candidates.find(({ line }) => isMostlyUpper(line));
  if (pick) return { title: fmTitle || titleCase(pick.line.replace(/\s+/g, ' ')), titleSpan: lineSpan(pick.b) };
  if (firstContent) return { title: fmTitle || firstContent.text.split('\n')[0].trim().slice(0, 80), titleSpan: lineSpan(firstContent) };
  const start = fmSpan ? Math.min(text.length, fmSpan.end) : 0;
  return { title: fmTitle, titleSpan: { start, end: start } };
}
