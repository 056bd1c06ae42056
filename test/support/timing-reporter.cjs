// Mocha reporter for `npm run test:timing`: dots while running, then the wall and CPU time spent in
// each test file (its tests and hooks), slowest first, and the same table as JSON in the file named by
// CLAUSEWISE_TIMING_OUT (default test-timing.json). Time between two runner events is charged to the
// file of the earlier event's test or hook, so set-up in before() hooks counts for its file. Serial
// runs only: in --parallel mode events arrive in batches after a file ends, so only test durations
// are meaningful there and the table falls back to those.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_HOOK_BEGIN, EVENT_HOOK_END, EVENT_TEST_BEGIN, EVENT_TEST_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END } =
  Mocha.Runner.constants;

/**
 * CPU seconds used so far by this process (all its threads) and by the child processes it has waited
 * for (/proc/self/stat, Linux only; elsewhere children count 0). Unlike wall time, CPU time hardly
 * changes when other work shares the machine, so it is the better figure to compare runs by.
 */
function cpuSeconds() {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in USER_HZ (100) ticks
  } catch {
    // not Linux
  }
  return (own.user + own.system) / 1e6 + children;
}

function fileOf(runnable) {
  for (let r = runnable; r; r = r.parent) if (r.file) return path.relative(process.cwd(), r.file);
  return '(root hooks)';
}

class TimingReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    // Everything before the reporter exists is process start-up and loading (importing) the spec files.
    const loadedAt = process.uptime();
    const perFile = new Map();
    const cpuPerFile = new Map();
    const testsPerFile = new Map();
    const slowTests = [];
    let current = '(start)';
    let last = process.hrtime.bigint();
    let lastCpu = cpuSeconds();
    const charge = (next) => {
      const now = process.hrtime.bigint();
      const cpu = cpuSeconds();
      perFile.set(current, (perFile.get(current) || 0) + Number(now - last) / 1e9);
      cpuPerFile.set(current, (cpuPerFile.get(current) || 0) + cpu - lastCpu);
      last = now;
      lastCpu = cpu;
      if (next) current = next;
    };
    for (const ev of [EVENT_HOOK_BEGIN, EVENT_TEST_BEGIN, EVENT_SUITE_BEGIN]) runner.on(ev, (r) => charge(r.file || r.parent ? fileOf(r) : undefined));
    for (const ev of [EVENT_HOOK_END, EVENT_SUITE_END]) runner.on(ev, () => charge());
    runner.on(EVENT_TEST_END, (t) => {
      charge();
      const f = fileOf(t);
      const entry = testsPerFile.get(f) || { tests: 0, testSeconds: 0 };
      entry.tests += 1;
      entry.testSeconds += (t.duration || 0) / 1000;
      testsPerFile.set(f, entry);
      slowTests.push({ file: f, title: t.fullTitle(), seconds: +((t.duration || 0) / 1000).toFixed(2) });
    });
    runner.once(EVENT_RUN_BEGIN, () => { last = process.hrtime.bigint(); lastCpu = cpuSeconds(); });
    runner.once(EVENT_RUN_END, () => {
      charge();
      const parallel = Boolean(options && options.parallel);
      const rows = [...new Set([...perFile.keys(), ...testsPerFile.keys()])]
        .filter((f) => f !== '(start)')
        .map((file) => ({
          file,
          seconds: +(parallel ? (testsPerFile.get(file) || {}).testSeconds || 0 : perFile.get(file) || 0).toFixed(2),
          cpuSeconds: parallel ? null : +(cpuPerFile.get(file) || 0).toFixed(2),
          tests: (testsPerFile.get(file) || {}).tests || 0,
        }))
        .sort((a, b) => b.seconds - a.seconds);
      const total = process.uptime();
      const totalCpu = cpuSeconds();
      const s = runner.stats || {};
      const out = process.env.CLAUSEWISE_TIMING_OUT || 'test-timing.json';
      slowTests.sort((a, b) => b.seconds - a.seconds);
      const tests = slowTests.slice(0, 50);
      fs.writeFileSync(out, JSON.stringify({ totalSeconds: +total.toFixed(1), totalCpuSeconds: +totalCpu.toFixed(1), loadSeconds: +loadedAt.toFixed(1), passes: s.passes, failures: s.failures, pending: s.pending, files: rows, slowestTests: tests }, null, 2) + '\n');
      const top = Number(process.env.CLAUSEWISE_TIMING_TOP || 30);
      process.stdout.write(`\nwall ${total.toFixed(1)} s (CPU ${totalCpu.toFixed(1)} s), of which start-up and loading spec files ${loadedAt.toFixed(1)} s\n`);
      process.stdout.write(`slowest files (${parallel ? 'sum of test durations' : 'tests and hooks'}), full table in ${out}:\n`);
      process.stdout.write(`    wall      CPU  tests  file\n`);
      for (const r of rows.slice(0, top)) process.stdout.write(`${r.seconds.toFixed(2).padStart(8)} ${r.cpuSeconds === null ? '       -' : r.cpuSeconds.toFixed(2).padStart(8)} ${String(r.tests).padStart(6)}  ${r.file}\n`);
      process.stdout.write('slowest tests:\n');
      for (const t of tests.slice(0, 15)) process.stdout.write(`${t.seconds.toFixed(2).padStart(8)} s  ${t.file}: ${t.title}\n`);
      process.stdout.write(`\nmocha: ${s.passes || 0} passed, ${s.failures || 0} failed, ${s.pending || 0} skipped\n`);
    });
  }
}
module.exports = TimingReporter;
