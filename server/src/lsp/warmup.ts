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
export function sampleContract(): string {
  let text = '# Services Agreement (warm-up sample)\n\nThis agreement is made between Example Customer Ltd (the "Customer") and Example Supplier plc (the "Supplier").\n';
  for (let i = 0; i < allClauses().length && text.length < SAMPLE_CHARS; i++) {
    text += `\n${renderClause(allClauses()[i], { number: String(i + 1), parties: DEFAULT_PARTY_NAMES, snippet: false, headingDepth: 2 })}\n`;
  }
  return text;
}

/** The sample after its n-th edit: one character typed before a full stop, at places spread through it (as a user types). */
export function editedSample(text: string, n: number): string {
  const around = Math.floor(((n * 7) % WARM_UP_EDITS + 0.5) / WARM_UP_EDITS * text.length);
  const dot = text.indexOf('. ', around);
  const at = dot > 0 ? dot : Math.floor(text.length / 2);
  return `${text.slice(0, at)}x${text.slice(at)}`;
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

  constructor(private readonly edits = WARM_UP_EDITS, private readonly sample: () => string = sampleContract) {}

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
        if (!this.state) {
          this.state = new IncrementalReview();
          this.text = this.sample();
        } else {
          this.text = editedSample(this.text, this.reviewed);
        }
        // With findings' JSON kept as for a real document, so that the publish's code is warm too.
        this.review = runReviewJobSteps(sampleJob(this.text, this.reviewed + 1), this.state, () => undefined, (this.json ??= new DiagnosticsJsonCache()));
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

function sampleJob(text: string, version: number): ReviewJob {
  return { uri: 'clausewise-warmup:/sample.md', version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
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
