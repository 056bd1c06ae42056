import { formatOfPath, type ContractModel, type TextFormat } from '../model';
import { ownChunks, releaseChunks } from '../model/markdown';
import { finishSteps, fullModelStateSteps, knownRange, updateModelStateSteps, type KnownEdit, type ModelState } from '../model/incremental';
import { inFactRound, FactCache } from '../model/facts';
import { forgetSpliceTrace } from '../model/trace';
import { carrySentenceInfos } from '../categories/scan';
import { carryDraftingIndexes } from '../drafting/carry';
import { carryRuleResults } from '../rules/carry';
import { carryKeptRuns } from './kept-runs';
import { RULES } from '../rules';
import { reviewSteps, runSteps } from './review';
import type { ReviewInput, ReviewResult } from './types';

/**
 * The review of one open document, kept between edits (issue 13, point 1). Each update re-parses
 * only the sections an edit touches and splices them into the cached model (model/incremental.ts);
 * per-block facts (sentence context, signal matches, drafting facts) are memoised by the text they
 * depend on (model/facts.ts), so only changed blocks are read again, while document-level coverage
 * and cross-block rules are recomputed from them by the same review() the CLI runs (category scans
 * and drafting extractors look up per-run and per-block facts rather than re-reading every
 * sentence; see docs/performance.md). The result is
 * therefore the one a full review of the same text and settings gives; a property test
 * (test/engine/incremental.test.ts) checks that after every step of random edit sequences.
 */
export class IncrementalReview {
  private state: (ModelState & { format: TextFormat }) | null = null;
  /** A model build under way (modelSteps), between two of its steps. */
  private building: ModelBuild | null = null;
  private configKey: string | null = null;
  private readonly facts = new FactCache();

  /**
   * `owner`, when given, names the document (the language server's URI): the parse cache then drops
   * the chunks its earlier texts held and no document's current text holds (model/markdown.ts
   * ownChunks), and `releaseChunks(owner)` lets go of them when the document closes.
   */
  constructor(private readonly owner?: string) {}

  /**
   * The model of this text, spliced from the previous one where that is safe (else parsed whole).
   * The format follows the document's language, as the server decides it.
   */
  model(text: string, version: number, format: TextFormat, edit?: KnownEdit): ContractModel {
    return finishSteps(this.modelSteps(text, version, format, edit));
  }

  /**
   * model() in steps (issue 13): the splice's steps (model/incremental.ts updateModelStateSteps), so
   * a caller that answers requests between steps never runs a whole model build at once. Builds do
   * not overlap: a model asked for while another caller's build is between two steps (a request
   * that needs the current model, during a review's pause) first finishes that build, then its own;
   * the interrupted caller then finds its model built. A caller that stops early (the document
   * closed) leaves the state as it was. `edit`, when the caller knows how `text` was made from an
   * earlier text (model/incremental.ts KnownEdit), spares comparing the texts when it was made from
   * this state's; otherwise it is not used.
   */
  *modelSteps(text: string, version: number, format: TextFormat, edit?: KnownEdit): Generator<void, ContractModel> {
    this.finishBuilding();
    const st = this.state;
    if (st && st.format === format && sameText(st.model.text, text, edit)) {
      if (st.model.version !== version) {
        this.state = { ...st, model: { ...st.model, version } };
        carrySentenceInfos(st.model, this.state.model);
        carryDraftingIndexes(st.model, this.state.model);
        carryRuleResults(st.model, this.state.model);
        carryKeptRuns(st.model, this.state.model);
      }
      return this.state!.model;
    }
    const build: ModelBuild = {
      steps: st && st.format === format ? updateModelStateSteps(st, text, version, format, edit) : fullModelStateSteps(text, version, format, 'first review'),
      format, built: null,
    };
    this.building = build;
    try {
      while (!this.advance(build)) yield;
    } finally {
      // Stopped between two steps (the generator returned early): the build is dropped.
      if (this.building === build) {
        this.building = null;
        build.steps.return(undefined as unknown as ModelState);
      }
    }
    return build.built!.model;
  }

  /** One step of a build; true when it is complete (now, or earlier by another caller). */
  private advance(build: ModelBuild): boolean {
    if (build.built) return true;
    const r = build.steps.next();
    if (!r.done) return false;
    build.built = { ...r.value, format: build.format };
    if (this.building === build) {
      this.state = build.built;
      // A model built without the cache's chunks (plain text, markup past the parser's caps) holds none.
      if (this.owner !== undefined) {
        if (build.built.chunkRefs) ownChunks(this.owner, build.built.chunkRefs);
        else releaseChunks(this.owner);
      }
      this.building = null;
    }
    return true;
  }

  /** Completes the build another caller left between two steps, if any. */
  private finishBuilding(): void {
    const build = this.building;
    if (build) while (!this.advance(build));
  }

