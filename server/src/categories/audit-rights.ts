import type { CategoryDefinition } from './types';
import type { Signal } from './scan';
import { has, scan, verdictOf } from './scan';
import { FALSE_SENSES } from './senses';
import { memo } from '../model/facts';
import { partyNameSearch } from '../model/language';

// What an audit looks at.
const OBJECT = String.raw`(?:books|records|accounts|premises|facilities|offices|operations|systems|data\s+cent(?:er|re)s?|sites?|documents|compliance|performance|controls|processes|procedures|documentation|invoices|receipts|manufactur\w*|plants?|units)`;
const VERB = String.raw`(?:(?:audit|inspect|examin)\w*|visit(?:s|ing)?)`;
// Softer verbs count only on the books themselves ("may review the books and records").
const SOFT_VERB = String.raw`(?:review|verif|check|cop(?:y|ies))\w*`;
const BOOKS = String.raw`(?:books|records|accounts)`;
// A right, permission or duty to allow: interrupted triggers ("shall have the right, on ten days' notice, to inspect").
const GRANT = String.raw`(?:right|entitled|may|can|permit|permits|permitted|allow|allows|allowed|afford|affords|grant|grants|shall\s+(?:make|keep)\b[^.;]{0,60}\bavailable)`;

/** Signals of the customer's audit right; exported for the example table in test/signals. */
export const AUDIT_SIGNALS: Signal[] = [
  { requirement: 'audit', pattern: new RegExp(String.raw`\b${GRANT}\b[^.;]{0,120}?\b${VERB}\b[^.;]{0,160}?\b${OBJECT}\b`, 'i'), unless: /\baudited financial statements\b|\bindependent auditors? of (?:its|their) own\b/i, mask: [FALSE_SENSES.caseMayBe] },
  { requirement: 'audit', pattern: new RegExp(String.raw`\b${GRANT}\b[^.;]{0,160}?\b${SOFT_VERB}\b[^.;]{0,60}?\b${BOOKS}\b`, 'i'), unless: /\baudited financial statements\b/i, mask: [FALSE_SENSES.caseMayBe] },
  // Object first or passive: "records shall be open for inspection by", "books ... available for review", "make records available for audit".
  { requirement: 'audit', pattern: new RegExp(String.raw`\b(?:books|records|accounts|documents|documentation)\b[^.;]{0,200}?\b(?:available|open|accessible|subject)\b[^.;]{0,60}?\b(?:for|to)\s+(?:\w+\s+){0,3}?(?:audit|inspection|inspect|examination|examine|review|copying|verification)\w*`, 'i') },
  // Access: "shall afford the Customer access to its books", "provide access to its facilities and records".
  { requirement: 'audit', pattern: new RegExp(String.raw`\b(?:afford|provide|give|grant|allow|permit)\w*\b[^.;]{0,60}\baccess\b[^.;]{0,60}\b(?:to\s+)?(?:(?:its|their|the|all|such|\w+'s)\s+)?(?:\w+\s+){0,3}?(?:books|records|accounts|premises|facilities)\b`, 'i') },
  { requirement: 'audit', pattern: /\b(?:audit|inspect|examin)\w*\b[^.;]{0,40}\b(?:of|to) (?:the )?(?:\w+'s )?(?:books|records|premises|facilities|operations|systems)\b/i },
  { requirement: 'audit', pattern: /\b(?:audit(?:s|ed|ing|or|ors)?|inspect(?:s|ed|ion|ions)?|examin(?:e|ation)|on-?site (?:visits?|reviews?)|access to (?:the )?(?:premises|facilities|books|records|systems|sites?))\b/i, context: /\baudit rights?\b|\baudits? and (?:inspections?|record)/i, unless: /\baudited financial statements\b|\b(?:reports?|questionnaires?|certificat\w*|summar(?:y|ies))\b/i },
  { requirement: 'regulator', pattern: /\b(?:regulat(?:or|ors|ory (?:authority|authorities|body|bodies))|(?:competent|supervisory|resolution) authorit(?:y|ies)|supervisors?|Secretary(?: of (?:HHS|Health(?: and Human Services)?))?)\b[^.]{0,80}\b(?:audit|inspect|access|examin)|\b(?:audit|inspect|access|examin)\w*\b[^.]{0,80}\b(?:regulat(?:or|ors|ory)|(?:competent|supervisory|resolution) authorit(?:y|ies)|supervisors?|the Secretary)\b|\b(?:available|access)\b[^.]{0,60}\b(?:to|by) the Secretary\b/i, unless: FALSE_SENSES.regulatorDisclosure.pattern },
  { requirement: 'bare-right', pattern: /\b(?:right|entitled) to (?:audit|inspect)\b/i },
  // Reports in place of an audit count only where they are owed ("shall provide its SOC 2 report").
  { requirement: 'reports-only', pattern: /\b(?:audit reports?|SOC\s*(?:1|2|II)\s*(?:type\s*(?:1|2|II))?\s*reports?|security questionnaires?|certificat(?:es|ions) of compliance|summary of (?:the )?(?:audit|test) results)\b/i, context: /\b(?:provide|deliver|furnish|supply|give|send|make available|share|complete|respond)\w*\b/i, unless: /\btraffic\b/i },
];

export const auditRights: CategoryDefinition = {
  id: 'audit-rights',
  title: 'Audit rights',
  expectation: 'The customer (and its regulators) may audit and inspect the supplier\'s books, records, systems and premises.',
  assess(ctx) {
    const found = scan(ctx, AUDIT_SIGNALS, /\baudit|\binspection|\brecords\b|\bbooks and records\b/i);
    // Audit rights must run from the customer against the supplier, not the other way round.
    // Memoised by the sentence while editing (a pure function of it and the party names).
    const kind = `supplier-audits\u0000${ctx.parties.supplier.source}\u0000${ctx.parties.customer.source}`;
    const wrongWay = (text: string) => memo(kind, text, () => isSupplierAuditingCustomer(text, ctx));
    const byCustomer = (found.audit ?? []).filter((e) => !wrongWay(e.text));
    const f = { ...found, audit: byCustomer };
    if (byCustomer.length) return verdictOf('audit-rights', f, 'present', 'the customer may audit or inspect the supplier');
    if (has(found, 'regulator', 'reports-only') || (found['bare-right'] ?? []).some((e) => !wrongWay(e.text))) return verdictOf('audit-rights', f, 'weak', 'audit is limited to reports, questionnaires or regulators');
    return verdictOf('audit-rights', {}, 'missing', 'no right for the customer to audit the supplier');
  },
};

/**
 * A party matcher's case-sensitive searches: on its names where that reads as the expression does,
 * so that no expression is compiled for the document's own names (issue 13, cli), else with it.
 */
function partySearch(party: RegExp): { test(text: string): boolean; last(text: string): number } {
  const search = partyNameSearch(party);
  if (search && search.exact(false)) return { test: (text) => search.next(text, 0, false) >= 0, last: (text) => search.last(text, false) };
  const once = new RegExp(party.source);
  return {
    test: (text) => once.test(text),
    last: (text) => {
      let at = -1;
      for (const x of text.matchAll(new RegExp(party.source, 'g'))) at = x.index!;
      return at;
    },
  };
}

/** "Provider may audit Customer's use" runs the wrong way; "Customer may audit" or passive "records shall be available for audit" count. */
function isSupplierAuditingCustomer(text: string, ctx: Parameters<CategoryDefinition['assess']>[0]): boolean {
  // Case-sensitive, as the matchers are built: with /i their "not followed by a capitalised noun"
  // guard would read any next word ("eGain with access") as a capitalised noun and miss the party.
  const sup = partySearch(ctx.parties.supplier);
  const cus = partySearch(ctx.parties.customer);
  // "Customer shall provide Supplier with access to Customer's premises" grants the supplier access.
  const m = /\b(?:may|shall have the right to|has the right to|is entitled to|reserves the right to|can)\s+(?:\w+\s+){0,3}(?:audit|inspect|examine|verify)\b/i.exec(text)
    ?? /\b(?:provide|afford|give|grant)\w*\b(?=[^.;]{0,60}\baccess\b)/i.exec(text);
  if (!m) return false;
  const before = text.slice(Math.max(0, m.index - 80), m.index);
  const lastSup = sup.last(before);
  const lastCus = cus.last(before);
  if (/^(?:provide|afford|give|grant)/i.test(m[0])) {
    // Whoever is named between the verb and "access" receives it.
    const to = text.slice(m.index + m[0].length, text.indexOf('access', m.index) + 1);
    if (sup.test(to)) return true;
    if (cus.test(to)) return false;
    return lastCus > lastSup;
  }
  return lastSup > lastCus;
}
