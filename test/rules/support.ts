/**
 * Shared helpers for the rule tests: small contracts written for these tests, a set of adequate
 * clauses per category (STRONG) to mix in, and an applier for quick-fix edits.
 *
 * Every sentence here was written for Clausewise's tests; none is taken from a real contract.
 */
import assert from 'node:assert/strict';
import { review, computeFix, getClause, getRule, type ReviewResult, type ReviewDiagnostic, type ReviewSettings } from '../../server/src/engine';
import { computeLineStarts, offsetAt, type Range } from '../../server/src/model';
import type { FixSpec } from '../../server/src/rules/types';
import type { FixEdit } from '../../server/src/engine/fixes';
import type { CategoryId } from '../../server/src/categories/types';

export const TITLE = 'Managed IT Services Agreement';
export const PARTIES =
  'This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").';

export interface ContractOptions {
  /** Title line (a level-1 heading); null for none. */
  title?: string | null;
  /** The sentence naming the parties; null for none. */
  parties?: string | null;
}

/** Wraps a body in a minimal contract: a title heading and a parties sentence defining "Customer" and "Supplier". */
export function contract(body: string, opts: ContractOptions = {}): string {
  const parts: string[] = [];
  const title = opts.title === undefined ? TITLE : opts.title;
  const parties = opts.parties === undefined ? PARTIES : opts.parties;
  if (title !== null) parts.push(`# ${title}`);
  if (parties !== null) parts.push(parties);
  parts.push(body.trim());
  return parts.join('\n\n') + '\n';
}

/**
 * Joins clauses into a body, numbering them: each clause may use `{n}` for its own number
 * ("## {n}. Service Levels", "{n}.1 The Supplier shall ..."). Numbers start at 1.
 */
export function sections(...clauses: string[]): string {
  return clauses.map((c, i) => c.trim().replace(/\{n\}/g, String(i + 1))).join('\n\n');
}

/** A clause that belongs to no reviewed category: filler so that a contract is more than a title. */
export const NEUTRAL = `## {n}. Interpretation

{n}.1 Headings in this Agreement are for convenience only and do not affect its meaning.

{n}.2 Words in the singular include the plural and the other way round.`;

/**
 * One adequate clause per category: each meets every named requirement of its category's assessor,
 * so a requirement-gap test can start from it and take one thing away. They are written to avoid
 * the vague words that vague-wording and sla-vague-target report.
 */
