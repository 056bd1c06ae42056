import { positionAt, type ContractModel, type Section } from '../model';
import { placeClause, withBlankLines } from './placement';
import { definitionInsertion } from '../drafting/definitions';
import { fitPartyWord } from '../library/terms';
import { definitionsNeeded, getClause, renderClause, thresholdValues, DEFAULT_PARTY_NAMES, POSITION_LABELS, type ClausePosition, type DocumentTerms, type PartyNames } from '../library';
import type { FixSpec, Thresholds } from '../rules/types';
import type { Range } from '../model';
import { sourceSpanOf } from '../drafting/offsets';

export interface FixEdit {
  range: Range;
  newText: string;
  /** An insert fix's edit that rewrites words its title names (vague words, renumbered clauses). */
  replaces?: true;
  /** An insert fix's edit that adds definitions to the document's definitions clause (plain text, never a snippet). */
  definitions?: true;
}

export interface ComputedFix {
  title: string;
  edits: FixEdit[];
  /** newText uses snippet syntax (tab stops); only when the caller asked for snippets. */
  isSnippet: boolean;
}

/** The document's defined terms, and what it calls itself ("this Agreement"), for fitting a clause's terms. */
export function documentTerms(model: ContractModel): DocumentTerms {
  const self = /\b[Tt]his (Agreement|Contract|Deed)\b/.exec(model.text)?.[1];
  return { defined: model.definedTerms.map((t) => t.term), selfReference: self };
}

function occurrences(text: string, word: string): number {
  return text.split(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)).length - 1;
}

/** How the document names its parties, for filling the clause placeholders: the name it uses most. */
export function partyNames(model: ContractModel): PartyNames {
  const names = { ...DEFAULT_PARTY_NAMES };
  for (const role of ['supplier', 'customer'] as const) {
    const candidates = model.parties.filter((x) => x.role === role);
    const p = [...candidates].sort((a, b) => occurrences(model.text, b.alias) - occurrences(model.text, a.alias))[0];
    if (!p) continue;
    const cap = role === 'supplier' ? 'Supplier' : 'Customer';
    names[role] = p.takesArticle ? `the ${p.alias}` : p.alias;
    names[cap] = p.takesArticle ? `The ${p.alias}` : p.alias;
  }
  return names;
}

/** Builds the text edits for one fix of a finding. Edits only insert, or replace the flagged words. */
export interface FixOptions {
  snippet: boolean;
  /** Playbook thresholds: they supply the defaults of the clause's variables. */
  thresholds?: Thresholds;
  /** Insert only (the clause picker): no renumbering and no amendment of other clauses. */
  insertOnly?: boolean;
  /** The finding's flagged words: vague timing inside them is pointed at the new clause. */
  flagged?: { start: number; end: number };
  /** The clause's position to insert (default balanced); when given, the title names it. */
  position?: ClausePosition;
}

