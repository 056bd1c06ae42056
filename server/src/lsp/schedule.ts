/**
 * When the language server reviews, and how requests wait for a review without starting one.
 *
 * - An edit is reviewed after a delay that follows what the document's last review cost: a cheap
 *   document at once (after MIN_EDIT_DELAY_MS), an expensive one after a pause in typing as long as
 *   its last review took, never longer than the configured debounce.
 * - Requests that need the findings (hover, code actions, semantic tokens, completion) wait for the
 *   review of the version they were asked about; they get null when that version is superseded, the
 *   document closes or the client cancels them.
 */
import type { CancellationToken } from 'vscode-languageserver/node';

/** The longest an edit waits before its review (initializationOptions.debounceMs overrides). */
export const DEFAULT_DEBOUNCE_MS = 250;
/**
 * Every edit waits at least this long, even with debounceMs 0, so that a burst of messages read in
 * separate chunks (a change followed at once by a close or another change) is seen before reviewing:
 * a change followed at once by a close must never be reviewed and published.
 */
export const MIN_EDIT_DELAY_MS = 15;
/** A review that took at most this long is cheap: the next edit is reviewed without waiting for a pause. */
export const CHEAP_REVIEW_MS = 30;

/** How long an edit waits before its review, given the last review's cost (ms; undefined: none yet). */
export function editDelay(lastCostMs: number | undefined, debounceMs: number): number {
  if (lastCostMs === undefined || lastCostMs <= CHEAP_REVIEW_MS) return MIN_EDIT_DELAY_MS;
  return Math.max(MIN_EDIT_DELAY_MS, Math.min(debounceMs, Math.ceil(lastCostMs)));
}

interface Waiter<T> {
  version: number;
  resolve: (value: T | null) => void;
}

/** Requests waiting for the review of a document version, settled when it completes or can no longer come. */
export class ReviewWaiters<T> {
  private readonly byUri = new Map<string, Array<Waiter<T>>>();

  /** The review of `version` once it completes; null when superseded, closed or cancelled first. */
  wait(uri: string, version: number, token: CancellationToken): Promise<T | null> {
    if (token.isCancellationRequested) return Promise.resolve(null);
    return new Promise<T | null>((resolve) => {
      const list = this.byUri.get(uri) ?? [];
      this.byUri.set(uri, list);
      const cancel = token.onCancellationRequested(() => { this.remove(uri, waiter); resolve(null); });
      const waiter: Waiter<T> = { version, resolve: (v) => { cancel.dispose(); resolve(v); } };
      list.push(waiter);
    });
  }

  /** The review of `version` completed (value) or failed (null): settles its waiters and older ones. */
  settle(uri: string, version: number, value: T | null): void {
    this.take(uri, (w) => w.version <= version).forEach((w) => w.resolve(w.version === version ? value : null));
  }

  /** `version` is now the newest: waiters for older versions get null. */
  supersede(uri: string, version: number): void {
    this.take(uri, (w) => w.version < version).forEach((w) => w.resolve(null));
  }

  close(uri: string): void {
    this.take(uri, () => true).forEach((w) => w.resolve(null));
  }

  cancelAll(): void {
    for (const uri of [...this.byUri.keys()]) this.close(uri);
  }

  private take(uri: string, test: (w: Waiter<T>) => boolean): Array<Waiter<T>> {
    const list = this.byUri.get(uri);
    if (!list) return [];
    const taken = list.filter(test);
    const kept = list.filter((w) => !test(w));
    if (kept.length) this.byUri.set(uri, kept);
    else this.byUri.delete(uri);
    return taken;
  }

  private remove(uri: string, waiter: Waiter<T>): void {
    this.take(uri, (w) => w === waiter);
  }
}