export const STRONG: Record<CategoryId, string> = {
  deliverables: `## {n}. Services

{n}.1 The Supplier shall provide the managed hosting and service desk services described in Schedule 1.

{n}.2 The Supplier shall deliver the migrated platform by the milestone dates in the project plan in Schedule 3.

{n}.3 The Customer may reject a deliverable that fails the acceptance tests in Schedule 3.`,

  sla: `## {n}. Service Levels

{n}.1 The Supplier shall make the Hosted Platform available at least 99.9% of the time, measured over each calendar month.

{n}.2 The Supplier shall respond to each Priority 1 incident within 30 minutes and resolve it within 4 hours.

{n}.3 The Supplier shall send the Customer a written service level report within five Business Days after the end of each month.

{n}.4 Where the Supplier misses a service level in a month, the Customer shall receive the service credits set out in Schedule 2 against the next invoice.

{n}.5 For each missed service level the Supplier shall carry out a root-cause analysis and agree a corrective action plan with the Customer.`,

  security: `## {n}. Information Security

{n}.1 The Supplier shall maintain a written information security programme for the Services.

{n}.2 The Supplier shall encrypt Customer Data in transit using TLS 1.2 or higher and at rest using AES-256.

{n}.3 The Supplier shall enforce multi-factor authentication for every account with access to Customer Data.

{n}.4 The Supplier shall commission an independent penetration test of the Hosted Platform every twelve months and hold ISO/IEC 27001 certification throughout the Term.`,

  'breach-notification': `## {n}. Security Incidents

{n}.1 The Supplier shall notify the Customer of any security incident affecting Customer Data within 24 hours after becoming aware of it.`,

  'data-protection': `## {n}. Data Protection

{n}.1 The Supplier shall process personal data only on the documented instructions of the Customer and in line with the Data Protection Laws.

{n}.2 The Supplier shall not transfer personal data outside the European Economic Area without the Customer's written consent.

{n}.3 The Supplier shall help the Customer to answer requests from data subjects exercising their rights.

{n}.4 The Supplier shall store and process personal data only in data centres located in the United Kingdom.`,

  communication: `## {n}. Governance

{n}.1 Each party shall appoint a contract manager and tell the other party of any change to that appointment.

{n}.2 The contract managers shall meet monthly to discuss the running of the Services.

{n}.3 The Supplier shall give the Customer a written progress report every two weeks.

{n}.4 An issue the contract managers cannot settle within ten Business Days shall be escalated to the chief information officer of the Customer and a director of the Supplier.

{n}.5 All notices under this Agreement shall be in writing and sent by e-mail to the addresses in Schedule 4.`,

  'performance-monitoring': `## {n}. Performance Monitoring

{n}.1 The Supplier shall measure its performance against the key performance indicators in Schedule 2.

{n}.2 The parties shall hold a quarterly performance review to discuss trends and improvement plans.

{n}.3 Once a year the Customer may benchmark the charges and service levels against comparable services in the market.`,

  'due-diligence': `## {n}. Warranties

{n}.1 The Supplier warrants that it shall perform the Services with reasonable skill and care using suitably qualified staff.

{n}.2 The Supplier shall comply with all applicable laws in performing the Services.

{n}.3 The Supplier shall not remove the key personnel named in Schedule 5 without the Customer's consent.`,

  'audit-rights': `## {n}. Audit

{n}.1 The Customer may audit the Supplier's records, systems and premises used for the Services on 30 days' written notice, and any regulator of the Customer may inspect the same.`,

  exit: `## {n}. Exit

{n}.1 On expiry or termination of this Agreement the Supplier shall provide exit assistance to the Customer for up to six months, following the exit plan in Schedule 6.

{n}.2 The Supplier shall help transfer the Services to the Customer or a replacement supplier.

{n}.3 The Supplier shall return all Customer Data to the Customer in an open, machine-readable format within 30 days after termination.`,

  confidentiality: `## {n}. Confidentiality

{n}.1 Each party shall keep the other party's confidential information secret and use it only to perform this Agreement.`,

  'limitation-of-liability': `## {n}. Limitation of Liability

{n}.1 The total liability of each party under this Agreement shall not exceed the charges paid in the twelve months before the claim.

{n}.2 Neither party is liable for indirect or consequential loss.`,

  indemnity: `## {n}. Indemnities

{n}.1 The Supplier shall indemnify the Customer against all claims, losses and damages arising from any infringement of third-party intellectual property by the Services.

{n}.2 The Customer shall give the Supplier written notice of any such claim and allow it sole control of the defence.`,

  insurance: `## {n}. Insurance

{n}.1 The Supplier shall hold professional indemnity insurance of at least GBP 5,000,000 for each claim while this Agreement is in force.`,

  'ip-ownership': `## {n}. Intellectual Property

{n}.1 The Customer owns all intellectual property in the deliverables from the moment they are created.`,

  subcontracting: `## {n}. Subcontracting

{n}.1 The Supplier shall not subcontract any part of the Services without the Customer's prior written consent, and remains responsible for the acts of its subcontractors.

{n}.2 The Supplier shall bind each subcontractor by written contract to obligations no less protective than those in this Agreement.`,

  'business-continuity': `## {n}. Business Continuity

{n}.1 The Supplier shall maintain a business continuity plan with a recovery time objective of four hours, and shall test the plan every year.`,

  'change-control': `## {n}. Change Control

{n}.1 Either party may propose a change to the Services by a change request, and no change takes effect until both parties sign a change note.`,

  'dispute-resolution': `## {n}. Disputes

{n}.1 The parties shall refer any dispute they cannot settle by negotiation to mediation before starting court proceedings.`,

  'governing-law': `## {n}. Governing Law

{n}.1 This Agreement is governed by the laws of England and Wales.`,

  'term-termination': `## {n}. Term and Termination

{n}.1 This Agreement starts on the Effective Date and continues for three years.

{n}.2 Either party may terminate this Agreement by written notice if the other party commits a material breach and does not remedy it within 30 days.`,

  payment: `## {n}. Charges and Payment

{n}.1 The Customer shall pay the charges set out in Schedule 7.

{n}.2 The Supplier shall invoice monthly in arrears, and the Customer shall pay each valid invoice within 30 days of receipt.`,
};