export function computeFix(model: ContractModel, fix: FixSpec, opts: FixOptions): ComputedFix | null {
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
  const crlf = model.text.includes('\r\n');

  const terms = documentTerms(model);
  const values = thresholdValues(clause, opts.thresholds as Record<string, number | undefined> | undefined);
  let definedElsewhere: string[] = [];
  const render = (p: { number: string; asSubClause: boolean; headingDepth: number | null }, snippet: boolean) =>
    renderClause(clause, { number: p.number, parties, snippet, headingDepth: p.headingDepth, asSubClause: p.asSubClause, values, terms, position: opts.position, definedElsewhere });
  const place = placeClause(model, clause, opts.insertOnly ? undefined : fix.underSection, opts.insertOnly ? null : (p) => render(p, false));
  const offset = place.offset >= model.text.length ? model.text.length : lineStartOf(model, place.offset);
  // Glossary terms the document lacks go into its own definitions clause when it has one in the
  // "means" style, before the insert (the clause picker keeps them in the clause: it inserts one edit).
  const definitionEdits = opts.insertOnly ? [] : definitionsClauseEdits(model, definitionsNeeded(clause, { number: place.number, parties, snippet: false, headingDepth: null, values, terms, position: opts.position }), terms, offset);
  if (definitionEdits.length) definedElsewhere = definitionEdits.flatMap((e) => e.terms);

  let text = withBlankLines(model.text, offset, render(place, opts.snippet));
  // Keep the document's own line endings.
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  const pos = positionAt(model.lineStarts, offset);
  const edits: FixEdit[] = [{ range: { start: pos, end: pos }, newText: text }];
  let title = opts.position ? `${fix.title}, ${POSITION_LABELS[opts.position]} position` : fix.title;

  // The category's existing clause has vague timing ("promptly"): point it at the new clause instead
  // of leaving two contradicting duties side by side.
  const vague = fix.underSection !== undefined && !opts.insertOnly && opts.flagged ? vagueTimingIn(model, model.sections[fix.underSection], offset) : null;
  const amend = vague && opts.flagged && vague.start >= opts.flagged.start && vague.end <= opts.flagged.end ? vague : null;
  const ref = `clause ${place.number}`;
  if (amend) {
    const replacement = `as ${ref} requires`;
    edits.push({ range: rangeOf(model, amend), newText: replacement, replaces: true });
    title = `Replace "${model.text.slice(amend.start, amend.end)}" with "${replacement}" and insert clause: ${clause.title}${opts.position ? `, ${POSITION_LABELS[opts.position]} position` : ''}`;
  }
  for (const d of definitionEdits) edits.push({ range: rangeOf(model, d.span), newText: crlf ? d.text.replace(/\r?\n/g, '\r\n') : d.text, definitions: true });
  if (definitionEdits.length) {
    const names = definitionEdits.flatMap((e) => e.terms).map((t) => `"${t}"`);
    title = `${title} (defines ${names.join(', ')} in the definitions)`;
  }
  for (const r of place.renumber) edits.push({ range: rangeOf(model, r.span), newText: r.replacement, replaces: true });
  if (place.renumber.length) title = `${title} (renumbers ${place.renumberedRange})`;
  // The insert stays the first edit (the clause picker uses it alone).
  return { title, isSnippet: opts.snippet, edits };
}

/**
 * Edits that add each needed definition, alphabetically placed in the document's definitions clause
 * and in its style; none unless every one of them fits there before the insert (so the clause never
 * uses a term defined after it, and never half its terms in one place and half in another).
 */
function definitionsClauseEdits(model: ContractModel, needed: Array<{ term: string; definition: string }>, terms: DocumentTerms, insertAt: number): Array<{ span: { start: number; end: number }; text: string; terms: string[] }> {
  if (!needed.length) return [];
  const sorted = [...needed].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const inserts = sorted.map((e) => ({ term: e.term, at: definitionInsertion(model, e.term, fitPartyWord(e.definition, terms)) }));
  if (inserts.some((i) => !i.at || i.at.span.start > insertAt)) return [];
  // Definitions that land at the same place become one edit, in alphabetical order.
  const out: Array<{ span: { start: number; end: number }; text: string; terms: string[] }> = [];
  for (const i of inserts) {
    const same = out.find((o) => o.span.start === i.at!.span.start);
    if (!same) { out.push({ span: i.at!.span, text: i.at!.replacement, terms: [i.term] }); continue; }
    same.text += i.at!.replacement;
    same.terms.push(i.term);
  }
  return out;
}

function lineStartOf(model: ContractModel, offset: number): number {
  return model.lineStarts[positionAt(model.lineStarts, offset).line];
}

function rangeOf(model: ContractModel, span: { start: number; end: number }): Range {
  return { start: positionAt(model.lineStarts, span.start), end: positionAt(model.lineStarts, span.end) };
}


const VAGUE_TIMING = /\b(?:promptly|in a timely (?:manner|fashion)|as soon as (?:reasonably )?(?:possible|practicable|feasible)|within a reasonable (?:time|period)(?: of time)?|regularly|periodically|from time to time)\b/i;

/** The vague timing words in a section's own text (not its sub-clauses), when it is before the insert. */
function vagueTimingIn(model: ContractModel, section: Section | undefined, insertAt: number): { start: number; end: number } | null {
  if (!section || section.index <= 0 || section.trailer || section.kind === 'root') return null;
  const firstChild = section.children.length ? model.sections[section.children[0]].headingBlock : section.lastBlock;
  for (let i = Math.max(section.headingBlock, section.firstBlock); i < firstChild && i < model.blocks.length; i++) {
    const b = model.blocks[i];
    if (b.kind !== 'paragraph' || b.start >= insertAt) continue;
    const m = VAGUE_TIMING.exec(b.text);
    if (!m) continue;
    return sourceSpanOf(b, m.index, m.index + m[0].length);
  }
  return null;
}
