import type { Block, ContractModel, CrossReference } from './types';
import { sourceOffsetAt } from './offsetBlock';
import { matchesIn } from './text';

const REF = /\b(clauses?|sections?|paragraphs?|articles?|schedules?|annex(?:es)?|appendix|appendices|exhibits?|attachments?)\s+((?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5}\b|[A-Z]\b)(?:\([a-z0-9]{1,4}\))*)/gi;

const SINGULAR: Record<string, string> = {
  clauses: 'clause', sections: 'section', paragraphs: 'paragraph', articles: 'article', schedules: 'schedule',
  annexes: 'annex', appendices: 'appendix', exhibits: 'exhibit', attachments: 'attachment',
};

/**
 * The model's cross-references, in text order: found in its blocks when first asked, then kept per
 * model (issue 13: not built with every model, nor moved with every edit, since no review asks).
 */
export function crossReferencesOf(model: ContractModel): CrossReference[] {
  let refs = ofModel.get(model);
  if (!refs) ofModel.set(model, (refs = findCrossReferences(model.blocks)));
  return refs;
}
const ofModel = new WeakMap<ContractModel, CrossReference[]>();

/** "clause 4.2", "Schedule 3", "Section 12(b)": references to other parts of the contract. */
export function findCrossReferences(blocks: Block[]): CrossReference[] {
  const refs: CrossReference[] = [];
  // Indexed loops: a first model runs this once, unoptimised, where for-of allocates per step (issue 13).
  for (let b = 0; b < blocks.length; b++) {
    const found = crossReferencesInBlock(blocks[b]);
    for (let k = 0; k < found.length; k++) refs.push(found[k]);
  }
  return refs;
}

/** The references in one block, in order (a function of the block alone; see model/docFacts.ts). */
export function crossReferencesInBlock(block: Block): CrossReference[] {
  const refs: CrossReference[] = [];
  if (block.kind === 'code' || block.kind === 'html' || block.kind === 'heading') return refs;
  const matches = matchesIn(REF, block.text);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const at = m.index!;
    const end = at + m[0].length;
    const kind = SINGULAR[m[1].toLowerCase()] ?? m[1].toLowerCase();
    refs.push({ kind, target: m[2], start: sourceOffsetAt(block, at), end: sourceOffsetAt(block, end - 1) + 1 });
  }
  return refs;
}
