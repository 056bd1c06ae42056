import picomatch from 'picomatch';
import { buildContractModel, formatOfPath, detectContract, spanToRange, unreadableModel, type ContractModel } from '../model';
import { partyMatchers } from '../model/language';
import { CATEGORY_IDS, DRAFTING, type Assess, type CategoryAssessment, type CategoryId, type RuleCategory } from '../categories/types';
import { CATEGORIES } from '../categories';
import { sentencesOf } from '../categories/scan';
import { findIncorporation } from '../categories/incorporation';
import { RULES } from '../rules';
import { INTERNAL_ERROR, NOT_ANALYSED, type BlockFindingGroups, type FixSpec, type RuleContext, type RuleFinding, type RuleMeta, type Severity } from '../rules/types';
import { shiftedFixes } from '../rules/block-findings';
import { diagnosticOf, groupDiagnostics, type DiagnosticMaker } from './block-diagnostics';
import { citationsFor, DEFAULT_PROFILES, PROFILES, resolveProfiles, SEVERITY_RANK, type Profile } from '../profiles';
import type { ReviewDiagnostic, ReviewInput, ReviewResult, ReviewSettings } from './types';
import { applySuppressions, closeIds } from './suppression';
import { droppedByOwners, wordOwners } from './ownership';
import { FoundFindings } from './found';
import { keepRun, previousFindingCount, previousRun, runStats, type PreviousRun } from './kept-runs';
import { CLAUSE_POSITIONS, DEFAULT_CLAUSE_POSITION, isClausePosition, type ClausePosition } from '../library';
import { secondOpinionOf, shippedClassifier, type CoverageClassifier } from '../classifier';

/** The position a document's front matter chooses (model/front-matter.ts has checked it). */
export function frontMatterClausePosition(model: ContractModel): ClausePosition | undefined {
  return model.frontMatterSettings.clausePosition;
}

/**
 * The position quick fixes offer first: `clausewise: { clausePosition: supplier }` in the front matter
 * beats the setting (the model has reported and dropped a front matter value that is not a position).
 */
function chosenPosition(model: ContractModel, settings: ReviewSettings, problems: string[]): ClausePosition {
  const chosen = frontMatterClausePosition(model);
  if (chosen) return chosen;
  if (settings.clausePosition !== undefined) {
    if (isClausePosition(settings.clausePosition)) return settings.clausePosition;
    problems.push(`setting clausePosition "${String(settings.clausePosition)}" is not a position and is ignored; use one of ${CLAUSE_POSITIONS.join(', ')}`);
  }
  return DEFAULT_CLAUSE_POSITION;
}

/** The document line of a profile id named in the front matter (`profiles: [a, b]` or `profile: a`). */
function frontMatterLine(model: ContractModel, id: string): number | undefined {
  const lines = model.frontMatterLines;
  const key = model.frontMatter?.clausewise && typeof model.frontMatter.clausewise === 'object' && 'profiles' in model.frontMatter.clausewise ? 'profiles' : 'profile';
  const i = (model.frontMatterSettings.profiles ?? []).indexOf(id);
  return lines[`${key}[${i}]`] ?? lines[key];
}

function matchesInclude(path: string | undefined, include: string[] | undefined): boolean {
  if (!path || !include?.length) return false;
  return picomatch(include, { dot: true })(path.replace(/\\/g, '/'));
}

/** Severity of a rule under the active profiles and the user's overrides ('off' disables it). */
export function effectiveSeverity(ruleId: string, category: RuleCategory, defaultSeverity: Severity, profiles: Profile[], settings: ReviewSettings): Severity | 'off' {
  const overrides = settings.severity ?? {};
  if (overrides[ruleId]) return overrides[ruleId];
  if (overrides[category]) return overrides[category];
  let best: Severity = defaultSeverity;
  for (const p of profiles) {
    const s = p.severities[ruleId];
    if (s && SEVERITY_RANK[s] > SEVERITY_RANK[best]) best = s;
  }
  return best;
}