/** A complete contract: every category adequate, plus whatever `extra` clauses are given (after them). */
export function strongContract(opts: { omit?: CategoryId[]; replace?: Partial<Record<CategoryId, string>>; extra?: string[] } = {}): string {
  const parts: string[] = [];
  for (const [cat, text] of Object.entries(STRONG) as Array<[CategoryId, string]>) {
    if (opts.omit?.includes(cat)) continue;
    parts.push(opts.replace?.[cat] ?? text);
  }
  parts.push(...(opts.extra ?? []));
  return contract(sections(...parts));
}

// --- reviewing -------------------------------------------------------------------------------

export function run(text: string, settings?: ReviewSettings): ReviewResult {
  return review({ text, force: true, settings });
}

export function findingsOf(result: ReviewResult, ruleId: string): ReviewDiagnostic[] {
  return result.diagnostics.filter((d) => d.ruleId === ruleId);
}

/** The findings of one rule, with their fix specs. */
export function ruleFindings(text: string, ruleId: string, settings?: ReviewSettings): Array<{ diag: ReviewDiagnostic; fixes: FixSpec[]; result: ReviewResult }> {
  const result = run(text, settings);
  const out: Array<{ diag: ReviewDiagnostic; fixes: FixSpec[]; result: ReviewResult }> = [];
  result.diagnostics.forEach((d, i) => {
    if (d.ruleId === ruleId) out.push({ diag: d, fixes: result.fixSpecs[i], result });
  });
  return out;
}

/** Exactly the source text a range covers. */
export function textAt(text: string, range: Range): string {
  const ls = computeLineStarts(text);
  return text.slice(offsetAt(ls, text.length, range.start), offsetAt(ls, text.length, range.end));
}

/** Asserts the rule fires, at the expected severity, and returns its findings. */
export function expectFires(text: string, ruleId: string, severity?: string): Array<{ diag: ReviewDiagnostic; fixes: FixSpec[]; result: ReviewResult }> {
  const found = ruleFindings(text, ruleId);
  const others = run(text).diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('\n  ');
  assert.ok(found.length > 0, `${ruleId} should fire; diagnostics were:\n  ${others}`);
  const meta = getRule(ruleId)!.meta;
  for (const f of found) {
    assert.equal(f.diag.category, meta.category);
    if (severity) assert.equal(f.diag.severity, severity, `severity of ${ruleId}: ${f.diag.message}`);
  }
  return found;
}

export function expectQuiet(text: string, ruleId: string): void {
  const found = findingsOf(run(text), ruleId);
  assert.deepEqual(found.map((d) => `${d.message} @ ${JSON.stringify(d.range)} "${textAt(text, d.range)}"`), [], `${ruleId} should stay quiet`);
}

// --- applying fixes --------------------------------------------------------------------------

