import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

const AUDIT = /\b(?:audit(?:s|ed|ing|or|ors)?|inspect(?:s|ed|ion|ions)?|examin(?:e|ation)|on-?site (?:visits?|reviews?)|access to (?:the )?(?:premises|facilities|books|records|systems|sites?))\b/i;
// A right or a duty to allow an audit, with something to audit: "may audit ... records", "shall permit ... to inspect".
const AUDIT_RIGHT = /\b(?:right to|may|shall be entitled to|(?:is|are) entitled to|shall (?:permit|allow|grant|afford|give|provide|make available)|will (?:permit|allow|grant|provide|make available)|must (?:permit|allow)|agrees? to (?:permit|allow)|subject to)\b[^.;]{0,100}\b(?:audit|inspect|examin|verif)\w*\b[^.;]{0,120}\b(?:books|records|accounts|premises|facilities|operations|systems|data cent(?:er|re)s?|sites?|documents|compliance|performance|controls|processes|procedures|information|documentation|invoices|receipts)\b|\b(?:audit|inspect|examin)\w*\b[^.;]{0,40}\b(?:of|to) (?:the )?(?:\w+'s )?(?:books|records|premises|facilities|operations|systems)\b/i;

export const auditRights: CategoryDefinition = {
  id: 'audit-rights',
  title: 'Audit rights',
  expectation: 'The customer (and its regulators) may audit and inspect the supplier\'s books, records, systems and premises.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'audit', pattern: AUDIT_RIGHT, unless: /\baudited financial statements\b|\bindependent auditors? of (?:its|their) own\b/i },
      { requirement: 'audit', pattern: AUDIT, context: /\baudit rights?\b|\baudits? and (?:inspections?|record)/i, unless: /\baudited financial statements\b|\b(?:reports?|questionnaires?|certificat\w*|summar(?:y|ies))\b/i },
      { requirement: 'regulator', pattern: /\b(?:regulat(?:or|ors|ory (?:authority|authorities|body|bodies))|(?:competent|supervisory|resolution) authorit(?:y|ies)|supervisors?|Secretary of (?:HHS|Health))\b[^.]{0,80}\b(?:audit|inspect|access|examin)|\b(?:audit|inspect|access|examin)\w*\b[^.]{0,80}\b(?:regulat(?:or|ors|ory)|(?:competent|supervisory|resolution) authorit(?:y|ies)|supervisors?)\b/i },
      { requirement: 'bare-right', pattern: /\b(?:right|entitled) to (?:audit|inspect)\b/i },
      { requirement: 'reports-only', pattern: /\b(?:audit reports?|SOC\s*(?:1|2|II)\s*(?:type\s*(?:1|2|II))?\s*reports?|questionnaires?|certificat(?:es|ions) of compliance|summary of (?:the )?(?:audit|test) results)\b/i },
    ], /\baudit|\binspection|\brecords\b|\bbooks and records\b/i);
    // Audit rights must run from the customer against the supplier, not the other way round.
    const byCustomer = (found.audit ?? []).filter((e) => !isSupplierAuditingCustomer(e.text, ctx));
    const f = { ...found, audit: byCustomer };
    const reqs = ['audit', 'regulator'];
    if (byCustomer.length) return verdictOf('audit-rights', f, 'present', 'the customer may audit or inspect the supplier', reqs);
    if (has(found, 'regulator', 'reports-only') || (found['bare-right'] ?? []).some((e) => !isSupplierAuditingCustomer(e.text, ctx))) return verdictOf('audit-rights', f, 'weak', 'audit is limited to reports, questionnaires or regulators', reqs);
    return verdictOf('audit-rights', {}, 'missing', 'no right for the customer to audit the supplier', reqs);
  },
};

/** "Provider may audit Customer's use" runs the wrong way; "Customer may audit" or passive "records shall be available for audit" count. */
function isSupplierAuditingCustomer(text: string, ctx: Parameters<CategoryDefinition['assess']>[0]): boolean {
  const sup = new RegExp(ctx.parties.supplier.source, 'i');
  const cus = new RegExp(ctx.parties.customer.source, 'i');
  const m = /\b(?:may|shall have the right to|has the right to|is entitled to|reserves the right to|can)\s+(?:\w+\s+){0,3}(?:audit|inspect|examine|verify)\b/i.exec(text);
  if (!m) return false;
  const before = text.slice(Math.max(0, m.index - 80), m.index);
  let lastSup = -1, lastCus = -1;
  for (const x of before.matchAll(new RegExp(sup.source, 'gi'))) lastSup = x.index!;
  for (const x of before.matchAll(new RegExp(cus.source, 'gi'))) lastCus = x.index!;
  return lastSup > lastCus;
}
