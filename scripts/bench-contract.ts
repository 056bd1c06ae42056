// A generated outsourcing contract of about the size asked for, for benchmarks: numbered sections of
// varied clauses (service levels, security, payment, vague words, cross-references, definitions), so
// every part of the review has work to do. Deterministic: the same size gives the same text.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TOPICS = [
  ['Services', 'The Supplier shall provide the Services described in Schedule {n} in accordance with Good Industry Practice.'],
  ['Service Levels', 'The Supplier shall ensure that the Availability of the Platform is at least 99.{n}% in each month, measured as set out in clause {m}.2.'],
  ['Security', 'The Supplier shall encrypt Customer Data at rest and in transit and shall notify the Customer of any Security Incident within {h} hours.'],
  ['Charges', 'The Customer shall pay each undisputed invoice within 30 days of receipt; late payments bear interest at 2% above the base rate.'],
  ['Reporting', 'The Supplier shall deliver a monthly report on its performance against the Service Levels in a timely manner, as needed.'],
  ['Audit', 'The Customer may audit the Supplier\u2019s records relating to the Services on {h} Business Days\u2019 notice, no more than once a year.'],
  ['Subcontracting', 'The Supplier shall not subcontract any part of the Services without the prior written consent of the Customer.'],
  ['Exit', 'On expiry or termination the Supplier shall provide the Exit Assistance for up to {n} months at the rates in Schedule 4.'],
];

export function generateContract(bytes: number): string {
  const out: string[] = ['# Master Services Agreement', '',
    'This agreement is made between Contoso Bank plc (the "Customer") and Fabrikam Services Ltd (the "Supplier").', '',
    '## 1. Definitions', '', '"Business Day" means Monday to Friday, except public holidays in England.', '',
    '"Customer Data" means all data supplied by the Customer or processed for it under this Agreement.', ''];
  let size = out.join('\n').length;
  for (let n = 2; size < bytes; n++) {
    const [title, clause] = TOPICS[n % TOPICS.length];
    const lines = [`## ${n}. ${title}`, ''];
    for (let k = 1; k <= 4; k++) {
      const text = clause.replace(/\{n\}/g, String(n % 9 + 1)).replace(/\{m\}/g, String(Math.max(2, n - 1))).replace(/\{h\}/g, String((n * k) % 47 + 1));
      lines.push(`${n}.${k} ${text} This obligation (e.g. for each Service) applies to sub-clause ${n}.${k} only.`, '');
    }
    const chunk = lines.join('\n') + '\n';
    out.push(chunk);
    size += chunk.length + 1;
  }
  out.push('## Signatures', '', 'Signed for and on behalf of the Customer: ____________', '');
  return out.join('\n');
}

/** Line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * The `i`th of `edits` single-character edits spread through `text`: inside a clause sentence, just
 * before the full stop of some line. Returns the offset and its position, and the text after typing 'x' there.
 */
export function typedEdit(text: string, i: number, edits: number): { at: number; pos: { line: number; character: number }; text: string } {
  const around = Math.floor(((i + 0.5) / edits) * text.length);
  const at = text.indexOf('. ', around) > 0 ? text.indexOf('. ', around) : Math.floor(text.length / 2);
  return { at, pos: positionOf(text, at), text: text.slice(0, at) + 'x' + text.slice(at) };
}

/**
 * A contract of about `size` characters made of the example agreements' sections, repeated and
 * renumbered: the in-process probes' other contract (bench-incremental.ts --bytes, rule-costs.ts
 * --examples), with the examples' own wording rather than the generated clauses above.
 */
export function examplesContract(size: number): string {
  const root = resolve(__dirname, '..');
  const strong = readFileSync(join(root, 'examples/strong-msa.md'), 'utf8');
  const weak = readFileSync(join(root, 'examples/weak-msa.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  const [head, ...body] = strong.split(/\n(?=## )/);
  const sections = [...body, ...weak.split(/\n(?=## )/).slice(1)];
  let text = head;
  let n = 1;
  while (text.length < size) for (const s of sections) if (text.length < size) text += '\n' + s.replace(/^## \d+\./, `## ${n++}.`);
  return text;
}

/**
 * The contract with N suppression comments spread over the contract (engine/suppression.ts), by
 * turns a disable-next-line above a clause, and a disable of a category closed by an enable two
 * clauses on.
 */
export function withSuppressions(text: string, n: number): string {
  if (n <= 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < n; k++) {
    const at = text.indexOf('\n\n', Math.floor(((k + 0.5) / n) * text.length));
    if (at < from) break;
    parts.push(text.slice(from, at + 2));
    parts.push(k % 2 ? '<!-- clausewise-disable-next-line vague-wording -- accepted -->\n' : '<!-- clausewise-disable sla -->\n\n');
    from = at + 2;
    if (k % 2 === 0) {
      let end = from;
      for (let c = 0; c < 2 && end >= 0; c++) end = text.indexOf('\n\n', end + 2);
      if (end < 0) break;
      parts.push(text.slice(from, end + 2), '<!-- clausewise-enable sla -->\n\n');
      from = end + 2;
    }
  }
  return parts.join('') + text.slice(from);
}
