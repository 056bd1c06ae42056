// What the in-process memory probes (memory-probe.ts, offsets-probe.ts, text-cache-probe.ts) share:
// their numeric options, generated contracts opened through the review worker's WorkerDocuments (as
// lsp/review-worker.ts reviews a document's job), and the memory row's edits, an "x" typed before a
// full stop at a spread of places.
import type { ReviewJob } from '../server/src/lsp/review-job';
import { WorkerDocuments } from '../server/src/lsp/worker-documents';
import { generateContract } from './bench-contract';

/** A numeric option given as `--name N` on the command line, else `dflt`. */
export const numberArg = (name: string, dflt: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : dflt;
};

/** Generated contract number `d + 1` of `bytes`: its title numbered, so that no two probes' documents are the same text. */
export const numberedContract = (bytes: number, d: number): string =>
  generateContract(bytes).replace('# Master Services Agreement', `# Master Services Agreement ${d + 1}`);

/** Where the memory row's edit `i` goes, as a fraction of the text: a spread of places, the same in every run. */
export const spreadAt = (i: number): number => ((i * 7919) % 1000) / 1000;

/** Documents reviewed and edited as the review worker reviews its jobs. */
export class ProbeDocuments {
  readonly documents = new WorkerDocuments();
  readonly texts: string[] = [];
  private readonly versions: number[] = [];

  /** `name` makes the documents' URIs (file:///tmp/<name>-<d>.md). */
  constructor(private readonly name: string) {}

  uri(d: number): string {
    return `file:///tmp/${this.name}-${d}.md`;
  }

  /** Opens a document of this text (the next number) and reviews it; the review's CPU time (ms). */
  open(text: string): number {
    this.texts.push(text);
    this.versions.push(1);
    return this.review(this.texts.length - 1);
  }

  /** Types an "x" before the first full stop at or after `fraction` of document `d`'s text and reviews it; the review's CPU time (ms). */
  edit(d: number, fraction: number): number {
    const text = this.texts[d];
    const at = text.indexOf('. ', Math.floor(fraction * text.length));
    this.texts[d] = text.slice(0, at) + 'x' + text.slice(at);
    this.versions[d]++;
    return this.review(d);
  }

  /** Reviews document `d`'s current version as a job of the review worker, and settles it; the CPU time (ms). */
  private review(d: number): number {
    const job: ReviewJob = { uri: this.uri(d), version: this.versions[d], text: this.texts[d], format: 'markdown', settings: {}, force: false, workspaceFolders: [] };
    const c = process.cpuUsage();
    this.documents.review(job, () => undefined);
    this.documents.settle(job.uri);
    const used = process.cpuUsage(c);
    return (used.user + used.system) / 1000;
  }
}
