/**
 * What a signature block lacks: a party of the contract with no place to sign, or a party's block
 * with no line for the signatory's name, title or the date.
 */
import type { ContractModel, Span } from '../model';
import { sourceOffsetAt } from './offsets';
import { foldQuotes } from '../model';
import { namedParties } from './parties';
import { findSignatureBlock, type SignatureParty, type SigningField } from './signatures';

export type SigningGap =
  | { kind: 'party'; span: Span; party: string }
  | { kind: 'fields'; span: Span; party: SignatureParty; missing: SigningField[]; insertAt: number | null };

export function signingGaps(model: ContractModel): SigningGap[] {
  const named = namedParties(model);
  const aliases = model.parties.map((p) => p.alias);
  const block = findSignatureBlock(model, aliases);
  if (!block || !block.parties.length) return [];
  const out: SigningGap[] = [];
  const blocks = model.blocks.slice(block.first, block.last);
  // Compared without dots, spaces or case: "A.B. WATLEY" is "ab watley".
  const squash = (x: string) => foldQuotes(x).toLowerCase().replace(/[^a-z0-9]+/g, '');
  const inBlock = squash(blocks.map((b) => b.text).join('\n'));
  const opener = model.blocks[block.first];
  // Only names with a legal form ("Limited", "Inc.") are surely parties; other capitalised words before a parenthetical may be products or places.
  for (const p of named.filter((x) => /\b(?:inc|incorporated|ltd|limited|llc|l\.l\.c|llp|plc|corp|corporation|company|co|gmbh|ag|s\.a|b\.v|n\.v|pty|lp|l\.p)\.?$/i.test(x.legalName.trim()))) {
    const first = squash(p.legalName.split(/[\s,]+/)[0]);
    const alias = squash(p.party.alias);
    if (inBlock.includes(first) || inBlock.includes(alias)) continue;
    out.push({ kind: 'party', span: { start: opener.start, end: sourceOffsetAt(opener, Math.min(opener.text.length, opener.text.indexOf('\n') < 0 ? opener.text.length : opener.text.indexOf('\n'))) }, party: p.legalName });
  }
  // Fields matter only where the block labels its lines; typed names under "/s/" carry no labels.
  if (!block.labelled) return out;
  // A missing date line counts only beside a party that has one: many contracts are dated once, in the opening or "as of the date first written above".
  const someDated = block.parties.some((p) => p.fields.has('date'));
  for (const p of block.parties) {
    const missing: SigningField[] = [];
    // A signed, filed copy often types the name and title under "/s/" without labels: only a missing one of the two counts there.
    const unlabelled = !p.fields.has('name') && !p.fields.has('title');
    if (!(unlabelled && p.signed)) {
      if (!p.fields.has('name')) missing.push('name');
      if (!p.fields.has('title')) missing.push('title');
    }
    if (!p.fields.has('date') && someDated) missing.push('date');
    if (!missing.length) continue;
    const last = model.blocks[p.lastBlock];
    out.push({ kind: 'fields', span: p.span, party: p, missing, insertAt: p.sideBySide || last.kind !== 'paragraph' ? null : last.end });
  }
  return out;
}
