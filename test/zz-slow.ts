import { parseConfig } from '../server/src/engine';
const n = Number(process.argv[2] ?? 20000);
let t = 'severity:\n';
for (let i = 0; i < n; i++) t += `  rule-number-${i}: sometimes\n`;
console.log('bytes', t.length);
let s = Date.now();
try { parseConfig(t, '/tmp/x.yaml'); } catch (e) { console.log((e as any).issues.length); }
console.log('ms', Date.now() - s);
