// No circular import: neither between modules nor between the layers (the top-level folders of
// server/src, and the client). Type-only imports count too, since a type that two layers share
// belongs in the lower one. The import graph comes from dpdm, which reads the TypeScript sources.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';
import { ruleModules } from '../../scripts/generate-rule-index';

const ROOT = path.resolve(__dirname, '..', '..');

/** The layer of a project file: "rules" for server/src/rules/x.ts, "client" for client/src/x.ts; null outside them. */
function layerOf(file: string): string | null {
  const m = /^(?:server\/src\/([^/]+)\/|(client)\/src\/)/.exec(file.split(path.sep).join('/'));
  return m ? (m[1] ?? m[2]) : null;
}

/** Edges between layers: layer -> the layers it imports from, each with one import that shows it. */
function layerGraph(tree: DependencyTree): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const [file, deps] of Object.entries(tree)) {
    const from = layerOf(file);
    if (!from) continue;
    for (const dep of deps ?? []) {
      const to = dep.id ? layerOf(dep.id) : null;
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${file} imports ${dep.request}`);
    }
  }
  return graph;
}

/** Every import from a file of one layer to a file of another (or the same) layer, with project-relative paths. */
function importsBetween(tree: DependencyTree, from: string, to: string): Array<{ from: string; to: string; request: string }> {
  const out: Array<{ from: string; to: string; request: string }> = [];
  const rel = (f: string) => f.split(path.sep).join('/');
  for (const [file, deps] of Object.entries(tree)) {
    if (layerOf(file) !== from) continue;
    for (const dep of deps ?? []) if (dep.id && layerOf(dep.id) === to) out.push({ from: rel(file), to: rel(dep.id), request: dep.request });
  }
  return out;
}

/** One cycle in a directed graph, as the list of its nodes, or null when there is none. */
function findCycle(graph: Map<string, Iterable<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe('imports', function () {
  // Reading ~250 TypeScript files takes a few seconds, more on a loaded machine.
  this.timeout(120000);
  let tree: DependencyTree;

  before(async () => {
    tree = await parseDependencyTree(['server/src/**/*.ts', 'client/src/**/*.ts'], { cwd: ROOT, context: ROOT, transform: false, skipDynamicImports: false });
  });

  it('reads the whole code base, with the imports between layers', () => {
    const files = Object.keys(tree).filter((f) => layerOf(f));
    assert.ok(files.length > 150, `${files.length} project files read`);
    const graph = layerGraph(tree);
    // The known layering (model at the bottom, the engine above rules and profiles) is visible.
    assert.ok(graph.get('engine')?.has('rules'), 'engine imports rules');
    assert.ok(graph.get('rules')?.has('model'), 'rules import the model');
  });

  it('has no circular import between modules', () => {
    const circles = parseCircular(tree);
    assert.deepEqual(circles.map((c) => c.join(' -> ')), [], 'circular imports (break them by moving what both sides share into a lower module)');
  });

  it('has no circular import between layers (the folders of server/src, and the client)', () => {
    const graph = layerGraph(tree);
    const cycle = findCycle(new Map([...graph].map(([from, to]) => [from, [...to.keys()]])));
    const why = cycle?.slice(1).map((to, i) => graph.get(cycle[i])!.get(to)).join('; ');
    assert.equal(cycle?.join(' -> ') ?? null, null, `a circle between layers: ${why}`);
  });

  it('keeps profiles out of the rules and the categories: profiles configure rules, and are never imported by them', () => {
    const graph = layerGraph(tree);
    assert.equal(graph.get('rules')?.get('profiles'), undefined);
    assert.equal(graph.get('categories')?.get('profiles'), undefined);
  });

  it('lets rules read categories only through their public face (categories/index.ts and categories/types.ts)', () => {
    const PUBLIC = new Set(['server/src/categories/index.ts', 'server/src/categories/types.ts']);
    const inside = importsBetween(tree, 'rules', 'categories').filter((i) => !PUBLIC.has(i.to));
    assert.deepEqual(inside.map((i) => `${i.from} imports ${i.request}`), [], 'a rule reaches into a category (export what it needs from categories/index.ts, or a requirement in REQUIREMENTS)');
    // The check sees these imports: rules do read the categories' public face.
    assert.ok(importsBetween(tree, 'rules', 'categories').some((i) => i.to === 'server/src/categories/index.ts'));
  });

  it('has no rule importing another rule: shared words are owned (RuleMeta.owns), shared code lives in helper modules', () => {
    // Rule modules as the generated registry knows them (the rules folder's files with a default export).
    const rules = new Set(ruleModules().map((f) => `server/src/rules/${f}`));
    const REGISTRY = 'server/src/rules/all.generated.ts';
    const ruleToRule = importsBetween(tree, 'rules', 'rules').filter((i) => i.from !== REGISTRY && rules.has(i.to));
    assert.deepEqual(ruleToRule.map((i) => `${i.from} imports ${i.request}`), []);
    // The registry does import every rule, so the check sees imports of rule modules.
    assert.equal(importsBetween(tree, 'rules', 'rules').filter((i) => i.from === REGISTRY && rules.has(i.to)).length, rules.size);
    assert.ok(rules.size > 50);
  });

  it('finds a cycle where there is one, and none where there is none', () => {
    assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
    assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), null);
  });
});
