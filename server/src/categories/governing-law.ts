import type { CategoryDefinition } from './types';
import type { Signal } from './scan';
import { has, scan, verdictOf } from './scan';

// A named body of law: "the laws of the State of Kansas", "the law of England", "English law".
// Civil-law drafting often says "legislation" ("the legislation of the Republic of X shall apply").
const LAW_OF = String.raw`(?:the\s+)?(?:(?:internal|substantive|domestic)\s+)?(?:laws?|legislation)(?:,[^.;]{0,60}?,)?\s+(?:of|in force in|applicable in)\b`;
// A jurisdiction after "the laws of": "Delaware", "the State of Oregon", "the province of Ontario, Canada".
const JURISDICTION = String.raw`(?:the\s+)?(?:(?:[Ss]tate|[Pp]rovince|[Cc]ommonwealth|[Rr]epublic|[Kk]ingdom|[Cc]ountry|[Cc]anton)\s+of\s+)?[A-Z][\w.]*(?:[\s,]+(?:of\s+)?[A-Z][\w.]*){0,5}`;
// After a verb of choice the law may be named loosely: "the laws thereof", "the rules and substantive Laws of", "the laws, other than choice of law rules, of".
const CHOSEN_LAW = String.raw`(?:the\s+)?(?!applicable\b|all\b|any\b)(?:[\w-]+\s+){0,3}?(?:laws?|legislation)\b(?:\s+thereof|\s+and\s+decisions|,[^.;]{0,60}?,\s*of|\s+of|\s+in\s+force|\s+applicable\s+in)`;
const NAMED_LAW = String.raw`(?:[A-Z][a-z]+|[A-Z]{2,5})(?:\s+[A-Z][a-z]+)?\s+[Ll]aws?\b`;
// Verb chains of choice: "governed", "construed and governed", "interpreted, construed and enforced", "governed in all respects".
const CHOICE_VERB = String.raw`(?:governed|construed|interpreted|enforced|controlled|defined|determined|regulated)`;

/** Signals of an express choice of law; exported for the example table in test/signals. */
export const GOVERNING_LAW_SIGNALS: Signal[] = [
  // A verb chain before the law ("is governed by, and is to be interpreted under, the laws of ..."), with interruptions.
  { requirement: 'choice', pattern: new RegExp(String.raw`\b${CHOICE_VERB}\b[^.;]{0,160}?\b(?:in accordance with|according to|by|under|pursuant to|with)\b,?\s+(?:and\s+under\s+)?${CHOSEN_LAW}`, 'i'), allowDefinitions: true },
  { requirement: 'choice', pattern: new RegExp(String.raw`\b(?:governed|construed|interpreted)\b[^.;]{0,120}?\b(?:by|under|with),?\s+(?:the\s+)?${NAMED_LAW}`), allowDefinitions: true },
  // The law named first: "the laws of Delaware govern this Agreement", "the law of England applies".
  { requirement: 'choice', pattern: new RegExp(String.raw`\b${LAW_OF}\s+${JURISDICTION}(?:\s+(?:from time to time\s+)?in force)?\s*,?\s+(?:(?:shall|will|does|do)\s+(?:exclusively\s+)?)?(?:govern|governs|apply|applies|control|controls)\b`), allowDefinitions: true },
  // The parties' rights and duties referred to a named law: "the rights and obligations of the Members will be as stated in the legislation of the State of X".
  { requirement: 'choice', pattern: new RegExp(String.raw`\b[Rr]ights and (?:obligations|duties|liabilities) of the (?:[Pp]arties|[Mm]embers|[Pp]artners)\b[^.;]{0,60}?\b(?:governed by|determined (?:by|under|in accordance with)|as (?:stated|set out|set forth|provided) in|under)\s+(?:the\s+)?(?:applicable\s+)?${LAW_OF}\s+${JURISDICTION}`), allowDefinitions: true },
  { requirement: 'choice', pattern: new RegExp(String.raw`\b${NAMED_LAW}\s+(?:(?:shall|will)\s+)?(?:govern|governs|apply|applies)\b`), allowDefinitions: true },
  { requirement: 'choice', pattern: /\bsubject to\b[^.]{0,80}\blaws?\s+of\b/i, allowDefinitions: true, unless: /\bsubject to (?:applicable|all applicable|any applicable) laws?\b/i },
  { requirement: 'choice', pattern: /\bgoverning law\b[^.]{0,40}\b(?:is|shall be|will be)\b|\bGoverning Law:\s*\S|\bgoverning law\b[^.]{0,20}\b(?:will|shall) (?:govern|apply)\b/i, allowDefinitions: true },
  // Under a governing-law heading, naming a jurisdiction's law is enough ("... in accordance with the laws of the State of Florida").
  { requirement: 'choice', pattern: new RegExp(String.raw`${LAW_OF}\s+(?:the\s+)?(?:[Ss]tate|[Cc]ommonwealth|[Pp]rovince|[Rr]epublic|[Kk]ingdom|[A-Z])|${NAMED_LAW}`), inSection: /\bgoverning law\b|\bapplicable law\b|\bchoice of law\b|\blaw and jurisdiction\b|\bgoverning laws\b/i, noHeadings: true },
];

export const governingLaw: CategoryDefinition = {
  id: 'governing-law',
  title: 'Governing law',
  expectation: 'An express choice of the law that governs the contract (a choice of courts alone does not count).',
  assess(ctx) {
    const found = scan(ctx, GOVERNING_LAW_SIGNALS, /\bgoverning law\b|\bapplicable law\b|\bchoice of law\b|\blaw and jurisdiction\b/i);
    if (has(found, 'choice')) return verdictOf('governing-law', found, 'present', 'an express choice of law');
    return verdictOf('governing-law', { heading: [] }, 'missing', has(found, 'heading') ? 'a governing-law heading without an express choice of law' : 'no choice of law');
  },
};
