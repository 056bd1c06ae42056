// package.json contributions: every referenced file exists and ships in the .vsix, every command used
// in a menu or walkthrough is declared, and the severity setting's schema matches the rule list.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { severityProperties } from '../../scripts/generate-settings';
import { CATEGORY_IDS, RULES } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const c = pkg.contributes;
const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));

/** Does a `!pattern` line of .vscodeignore let this path into the .vsix? (vsce matches them with minimatch, dotfiles included) */
const shipped = picomatch(ignore, { dot: true });

describe('extension manifest', () => {
  it('ships every file it references', () => {
    const files = [
      ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
      ...c.walkthroughs.flatMap((w: { steps: Array<{ media: { markdown?: string; image?: string } }> }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
      ...c.jsonValidation.map((v: { url: string }) => v.url),
      ...c.yamlValidation.map((v: { url: string }) => v.url),
      'examples/weak-msa.md',
    ].map((f: string) => f.replace(/^\.\//, ''));
    for (const f of files) {
      assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} exists`);
      assert.ok(shipped(f), `${f} is let into the .vsix by .vscodeignore`);
    }
  });

  it('reads the .vscodeignore allow-list as globs: sources, tests and the README pictures stay out', () => {
    for (const f of ['dist/server.js', 'docs/rules/placeholder.md', 'syntaxes/clausewise.injection.json']) assert.ok(shipped(f), `${f} ships`);
    for (const f of ['server/src/engine/review.ts', 'test/e2e/run.mjs', 'docs/images/vscode-hover.png', 'dist/server.js.map']) assert.ok(!shipped(f), `${f} stays out`);
  });

  it('declares every command its menus, views and walkthrough use', () => {
    const declared = new Set(c.commands.map((x: { command: string }) => x.command));
    const used = Object.values(c.menus).flat().map((m) => (m as { command: string }).command);
    const text = JSON.stringify([c.walkthroughs, c.viewsWelcome]);
    for (const m of text.matchAll(/command:(clausewise\.[A-Za-z.]+)/g)) used.push(m[1]);
    for (const id of used) if (id.startsWith('clausewise.')) assert.ok(declared.has(id), `${id} is declared`);
  });

  it('names every category and rule in the clausewise.severity schema (npm run gen)', () => {
    const severity = c.configuration.properties['clausewise.severity'];
    assert.deepEqual(severity.properties, severityProperties());
    assert.equal(severity.additionalProperties, false);
    for (const id of [...CATEGORY_IDS, ...RULES.map((r) => r.meta.id)]) assert.ok(severity.properties[id], id);
  });

  it('puts every reviewing setting at resource scope', () => {
    for (const [key, value] of Object.entries(c.configuration.properties as Record<string, { scope?: string; markdownDescription?: string }>)) {
      assert.ok(value.markdownDescription, `${key} has a markdownDescription`);
      if (key !== 'clausewise.trace.server') assert.equal(value.scope, 'resource', key);
    }
  });

  it('restricts in untrusted workspaces exactly the settings that can weaken a review', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual([...trust.restrictedConfigurations].sort(), ['clausewise.enable', 'clausewise.profiles', 'clausewise.severity', 'clausewise.thresholds']);
  });
});
