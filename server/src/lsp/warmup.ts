/**
 * Warming up the server's thread's review code while it is idle (issue 13). The first edits after a document is
 * opened cost two to three times what later ones do: the open runs the full review, so the
 * incremental path (splicing the model, the per-block facts kept between edits) is still
 * interpreted, without type feedback, when the first keystrokes arrive. A second document opened in
 * the same process has fast first edits (scripts/warmup-probe.ts), so the cost is the JIT's, not work.
 *
 * So once the thread has had a pause after a review, it reviews a sample contract of its own (the
 * clause library's clauses) and a few edits of it through the same incremental path, one small step
 * per turn of the event loop, so that a request waits for one step at most. It never touches a real
 * document's state, never publishes (the results are dropped), and gives way to an edit at once: the
 * sample review under way is dropped and stepping stops until the thread is idle again. Once it has
 * reviewed WARM_UP_EDITS edits, it stops for good and lets its state go. (Tried in the review worker
 * too, and not kept: docs/performance.md.)
 */
import { IncrementalReview } from '../engine';
import { allClauses, DEFAULT_PARTY_NAMES, renderClause } from '../library';
import { runReviewJobSteps, type ReviewJob } from './review-job';
import { DiagnosticsJsonCache } from './diagnostics-json';
import { muteTrace, trace } from './trace';
import type { KnownEdit } from '../model/incremental';

/**
 * How long the server's thread must have been left alone after a review before it warms up (ms): a
 * pause, such as reading a document just opened. Its warm-up then never runs in the few
 * milliseconds between a publish and the next keystroke, nor in an edit's debounce.
 */
export const WARM_UP_AFTER_MS = 200;

/** About how long the sample is (characters). */
export const SAMPLE_CHARS = 20_000;

/** How many edits of the sample a thread reviews: enough for V8 to optimise the incremental path. */
export const WARM_UP_EDITS = 12;

/**
 * The sample: the library's clauses in order, each under a numbered heading, up to SAMPLE_CHARS:
 * long enough to take the paths of a long contract (186 sentences; the category signals' prefilter
 * is on from 150), short enough that a step of its review takes a few milliseconds. The project's
 * own clause texts.
 */
export function sampleContract(chars = SAMPLE_CHARS): string {
  let text = '# Services Agreement (warm-up sample)\n\nThis agreement is made between Example Customer Ltd (the "Customer") and Example Supplier plc (the "Supplier").\n';
  for (let i = 0; i < allClauses().length && text.length < chars; i++) {
    text += `\n${renderClause(allClauses()[i], { number: String(i + 1), parties: DEFAULT_PARTY_NAMES, snippet: false, headingDepth: 2 })}\n`;
  }
  return text;
}

/** The sample after its n-th edit: one character typed before a full stop, at places spread through it (as a user types). */
export function editedSample(text: string, n: number): string {
  const at = sampleEditAt(text, n);
  return `${text.slice(0, at)}x${text.slice(at)}`;
}

/** Where editedSample types its n-th character. */
function sampleEditAt(text: string, n: number): number {
  const around = Math.floor(((n * 7) % WARM_UP_EDITS + 0.5) / WARM_UP_EDITS * text.length);
  const dot = text.indexOf('. ', around);
  return dot > 0 ? dot : Math.floor(text.length / 2);
}

/**
 * How a warm-up's sample jobs look. The server's thread's jobs carry no edit and whole diagnostics;
 * the review worker's carry the edit (./job-text.ts) and the client's diagnostic shape and changes,
 * and each takes its own paths (the model told the edit's range, compact JSON, splices).
 */
export interface WarmUpJobs {
  knownEdit?: boolean;
  diagnosticShape?: ReviewJob['diagnosticShape'];
  /** The diagnostic changes version the document's client asked for (0 or absent: none). */
  diagnosticChanges?: number;
  /** The settings and format reviewed with (default: none, Markdown). */
  settings?: ReviewJob['settings'];
  format?: ReviewJob['format'];
}

/** The warm-up's reviews, one step at a time. */
export class WarmUp {
  private state: IncrementalReview | null = null;
  /** The sample's findings' JSON, kept between its reviews as a real document's is. */
  private json: DiagnosticsJsonCache | null = null;
  private review: Generator<void, unknown> | null = null;
  private text = '';
  /** Sample versions reviewed to the end: 1 is the open, then the edits. */
  private reviewed = 0;
  private finished = false;
  /** Sample reviews dropped because input arrived. */
  interruptions = 0;

  constructor(private readonly edits = WARM_UP_EDITS, private readonly sample: () => string = sampleContract, private readonly jobs: WarmUpJobs = {}) {}

  get done(): boolean {
    return this.finished;
  }

  /** How many sample reviews (the open, then edits) ran to the end. */
  get completed(): number {
    return this.reviewed;
  }