const VERDICT_RANK = { missing: 0, weak: 1, present: 2 } as const;

/** Which rule reports which kind of words that several rules look for (RuleMeta.owns). */
const WORD_OWNERS = wordOwners(RULES);

/**
 * Memoised category assessments of one model: the rules' verdict, with the classifier's second
 * opinion on "missing" where it has a model for the category (see server/src/classifier).
 */
export function assessor(model: ContractModel, classifier: CoverageClassifier | null): Assess {
  const parties = partyMatchers(model);
  const cache = new Map<CategoryId, CategoryAssessment>();
  const assess = (id: CategoryId): CategoryAssessment => {
    let a = cache.get(id);
    if (!a) {
      a = CATEGORIES[id].assess({ model, parties, assessment: assess as Assess });
      // Sentences are featurised only when the classifier may change the verdict.
      if (classifier?.categories.has(id) && (a.verdict === 'missing' || classifier.veto(id) !== null)) a = secondOpinionOf(a, model, classifier, parties);
      cache.set(id, a);
    }
    return a;
  };
  // Typed by id: every assessment comes from verdictOf, which sets each requirement its category declares.
  return assess as Assess;
}

/**
 * A rule may report some findings below its severity (a weak clause is a warning where a missing one
 * is an error). A user override, or a profile that raises the rule, applies to every finding.
 * `overridden`: the settings name the rule or its category; `raised`: an active profile sets the rule.
 */
function findingSeverity(ruleSeverity: Severity, findingHint: Severity | undefined, overridden: boolean, raised: boolean, note = false): Severity {
  if (!findingHint || SEVERITY_RANK[findingHint] >= SEVERITY_RANK[ruleSeverity]) return ruleSeverity;
  // A note (terms incorporated from another document) is not a gap, whatever a profile makes of the gap.
  if (note) return overridden ? ruleSeverity : findingHint;
  return overridden || raised ? ruleSeverity : findingHint;
}

/** One rule's part of the set-up (below): its severity ('off': not run), citations, and its diagnostics' maker for a clause in this file. */
interface RuleSetUp {
  readonly severity: Severity | 'off';
  readonly citations: string[];
  maker: DiagnosticMaker | undefined;
}

/**
 * What every review works out per rule from the profiles and the severity settings alone (its
 * severity, citations and diagnostics' maker), kept between reviews while both are the same (issue
 * 13): made again on each review it was about 0.2 ms and 42 KB per 1 MB keystroke. The same maker
 * also hands the next review the same key string, which kept-runs.ts and block-diagnostics.ts compare.
 * One set-up is kept (per thread); a review with other profiles or severities makes and keeps its own.
 */
interface SetUp {
  readonly profiles: readonly Profile[];
  /** A copy of settings.severity when the set-up was made (a caller may change its object in place). */
  readonly severity: Readonly<Record<string, string>> | undefined;
  readonly rules: Map<string, RuleSetUp>;
}

let keptSetUp: SetUp | undefined;

/** Counts for tests: set-ups taken over from an earlier review, and made. */
export const setUpStats = { kept: 0, made: 0 };

function sameSeverities(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ak = a ? Object.keys(a) : [];
  const bk = b ? Object.keys(b) : [];
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!Object.prototype.hasOwnProperty.call(b, k) || a![k] !== b![k]) return false;
  return true;
}

/** The kept set-up when the review's profiles (the same objects, in order) and severity settings are the kept one's; else a new one, kept. */
function setUpFor(profiles: readonly Profile[], settings: ReviewSettings): SetUp {
  const k = keptSetUp;
  if (k && k.profiles.length === profiles.length && k.profiles.every((p, i) => p === profiles[i]) && sameSeverities(k.severity, settings.severity)) {
    setUpStats.kept++;
    return k;
  }
  setUpStats.made++;
  keptSetUp = { profiles: [...profiles], severity: settings.severity ? { ...settings.severity } : undefined, rules: new Map() };
  return keptSetUp;
}

