// Worker thread: reviews contracts with the rules alone and returns, per contract, the rules'
// verdicts and the sentences the classifier reads (see reviewed.ts).
import { parentPort } from 'node:worker_threads';
import { reviewForAccuracy } from './reviewed';

parentPort!.on('message', (msg: { id: number; text: string }) => {
  parentPort!.postMessage({ id: msg.id, result: reviewForAccuracy(msg.text) });
});
