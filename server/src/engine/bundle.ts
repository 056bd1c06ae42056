import { posix } from 'node:path';
import { bundleReferences, type ContractModel } from '../model';

export interface BundleMember { path: string; text: string }

/**
 * Resolves the files a contract names as its schedules against the contract's own path and reads
 * them with the caller's reader (the CLI reads from disk, the language server from open documents
 * or disk). Files that cannot be read are reported, not thrown.
 */
export function loadBundle(model: ContractModel, contractPath: string, read: (path: string) => string | undefined): { members: BundleMember[]; problems: string[] } {
  const members: BundleMember[] = [];
  const problems: string[] = [];
  const dir = posix.dirname(contractPath.replace(/\\/g, '/'));
  for (const ref of bundleReferences(model)) {
    const path = posix.normalize(posix.join(dir, ref));
    if (path === posix.normalize(contractPath.replace(/\\/g, '/'))) continue;
    const text = read(path);
    if (text === undefined) {
      // Only files named in front matter must exist; a dead link is not a configuration error.
      if (declaredInFrontMatter(model, ref)) problems.push(`bundle file "${ref}" named in the front matter cannot be read (looked for ${path})`);
      continue;
    }
    members.push({ path, text });
  }
  return { members, problems };
}

function declaredInFrontMatter(model: ContractModel, ref: string): boolean {
  return (model.frontMatterSettings.bundle ?? []).some((p) => p.replace(/^\.\//, '') === ref);
}