  /** Runs one step of a sample review (a few milliseconds); false once the warm-up is over. Never throws. */
  step(): boolean {
    if (this.finished) return false;
    const unmute = muteTrace();
    try {
      if (!this.review) {
        if (this.reviewed > this.edits) return this.finish();
        let edit: KnownEdit | undefined;
        if (!this.state) {
          this.state = new IncrementalReview();
          this.text = this.sample();
        } else {
          const before = this.text;
          const at = sampleEditAt(before, this.reviewed);
          this.text = `${before.slice(0, at)}x${before.slice(at)}`;
          if (this.jobs.knownEdit) edit = { before, start: at, oldEnd: at, insert: 'x' };
        }
        // With findings' JSON kept as for a real document, so that the publish's code is warm too.
        const json = (this.json ??= new DiagnosticsJsonCache(this.jobs.diagnosticShape, this.jobs.diagnosticChanges ?? 0));
        this.review = runReviewJobSteps(sampleJob(this.text, this.reviewed + 1, this.jobs, edit), this.state, () => undefined, json);
      }
      const next = this.review.next();
      if (next.done) {
        this.review = null;
        this.reviewed++;
        if (this.reviewed > this.edits) return this.finish();
      }
      return true;
    } catch {
      // The warm-up is only ever a speed-up: a sample review that fails ends it.
      return this.finish();
    } finally {
      unmute();
    }
  }

  /**
   * Input arrived: the sample review under way is dropped (never resumed, so no real review ever
   * runs between two of its steps); the sample's state is kept, and the next sample review is
   * spliced from whatever model it holds (its results are never read, so a half-updated state costs
   * nothing but its own accuracy).
   */
  interrupt(): void {
    if (!this.review) return;
    this.review = null;
    this.interruptions++;
  }

  private finish(): false {
    if (!this.finished) trace(`warm-up over (${this.reviewed} sample reviews, ${this.interruptions} dropped)`);
    this.finished = true;
    this.state = null;
    this.json = null;
    this.review = null;
    return false;
  }
}

function sampleJob(text: string, version: number, jobs: WarmUpJobs, edit: KnownEdit | undefined): ReviewJob {
  return {
    uri: 'clausewise-warmup:/sample.md', version, text, format: jobs.format ?? 'markdown', settings: jobs.settings ?? {}, force: false, workspaceFolders: [],
    ...(edit ? { edit } : {}),
    ...(jobs.diagnosticShape ? { diagnosticShape: jobs.diagnosticShape } : {}),
    ...(jobs.diagnosticChanges ? { diagnosticChanges: jobs.diagnosticChanges } : {}),
  };
}

/**
 * Runs a WarmUp's steps on the event loop, one per turn (setImmediate), so that whatever arrives
 * (a message, a request, an edit) is handled before the next step: the wait it can cause is one
 * step. `mayRun` is asked before each step (e.g. "no review is scheduled"); when it says no, the
 * stepping stops until `resume` is called again. With `afterMs`, stepping starts only once the
 * thread has been left alone that long after `resume`.
 */
export class IdleWarmUp {
  private pending: NodeJS.Immediate | null = null;
  private waiting: NodeJS.Timeout | null = null;

  constructor(readonly warmUp: WarmUp, private readonly mayRun: () => boolean = () => true, private readonly afterMs = 0) {}

  /** The thread is idle (a review just finished): steps go on, unless the warm-up is over. */
  resume(): void {
    if (this.pending || this.waiting || this.warmUp.done) return;
    if (this.afterMs <= 0) {
      this.pending = setImmediate(this.tick);
      return;
    }
    this.waiting = setTimeout(() => {
      this.waiting = null;
      this.pending = setImmediate(this.tick);
    }, this.afterMs);
    // A warm-up never keeps a process alive.
    this.waiting.unref();
  }

  /** Something arrived: no further step, and the sample review under way is dropped. */
  interrupt(): void {
    if (this.pending) clearImmediate(this.pending);
    if (this.waiting) clearTimeout(this.waiting);
    this.pending = null;
    this.waiting = null;
    this.warmUp.interrupt();
  }

  dispose(): void {
    this.interrupt();
  }

  private readonly tick = (): void => {
    this.pending = null;
    if (!this.mayRun()) {
      this.warmUp.interrupt();
      return;
    }
    if (this.warmUp.step()) this.pending = setImmediate(this.tick);
  };
}

/** How long the review worker's sample is (characters): a prefix of the document it just opened. */
export const WORKER_SAMPLE_CHARS = 20_000;

/** How many edits of its sample the review worker reviews (after the sample's open). */
export const WORKER_WARM_UP_EDITS = 2;

/**
 * The review worker's sample: the document's first `chars` characters or so, cut at a blank line (a
 * block's end), as a string of its own (a slice would keep the whole text alive). Reviewed as the
 * document is, it takes the document's paths: a sample of other clauses (the library's, as the
 * server's thread uses) cost a 1 MB contract's worker two to three times as much for its open
 * (rules, categories and expressions the document never ran, compiled for the sample alone).
 */
