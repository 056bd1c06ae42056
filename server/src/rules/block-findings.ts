/**
 * A rule's findings per block, kept between edits (issue 13), for rules that read each sentence on
 * its own (its text, whether its block is a heading, its section's titles) plus some context the
 * same for the whole document (the parties' names). A block the edit kept or moved has the same text,
 * source and sentences as the previous model's block it came from, so when the context, the heading
 * reading and the titles are unchanged its findings are the previous ones: the same objects before
 * the edit, moved copies after it. Only the re-parsed blocks' sentences are read; before, every
 * sentence was looked up and every finding of the document built again on each keystroke.
 */
import type { ContractModel } from '../model';
import type { SentenceInfo } from '../categories';
import { previousBlockIndex, spliceTraceOf } from '../model/trace';
import type { FixSpec, RuleFinding } from './types';

/**
 * One block's findings and what they were read from besides the block. No offsets: a moved block's
 * entry without findings is the previous entry itself, so an edit builds nothing for it.
 */
interface Kept { findings: RuleFinding[]; inHeading: boolean; titles: string; context: string; sentences: number }

/** Every rule's store, so that one call hands them all to a model's copy (rules/carry.ts) without importing the rules. */
const stores: BlockFindings[] = [];

/** Hands every rule's per-block findings to a copy of the model with the same blocks (the review worker's released copy). */
export function carryBlockFindings(from: ContractModel, to: ContractModel): void {
  for (const store of stores) store.carry(from, to);
}

export class BlockFindings {
  private built = new WeakMap<ContractModel, Array<Kept | undefined>>();
  private reads = new WeakMap<ContractModel, number>();

  constructor() {
    stores.push(this);
  }

  /**
   * Every finding, in sentence order. `context` names what else the findings read (compared as is);
   * `read` adds the findings of the sentences infos[from, ...) of one block to out.
   */
  of(model: ContractModel, infos: SentenceInfo[], context: string, read: (from: number, out: RuleFinding[]) => void): RuleFinding[] {
    const trace = spliceTraceOf(model);
    const before = trace ? this.built.get(trace.previous) : undefined;
    const blocks = model.blocks;
    const previousBlocks = trace?.previous.blocks;
    const perBlock = new Array<Kept | undefined>(blocks.length);
    const out: RuleFinding[] = [];
    let reads = 0;
    for (let i = 0; i < infos.length;) {
      const first = infos[i];
      const b = first.block;
      const was = before ? previousBlockIndex(trace!, b) : -1;
      const old = was >= 0 ? before![was] : undefined;
      let kept: Kept;
      // A kept block has the previous block's sentences, hence as many infos: the walk skips them
      // (checked at the far end) instead of reading each.
      const end = old ? i + old.sentences : 0;
      if (old && old.inHeading === first.inHeading && old.titles === first.titles && old.context === context
        && end <= infos.length && infos[end - 1].block === b && (end === infos.length || infos[end].block !== b)) {
        const by = old.findings.length ? blocks[b].start - previousBlocks![was].start : 0;
        kept = by === 0 ? old : { findings: old.findings.map((f) => moved(f, by)), inHeading: old.inHeading, titles: old.titles, context, sentences: old.sentences };
        i = end;
      } else {
        let next = i + 1;
        while (next < infos.length && infos[next].block === b) next++;
        const findings: RuleFinding[] = [];
        read(i, findings);
        reads++;
        kept = { findings, inHeading: first.inHeading, titles: first.titles, context, sentences: next - i };
        i = next;
      }
      perBlock[b] = kept;
      for (const f of kept.findings) out.push(f);
    }
    this.built.set(model, perBlock);
    this.reads.set(model, reads);
    return out;
  }

  /** Each block's kept findings and how many blocks were read rather than taken over (for tests). */
  stats(model: ContractModel): { perBlock: ReadonlyArray<{ findings: RuleFinding[] } | undefined>; read: number } | undefined {
    const perBlock = this.built.get(model);
    return perBlock ? { perBlock, read: this.reads.get(model)! } : undefined;
  }

  /** Hands the findings to a copy of the model with the same blocks (the review worker's released copy). */
  carry(from: ContractModel, to: ContractModel): void {
    const b = this.built.get(from);
    if (b && from.blocks === to.blocks && from.text === to.text) this.built.set(to, b);
  }
}

/** A finding of a block moved by `by` characters; its fixes' spans move with it. */
function moved(f: RuleFinding, by: number): RuleFinding {
  const span = { start: f.span.start + by, end: f.span.end + by };
  const out: RuleFinding = { ...f, span };
  if (f.fixes) {
    out.fixes = f.fixes.map((x): FixSpec => {
      if (x.kind === 'replace') return { ...x, span: x.span === f.span ? span : { start: x.span.start + by, end: x.span.end + by } };
      if (x.kind === 'edits') return { ...x, edits: x.edits.map((e) => ({ span: { start: e.span.start + by, end: e.span.end + by }, replacement: e.replacement })) };
      return x; // insertClause names a section by index, which a kept block's does not change
    });
  }
  return out;
}