/** A rule's part of the set-up, made the first time a review with these settings runs the rule. */
function ruleSetUp(setUp: SetUp, meta: RuleMeta, profiles: Profile[], settings: ReviewSettings): RuleSetUp {
  let r = setUp.rules.get(meta.id);
  if (!r) {
    const severity = effectiveSeverity(meta.id, meta.category, meta.defaultSeverity, profiles, settings);
    r = { severity, citations: severity === 'off' ? [] : citationsFor(meta.id, profiles), maker: undefined };
    setUp.rules.set(meta.id, r);
  }
  return r;
}

/**
 * Reviews one document: builds the model once, decides whether it is a contract, assesses every
 * category of the active profiles and runs their rules. Pure: no I/O, so the CLI, the language
 * server and the tests all get the same answer for the same text and settings.
 */
export function review(input: ReviewInput, prebuilt?: ContractModel): ReviewResult {
  return runSteps(reviewSteps(input, prebuilt, true));
}

/**
 * What the step of a review under way does, set as each step begins: scripts/review-steps.ts names
 * the longest steps by it (issue 13: no step should hold the language server's thread for long).
 */
export const currentStep = { name: '' };

/** Runs a review made of steps (reviewSteps) to its end, without stopping. */
export function runSteps<T>(steps: Iterator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * review() in steps: the same work, stopping (yielding) after the contract check, the parties'
 * names, the set-up, the sentence list, each category assessment (and the incorporation search it
 * asks for) and each rule, so a caller that must stay responsive (the language server's thread,
 * issue 13) can answer requests between them. Between two steps nothing of an earlier review or
 * model is changed. `whole`: the caller runs the steps to their end without stopping (review()), so
 * the rules run without a step each.
 */
export function* reviewSteps(input: ReviewInput, prebuilt?: ContractModel, whole = false): Generator<void, ReviewResult> {
  const settings = input.settings ?? {};
  currentStep.name = 'contract check';
  const model = prebuilt ?? buildContractModel(input.text, input.version ?? 0, formatOfPath(input.path));
  const problems: string[] = [];
  const problemLines: Record<string, number> = {};
  if (model.frontMatterError) problems.push(model.frontMatterError);
  for (const p of model.frontMatterProblems) {
    problems.push(p.message);
    problemLines[p.message] = p.line;
  }

  const fromFrontMatter = model.frontMatterSettings.profiles ?? [];
  const requested = [...new Set([...(fromFrontMatter.length ? fromFrontMatter : settings.profiles?.length ? settings.profiles : DEFAULT_PROFILES)])];
  const { profiles, unknown } = resolveProfiles(requested);
  for (const u of unknown) {
    const close = closeIds(u, Object.keys(PROFILES), 1);
    const fm = fromFrontMatter.length ? frontMatterLine(model, u) : undefined;
    const message = `unknown profile "${u}"${close.length ? `; did you mean "${close[0]}"?` : ''} Known profiles: ${Object.keys(PROFILES).join(', ')}${fm ? ` (front matter line ${fm})` : ''}`;
    problems.push(message);
    if (fm) problemLines[message] = fm;
  }
  // Config files are checked when loaded; editor settings arrive unchecked, so name their unknown ids here.
  const knownIds = [...CATEGORY_IDS, ...RULES.map((r) => r.meta.id)];
  for (const key of Object.keys(settings.severity ?? {})) {
    if (knownIds.includes(key)) continue;
    const close = closeIds(key, knownIds);
    problems.push(`severity setting for unknown rule or category "${key}" is ignored${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : ''}`);
  }
  if (!profiles.length) profiles.push(...resolveProfiles(DEFAULT_PROFILES).profiles);
  const clausePosition = chosenPosition(model, settings, problems);
  const profileIds = profiles.map((p) => p.id);

  const empty = (isContract: boolean, reason: string): ReviewResult => ({
    isContract, reason, profiles: profileIds, coverage: {}, assessments: [], diagnostics: [], fixSpecs: [], problems, ...(Object.keys(problemLines).length ? { problemLines } : {}), suppressed: [], warnings: [], model, thresholds: settings.thresholds ?? {}, clausePosition,
  });

  if (settings.enable === false) return empty(false, 'Clausewise is disabled in settings');
  if (model.notAnalysed) return notAnalysed(empty(true, `not analysed: ${model.notAnalysed}`), model.notAnalysed);
  try {
    return yield* reviewModel(input, model, profiles, problems, empty, whole);
  } catch {
    // A defect outside any one rule (a category assessment, suppression): the file still gets a
    // result that says so, and the other files of a run are unaffected.
    const reason = 'an internal error stopped the review of this document';
    return notAnalysed(empty(true, `not analysed: ${reason}`), reason);
  }
}

/**
 * The result for a document that could not be reviewed at all, for callers that catch a failure
 * around review() (the CLI's per-file task): one `not-analysed` finding.
 */
export function notAnalysedReview(input: ReviewInput, reason: string): ReviewResult {
  return review(input, unreadableModel(input.text, input.version ?? 0, reason));
}

/** The result for a document that could not be reviewed: one information finding that says why. */
function notAnalysed(result: ReviewResult, reason: string): ReviewResult {
  const line = result.model.text.split('\n', 1)[0].replace(/\r$/, '');
  result.diagnostics.push({
    ruleId: NOT_ANALYSED, category: DRAFTING, severity: 'information',
    message: `Not analysed: ${reason}. Clausewise could not check this document, so it has no other findings.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(line.length, 200) } },
    fixes: [],
  });
  result.fixSpecs.push([]);
  return result;
}

/**
 * The result's `fixSpecs` (the fixes of the findings `kept`, indexes into `found`), made when first
 * read: block-relative fixes of kept groups are moved to their place only then (a code action, the
 * CLI's report), not on every review (issue 13).
 */
function withLazyFixSpecs<R extends { fixSpecs: FixSpec[][] }>(result: R, found: FoundFindings, kept: ArrayLike<number>): R {
  const { fixes, by } = found;
  let relative = false;
  for (let k = 0; k < kept.length && !relative; k++) relative = by[kept[k]] !== 0 && fixes[kept[k]].length > 0;
  if (!relative) {
    result.fixSpecs = Array.from(kept, (i) => fixes[i]);
    return result;
  }
  Object.defineProperty(result, 'fixSpecs', {
    enumerable: true, configurable: true,
    get() {
      const value = Array.from(kept, (i) => shiftedFixes(fixes[i], by[i]));
      Object.defineProperty(this, 'fixSpecs', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    // A caller that replaces the list gets a plain property, as on a result made without the getter.
    set(value: FixSpec[][]) {
      Object.defineProperty(this, 'fixSpecs', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  return result;
}

/**
 * A shallow copy of a result with some fields replaced that keeps `fixSpecs` lazy while it is
 * unread (withLazyFixSpecs): a spread would read it and move every kept group's fixes, about 0.9 MB
 * allocated per 1 MB keystroke in the review worker's kept review (lsp/kept-reviews.ts), which only
 * a code action reads.
 */
export function copyResult<R extends object>(result: R, fields: Partial<R>): R {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as R;
  return Object.assign(copy, fields);
}

/**
 * How one rule's findings become diagnostics in this review (engine/block-diagnostics.ts). It reads
 * the profiles and settings only here, so that a maker kept with the set-up (above) holds neither.
 */
function diagnosticMaker(meta: RuleMeta, severity: Severity, citations: string[], source: string | undefined, profiles: Profile[], settings: ReviewSettings): DiagnosticMaker {
  const overridden = Boolean(settings.severity?.[meta.id] || settings.severity?.[meta.category]);
  const raised = profiles.some((p) => p.severities[meta.id]);
  return {
    ruleId: meta.id,
    category: meta.category,
    severity: (f) => findingSeverity(severity, f.severity, overridden, raised, f.note),
    // Fixes would edit this file; when the clause lives in another file of the bundle, say where.
    message: (f) => (source && !f.message.includes(source) ? `${f.message} (This clause is in ${source}.)` : f.message),
    fixes: (f) => (source ? [] : f.fixes ?? []),
    citations,
    key: `${severity}\u0000${overridden}\u0000${raised}\u0000${source ?? ''}\u0000${citations.join('\u0001')}`,
  };
}

/** A rule's block-relative findings (rules/types.ts checkBlocks), or undefined: check() then runs (a rule that throws too). */
function checkRuleBlocks(rule: (typeof RULES)[number], ctx: RuleContext): BlockFindingGroups | undefined {
  if (!rule.checkBlocks) return undefined;
  try {
    return rule.checkBlocks(ctx);
  } catch {
    return undefined;
  }
}

/** Findings of one rule; a rule that throws gives one internal-error finding, and the others still run. */
function checkRule(rule: (typeof RULES)[number], ctx: RuleContext): { findings: RuleFinding[]; failed: boolean } {
  try {
    return { findings: rule.check(ctx), failed: false };
  } catch {
    return {
      failed: true,
      findings: [{
        span: ctx.model.titleSpan,
        message: `Internal error: the ${rule.meta.id} check could not run on this document, so its findings are missing; the other checks are unaffected. Please report it, with the document if you can share it.`,
      }],
    };
  }
}

/**
 * Adds a rule's block-relative findings (rules/block-findings.ts) to `found`: a group the previous
 * review saw keeps its diagnostics (block-diagnostics.ts); only the block's start is added to the
 * spans. A plain function rather than a loop in the reviewModel generator, which V8 compiles and
 * drops again several times while editing (issue 13, engine).
 */
function reportGroups(model: ContractModel, grouped: BlockFindingGroups, maker: DiagnosticMaker, incorporated: boolean, found: FoundFindings, ruleId: string): void {
  const { blocks, groups } = grouped;
  const n = groups.length;
  const first = new Int32Array(n + 1);
  // The stretches before and after the edit are the previous review's entries (engine/kept-runs.ts).
  // Not for a category incorporated from another document (its entries are filtered; rare).
  const previous = incorporated ? undefined : previousRun(model, ruleId, maker.key);
  let g = 0;
  let suffix = n;
  if (previous) {
    const { run, trace } = previous;
    const was = run.grouped;
    // Before the edit: the same groups of the same blocks, whose starts, lines and columns are unchanged.
    while (g < n && g < was.groups.length && blocks[g] < trace.prefix && groups[g] === was.groups[g] && blocks[g] === was.blocks[g]) g++;
    if (g > 0) {
      const at = found.size - run.first[0];
      for (let k = 0; k < g; k++) first[k] = run.first[k] + at;
      found.copy(run.found, run.first[0], run.first[g], 0);
      runStats.copied += g;
    }
    // After it: the same groups of the moved blocks, counted from the end, when no line was added
    // or removed (a line break moves every diagnostic after it; groupDiagnostics moves them).
    if (previous.sameLines) suffix = keptSuffix(model, grouped, previous, g, maker);
  }
  runStats.made += Math.max(0, suffix - g);
  for (; g < suffix; g++) {
    const group = groups[g];
    const b = blocks[g];
    const by = model.blocks[b].start;
    const made = groupDiagnostics(model, b, group, maker);
    first[g] = found.size;
    for (let k = 0; k < group.length; k++) {
      const f = group[k];
      if (incorporated && !f.note) continue;
      found.add(by + f.span.start, by + f.span.end, made.diags[k], made.fixes[k], by, f.words);
    }
  }
  if (suffix < n) {
    const { run, shift } = previous!;
    const d = run.grouped.groups.length - n;
    const at = found.size - run.first[suffix + d];
    for (let k = suffix; k < n; k++) first[k] = run.first[k + d] + at;
    found.copy(run.found, run.first[suffix + d], run.first[n + d], shift);
    runStats.copied += n - suffix;
  }
  first[n] = found.size;
  if (!incorporated) keepRun(model, ruleId, { grouped, key: maker.key, found, first });
  found.endRun();
}

/**
 * Where the groups after the edit that are the previous review's begin (n when none are): the same
 * group arrays for the moved blocks, counted back from the last group, from `from` on. The first of
 * them must still have its diagnostics at the same line and column (checked as groupDiagnostics
 * does: a block that starts on the edited line moved its column); every later one then starts on a
 * line after the edit, whose lines and columns are unchanged.
 */
function keptSuffix(model: ContractModel, grouped: BlockFindingGroups, previous: PreviousRun, from: number, maker: DiagnosticMaker): number {
  const { blocks, groups } = grouped;
  const { run, trace } = previous;
  const was = run.grouped;
  const d = was.groups.length - groups.length;
  const moved = trace.prefix + trace.fresh;
  const by = moved - trace.oldAfter;
  let s = groups.length;
  while (s > from && s - 1 + d >= 0 && blocks[s - 1] >= moved && groups[s - 1] === was.groups[s - 1 + d] && blocks[s - 1] === was.blocks[s - 1 + d] + by) s--;
  // The first of them: its diagnostics must be those the previous review reported.
  while (s < groups.length) {
    const made = groupDiagnostics(model, blocks[s], groups[s], maker);
    if (made.diags[0] === run.found.diag[run.first[s + d]]) break;
    s++;
  }
  return s;
}

/** Adds the findings of a rule's check() to `found` (a rule that threw gives its internal-error finding). */
function reportFindings(model: ContractModel, checked: { findings: RuleFinding[]; failed: boolean }, maker: DiagnosticMaker, incorporated: boolean, found: FoundFindings): void {
  const { findings, failed } = checked;
  for (const f of findings) {
    if (incorporated && !failed && !f.note) continue;
    if (failed) {
      found.add(f.span.start, f.span.end, { ruleId: INTERNAL_ERROR, category: DRAFTING, severity: 'information', message: f.message, range: spanToRange(model.lineStarts, f.span), fixes: [] }, [], 0, undefined);
      continue;
    }
    const fixes = maker.fixes(f);
    found.add(f.span.start, f.span.end, diagnosticOf(maker, f, spanToRange(model.lineStarts, f.span), fixes), fixes, 0, f.words);
  }
  found.endRun();
}

/**
 * The rule's set-up when the rule runs in this review (its category is active, it is not off, and an
 * opt-in rule is named by the settings), else undefined. (reviewModel's stepped loop tests the same inline.)
 */
function ruleToRun(rule: (typeof RULES)[number], setUp: SetUp, active: ReadonlySet<CategoryId>, profiles: Profile[], settings: ReviewSettings): RuleSetUp | undefined {
  if (rule.meta.category !== DRAFTING && !active.has(rule.meta.category)) return undefined;
  // Opt-in rules run only when the settings name them.
  if (rule.meta.enabledByDefault === false && !settings.severity?.[rule.meta.id]) return undefined;
  const set = ruleSetUp(setUp, rule.meta, profiles, settings);
  return set.severity === 'off' ? undefined : set;
}

/** Runs one rule and adds its findings to `found` (its category's assessment is memoised by ctx.assessment). */
function runRule(rule: (typeof RULES)[number], set: RuleSetUp, ctx: RuleContext, found: FoundFindings, profiles: Profile[], settings: ReviewSettings): void {
  const severity = set.severity as Severity;
  const own = rule.meta.category !== DRAFTING ? ctx.assessment(rule.meta.category) : undefined;
  const source = own?.source;
  // A clause from another file of the bundle (rare) gets a maker of its own for this review.
  const maker = source === undefined
    ? (set.maker ??= diagnosticMaker(rule.meta, severity, set.citations, undefined, profiles, settings))
    : diagnosticMaker(rule.meta, severity, set.citations, source, profiles, settings);
  // A category incorporated from another document gets its note, not gap findings about terms that live there.
  const incorporated = Boolean(own?.incorporatedFrom);
  const grouped = checkRuleBlocks(rule, ctx);
  if (grouped) reportGroups(ctx.model, grouped, maker, incorporated, found, rule.meta.id);
  else reportFindings(ctx.model, checkRule(rule, ctx), maker, incorporated, found);
}

/**
 * Every rule of a review that will not stop between steps (review(), reviewDocument(): the CLI), in
 * rule order: the sliced loop in reviewModel without its steps.
 */
function runRules(setUp: SetUp, ctx: RuleContext, active: ReadonlySet<CategoryId>, found: FoundFindings, profiles: Profile[], settings: ReviewSettings): void {
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i];
    const set = ruleToRun(rule, setUp, active, profiles, settings);
    if (set) runRule(rule, set, ctx, found, profiles, settings);
  }
}

function* reviewModel(
  input: ReviewInput, model: ContractModel, profiles: Profile[], problems: string[],
  empty: (isContract: boolean, reason: string) => ReviewResult, whole: boolean,
): Generator<void, ReviewResult> {
  const settings = input.settings ?? {};
  const profileIds = profiles.map((p) => p.id);
  let isContract: boolean;
  let reason: string;
  if (input.force) { isContract = true; reason = input.forceReason ?? 'review forced'; }
  else if (matchesInclude(input.path, settings.include)) { isContract = true; reason = 'the path matches clausewise.include'; }
  else ({ isContract, reason } = detectContract(model));
  if (!isContract) return empty(false, reason);
  yield;
  currentStep.name = 'party names';

  const active = new Set<CategoryId>(profiles.flatMap((p) => p.categories));
  const categories = CATEGORY_IDS.filter((c) => active.has(c));
  // The parties' names and the pronouns each side is called by (a pass over the document): a step.
  const parties = partyMatchers(model);
  yield;
  currentStep.name = 'set-up';
  const classifier = input.classifier === undefined ? shippedClassifier() : input.classifier;
  const own = assessor(model, classifier);
  const members = (input.bundle ?? []).map((m) => ({ path: m.path, assess: assessor(buildContractModel(m.text, 0, formatOfPath(m.path)), classifier) }));
  const cache = new Map<CategoryId, CategoryAssessment>();
  const bases = new Map<CategoryId, CategoryAssessment>();
  // A category is as good as the best file of the bundle: a schedule kept apart still counts.
  const bestOfBundle = (id: CategoryId): CategoryAssessment => {
    let a = bases.get(id);
    if (!a) {
      a = own(id);
      for (const m of members) {
        const b = m.assess(id);
        if (VERDICT_RANK[b.verdict] > VERDICT_RANK[a.verdict]) {
          a = { ...b, source: m.path, section: null, evidence: b.evidence.map((e) => ({ ...e, path: m.path })) };
        }
      }
      bases.set(id, a);
    }
    return a;
  };
  /** Whether the category's assessment asks whether its terms are incorporated from another document (see below). */
  const asksIncorporation = (a: CategoryAssessment): boolean => a.verdict === 'missing' || (a.verdict === 'weak' && !a.source);
  const assessment = (id: CategoryId): CategoryAssessment => {
    let a = cache.get(id);
    if (!a) {
      a = bestOfBundle(id);
      // Still missing with every file of the bundle read, or weak only on the words that name another
      // document ("the Service Level Agreement attached as Schedule 3"): is it incorporated from a document not given?
      if (asksIncorporation(a)) {
        const inc = findIncorporation(model, id);
        const only = (x: CategoryAssessment) => x.evidence.every((e) => e.requirement === 'heading' || (e.span.start >= inc!.evidence.span.start && e.span.end <= inc!.evidence.span.end));
        if (inc && (a.verdict === 'missing' || only(a))) a = { ...a, incorporatedFrom: inc, reason: `${a.reason} in this document; its terms are incorporated from ${inc.document}` };
      }
      cache.set(id, a);
    }
    return a;
  };
  const ctx: RuleContext = { model, parties, assessment: assessment as Assess, thresholds: settings.thresholds ?? {}, profiles: profileIds, categories: active };

  // The sentence list every category scan reads (categories/scan.ts), built (or, after an edit,
  // taken over from the previous model) in a step of its own rather than inside the first rule's.
  if (categories.length) {
    yield;
    currentStep.name = 'sentence list';
    sentencesOf(model);
  }

  const setUp = setUpFor(profiles, settings);
  const found = new FoundFindings(previousFindingCount(model) + 16);
  if (whole) {
    // Nothing will answer between two steps: the rules run in a plain loop (a plain function), not
    // two or three generator steps each (about 2.5% of a CLI thread over cuad-dev was the engine's
    // steps; issue 13, cliengine). The same work in the same order as the loop below.
    currentStep.name = 'rules';
    runRules(setUp, ctx, active, found, profiles, settings);
  } else {
    // The language server's reviews: the loop as it was, body inline (runRule holds the same work;
    // kept apart so that this path is unchanged by the one-shot loop, issue 13, cliengine).
    for (const rule of RULES) {
      if (rule.meta.category !== DRAFTING && !active.has(rule.meta.category)) continue;
      // Opt-in rules run only when the settings name them.
      if (rule.meta.enabledByDefault === false && !settings.severity?.[rule.meta.id]) continue;
      const set = ruleSetUp(setUp, rule.meta, profiles, settings);
      const severity = set.severity;
      if (severity === 'off') continue;
      // A step for the rule's category assessment (memoised: the first rule of a category pays for
      // it) and one for the rule. Where the assessment asks whether the category is incorporated from
      // another document, that search (a pass over every sentence the first time) is a step of its own.
      yield;
      currentStep.name = `assess ${rule.meta.category}`;
      if (rule.meta.category !== DRAFTING && !cache.has(rule.meta.category) && asksIncorporation(bestOfBundle(rule.meta.category))) {
        yield;
        currentStep.name = `incorporation ${rule.meta.category}`;
      }
      const source = rule.meta.category !== DRAFTING ? assessment(rule.meta.category).source : undefined;
      yield;
      currentStep.name = `rule ${rule.meta.id}`;
      // A clause from another file of the bundle (rare) gets a maker of its own for this review.
      const maker = source === undefined
        ? (set.maker ??= diagnosticMaker(rule.meta, severity, set.citations, undefined, profiles, settings))
        : diagnosticMaker(rule.meta, severity, set.citations, source, profiles, settings);
      // A category incorporated from another document gets its note, not gap findings about terms that live there.
      const incorporated = rule.meta.category !== DRAFTING && Boolean(assessment(rule.meta.category).incorporatedFrom);
      const grouped = checkRuleBlocks(rule, ctx);
      if (grouped) reportGroups(model, grouped, maker, incorporated, found, rule.meta.id);
      else reportFindings(model, checkRule(rule, ctx), maker, incorporated, found);
    }
  }
  yield;
  currentStep.name = 'findings';
  // Words two rules report go to their owner, before suppression: accepting the owner's finding
  // accepts the words, rather than bringing them back under the other rule.
  // Deterministic order: by position, then rule id (found.ts merges the rules' runs).
  const order = found.ordered(droppedByOwners(found, WORD_OWNERS));
  const diag = found.diag;
  // Accepted deviations: findings covered by <!-- clausewise-disable... --> comments.
  const listed = new Array<ReviewDiagnostic>(order.length);
  for (let k = 0; k < order.length; k++) listed[k] = diag[order[k]];
  const { diagnostics, fixSpecs: kept, suppressed, warnings } = applySuppressions(model, listed, order);

  const coverage: ReviewResult['coverage'] = {};
  for (const c of categories) coverage[c] = assessment(c).verdict;
  const base = empty(isContract, reason);
  return withLazyFixSpecs({
    isContract, reason, profiles: profileIds, coverage,
    assessments: categories.map(assessment),
    diagnostics, fixSpecs: [] as FixSpec[][], suppressed, warnings,
    problems, model, thresholds: settings.thresholds ?? {}, clausePosition: base.clausePosition,
    ...(base.problemLines ? { problemLines: base.problemLines } : {}),
  }, found, kept);
}