export function documentSample(text: string, chars = WORKER_SAMPLE_CHARS): string {
  if (text.length <= chars) return Buffer.from(text, 'utf16le').toString('utf16le');
  const blank = text.indexOf('\n\n', chars);
  const end = blank < 0 || blank > 2 * chars ? chars : blank + 1;
  return Buffer.from(text.slice(0, end), 'utf16le').toString('utf16le');
}

/**
 * The review worker's warm-up before a document's first edit (issue 13, firstedit). A large
 * document's first edit after its open cost the worker about twice what later edits do, most of it
 * the incremental path (the model's splice, the carried facts and patches, the findings' changes)
 * running for the first time, interpreted and without type feedback. Once a document's open has
 * been posted (and its findings' JSON cache filled), while the server's thread publishes and the
 * user reads, the worker reviews a sample (a prefix of that document, ./warmup.ts documentSample)
 * and a few one-character edits of it, as the document's own jobs come (the edit known, the client's
 * diagnostic shape and changes), one step per turn of the event loop; its results are dropped and
 * never posted, and it never touches a real document's state.
 *
 * It gives way at once: before each step it asks `waiting` (a message posted to the worker and not
 * yet handled: the server's thread counts them in shared memory), so a job that has been posted
 * waits for no step begun after it; the message's handler pauses it, which drops the sample review
 * under way (the sample's state is kept; the next one splices from it). After the next open it
 * resumes. It ends for good, letting its state go, once its edits are reviewed, once the worker has
 * reviewed a real edit (its code is warm then), or when the worker collects its garbage while idle.
 */
export class FirstEditWarmUp {
  private warmUp: WarmUp | null = null;
  private over = false;
  private tick: NodeJS.Immediate | null = null;
  /** Steps run (for tests and traces). */
  steps = 0;

  constructor(private readonly waiting: () => boolean, private readonly edits = WORKER_WARM_UP_EDITS, private readonly sampleChars = WORKER_SAMPLE_CHARS) {}

  /** Over for good (its edits reviewed, a real edit reviewed, or ended). */
  get done(): boolean {
    return this.over;
  }

  /** The sample reviews run to the end so far (the open, then edits). */
  get completed(): number {
    return this.warmUp?.completed ?? this.completedAtEnd;
  }

  private completedAtEnd = 0;

  /** Sample reviews dropped part-way because a message came. */
  get interruptions(): number {
    return this.warmUp?.interruptions ?? 0;
  }

  /** Whether a step is scheduled. */
  get running(): boolean {
    return this.tick !== null;
  }

  /**
   * A document's first review here has been posted: steps go on from the next turn. The first time,
   * its text (`text()`, read only then) gives the sample and `jobs` how the sample's jobs look.
   */
  resume(text: () => string, jobs: WarmUpJobs): void {
    if (this.over || this.tick) return;
    this.prepare(text, jobs);
    trace('warm-up resumed');
    this.tick = setImmediate(this.step);
  }

  /**
   * Runs the warm-up to its end at once, within the open's job, before its diagnostics are posted
   * (issue 13, round sixteen): at the bench's pace the first keystroke reaches the worker 20 to 70 ms
   * after the open's diagnostics, too soon for the stepped warm-up, whose sample open alone costs
   * 45 to 70 ms. It still asks `waiting` before every step and stops when a message has been posted
   * (the rest is left to `resume`). Returns whether it ran to its end.
   */
  runNow(text: () => string, jobs: WarmUpJobs): boolean {
    if (this.over) return true;
    this.pause();
    const w = this.prepare(text, jobs);
    trace('warm-up before the publish');
    while (!this.waiting()) {
      this.steps++;
      if (!w.step()) {
        this.end();
        return true;
      }
    }
    w.interrupt();
    trace(`warm-up gave way (${w.completed} sample reviews, ${this.steps} steps)`);
    return false;
  }

  /** The sample and its jobs, made the first time from the document's text (read only then). */
  private prepare(text: () => string, jobs: WarmUpJobs): WarmUp {
    if (!this.warmUp) {
      const sample = documentSample(text(), this.sampleChars);
      this.warmUp = new WarmUp(this.edits, () => sample, { ...jobs, knownEdit: true });
    }
    return this.warmUp;
  }

  /** A message came: no further step, and the sample review under way is dropped. */
  pause(): void {
    if (this.tick) clearImmediate(this.tick);
    this.tick = null;
    this.warmUp?.interrupt();
  }

  /** Over for good; its state goes. */
  end(): void {
    this.pause();
    if (!this.over) trace(`warm-up ended (${this.warmUp?.completed ?? 0} sample reviews, ${this.steps} steps)`);
    this.over = true;
    this.completedAtEnd = this.warmUp?.completed ?? this.completedAtEnd;
    this.warmUp = null;
  }

  private readonly step = (): void => {
    this.tick = null;
    const w = this.warmUp;
    if (!w || this.over) return;
    if (this.waiting()) {
      w.interrupt();
      trace(`warm-up gave way (${w.completed} sample reviews, ${this.steps} steps)`);
      return;
    }
    this.steps++;
    if (w.step()) this.tick = setImmediate(this.step);
    else this.end();
  };
}