/** Applies LSP-style text edits (non-overlapping, positions in the original text) to a text. */
export function applyEdits(text: string, edits: FixEdit[]): string {
  const ls = computeLineStarts(text);
  const abs = edits
    .map((e) => ({ start: offsetAt(ls, text.length, e.range.start), end: offsetAt(ls, text.length, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < abs.length; i++) assert.ok(abs[i].end <= abs[i - 1].start, 'fix edits overlap');
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Every line of `original` appears in `fixed`, in the same order (no user text lost or reordered).
 * With `except`, a line holding those words may have them (and only them) replaced.
 */
export function assertLinesKept(original: string, fixed: string, except?: string): void {
  const linesOf = (s: string) => s.split(/\r\n|\r|\n/);
  const have = linesOf(fixed);
  const matches = (line: string, candidate: string): boolean => {
    if (candidate === line) return true;
    if (except === undefined || !line.includes(except)) return false;
    const before = line.slice(0, line.indexOf(except));
    const after = line.slice(line.indexOf(except) + except.length);
    return candidate.startsWith(before) && candidate.endsWith(after) && candidate.length >= before.length + after.length;
  };
  let j = 0;
  for (const [n, line] of linesOf(original).entries()) {
    while (j < have.length && !matches(line, have[j])) j++;
    assert.ok(j < have.length, `line ${n + 1} of the original is missing or out of order after the fix: ${JSON.stringify(line)}`);
    j++;
  }
}

/** Computes and applies one fix of a finding; null when the fix cannot be computed (clause absent). */
export function applyFix(result: ReviewResult, spec: FixSpec): string | null {
  const computed = computeFix(result.model, spec, { snippet: false });
  if (!computed) return null;
  assert.equal(computed.isSnippet, false);
  assert.ok(computed.edits.length > 0, 'a fix has at least one edit');
  return applyEdits(result.model.text, computed.edits);
}

/**
 * As assertLinesKept, except that clause numbers may have changed: an insert fix that places a new
 * section before "General" renumbers the sections after it (and says so in its title).
 */
export function assertLinesKeptRenumbered(original: string, fixed: string, except?: string): void {
  const strip = (s: string) => s
    .replace(/^([ \t>#*]*)\d+(?:\.\d+)*/gm, '$1#')
    .replace(/\b(clauses?|sections?)\s+\d+(?:\.\d+)*/gi, '$1 #');
  assertLinesKept(strip(original), strip(fixed), except);
}

/**
 * The standard quick-fix check for a rule whose finding carries an "Insert clause" fix:
 * the inserted text contains the clause title, no line of the original is lost, and the finding is
 * gone when the fixed text is reviewed again. Skips (with a message) while the clause is absent.
 */
export function checkInsertFix(ctx: Mocha.Context, text: string, ruleId: string): string {
  const meta = getRule(ruleId)!.meta;
  assert.ok(meta.clauseId, `${ruleId} names a clause`);
  const clause = getClause(meta.clauseId!);
  if (!clause) ctx.skip();
  const [first] = expectFires(text, ruleId);
  const spec = first.fixes.find((f) => f.kind === 'insertClause');
  assert.ok(spec, `${ruleId} offers an insert fix`);
  assert.equal(spec.kind === 'insertClause' && spec.clauseId, meta.clauseId);
  assert.ok(first.diag.fixes.some((f) => f.kind === 'insertClause' && f.clauseId === meta.clauseId), 'the diagnostic lists the fix');
  const fixed = applyFix(first.result, spec);
  assert.ok(fixed !== null, 'the fix computes while the clause exists');
  assert.ok(fixed.length > text.length, 'the fix inserts text');
  assert.ok(fixed.toLowerCase().includes(clause!.title.toLowerCase()), `the fixed text contains the clause title "${clause!.title}"`);
  assertLinesKeptRenumbered(text, fixed);
  const again = findingsOf(run(fixed), ruleId);
  assert.deepEqual(again.map((d) => d.message), [], `${ruleId} still fires after inserting "${clause!.title}":\n${fixed}`);
  return fixed;
}

/** For a 'replace' fix: the flagged words are replaced, the rest of the text is untouched. */
export function checkReplaceFix(text: string, ruleId: string, flagged: string, replacement?: string): string {
  const found = expectFires(text, ruleId).find((f) => textAt(text, f.diag.range) === flagged);
  assert.ok(found, `a ${ruleId} finding covers exactly "${flagged}"`);
  const spec = found.fixes.find((f) => f.kind === 'replace' && (replacement === undefined || f.replacement === replacement));
  assert.ok(spec && spec.kind === 'replace', `a replace fix${replacement ? ` with "${replacement}"` : ''} is offered`);
  const fixed = applyFix(found.result, spec);
  assert.ok(fixed !== null);
  const at = text.indexOf(flagged);
  assert.ok(at >= 0);
  // The edit changes exactly the flagged words.
  assert.ok(fixed.includes(spec.replacement), 'the replacement is in the text');
  assert.equal(fixed.length, text.length - flagged.length + spec.replacement.length);
  assertLinesKept(text, fixed, flagged);
  return fixed;
}

// --- where findings sit ----------------------------------------------------------------------

/** A document-level finding sits on the title line. */
export function assertAtTitle(text: string, diag: ReviewDiagnostic): void {
  assert.equal(diag.range.start.line, text.startsWith('---') ? diag.range.start.line : 0, 'on the first line');
  assert.match(textAt(text, diag.range), new RegExp(TITLE), `anchored at the title, not at "${textAt(text, diag.range)}"`);
}

/** A finding about a clause sits on that clause's heading title. */
export function assertAtHeading(text: string, diag: ReviewDiagnostic, title: string): void {
  assert.equal(textAt(text, diag.range), title);
}

/** The meta data every rule must carry, checked against what the test expects. */
export function assertMeta(ruleId: string, expected: { category: CategoryId; defaultSeverity: string; clauseId?: string }): void {
  const rule = getRule(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  assert.equal(rule.meta.id, ruleId);
  assert.equal(rule.meta.category, expected.category);
  assert.equal(rule.meta.defaultSeverity, expected.defaultSeverity);
  assert.equal(rule.meta.clauseId, expected.clauseId);
  for (const k of ['title', 'description', 'rationale'] as const) assert.ok(rule.meta[k].length > 5, `${ruleId} has a ${k}`);
}

// --- settings: profiles and playbook thresholds ----------------------------------------------

/**
 * One numbered clause: a level-2 heading and one sub-clause per sentence, for use with sections()
 * ("## {n}. Title", "{n}.1 First sentence.", "{n}.2 Second sentence.").
 */
export function numbered(title: string, ...sentences: string[]): string {
  return [`## {n}. ${title}`, ...sentences.map((s, i) => `{n}.${i + 1} ${s}`)].join('\n\n');
}

/** Like expectFires, under the given settings (profiles, thresholds, severities). */
export function expectFiresWith(text: string, ruleId: string, settings: ReviewSettings, severity?: string): Array<{ diag: ReviewDiagnostic; fixes: FixSpec[]; result: ReviewResult }> {
  const found = ruleFindings(text, ruleId, settings);
  const others = run(text, settings).diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('\n  ');
  assert.ok(found.length > 0, `${ruleId} should fire under ${JSON.stringify(settings)}; diagnostics were:\n  ${others}`);
  const meta = getRule(ruleId)!.meta;
  for (const f of found) {
    assert.equal(f.diag.category, meta.category);
    if (severity) assert.equal(f.diag.severity, severity, `severity of ${ruleId}: ${f.diag.message}`);
  }
  return found;
}

/** Like expectQuiet, under the given settings. */
export function expectQuietWith(text: string, ruleId: string, settings: ReviewSettings): void {
  const found = findingsOf(run(text, settings), ruleId);
  assert.deepEqual(found.map((d) => `${d.message} @ ${JSON.stringify(d.range)} "${textAt(text, d.range)}"`), [], `${ruleId} should stay quiet under ${JSON.stringify(settings)}`);
}

/** The exact source words each finding of a rule covers, in document order. */
export function flagged(text: string, ruleId: string, settings?: ReviewSettings): string[] {
  return findingsOf(run(text, settings), ruleId).map((d) => textAt(text, d.range));
}

/** Puts YAML front matter (the lines between the --- fences) before a contract. */
export function withFrontMatter(yaml: string, text: string): string {
  return `---\n${yaml.trim()}\n---\n\n${text}`;
}

/** The rule's clauseId names a clause that exists in the library (so its insert fix can compute). */
export function assertClauseExists(ruleId: string): void {
  const clauseId = getRule(ruleId)?.meta.clauseId;
  assert.ok(clauseId, `${ruleId} names a clause`);
  const clause = getClause(clauseId);
  assert.ok(clause, `clause "${clauseId}" of ${ruleId} is in the library`);
  assert.equal(clause.id, clauseId);
  assert.ok(clause.title.length > 3, `clause "${clauseId}" has a title`);
}
