/**
 * `.gitignore` rules for folder walks and glob expansion, as git reads them: every `.gitignore` from
 * the repository root (the folder holding `.git`) down to a file's folder applies, a deeper file can
 * re-include with `!pattern`, and nothing inside an ignored folder comes back. Outside a git
 * repository the `.gitignore` files from the working directory down apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const toSlash = (p: string): string => (path.sep === '\\' ? p.replace(/\\/g, '/') : p);

export class GitIgnore {
  private readonly perDir = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string | null>();
  private readonly dirIgnored = new Map<string, boolean>();

  constructor(private readonly cwd: string) {}

  /** The folder holding `.git` above (or at) a folder, else null. */
  private gitRoot(dir: string): string | null {
    const cached = this.roots.get(dir);
    if (cached !== undefined) return cached;
    let root: string | null;
    if (fs.existsSync(path.join(dir, '.git'))) root = dir;
    else {
      const parent = path.dirname(dir);
      root = parent === dir ? null : this.gitRoot(parent);
    }
    this.roots.set(dir, root);
    return root;
  }

  private rules(dir: string): Ignore | null {
    let ig = this.perDir.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    try {
      const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
      ig = ignore().add(text);
    } catch {
      // No .gitignore here.
    }
    this.perDir.set(dir, ig);
    return ig;
  }

  /** The folders whose .gitignore applies to an entry of `dir`, outermost first. */
  private levels(dir: string): string[] {
    const top = this.gitRoot(dir) ?? (isInside(this.cwd, dir) ? this.cwd : dir);
    const out: string[] = [];
    let d = dir;
    for (;;) {
      out.push(d);
      if (d === top) break;
      const parent = path.dirname(d);
      if (parent === d) break;
      d = parent;
    }
    return out.reverse();
  }

  /** Whether the entry itself is matched (not looking at its parent folders). */
  private matches(abs: string, isDir: boolean): boolean {
    let ignored = false;
    for (const level of this.levels(path.dirname(abs))) {
      const ig = this.rules(level);
      if (!ig) continue;
      const rel = toSlash(path.relative(level, abs));
      if (!rel || rel.startsWith('..')) continue;
      const r = ig.test(isDir ? `${rel}/` : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }

  /** Is a folder ignored, by its own rule or one of its parents'? (`.git` itself never counts.) */
  isDirIgnored(absDir: string): boolean {
    const cached = this.dirIgnored.get(absDir);
    if (cached !== undefined) return cached;
    const parent = path.dirname(absDir);
    const root = this.gitRoot(absDir) ?? this.cwd;
    let ignored = false;
    if (parent !== absDir && isInside(root, parent) && parent !== root && this.isDirIgnored(parent)) ignored = true;
    else if (absDir !== root) ignored = this.matches(absDir, true);
    this.dirIgnored.set(absDir, ignored);
    return ignored;
  }

  /** Is a file ignored, by a rule for it or for a folder it is in? */
  isFileIgnored(absFile: string): boolean {
    const dir = path.dirname(absFile);
    if (this.isDirIgnored(dir)) return true;
    return this.matches(absFile, false);
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
