import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { threadCpuMs } from '../../server/src/lsp/thread-cpu';

// Issue 13 (hoverkept): /proc/thread-self/schedstat is brought up to date at the kernel's scheduler
// events, so two readings a few microseconds apart mostly read the same figure and a reading after
// a computation can miss up to a tick of it. The shared reading (lsp-trace's per-event CPU, the
// probes in scripts/) asks getrusage first, which updates the calling thread's figure: every
// reading then includes the CPU spent since the previous one, however short.
describe('this thread\'s CPU reading', () => {
  it('moves between any two readings (the figure is brought up to date when read)', function () {
    if (!existsSync('/proc/thread-self/schedstat')) this.skip();
    let previous = threadCpuMs();
    let stale = 0;
    for (let i = 0; i < 100; i++) {
      const now = threadCpuMs();
      if (!(now > previous)) stale++;
      previous = now;
    }
    assert.equal(stale, 0, `${stale} of 100 readings were not above the one before`);
  });

  it('is NaN where there is no such file, not a throw', function () {
    if (existsSync('/proc/thread-self/schedstat')) this.skip();
    assert.ok(Number.isNaN(threadCpuMs()));
  });
});