  /**
   * Lets go of the analyses cached for the last model (the WeakMaps keyed by the model object in
   * categories/, drafting/, classifier/...) while keeping what the next edit is spliced from. They
   * are worth as much again as the model itself, and the next version is a new model object that
   * never reads them. For a holder that keeps no other reference to the reviewed model (the review
   * worker, whose results are copied to the server's thread); see docs/performance.md.
   */
  releaseModelCaches(): void {
    this.finishBuilding();
    if (!this.state) return;
    const reviewed = this.state.model;
    this.state = { ...this.state, model: { ...reviewed } };
    // Except the sentence list (categories/scan.ts), from which the next model takes the entries of
    // the blocks an edit leaves alone: about a megabyte for a 1 MB contract, and it saves re-reading them.
    carrySentenceInfos(reviewed, this.state.model);
    // And what the drafting checks take over for the blocks an edit leaves alone (drafting/carry.ts).
    carryDraftingIndexes(reviewed, this.state.model);
    carryRuleResults(reviewed, this.state.model);
    carryKeptRuns(reviewed, this.state.model);
  }

  /**
   * Lets go of the memoised per-block facts (about 20 MB for a 1 MB contract, the largest part of
   * the state) while keeping the model the next edit is spliced from: for a document not being
   * edited (the review worker, issue 13 memory). Its next review computes every fact again, as a
   * first review does, so its result is the same.
   */
  releaseEditCaches(): void {
    this.facts.clear();
    // And what the last model carries for the next edit only (the sentence list with the category
    // assessments' records, the drafting indexes, the rules' per-block findings and the engine's
    // kept runs, all keyed by the model): about 14 MB more for a 1 MB contract, which the next
    // review makes again from the spliced model, as releaseModelCaches' copy without the carries.
    this.finishBuilding();
    if (this.state) this.state = { ...this.state, model: { ...this.state.model } };
  }

  /** How many texts have memoised facts (for tests). */
  get factCount(): number {
    return this.facts.size;
  }

  /** Why the last model was parsed whole (null when it was spliced): for tests and the benchmark. */
  get fullParseReason(): string | null {
    return this.state?.fullReason ?? null;
  }

  /**
   * Reviews the input as review() does, reusing the previous model and per-block facts. A change
   * of settings, of the set of rules or of the classifier drops the memoised facts first.
   */
  review(input: ReviewInput, format: TextFormat = formatOfPath(input.path), prebuilt?: ContractModel): ReviewResult {
    return runSteps(this.reviewSteps(input, format, prebuilt));
  }

  /**
   * review() in steps (engine/review.ts reviewSteps), for a caller that answers requests between
   * them (the language server's thread). The memoised facts are active only inside each step, and
   * their round ends after the last one. One review of a document at a time: the caller finishes
   * (or drops) one before it starts the next.
   */
  *reviewSteps(input: ReviewInput, format: TextFormat = formatOfPath(input.path), prebuilt?: ContractModel): Generator<void, ReviewResult> {
    const key = configKeyOf(input);
    if (key !== this.configKey) {
      this.facts.clear();
      this.configKey = key;
    }
    const model = prebuilt ?? this.model(input.text, input.version ?? 0, format);
    const steps = reviewSteps(input, model);
    try {
      for (;;) {
        const r = inFactRound(this.facts, () => steps.next());
        if (r.done) return r.value;
        yield;
      }
    } finally {
      this.facts.endRound();
      // The link to the previous model is needed only while this one is reviewed.
      forgetSpliceTrace(model);
    }
  }

  /** Forgets everything (the document closed, or the server was told to start afresh). */
  reset(): void {
    this.building = null;
    this.state = null;
    this.configKey = null;
    this.facts.clear();
  }
}

/**
 * Is `text` the same as `prev`? Told by the edit when it was made from `prev` (a string compare of
 * two texts of the same length reads both whole), by comparing them otherwise.
 */
function sameText(prev: string, text: string, edit: KnownEdit | undefined): boolean {
  const r = knownRange(edit, prev, text.length);
  if (!r) return prev === text;
  return r.newEnd - r.start === r.oldEnd - r.start && edit!.insert === prev.slice(r.start, r.oldEnd);
}

/** A model build in steps (IncrementalReview.modelSteps), and its state once complete. */
interface ModelBuild {
  steps: Generator<void, ModelState>;
  format: TextFormat;
  built: (ModelState & { format: TextFormat }) | null;
}

const classifierIds = new WeakMap<object, number>();
let nextClassifierId = 1;

/** What the memoised facts may depend on besides the text: settings, rules, classifier. */
function configKeyOf(input: ReviewInput): string {
  let classifier = 'shipped';
  if (input.classifier === null) classifier = 'none';
  else if (input.classifier) {
    let id = classifierIds.get(input.classifier);
    if (!id) classifierIds.set(input.classifier, (id = nextClassifierId++));
    classifier = String(id);
  }
  return JSON.stringify([input.settings ?? {}, input.path ?? '', RULES.length, RULES.map((r) => r.meta.id).join(','), classifier]);
}
