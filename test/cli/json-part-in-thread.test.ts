// A JSON report's file parts are made by the thread that reviews the file (server/src/cli/review-task.ts
// ReviewTask.json): the outcome carries the part's bytes and the counts the run adds up, not the
// findings, which a worker's outcome would otherwise clone to the main thread to be formatted there.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatJsonFile } from '../../server/src/cli/format-json';
import { countSeverities, orderedCoverage, type FileReport } from '../../server/src/cli/report';
import { runReviewTask, type ReviewTask } from '../../server/src/cli/review-task';
import { EXAMPLES } from './helpers';

describe('CLI: a JSON part made in the reviewing thread', () => {
  const text = fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8');
  const task = (json?: ReviewTask['json']): ReviewTask => ({ index: 3, text, path: 'weak-msa.md', cwd: EXAMPLES, settings: {}, force: false, ...(json ? { json } : {}) });
  /** The part as the main thread makes it from the whole outcome (run.ts makeFile without a baseline). */
  const mainPart = (quiet: boolean): { part: string; all: FileReport['diagnostics'] } => {
    const r = runReviewTask(task()).result;
    const all = r.diagnostics;
    const file: FileReport = {
      path: 'weak-msa.md', isContract: r.isContract, profiles: r.profiles, coverage: orderedCoverage(r.coverage),
      diagnostics: quiet ? all.filter((d) => d.severity === 'error') : all, reason: r.reason, suppressed: r.suppressed ?? [],
      fingerprints: [], baselined: 0, activeRules: [], warnings: [],
    };
    return { part: formatJsonFile(file), all };
  };

  for (const quiet of [false, true]) {
    it(`sends the part and the counts instead of the findings${quiet ? ' (--quiet)' : ''}`, () => {
      const { part, all } = mainPart(quiet);
      assert.ok(all.some((d) => d.severity !== 'error'), 'the example has findings that are not errors');
      const outcome = runReviewTask(task({ quiet }));
      assert.equal(outcome.index, 3);
      assert.ok(outcome.json, 'the outcome carries its JSON part');
      assert.equal(Buffer.from(outcome.json.part).toString('utf8'), part);
      // Bytes of their own, so that a worker can move them to the main thread.
      assert.equal(outcome.json.part.byteLength, outcome.json.part.buffer.byteLength);
      assert.deepEqual(outcome.json.counted, countSeverities(all));
      assert.deepEqual(outcome.json.reported, countSeverities(quiet ? all.filter((d) => d.severity === 'error') : all));
      assert.equal(outcome.result.diagnostics.length, 0);
      assert.equal(outcome.result.isContract, true);
    });
  }
});
