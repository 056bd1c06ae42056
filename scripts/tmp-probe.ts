import { IncrementalReview } from '../server/src/engine/incremental';
import { generateContract } from './bench-contract';
import { signatureOpenersRead } from '../server/src/drafting/signatures';
import { referenceStats, referenceObjectsBuilt } from '../server/src/drafting/xrefs';
import { figureStats } from '../server/src/drafting/figures';
const base = generateContract(Number(process.argv[2] ?? 1000000));
const inc = new IncrementalReview();
inc.review({ text: base, version: 0, path: 'c.md' });
let text = base;
const EDITS = 12;
for (let i = 0; i < EDITS; i++) {
  const at = text.indexOf('\n', Math.floor(((i + 0.5) / EDITS) * text.length));
  text = text.slice(0, at) + 'x' + text.slice(at);
  const t = process.cpuUsage();
  const r = inc.review({ text, version: i + 1, path: 'c.md' });
  const u = process.cpuUsage(t);
  const m = r.model;
  console.log(i, ((u.user + u.system) / 1000).toFixed(1), 'ms', 'blocks', m.blocks.length, 'openersRead', signatureOpenersRead(m), 'refs', JSON.stringify(referenceStats(m)), 'objs', referenceObjectsBuilt(m), 'figRead', figureStats(m)?.read, 'findings', r.diagnostics.length, JSON.stringify(Object.entries(r.diagnostics.reduce((a: any, d) => (a[d.ruleId] = (a[d.ruleId] ?? 0) + 1, a), {})).sort((a: any, b: any) => b[1] - a[1]).slice(0, 8)));
}
