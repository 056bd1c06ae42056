import type { ContractModel } from '../model';
import { carryTermIndex } from './terms';
import { carryReferenceFacts } from './xrefs';
import { carryDates } from './dates';
import { carryPlaceholderFlags, carryPlaceholders } from './placeholders';
import { carryNumberingFacts } from './numbering';
import { carryNumberMismatches } from './numbers';
import { carryUnitlessNumbers } from './units';
import { carryPartyNameFacts } from './parties';
import { carryClauseStartWords } from './clause-starts';
import { carrySignatureOpeners } from './signatures';
import { carryFigures } from './figures';
import { carryDuplicateTitles } from './titles';
import { carryLooks } from '../categories/incorporation';

/**
 * What the drafting checks take over from one model to the next while editing (the term index's
 * per-block occurrences, each block's written references and attachment heading, dates and
 * whether it can hold a placeholder), handed to a copy of a model with the same blocks: a new
 * version of the same text, or the copy IncrementalReview keeps after releaseModelCaches. Read by
 * the next review through the splice trace.
 */
export function carryDraftingIndexes(from: ContractModel, to: ContractModel): void {
  carryTermIndex(from, to);
  carryReferenceFacts(from, to);
  carryDates(from, to);
  carryPlaceholderFlags(from, to);
  carryPlaceholders(from, to);
  carryNumberingFacts(from, to);
  carryNumberMismatches(from, to);
  carryUnitlessNumbers(from, to);
  carryPartyNameFacts(from, to);
  carryClauseStartWords(from, to);
  carrySignatureOpeners(from, to);
  carryFigures(from, to);
  carryDuplicateTitles(from, to);
  // (The incorporation search's looks: categories/, carried here with the other per-block results.)
  carryLooks(from, to);
}
