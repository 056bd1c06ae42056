// Where an inserted model clause goes. A clause lands in the operative body (never after the
// signatures, the execution date, the rule that opens the signatures, or a schedule/annex); it nests
// only under a top-level section on its own topic (so at most three numbering levels: 5 / 5.5 / 5.5.1);
// otherwise it becomes a new top-level section placed before "General"/"Miscellaneous", with the
// sections after it renumbered.
import { buildContractModel, type ContractModel, type Section, type Span } from '../model';
import type { CategoryId } from '../categories/types';
import type { Clause } from '../library';
import { numberingIssues, renumberPlan } from '../drafting/numbering';

const SIGNATURE_LINE = /^(?:in witness whereof|as witness|signed (?:for and )?(?:on behalf of|by)|executed (?:as|by|on)|agreed and accepted|for and on behalf of|signatures?\b|this agreement has been (?:entered into|executed|signed) on)/i;
// Lines of a signature or execution block: "Date: ____", "Name: ____", "By: ____", "Dated: 1 May 2025".
const EXECUTION_FIELD = /^(?:dated?|name|title|signature|signed|by|position|witness)\s*:/i;
const ATTACHMENT_LINE = /^(?:schedule|annex|appendix|exhibit|attachment)\s+(?:[0-9]+|[A-Z]|[IVX]+)\b/i;
const HORIZONTAL_RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BOILERPLATE_TITLE = /^(?:general(?: provisions| terms)?|miscellaneous(?: provisions)?|boilerplate)$/i;

/** Heading words that show a section is on a category's topic. */
const TOPICS: Record<CategoryId, RegExp> = {
  sla: /service levels?|\bslas?\b|availability|service credits?|performance/i,
  deliverables: /deliverables?|milestones?|acceptance|implementation|project|scope|^(?:the )?services$/i,
  security: /security|cyber/i,
  'breach-notification': /security|breach|incidents?/i,
  'data-protection': /data|privacy|gdpr/i,
  communication: /governance|contract manage|relationship|communications?|contacts?|meetings?|reporting|reports|escalation/i,
  'performance-monitoring': /performance|monitoring|reviews?|governance|reporting/i,
  'due-diligence': /personnel|staff|warrant|supplier obligations/i,
  'audit-rights': /audit|inspection|records|regulat/i,
  exit: /exit|transition|handover|consequences of (?:expiry|termination)/i,
  confidentiality: /confidential/i,
  'limitation-of-liability': /liabilit/i,
  indemnity: /indemn/i,
  insurance: /insurance/i,
  'ip-ownership': /intellectual property|\bip\b|ownership/i,
  subcontracting: /sub-?contract/i,
  'business-continuity': /continuity|disaster|resilience|force majeure/i,
  'change-control': /change control|changes?\b|variation/i,
  'dispute-resolution': /disputes?/i,
  'governing-law': /governing law|jurisdiction/i,
  'term-termination': /\bterm\b|termination|duration/i,
  payment: /charges|payments?|fees|invoic|price/i,
};

/** Does a section title show the section is about this clause's subject? */
export function onTopic(title: string, clause: Pick<Clause, 'category' | 'title'> & { topics?: string[] }): boolean {
  if (!title) return false;
  if (TOPICS[clause.category]?.test(title)) return true;
  const t = title.toLowerCase();
  return (clause.topics ?? []).some((w) => t.includes(w.toLowerCase()));
}

/** Keeps a blank line on both sides of an insert without touching the user's own text. */
export function withBlankLines(doc: string, offset: number, text: string): string {
  const before = doc.slice(0, offset);
  const lead = before.length === 0 || /\r?\n\r?\n$/.test(before) ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = offset < doc.length ? '\n' : '';
  return lead + text + trail;
}

