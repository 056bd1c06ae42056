// Reads ../shared/cuad-dev: the contracts (.txt) and the experts' document-level labels and clause
// spans from master_clauses.csv, mapped onto the coverage categories as its README says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** CUAD column -> category. A category is present when the span column is non-empty and its -Answer (if any) is not "No". */
export const CUAD_COLUMNS = {
  'governing-law': 'Governing Law',
  'audit-rights': 'Audit Rights',
  'limitation-of-liability': 'Cap On Liability',
  insurance: 'Insurance',
  'ip-ownership': 'Ip Ownership Assignment',
  exit: 'Post-Termination Services',
} as const;
export type CuadCategory = keyof typeof CUAD_COLUMNS;
export const CUAD_CATEGORIES = Object.keys(CUAD_COLUMNS) as CuadCategory[];
/** The categories the cuad-dev targets are measured over (ip-ownership and exit map loosely). */
export const CUAD_TARGET: CuadCategory[] = ['governing-law', 'audit-rights', 'limitation-of-liability', 'insurance'];

export interface CuadDoc {
  /** The .txt file name; documents are ordered by it. */
  file: string;
  text: string;
  labels: Record<CuadCategory, boolean>;
  /** The experts' quoted clauses per category. */
  spans: Record<CuadCategory, string[]>;
}

/**
 * The span columns hold Python list literals (['...', "..."]). No library reads those; this
 * small reader handles the quoting and escapes that occur: \\, \', \", \n, \t.
 */
export function pythonStringList(literal: string): string[] {
  const out: string[] = [];
  const s = literal.trim();
  let i = s.indexOf('[') + 1;
  while (i > 0 && i < s.length) {
    const q = s[i];
    if (q !== "'" && q !== '"') { i++; continue; }
    let str = '';
    i++;
    while (i < s.length && s[i] !== q) {
      if (s[i] === '\\' && i + 1 < s.length) {
        const n = s[i + 1];
        str += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        i += 2;
      } else str += s[i++];
    }
    out.push(str);
    i++;
  }
  return out;
}

/** File names as a comparable key: the CSV names PDFs, sometimes with '&' where the .txt has '_'. */
const key = (name: string) => name.replace(/\.(pdf|txt)'?$/i, '').toLowerCase().replace(/[^a-z0-9]/g, '');

export function loadCuadDev(dir: string): CuadDoc[] {
  const csvPath = join(dir, 'master_clauses.csv');
  if (!existsSync(csvPath)) throw new Error(`cuad-dev labels not found at ${csvPath}`);
  const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>;
  const byKey = new Map(rows.map((r) => [key(r.Filename), r]));
  const docs: CuadDoc[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const row = byKey.get(key(file));
    if (!row) throw new Error(`no row of master_clauses.csv for ${file}`);
    const labels = {} as Record<CuadCategory, boolean>;
    const spans = {} as Record<CuadCategory, string[]>;
    for (const cat of CUAD_CATEGORIES) {
      const column = CUAD_COLUMNS[cat];
      spans[cat] = pythonStringList(row[column] ?? '').filter((x) => x.trim());
      const answer = (row[`${column}-Answer`] ?? '').trim();
      labels[cat] = spans[cat].length > 0 && answer.toLowerCase() !== 'no';
    }
    docs.push({ file, text: readFileSync(join(dir, file), 'utf8'), labels, spans });
  }
  return docs;
}

/** Document-level 2-fold split shared by the team: sorted file names, even index = fold 0. */
export const foldOf = (index: number): 0 | 1 => (index % 2 === 0 ? 0 : 1);
