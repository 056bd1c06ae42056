/**
 * Clause titles used twice in the same part of a contract ("12. Confidentiality" and
 * "18. Confidentiality"). Schedules repeat titles of their own ("Introduction", "Charges") and
 * forms repeat labels, so titles are compared within the body, or within one schedule, and among
 * siblings only.
 */
import type { ContractModel, Section } from '../model';
import { foldQuotes } from '../model';
import { attachmentOf } from './xrefs';
import { detached } from '../model/detached';

export interface DuplicateTitle {
  first: Section;
  second: Section;
}

// Titles that forms, tables and signature pages repeat on purpose.
const LABEL = /^(?:name|title|date|signature|signed|by|address|e-?mail|telephone|phone|fax|position|witness|notes?|comments?|reserved|intentionally left blank|not used|deleted|omitted|general|other|miscellaneous|description|details|total|part [a-z0-9]+|item [a-z0-9]+|option [a-z0-9]+|table of contents|contents|recitals?|background|whereas)$/i;

function normalTitle(title: string): string {
  return foldQuotes(title).toLowerCase().replace(/[*_`"]/g, '').replace(/[\s.:;,\u2013\u2014-]+$/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * A heading's title as titles are compared, or null for one that is not compared. A pure function
 * of the title, kept in a small table: every review reads every heading's title, and a contract
 * repeats few distinct titles (five expressions per heading were a visible share of an edit).
 */
function comparableTitle(raw: string): string | null {
  let title = titleCache.get(raw);
  if (title === undefined) {
    if (titleCache.size > 10000) titleCache.clear();
    const t = normalTitle(raw);
    // A title is a few words; a long "title" is the opening line of an untitled clause.
    title = t.length < 3 || t.split(' ').length > 8 || LABEL.test(t) || !/[a-z]/.test(t) ? null : t;
    // Keyed by a copy: the title is a slice of its document, which the entry would keep alive.
    titleCache.set(detached(raw), title);
  }
  return title;
}
const titleCache = new Map<string, string | null>();

export function duplicateTitles(model: ContractModel): DuplicateTitle[] {
  const out: DuplicateTitle[] = [];
  const seen = new Map<string, Section>();
  for (const s of model.sections) {
    // Measured: on 252 converted SEC contracts, titles of numbered plain-text clauses repeated mostly
    // because a table of contents or a running head was read as a clause (about 2 in 25 right), so
    // only Markdown headings are compared.
    if (s.index === 0 || !s.title || s.trailer || s.kind !== 'heading') continue;
    const title = comparableTitle(s.title);
    if (title === null) continue;
    const key = `${attachmentOf(model, s.index)}|${s.parent}|${s.kind}|${title}`;
    const first = seen.get(key);
    if (first && !(first.number && first.number === s.number)) out.push({ first, second: s });
    else seen.set(key, s);
  }
  return out;
}
