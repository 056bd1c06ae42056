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
  // The vocabulary counts are whole-text scans (about 0.2 ms per 100 KB, made again after every
  // keystroke in the language server): each is counted only when a test below gets to it. A titled
  // contract that names its parties needs none (issue 13).
  let obligationCount: number | undefined;
  let contractWordCount: number | undefined;
  const obligations = (): number => (obligationCount ??= countOf(model.text, OBLIGATION));
  const contractWords = (): number => (contractWordCount ??= countOf(model.text, CONTRACT_WORDS));
  const titled = TITLE_WORDS.test(model.title);
  const roles = new Set(model.parties.map((p) => p.role));
  const hasParties = roles.has('supplier') || roles.has('customer') || /\bbetween\s[^\n]{0,300}?\sand\s/i.test(model.text.slice(0, 5000));

  if (titled && (hasParties || contractWords() >= 5 || obligations() >= 5)) return { isContract: true, reason: `the title reads as a contract ("${model.title.slice(0, 60)}")` };
  if (hasParties && contractWords() >= 8 && obligations() >= 8) return { isContract: true, reason: 'it names parties and uses contract language' };
  if (roles.has('supplier') && roles.has('customer') && obligations() >= 10) return { isContract: true, reason: 'it sets obligations between a supplier and a customer' };
  if (obligations() >= 5 && countOf(model.text, SELF_REFERENCE) >= 3) return { isContract: true, reason: 'it refers to itself as an agreement or contract and sets obligations' };
  const density = (contractWords() / words) * 1000;
  if (density >= 6 && obligations() >= 15 && contractWords() >= 15) return { isContract: true, reason: 'it reads as a contract (obligation and contract vocabulary)' };
  return { isContract: false, reason: 'it does not read as a contract (no contract title, parties or contract vocabulary)' };
}

/** How many matches of the global expression `re` the text holds (as `(text.match(re) ?? []).length`, without the array). */
function countOf(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  re.lastIndex = 0;
  return n;
}
