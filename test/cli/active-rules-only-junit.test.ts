/**
 * The CLI lists the rules that ran on a file only for the JUnit report, the one format that reads
 * them (issue 13, cli): the other formats' runs neither work the lists out nor carry them back from
 * a worker thread, and print what they printed before.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { activeRuleStats } from '../../server/src/engine/document';
import { runReviewTask } from '../../server/src/cli/review-task';
import { EXAMPLES, runCli } from './helpers';

describe('cli: the rules that ran, listed for JUnit only', () => {
  const files = ['weak-msa.md', 'strong-msa.md'];

  for (const format of ['json', 'sarif', 'stylish', 'markdown']) {
    it(`are not worked out for --format ${format}`, async () => {
      const before = activeRuleStats.lists;
      const r = await runCli(['--format', format, '--fail-on', 'none', ...files], { cwd: EXAMPLES });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(activeRuleStats.lists, before);
    });
  }

  it('are worked out once per file for --format junit, one test case per rule', async () => {
    const before = activeRuleStats.lists;
    const r = await runCli(['--format', 'junit', '--fail-on', 'none', ...files], { cwd: EXAMPLES });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(activeRuleStats.lists, before + files.length);
    assert.match(r.stdout, /<testcase classname="weak-msa.md" name="numbering"/);
  });

  it('come back from a task only when it asks', () => {
    const task = { index: 0, text: require('node:fs').readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8'), path: 'weak-msa.md', cwd: EXAMPLES, settings: {}, force: false };
    assert.deepEqual(runReviewTask(task).activeRules, []);
    const listed = runReviewTask({ ...task, activeRules: true }).activeRules;
    assert.ok(listed.includes('numbering') && listed.length > 20, listed.join(' '));
  });
});