function lineStart(text: string, offset: number): number {
  // lastIndexOf clamps a negative start to 0, so offset 0 of a text opening with "\n" would give 1
  // (and mainBodyEnd's walk back over blank lines never ended).
  if (offset <= 0) return 0;
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Top-level numbered sections ("1", "12"), in document order. */
export function topLevelSections(model: ContractModel): Section[] {
  return model.sections.filter((s) => s.number && /^\d+$/.test(s.number) && !s.trailer);
}

/**
 * Where the operative body ends: the start of the signature block, the execution lines, the
 * horizontal rule that opens them, or the first schedule or annex, whichever comes first.
 */
export function mainBodyEnd(model: ContractModel): number {
  let end = model.text.length;
  const trailer = model.sections.find((s) => s.index > 0 && s.trailer && (s.parent === 0 || !model.sections[s.parent].trailer));
  if (trailer) end = Math.min(end, trailer.start);
  // Execution lines and attachment titles only count after the first clause: a preamble may say "dated".
  const firstClause = topLevelSections(model)[0]?.start ?? model.sections.find((s) => s.index > 0 && s.kind !== 'root')?.start ?? 0;
  for (const b of model.blocks) {
    if (b.start >= end) break;
    if (b.start <= firstClause) continue;
    const t = b.text.trim();
    const firstLine = t.split('\n')[0];
    if (SIGNATURE_LINE.test(t) || EXECUTION_FIELD.test(firstLine) || (ATTACHMENT_LINE.test(firstLine) && firstLine.length < 90 && !/[.;]$/.test(firstLine))) {
      end = b.start;
      break;
    }
  }
  if (end >= model.text.length) return model.text.length;
  // Step back over blank lines and horizontal rules (and a "Signatures" heading) that open the block.
  let at = lineStart(model.text, end);
  for (;;) {
    if (at === 0) break;
    const prev = lineStart(model.text, at - 1);
    const line = model.text.slice(prev, at).replace(/\r?\n$/, '');
    if (line.trim() === '' || HORIZONTAL_RULE.test(line)) { at = prev; continue; }
    break;
  }
  // Keep the blank line after the last clause: insert at the start of the first rule or blank line.
  return Math.max(at, firstClause);
}

export interface Placement {
  /** Offset (a line start, or the text end) where the clause is inserted. */
  offset: number;
  /** Number of the inserted clause ("14", or "5.5" as a sub-clause). */
  number: string;
  asSubClause: boolean;
  /** Markdown heading depth of the inserted heading, or null for a plain numbered line. */
  headingDepth: number | null;
  /** Renumbering of the sections after the insertion point, in the original text's offsets. */
  renumber: Array<{ span: Span; replacement: string }>;
  /** What the renumbering covers, for the fix title ("11–13 as 12–14"). */
  renumberedRange?: string;
  /** The top-level section the clause joins as a sub-clause. */
  parent?: Section;
}

function topAncestor(model: ContractModel, s: Section): Section | null {
  let cur: Section | null = s;
  while (cur && cur.index > 0) {
    if (cur.number && /^\d+$/.test(cur.number) && !cur.trailer) return cur;
    cur = cur.parent >= 0 ? model.sections[cur.parent] : null;
  }
  return null;
}

/** Next free sub-clause number under a top-level section ("5" with 5.1-5.4 -> "5.5"). */
function nextChildNumber(model: ContractModel, section: Section): string {
  let max = 0;
  for (const s of model.sections) {
    if (s.start < section.start || s.start >= section.end || !s.number?.startsWith(section.number + '.')) continue;
    const rest = s.number.slice(section.number!.length + 1);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  // Paragraphs numbered "5.1" that are not separate sections still count.
  const re = new RegExp(`(?:^|\\n)[ \\t#*]*${section.number!.replace(/\./g, '\\.')}\\.(\\d+)\\b`, 'g');
  for (const m of model.text.slice(section.start, section.end).matchAll(re)) max = Math.max(max, Number(m[1]));
  return `${section.number}.${max + 1}`;
}

/** Chooses where and how a clause is inserted. `render` builds the clause text for a trial insert (renumbering). */
export function placeClause(
  model: ContractModel,
  clause: Pick<Clause, 'category' | 'title'> & { topics?: string[] },
  underSection: number | undefined,
  render: ((p: Omit<Placement, 'renumber' | 'offset'>) => string) | null,
): Placement {
  const bodyEnd = mainBodyEnd(model);
  const markdownDepth = model.usesMarkdownHeadings ? model.topSectionDepth ?? 2 : null;
  const tops = topLevelSections(model).filter((s) => s.start < bodyEnd);

  // 1. Under the related section, when it is a top-level section on the same topic.
  const under = underSection !== undefined ? model.sections[underSection] : undefined;
  const related = under && !under.trailer && under.start < bodyEnd ? topAncestor(model, under) : null;
  // Else the first top-level section whose title is on the clause's topic.
  const parent = related && onTopic(related.title, clause) ? related : tops.find((s) => !BOILERPLATE_TITLE.test(s.title.trim()) && onTopic(s.title, clause));
  if (parent) {
    const depth = parent.kind === 'heading' ? model.blocks[parent.headingBlock]?.depth ?? null : null;
    const end = Math.min(parent.end, bodyEnd);
    return {
      offset: end >= model.text.length ? model.text.length : lineStart(model.text, end),
      number: nextChildNumber(model, parent),
      asSubClause: true,
      headingDepth: depth && model.usesMarkdownHeadings ? Math.min(6, depth + 1) : null,
      renumber: [],
      parent,
    };
  }

  // 2. A new top-level section, before the boilerplate section when there is one.
  const next = String(tops.reduce((m, s) => Math.max(m, Number(s.number)), 0) + 1);
  const atEnd: Placement = {
    offset: bodyEnd >= model.text.length ? model.text.length : lineStart(model.text, bodyEnd),
    number: next, asSubClause: false, headingDepth: markdownDepth, renumber: [],
  };
  const general = tops.find((s) => BOILERPLATE_TITLE.test(s.title.trim()));
  if (!general || !render) return atEnd;
  const offset = lineStart(model.text, general.start);
  const number = general.number!;
  const inserted = withBlankLines(model.text, offset, render({ number, asSubClause: false, headingDepth: markdownDepth }));
  const plan = renumberAfterInsert(model, offset, inserted, number);
  if (!plan) return atEnd;
  return { offset, number, asSubClause: false, headingDepth: markdownDepth, renumber: plan.edits, renumberedRange: plan.range };
}

/**
 * Renumbers the sections that follow an inserted top-level section: builds the text with the insert,
 * asks the numbering checker for the duplicate it now finds, and maps its renumbering plan back onto
 * the original text (edits before the insert keep their offsets; edits after it shift back).
 */
function renumberAfterInsert(model: ContractModel, offset: number, inserted: string, number: string): { edits: Array<{ span: Span; replacement: string }>; range: string } | null {
  const text = model.text.slice(0, offset) + inserted + model.text.slice(offset);
  const trial = buildContractModel(text, model.version);
  const issue = numberingIssues(trial).find((i) => i.problem === 'duplicate' && i.section.number === number && i.section.start >= offset + inserted.length);
  if (!issue) return null;
  const plan = renumberPlan(trial, issue);
  if (!plan) return null;
  const edits: Array<{ span: Span; replacement: string }> = [];
  for (const e of plan.edits) {
    if (e.span.start >= offset && e.span.start < offset + inserted.length) continue; // inside the new clause: not user text
    const shift = e.span.start >= offset + inserted.length ? inserted.length : 0;
    edits.push({ span: { start: e.span.start - shift, end: e.span.end - shift }, replacement: e.replacement });
  }
  if (!edits.length) return null;
  const range = plan.from === plan.to ? `${plan.from} as ${plan.fromNew}` : `${plan.from}\u2013${plan.to} as ${plan.fromNew}\u2013${plan.toNew}`;
  const refs = plan.references ? ` and ${plan.references} cross-reference${plan.references === 1 ? '' : 's'}` : '';
  return { edits, range: range + refs };
}
