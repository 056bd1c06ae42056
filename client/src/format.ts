// Pure helpers (no `vscode` import) that turn server answers into the words the UI shows.
import type { ClauseInfo, ReviewDocumentResult, StatusParams } from '../../server/src/lsp/protocol';
import { CATEGORY_TITLES } from './generated/categories';

export { CATEGORY_TITLES };

const TITLE = new Map(CATEGORY_TITLES);
const ORDER = new Map(CATEGORY_TITLES.map(([id], i) => [id, i]));

export function categoryTitle(id: string): string {
  const known = TITLE.get(id);
  if (known) return known;
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Other';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Clausewise: 15/22 covered, 3 weak, 4 missing (it-outsourcing)" or the not-a-contract wording. */
export function statusText(s: StatusParams): string {
  if (!s.isContract) return 'Clausewise: not reviewed (not read as a contract)';
  const profiles = s.profiles.length ? ` (${s.profiles.join(', ')})` : '';
  return `Clausewise: ${s.covered}/${s.total} covered, ${s.weak} weak, ${s.missing} missing${profiles}`;
}

/** How loud the status item should be: missing categories warn, weak ones inform. */
export function statusLevel(s: StatusParams): 'warning' | 'information' {
  return s.isContract && s.missing > 0 ? 'warning' : 'information';
}

/** The status a review result implies (the server also sends one; this fills the gap until it does). */
export function statusFromReview(uri: string, r: ReviewDocumentResult): StatusParams {
  const verdicts = Object.values(r.coverage ?? {});
  return {
    uri,
    isContract: r.isContract,
    reason: r.reason,
    profiles: r.profiles ?? [],
    covered: verdicts.filter((v) => v === 'present').length,
    weak: verdicts.filter((v) => v === 'weak').length,
    missing: verdicts.filter((v) => v === 'missing').length,
    total: verdicts.length,
  };
}

const COUNT_LABELS: Record<string, [string, string]> = {
  error: ['error', 'errors'], errors: ['error', 'errors'],
  warning: ['warning', 'warnings'], warnings: ['warning', 'warnings'],
  information: ['information note', 'information notes'], info: ['information note', 'information notes'],
  hint: ['hint', 'hints'], hints: ['hint', 'hints'],
};

/** "2 errors, 1 warning" from a counts object, skipping zeros and unknown shapes. */
export function countsText(counts: unknown): string {
  if (!counts || typeof counts !== 'object') return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(counts as Record<string, unknown>)) {
    if (typeof value !== 'number' || value <= 0) continue;
    const label = COUNT_LABELS[key];
    if (label) parts.push(plural(value, label[0], label[1]));
  }
  return parts.join(', ');
}

/** The message shown after "Review Current Document". */
export function reviewSummary(fileName: string, r: ReviewDocumentResult): string {
  if (!r.isContract) {
    return `Clausewise did not review "${fileName}" as a contract${r.reason ? `: ${r.reason}` : '.'}`;
  }
  const s = statusFromReview('', r);
  const profiles = s.profiles.length ? ` against ${s.profiles.join(', ')}` : '';
  const findings = countsText(r.counts);
  return `Clausewise reviewed "${fileName}"${profiles}: ${s.covered} of ${s.total} categories covered, ${s.weak} weak, ${s.missing} missing`
    + (findings ? `; ${findings}.` : '; no findings.');
}

export interface ClauseGroup {
  category: string;
  title: string;
  clauses: ClauseInfo[];
}

/** Clauses grouped by category in spec order (unknown categories last), titles sorted within a group. */
export function groupClauses(clauses: readonly ClauseInfo[]): ClauseGroup[] {
  const groups = new Map<string, ClauseGroup>();
  for (const c of clauses) {
    let g = groups.get(c.category);
    if (!g) groups.set(c.category, (g = { category: c.category, title: categoryTitle(c.category), clauses: [] }));
    g.clauses.push(c);
  }
  const rank = (id: string) => ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  const list = [...groups.values()].sort((a, b) => rank(a.category) - rank(b.category) || a.title.localeCompare(b.title));
  for (const g of list) g.clauses.sort((a, b) => a.title.localeCompare(b.title));
  return list;
}

/**
 * Text inserted at the cursor becomes its own block: a blank line is added before it when the cursor
 * follows text on its line, and after it when text follows the cursor.
 */
export function padForCursor(text: string, lineBefore: string, lineAfter: string): string {
  let out = text;
  if (lineBefore.trim()) out = `\n\n${out.replace(/^\n+/, '')}`;
  if (lineAfter.trim()) out = `${out.replace(/\n+$/, '')}\n\n`;
  return out;
}
