import type { ContractModel } from './types';

export interface ContractDetection {
  isContract: boolean;
  /** Why: shown in the language status and in --verbose CLI output. */
  reason: string;
}

const TITLE_WORDS = /\b(agreement|contract|statement of work|sow|service level|sla|terms and conditions|terms of service|standard terms|schedule|addendum|order form|work order|memorandum of understanding|data processing|dpa|performance work statement|licen[cs]e)\b/i;
const OBLIGATION = /\b(shall|must|will|agrees? to|undertakes? to|is responsible for|warrants?)\b/gi;
const SELF_REFERENCE = /\bthis (?:agreement|contract|statement of work|schedule)\b/gi;
const CONTRACT_WORDS = /\b(hereby|herein|hereunder|hereto|thereof|party|parties|termination|terminate|indemnif\w*|liability|liable|governing law|in witness whereof|effective date|confidential information|service levels?|service credits?|this (?:agreement|contract|schedule)|warrant(?:y|ies|s))\b/gi;

/**
 * Is this document a contract? Front matter decides first (clausewise.review: true/false);
 * otherwise the title, the parties and the density of obligation and contract vocabulary.
 * A README or a handbook uses "will" and "must" too, but not "parties", "hereunder" or "indemnify".
 */
export function detectContract(model: ContractModel): ContractDetection {
  const review = model.frontMatterSettings.review;
  if (review !== undefined) return { isContract: review, reason: `front matter sets ${model.frontMatter?.clausewise === review ? 'clausewise' : 'clausewise.review'}: ${review}` };

  const words = model.text.length / 6;
  if (words < 40) return { isContract: false, reason: 'too short to be a contract' };
  // The vocabulary is counted only as far as a test below needs (issue 13, alloc): every review of
  // a long contract asked this, and `text.match` made an array of every match of three expressions
  // over the whole text (about 0.4 MB and three passes over a 1 MB contract per keystroke), where a
  // contract is told by its first few. The tests run in the same order on the same counts, so the
  // answer is the one full counts give.
  const obligations = matchCounter(model.text, OBLIGATION);
  const contractWords = matchCounter(model.text, CONTRACT_WORDS);
  const selfReferences = matchCounter(model.text, SELF_REFERENCE);
  const titled = TITLE_WORDS.test(model.title);
  const roles = new Set(model.parties.map((p) => p.role));
  const hasParties = roles.has('supplier') || roles.has('customer') || /\bbetween\s[^\n]{0,300}?\sand\s/i.test(model.text.slice(0, 5000));

  if (titled && (hasParties || contractWords(5) || obligations(5))) return { isContract: true, reason: `the title reads as a contract ("${model.title.slice(0, 60)}")` };
  if (hasParties && contractWords(8) && obligations(8)) return { isContract: true, reason: 'it names parties and uses contract language' };
  if (roles.has('supplier') && roles.has('customer') && obligations(10)) return { isContract: true, reason: 'it sets obligations between a supplier and a customer' };
  if (selfReferences(3) && obligations(5)) return { isContract: true, reason: 'it refers to itself as an agreement or contract and sets obligations' };
  if (obligations(15) && contractWords(15) && (contractWords(Infinity) / words) * 1000 >= 6) return { isContract: true, reason: 'it reads as a contract (obligation and contract vocabulary)' };
  return { isContract: false, reason: 'it does not read as a contract (no contract title, parties or contract vocabulary)' };
}

/**
 * Counts the matches of a global expression in `text` lazily: `atLeast(n)` says whether there are at
 * least n (Infinity: counts them all and returns the count), reading the text only as far as that
 * takes and resuming where the last call stopped. The same matches as `text.match(re)` (none of the
 * expressions here matches the empty string).
 */
export function matchCounter(text: string, re: RegExp): (n: number) => number {
  let seen = 0;
  let at = 0;
  let done = false;
  return (n) => {
    while (!done && seen < n) {
      re.lastIndex = at;
      if (re.exec(text) === null) done = true;
      else {
        seen++;
        at = re.lastIndex;
      }
    }
    re.lastIndex = 0;
    return n === Infinity ? seen : seen >= n ? seen : 0;
  };
}
