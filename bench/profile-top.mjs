/**
 * The functions a `.cpuprofile` spends its time in: self time and total time (itself and what
 * it calls, each function counted once per stack), highest first.
 *
 *   node bench/profile-top.mjs FILE.cpuprofile [rows=25] [filter]
 */
import { readFileSync } from 'node:fs';

const [file, rowsArg = '25', filter = ''] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const deltas = profile.timeDeltas;
const hits = new Map();
profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (deltas[i + 1] ?? 0)));
const name = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src|node_modules|bench)\//, '$1/')}:${lineNumber + 1}`;
};
const self = new Map();
const total = new Map();
let all = 0;
for (const [id, us] of hits) {
  all += us;
  const node = byId.get(id);
  self.set(name(node), (self.get(name(node)) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = name(byId.get(at));
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + us);
  }
}
const top = (m) =>
  [...m]
    .filter(([k]) => k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rowsArg))
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`${file}: ${(all / 1000).toFixed(0)} ms sampled\n\nself:\n${top(self)}\n\ntotal:\n${top(total)}`);
