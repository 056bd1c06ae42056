import type { ContractModel } from '../model';
import { factsActive } from '../model/facts';
import { spliceTraceOf } from '../model/trace';
import { assessmentRecords, evidenceShiftOf, headingsKeptAsIs, listKeptAsIs, movedEvidence, recordScans, type EvidenceShift, type ScanRecorder } from './scan';
import type { Assess, AssessContext, CategoryAssessment, CategoryDefinition, CategoryId, Evidence } from './types';

/**
 * Category assessments taken over from the previous model while editing (issue 13, scan). An
 * assessor is a function of its scans' evidence (texts, order, sections), the party names and the
 * assessments it asks for. When an edit leaves every section where it was and none of the signal
 * lists or heading expressions an assessor used last time gained or lost a match (scan.ts
 * listKeptAsIs, headingsKeptAsIs: the few sentences the edit changed are matched, the rest is not
 * visited), the assessment is the previous one with its evidence moved (scan.ts movedEvidence):
 * no scan, no assessor, no verdict. Otherwise the assessor runs, and what it read is noted for the
 * next edit. An assessor that reads the model itself (besides through scan) is always run.
 */
interface KeptRecord {
  /** The assessor's result (before the engine's second opinion and incorporation). */
  assessment: CategoryAssessment;
  lists: number[];
  headings: RegExp[];
  /** The assessments it asked for, as they were then. */
  asked: Array<{ id: CategoryId; assessment: CategoryAssessment }>;
  /** It read ctx.model itself. */
  direct: boolean;
  /** It read the defined terms (scan.ts definedTermsOf). */
  terms: boolean;
  partyKey: string;
}

/** How many assessments (while editing) were taken over and how many were run: for tests and measurements. */
export const keptCounts = { takenOver: 0, run: 0 };

/** The category with its assessment taken over from the previous model where it can be. */
export function keptAssessor(def: CategoryDefinition): CategoryDefinition {
  return { ...def, assess: (ctx) => assessKept(def, ctx) };
}

function recordsOf(model: ContractModel): Map<string, unknown> {
  let records = assessmentRecords.get(model);
  if (!records) assessmentRecords.set(model, (records = new Map()));
  return records;
}

function assessKept(def: CategoryDefinition, ctx: AssessContext): CategoryAssessment {
  if (!factsActive()) return def.assess(ctx);
  const model = ctx.model;
  const partyKey = `${ctx.parties.supplier.source}\u0000${ctx.parties.customer.source}`;
  const trace = spliceTraceOf(model);
  const before = trace && (assessmentRecords.get(trace.previous)?.get(def.id) as KeptRecord | undefined);
  if (before && !before.direct && before.partyKey === partyKey) {
    const taken = takenOver(before, ctx);
    if (taken) {
      keptCounts.takenOver++;
      recordsOf(model).set(def.id, { ...before, assessment: taken } satisfies KeptRecord);
      return taken;
    }
  }
  keptCounts.run++;
  const record: KeptRecord = { assessment: null!, lists: [], headings: [], asked: [], direct: false, terms: false, partyKey };
  const outer = ctx.assessment;
  const recording: AssessContext = {
    get model() {
      record.direct = true;
      return model;
    },
    parties: ctx.parties,
    assessment: outer && (((id: CategoryId) => {
      const a = outer(id);
      record.asked.push({ id, assessment: a });
      return a;
    }) as Assess),
  };
  const scans: ScanRecorder = { ctx: recording, model, lists: record.lists, headings: record.headings, terms: false };
  const was = recordScans(scans);
  try {
    record.assessment = def.assess(recording);
  } finally {
    recordScans(was);
  }
  record.terms = scans.terms;
  recordsOf(model).set(def.id, record);
  return record.assessment;
}

/** The previous assessment moved to this model, or null when something it was made from changed. */
function takenOver(before: KeptRecord, ctx: AssessContext): CategoryAssessment | null {
  const model = ctx.model;
  const shift = evidenceShiftOf(model);
  if (!shift) return null;
  if (before.terms && !sameTerms(model, spliceTraceOf(model)!.previous)) return null;
  for (const { id, assessment } of before.asked) {
    const now = ctx.assessment?.(id);
    if (!now || !sameMoved(now, assessment, shift, model)) return null;
  }
  for (const h of before.headings) if (!headingsKeptAsIs(model, h)) return null;
  for (const id of before.lists) if (!listKeptAsIs(model, ctx.parties, id, shift)) return null;
  return movedAssessment(before.assessment, shift, model);
}

function movedList(list: Evidence[], shift: EvidenceShift, model: ContractModel): Evidence[] | null {
  const out = new Array<Evidence>(list.length);
  for (let k = 0; k < list.length; k++) {
    const e = movedEvidence(list[k], shift, model);
    if (!e) return null;
    out[k] = e;
  }
  return out;
}

/** An assessment of the previous model as it reads in this one (sections keep their numbers: see EvidenceShift). */
function movedAssessment(a: CategoryAssessment, shift: EvidenceShift, model: ContractModel): CategoryAssessment | null {
  const evidence = movedList(a.evidence, shift, model);
  if (!evidence) return null;
  const out: CategoryAssessment = { ...a, evidence, requirements: { ...a.requirements } };
  if (a.related) {
    const related: Record<string, Evidence[]> = {};
    for (const [k, list] of Object.entries(a.related)) {
      const moved = movedList(list, shift, model);
      if (!moved) return null;
      related[k] = moved;
    }
    out.related = related;
  }
  if (a.incorporatedFrom) {
    const e = movedEvidence(a.incorporatedFrom.evidence, shift, model);
    if (!e) return null;
    out.incorporatedFrom = { document: a.incorporatedFrom.document, evidence: e };
  }
  return out;
}

/** Does `now` read as `then` moved to this model (what an assessor asking for it could see)? */
function sameMoved(now: CategoryAssessment, then: CategoryAssessment, shift: EvidenceShift, model: ContractModel): boolean {
  const moved = movedAssessment(then, shift, model);
  return moved !== null && sameValue(now, moved);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Do two models define the same terms, in the same order? */
function sameTerms(a: ContractModel, b: ContractModel): boolean {
  const x = a.definedTerms;
  const y = b.definedTerms;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].term !== y[i].term) return false;
  return true;
}
