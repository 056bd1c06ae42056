/**
 * Every rule has a documentation page in docs/rules/<rule-id>.md (the page each diagnostic's
 * codeDescription.href points at), listed in docs/rules/README.md, and there are no pages for rules
 * that do not exist. The header, Examples, Settings and Related rules blocks and the index tables are
 * generated from the rule modules by `npm run gen` (test/scripts/generate-rules.test.ts keeps them
 * fresh; test/rules/examples.test.ts runs the examples); this test checks the hand-written prose.
 *
 * Adding a rule? Run `npm run gen`: it writes docs/rules/<rule-id>.md with TODOs for the prose.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATEGORY_IDS, docsUrl, PROFILES, RULES } from '../../server/src/engine';

const DOCS = resolve(__dirname, '..', '..', 'docs', 'rules');
const INDEX = join(DOCS, 'README.md');

const pagePath = (id: string) => join(DOCS, `${id}.md`);
const readPage = (id: string) => readFileSync(pagePath(id), 'utf8').replace(/\r\n/g, '\n');

/** The body of a `## heading` section, up to the next `## ` heading (headings inside the examples' code blocks do not count). */
function section(page: string, heading: string): string | null {
  const lines = page.split('\n');
  let inFence = false;
  const isHeading = lines.map((l) => {
    if (/^\s*```/.test(l)) inFence = !inFence;
    return !inFence && /^## /.test(l);
  });
  const at = lines.findIndex((l, i) => isHeading[i] && l.trim() === `## ${heading}`);
  if (at < 0) return null;
  const end = isHeading.findIndex((h, i) => h && i > at);
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

/** The first ```markdown block under a `### ` heading that contains the marker. */
function example(page: string, marker: string): string | null {
  const m = new RegExp(`^### [^\\n]*${marker}[^\\n]*\\n+\`\`\`(?:markdown|md)\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(page);
  return m ? m[1] : null;
}

const REQUIRED_SECTIONS = ['What it checks', 'Why it matters', 'Examples', 'Quick fix', 'Settings', 'Related rules'];

describe('rule documentation (docs/rules)', () => {
  it('has an index page', () => assert.ok(existsSync(INDEX), 'docs/rules/README.md is missing'));

  for (const { meta } of RULES) {
    describe(meta.id, () => {
      it('has a page whose first line names the rule', () => {
        assert.ok(existsSync(pagePath(meta.id)), `docs/rules/${meta.id}.md is missing: every rule needs a documentation page`);
        const first = readPage(meta.id).split('\n')[0];
        assert.ok(first.startsWith(`# ${meta.id}:`), `first line of docs/rules/${meta.id}.md should be "# ${meta.id}: ${meta.title}", not "${first}"`);
        assert.equal(first, `# ${meta.id}: ${meta.title}`, `the page title should match the rule's title in its meta`);
      });

      it('states the category and default severity from the rule', () => {
        const page = readPage(meta.id);
        assert.ok(page.includes(`- **Category:** \`${meta.category}\``), `docs/rules/${meta.id}.md should list Category: \`${meta.category}\``);
        assert.ok(page.includes(`- **Default severity:** \`${meta.defaultSeverity}\``), `docs/rules/${meta.id}.md should list Default severity: \`${meta.defaultSeverity}\``);
        const profiles = page.slice(page.indexOf('- **Profiles**'), page.indexOf('## What it checks'));
        assert.ok(page.includes('- **Profiles**'), `docs/rules/${meta.id}.md should list its profiles`);
        // Drafting rules apply under every profile; coverage rules under the profiles that review their category.
        for (const p of Object.values(PROFILES).filter((x) => meta.category === 'drafting' || (x.categories as readonly string[]).includes(meta.category))) {
          assert.ok(profiles.includes(`\`${p.id}\``), `docs/rules/${meta.id}.md should list the ${p.id} profile, which reviews the ${meta.category} category`);
        }
        if (meta.clauseId) assert.ok(page.includes(`\`${meta.clauseId}\``), `docs/rules/${meta.id}.md should name its fixing clause \`${meta.clauseId}\``);
      });

      it('has its hand-written prose, with no TODO left from the skeleton', () => {
        const page = readPage(meta.id);
        for (const s of ['What it checks', 'Why it matters', 'Quick fix']) {
          const body = (section(page, s) ?? '').trim();
          assert.ok(body && !/^TODO\b/m.test(body), `docs/rules/${meta.id}.md: write the "## ${s}" section (it still has the skeleton's TODO)`);
        }
      });

      it('has every section, with a flagged and a not-flagged example', () => {
        const page = readPage(meta.id);
        for (const s of REQUIRED_SECTIONS) assert.notEqual(section(page, s), null, `docs/rules/${meta.id}.md has no "## ${s}" section`);
        const examples = section(page, 'Examples')!;
        assert.ok(example(examples, '❌'), `docs/rules/${meta.id}.md needs a "### ❌ Flagged" example in a \`\`\`markdown block`);
        assert.ok(example(examples, '✅'), `docs/rules/${meta.id}.md needs a "### ✅ Not flagged" example in a \`\`\`markdown block`);
      });

      it('explains how to switch it off, and how to accept one finding with a comment', () => {
        const off = section(readPage(meta.id), 'Settings') ?? '';
        assert.ok(off.includes(`"clausewise.severity": { "${meta.id}": "off" }`), 'shows the clausewise.severity setting for this rule');
        assert.ok(off.includes(`<!-- clausewise-disable-next-line ${meta.id} -- `), 'shows the inline suppression comment for this rule');
        assert.match(off, /accepted deviations/i, 'says where an accepted finding is reported');
      });

      it('links the other rules of its category', () => {
        const related = section(readPage(meta.id), 'Related rules') ?? '';
        for (const other of RULES.filter((r) => r.meta.category === meta.category && r.meta.id !== meta.id)) {
          assert.ok(related.includes(`(${other.meta.id}.md)`), `Related rules should link ${other.meta.id}`);
        }
      });

      it('is listed in docs/rules/README.md with its category and severity', () => {
        const row = readFileSync(INDEX, 'utf8').split('\n').find((l) => l.startsWith(`| [\`${meta.id}\`](${meta.id}.md) |`));
        assert.ok(row, `docs/rules/README.md has no table row for ${meta.id}`);
        assert.ok(row.includes(`| \`${meta.category}\` |`), `the README row for ${meta.id} should give its category \`${meta.category}\``);
        assert.ok(row.includes(`| ${meta.defaultSeverity} |`), `the README row for ${meta.id} should give its default severity ${meta.defaultSeverity}`);
      });

      it('is where the diagnostics link to', () => {
        assert.ok(docsUrl(meta.id).endsWith(`/docs/rules/${meta.id}.md`), docsUrl(meta.id));
      });
    });
  }

  it('has no pages for rules that do not exist', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    const orphans = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md' && !ids.has(f.slice(0, -3)));
    assert.deepEqual(orphans, [], 'pages without a rule (rename or delete them with the rule)');
  });

  it('lists no unknown rules in the index', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    const rows = readFileSync(INDEX, 'utf8').split('\n').filter((l) => /^\| \[`[^`]+`\]\([^)]+\.md\) \|/.test(l));
    const unknown = rows.map((l) => /^\| \[`([^`]+)`\]/.exec(l)![1]).filter((id) => !ids.has(id));
    assert.deepEqual(unknown, []);
    assert.equal(rows.length, RULES.length, 'one index row per rule');
  });

  it('groups the index by category in the spec order', () => {
    const rows = readFileSync(INDEX, 'utf8').split('\n').filter((l) => /^\| \[`[^`]+`\]\([^)]+\.md\) \|/.test(l));
    // Coverage categories in the spec's order, then drafting rules.
    const rank = (c: string | undefined) => (c === 'drafting' ? CATEGORY_IDS.length : (CATEGORY_IDS as readonly string[]).indexOf(c ?? ''));
    const order = rows.map((l) => rank(/\| `([a-z-]+)` \|/.exec(l)?.[1]));
    assert.ok(order.every((c) => c >= 0), 'every row names a known category');
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'rows are grouped by category in the order of shared/spec/README.md');
  });

  it('explains the verdicts present, weak and missing in the index', () => {
    const index = readFileSync(INDEX, 'utf8');
    for (const v of ['present', 'weak', 'missing']) assert.ok(index.includes(`**${v}**`), `README explains "${v}"`);
  });
});
