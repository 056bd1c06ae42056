// Records, in order, what the server's thread does with its review worker: each query asked and
// answered (`asked hover`, `answered hover`) and each job queued (`job v3`). For tests of the order of
// queries and jobs; the returned function puts ReviewThread back.
import { ReviewThread } from '../../server/src/lsp/review-thread';

export function recordThreadEvents(events: string[]): () => void {
  const ask = ReviewThread.prototype.ask;
  ReviewThread.prototype.ask = function (this: ReviewThread, ...args: Parameters<typeof ask>) {
    events.push(`asked ${args[2].kind}`);
    return ask.apply(this, args).then((a) => { events.push(`answered ${args[2].kind}`); return a; });
  };
  const queue = ReviewThread.prototype.review;
  ReviewThread.prototype.review = function (this: ReviewThread, ...args: Parameters<typeof queue>) {
    events.push(`job v${args[0].version}`);
    return queue.apply(this, args);
  };
  return () => { ReviewThread.prototype.ask = ask; ReviewThread.prototype.review = queue; };
}
