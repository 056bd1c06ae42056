import { positionAt, type ContractModel, type Section } from '../model';
import { getClause, renderClause, DEFAULT_PARTY_NAMES, type PartyNames } from '../library';
import type { FixSpec } from '../rules/types';
import type { Range } from '../model';

export interface FixEdit {
  range: Range;
  newText: string;
}

export interface ComputedFix {
  title: string;
  edits: FixEdit[];
  /** newText uses snippet syntax (tab stops); only when the caller asked for snippets. */
  isSnippet: boolean;
}

/** How the document names its parties, for filling the clause placeholders. */
export function partyNames(model: ContractModel): PartyNames {
  const names = { ...DEFAULT_PARTY_NAMES };
  for (const role of ['supplier', 'customer'] as const) {
    const p = model.parties.find((x) => x.role === role && !x.legalName?.includes(x.alias)) ?? model.parties.find((x) => x.role === role);
    if (!p) continue;
    const cap = role === 'supplier' ? 'Supplier' : 'Customer';
    names[role] = p.takesArticle ? `the ${p.alias}` : p.alias;
    names[cap] = p.takesArticle ? `The ${p.alias}` : p.alias;
  }
  return names;
}

const SIGNATURE_LINE = /^(?:in witness whereof|signed (?:for and )?(?:on behalf of|by)|executed (?:as|by)|agreed and accepted|signatures?\b)/i;

/** Where the operative body ends: before signatures, schedules and annexes. */
export function mainBodyEnd(model: ContractModel): number {
  let end = model.text.length;
  const trailer = model.sections.find((s) => s.index > 0 && s.trailer && (s.parent === 0 || !model.sections[s.parent].trailer));
  if (trailer) end = Math.min(end, trailer.start);
  for (const b of model.blocks) {
    if (b.start >= end) break;
    if ((b.kind === 'paragraph' || b.kind === 'heading') && SIGNATURE_LINE.test(b.text.trim())) { end = b.start; break; }
  }
  return end;
}

function lineStartOf(model: ContractModel, offset: number): number {
  const pos = positionAt(model.lineStarts, offset);
  return model.lineStarts[pos.line];
}

function topLevelSections(model: ContractModel): Section[] {
  return model.sections.filter((s) => s.number && /^\d+$/.test(s.number) && !s.trailer);
}

/** Next free sub-clause number under a numbered section ("5" with 5.1-5.4 -> "5.5"). */
function nextChildNumber(model: ContractModel, section: Section): string | null {
  if (!section.number || !/^\d+(\.\d+)*$/.test(section.number)) return null;
  let max = 0;
  for (const s of model.sections) {
    if (s.start < section.start || s.start >= section.end || !s.number?.startsWith(section.number + '.')) continue;
    const rest = s.number.slice(section.number.length + 1);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  // Paragraphs numbered "5.1" that are not separate sections still count.
  const re = new RegExp(`(?:^|\\n)\\s*${section.number.replace(/\./g, '\\.')}\\.(\\d+)\\b`, 'g');
  for (const m of model.text.slice(section.start, section.end).matchAll(re)) max = Math.max(max, Number(m[1]));
  return `${section.number}.${max + 1}`;
}

/** Builds the text edits for one fix of a finding. Edits only insert, or replace the flagged words. */
export function computeFix(model: ContractModel, fix: FixSpec, opts: { snippet: boolean }): ComputedFix | null {
  if (fix.kind === 'replace') {
    return {
      title: fix.title,
      isSnippet: false,
      edits: [{ range: { start: positionAt(model.lineStarts, fix.span.start), end: positionAt(model.lineStarts, fix.span.end) }, newText: fix.replacement }],
    };
  }
  if (fix.kind === 'edits') {
    return {
      title: fix.title,
      isSnippet: false,
      edits: [...fix.edits].sort((a, b) => a.span.start - b.span.start).map((e) => ({
        range: { start: positionAt(model.lineStarts, e.span.start), end: positionAt(model.lineStarts, e.span.end) },
        newText: e.replacement,
      })),
    };
  }
  const clause = getClause(fix.clauseId);
  if (!clause) return null;
  const parties = partyNames(model);

  let offset: number;
  let number: string;
  let asSubClause = false;
  let headingDepth: number | null = model.usesMarkdownHeadings ? model.topSectionDepth ?? 2 : null;

  const under = fix.underSection !== undefined ? model.sections[fix.underSection] : undefined;
  const childNumber = under ? nextChildNumber(model, under) : null;
  if (under && childNumber && !under.trailer) {
    // Add to the related clause, as its next sub-clause, at its end.
    offset = under.end;
    number = childNumber;
    asSubClause = true;
    const depth = under.kind === 'heading' ? model.blocks[under.headingBlock].depth ?? null : null;
    headingDepth = depth && model.usesMarkdownHeadings ? Math.min(6, depth + 1) : null;
  } else {
    offset = mainBodyEnd(model);
    const tops = topLevelSections(model).filter((s) => s.start < offset);
    number = String(tops.reduce((m, s) => Math.max(m, Number(s.number)), 0) + 1);
  }
  offset = offset >= model.text.length ? model.text.length : lineStartOf(model, offset);

  let text = renderClause(clause, { number, parties, snippet: opts.snippet, headingDepth, asSubClause });
  // Keep a blank line on both sides without touching the user's own text.
  const before = model.text.slice(0, offset);
  const lead = before.length === 0 || /\r?\n\r?\n$/.test(before) ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = offset < model.text.length ? '\n' : '';
  text = lead + text + trail;
  // Keep the document's own line endings.
  if (model.text.includes('\r\n')) text = text.replace(/\r?\n/g, '\r\n');
  const pos = positionAt(model.lineStarts, offset);
  return { title: fix.title, isSnippet: opts.snippet, edits: [{ range: { start: pos, end: pos }, newText: text }] };
}
