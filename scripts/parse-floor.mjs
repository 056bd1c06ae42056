// The CLI row's floor (`npm run bench`): read and parse the files named on the command line with
// remark-parse alone, one after another on one thread, and print one line of JSON with the wall and
// CPU time of that loop. The bench runs it as a fresh process each time: measured inside its own
// process, the floor carried whatever the bench's heap held from the rows before it (the engine
// loaded, a 1 MB review done), and its garbage collections, which run partly on V8's helper
// threads, changed with that heap. Plain JavaScript, so no TypeScript loader runs beside it.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

/** CPU time of this thread (Linux: /proc/thread-self/stat, clock ticks of 10 ms); null elsewhere. */
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3; utime and stime are fields 14 and 15.
    return (Number(fields[14 - 3]) + Number(fields[15 - 3])) * 10;
  } catch {
    return null;
  }
}

const files = process.argv.slice(2);
const parser = unified().use(remarkParse);
let chars = 0;
const mainBefore = threadCpuMs();
const cpu = process.cpuUsage();
const t0 = performance.now();
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  chars += text.length;
  parser.parse(text);
}
const wallMs = performance.now() - t0;
const used = process.cpuUsage(cpu);
const mainAfter = threadCpuMs();
console.log(JSON.stringify({
  files: files.length, chars, wallMs,
  cpuMs: (used.user + used.system) / 1000,
  mainThreadCpuMs: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
}));
