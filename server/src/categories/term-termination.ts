import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';
import { memo } from '../model/facts';
import { partyNameSearch } from '../model/language';

// Which side may terminate: the customer (or either party) needs a right of its own.
// Mutual rights ("a party may terminate if the other party breaches") are the customer's too.
const MUTUAL = /\b(?:either|each|any|a|the non-?(?:breaching|defaulting)|the aggrieved|the innocent|the affected)\s+part(?:y|ies)\b|\beither of (?:the parties|us)\b|\b(?:both|the) parties\b/;
const MUTUAL_TERMINATES = new RegExp(`${MUTUAL.source}[^.]{0,80}\\bterminat`, 'i');

/**
 * A matcher in the two forms customerMay searches with: case-insensitive, and with its own flags
 * (both global). Made once per assessment rather than per evidence sentence (building expressions
 * for every sentence was most of this category's time).
 */
function searchForms(re: RegExp): RegExp[] {
  return [new RegExp(re.source, 'gi'), new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)];
}
const MUTUAL_FORMS = searchForms(MUTUAL);

/**
 * Where the last match of a party matcher's two search forms starts in a text (the later of the
 * two): searched on the matcher's names where that reads as the expressions do, so that no
 * expression is compiled for the document's own names (issue 13, cli), else with the forms.
 */
function lastInForms(party: RegExp): (text: string) => number {
  const search = partyNameSearch(party);
  if (search && search.exact(true) && search.exact(false)) return (text) => Math.max(search.last(text, true), search.last(text, false));
  let forms: RegExp[] | undefined;
  return (text) => {
    let at = -1;
    for (const form of (forms ??= searchForms(party))) for (const x of text.matchAll(form)) at = Math.max(at, x.index!);
    return at;
  };
}

export const termTermination: CategoryDefinition = {
  id: 'term-termination',
  title: 'Term and termination',
  expectation: 'A defined term, renewal, and termination rights (for cause and for convenience) with notice periods.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'term', pattern: /\b(?:initial |renewal )?term\b[^.]{0,120}\b(?:years?|months?|commenc\w*|effective date|until|expir\w*|continu\w*|renew\w*)\b|\b(?:commence|begin|start)s?\b[^.]{0,80}\b(?:continu\w*|remain\w* in (?:full )?force|until|ends?|expires?)\b|\b(?:continue|remain)s?\b[^.]{0,40}\buntil\b[^.]{0,60}\b(?:expires?|terminat)|\bperiod of performance\b|\b(?:for an? |of )?indefinite (?:period|term|duration)\b|\bcontinue(?:s)? indefinitely\b|\b(?:automatically )?renew(?:s|ed|al)?\b[^.]{0,60}\b(?:years?|months?|periods?|terms?)\b/i, allowDefinitions: true },
      { requirement: 'termination', pattern: /\bnotice\b[^.]{0,60}\b(?:terminate|cancel|end)\b[^.]{0,20}\b(?:this|the) (?:agreement|contract)\b/i },
      { requirement: 'termination', pattern: /\b(?:end|cancel|rescind)\b[^.]{0,30}\b(?:this|the) (?:agreement|contract)\b[^.]{0,120}\b(?:breach|convenience|notice|insolv\w*|bankrupt\w*|cause|default|days?|months?)\b/i },
      { requirement: 'termination', pattern: /\bterminat(?:e|es|ed|ion)\b[^.]{0,160}\b(?:breach|convenience|notice|insolv\w*|bankrupt\w*|cause|default|days?|months?|fails?|failure)\b|\b(?:breach|convenience|insolv\w*|bankrupt\w*)[^.]{0,120}\bterminat/i },
      { requirement: 'mention', pattern: /\b(?:terminate|cancel|end)\b[^.]{0,30}\b(?:this|the) (?:agreement|contract|project|services|engagement|work)\b|\b(?:may|can|right to) (?:terminate|cancel)\b/i },
    ], /\bterm\b|\btermination\b|\bduration\b|\bperiod of performance\b/i);
    const customerLast = lastInForms(ctx.parties.customer);
    const supplierLast = lastInForms(ctx.parties.supplier);
    const customerMay = (text: string) => {
      const m = /\b(?:may|can|shall be entitled to|is entitled to|has the right to|have the right to|reserves the right to)\s+(?:\w+\s+){0,2}(?:terminate|cancel|end)\b/i.exec(text);
      if (!m) return MUTUAL_TERMINATES.test(text) || /\bterminat\w*\b[^.]{0,40}\bby (?:the )?(?:customer|client|either party|either of the parties|the non-?(?:breaching|defaulting) party|a party)/i.test(text);
      const before = text.slice(Math.max(0, m.index - 90), m.index);
      // Case-insensitive, and also with the matcher's own flags: the party matchers' lookahead (no
      // capitalised word after the name) misreads "Company or" when [A-Z] ignores case.
      const last = (forms: RegExp[]) => {
        let at = -1;
        // matchAll searches with a copy of each form, which keeps its lastIndex (0) for the next sentence.
        for (const form of forms) for (const x of before.matchAll(form)) at = Math.max(at, x.index!);
        return at;
      };
      const c = Math.max(customerLast(before), last(MUTUAL_FORMS));
      const s = supplierLast(before);
      if (c >= 0 && c >= s) return true;
      // "The Customer or the Supplier may terminate": the customer is one of two joined subjects.
      return c >= 0 && /^\S+(?:\s+[A-Z][\w.,'’&-]*){0,3}\s+(?:or|and)\s+(?:the\s+)?[A-Z][\w.,'’&-]*(?:\s+[A-Z][\w.,'’&-]*){0,3}\s*$/.test(before.slice(c));
    };
    // Memoised by the sentence while editing (a pure function of it and the party names).
    const kind = `customer-may\u0000${ctx.parties.supplier.source}\u0000${ctx.parties.customer.source}`;
    const customerTermination = [...(found.termination ?? []), ...(found.mention ?? [])].filter((e) => memo(kind, e.text, () => customerMay(e.text)));
    if (has(found, 'term') && has(found, 'termination')) return verdictOf('term-termination', { ...found, 'customer-termination': customerTermination }, 'present', 'a defined term and termination rights');
    if (has(found, 'term', 'termination', 'mention')) return verdictOf('term-termination', { ...found, 'customer-termination': customerTermination }, 'weak', has(found, 'term') ? 'a term without termination rights' : 'termination rights without a defined term');
    return verdictOf('term-termination', { ...found, 'customer-termination': customerTermination }, 'missing', 'no term or termination rights');
  },
};
