/**
 * CPU per `POST /v1/validate` of its work alone, in process: the JSON inspection and parse the
 * request body goes through, the draft check (schema, semantic rules, warnings, the cache's
 * hash), the draft findings and the answer's serialisation, on distinct bodies made as the
 * bench's section (a) makes them (the frozen largest sample, its first retention duration and
 * name different on every call). No server, no load generator: a figure that holds on a busy
 * machine, where the throughput rows of `npm run bench` do not.
 *
 *   node --import tsx bench/validate-cost.ts            # CPU µs per call, by part
 *   VALIDATE_COST_PREVIOUS=yes node --import tsx …      # against a stored previous version (diff work)
 *   VALIDATE_COST_BASE=<another checkout>/src node --import tsx …
 *                                                       # the same, interleaved with another version's code: a before/after ratio in one run
 *   node --cpu-prof --import tsx bench/validate-cost.ts # and a profile of where the time goes
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Declaration } from '../src/formats/types.generated.js';
import { projectRoot } from '../src/paths.js';

const CALLS = Number(process.env.VALIDATE_COST_CALLS ?? 2000);
const ROUNDS = Number(process.env.VALIDATE_COST_ROUNDS ?? 5);
const WARM = 300;
const body = JSON.stringify(JSON.parse(readFileSync(path.join(projectRoot, 'bench', 'fixtures', 'tandem-voice.json'), 'utf8')));
const at = body.indexOf('"name":"');
const distinct = (i: number) => `${body.slice(0, at + 8)}#${i} ${body.slice(at + 8)}`.replace(/"duration":"[^"]*"/, `"duration":"P${i + 1}D"`);
const previous = process.env.VALIDATE_COST_PREVIOUS === 'yes' ? (JSON.parse(body) as Declaration) : undefined;
const today = new Date().toISOString().slice(0, 10);

type Parts = { parse: number; check: number; findings: number; answer: number };

/** The validate pipeline of the code under `src` (this checkout's, or another's to compare with). */
async function pipeline(src: string) {
  const load = (file: string) => import(pathToFileURL(path.join(src, file)).href);
  const [{ parseJsonDocument }, { loadSchemaRegistry }, { checkDeclaration }, { loadJurisdictions }, { loadModelParameters }, { DraftChecks }, { draftFindings }] = await Promise.all([
    load('formats/json-document.ts'),
    load('formats/schema-registry.ts'),
    load('formats/validate-declaration.ts'),
    load('policies/load-jurisdictions.ts'),
    load('policies/load-model-parameters.ts'),
    load('service/draft-checks.ts'),
    load('service/draft-findings.ts'),
  ]);
  const registry = loadSchemaRegistry();
  const policy = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
  const drafts = new DraftChecks((doc: unknown) => checkDeclaration(registry, doc));
  let next = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  /** `calls` distinct bodies; CPU µs per call, by part when asked (reading the clock costs a little). */
  return (calls: number, byPart: boolean): Parts & { total: number } => {
    const parts: Parts = { parse: 0, check: 0, findings: 0, answer: 0 };
    const bodies = Array.from({ length: calls }, () => distinct(next++));
    // Parsed first, outside the total: the request handling does this for every endpoint (the
    // bench's stack row); the total is validate's own work, what it costs beyond that row.
    const parsed = byPart ? [] : bodies.map((text) => parseJsonDocument(text).value);
    const start = cpu();
    for (let k = 0; k < bodies.length; k++) {
      const text = bodies[k];
      const t0 = byPart ? cpu() : 0;
      const value = byPart ? parseJsonDocument(text).value : parsed[k];
      const t1 = byPart ? cpu() : 0;
      const result = drafts.of(text, value);
      if (!result.valid) throw new Error(`a bench body is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
      const t2 = byPart ? cpu() : 0;
      const draft = draftFindings(result.declaration, previous, policy, today);
      const t3 = byPart ? cpu() : 0;
      JSON.stringify({ valid: true, warnings: [...result.warnings, ...draft.warnings], findings: draft.findings });
      if (!byPart) continue;
      const t4 = cpu();
      parts.parse += t1 - t0;
      parts.check += t2 - t1;
      parts.findings += t3 - t2;
      parts.answer += t4 - t3;
    }
    const total = cpu() - start;
    const per = (n: number) => n / calls;
    return { parse: per(parts.parse), check: per(parts.check), findings: per(parts.findings), answer: per(parts.answer), total: per(total) };
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const here = await pipeline(path.join(projectRoot, 'src'));
const base = process.env.VALIDATE_COST_BASE ? await pipeline(path.resolve(process.env.VALIDATE_COST_BASE)) : undefined;
here(WARM, false);
base?.(WARM, false);
const totals: { here: number[]; base: number[] } = { here: [], base: [] };
const parts: Parts[] = [];
for (let round = 0; round < ROUNDS; round++) {
  totals.here.push(here(CALLS, false).total);
  if (base) totals.base.push(base(CALLS, false).total);
  parts.push(here(Math.ceil(CALLS / 4), true));
}
const f = (n: number) => n.toFixed(0);
console.log(`validate's own work (draft check, findings, answer; the body already parsed), CPU µs per call (${ROUNDS} rounds of ${CALLS} distinct ${(body.length / 1024).toFixed(1)} KB bodies${previous ? ', against a previous version' : ''}):`);
console.log(`  this code: median ${f(median(totals.here))}, best ${f(Math.min(...totals.here))} (rounds ${totals.here.map(f).join(' / ')})`);
console.log(
  `  by part: JSON inspection + parse ${f(median(parts.map((p) => p.parse)))} · check ${f(median(parts.map((p) => p.check)))} · draft findings ${f(median(parts.map((p) => p.findings)))} · answer ${f(median(parts.map((p) => p.answer)))}`,
);
if (base) {
  const ratios = totals.here.map((h, i) => h / totals.base[i]);
  console.log(`  base code: median ${f(median(totals.base))}, best ${f(Math.min(...totals.base))} (rounds ${totals.base.map(f).join(' / ')})`);
  console.log(`  this ÷ base: median of per-round ratios ${median(ratios).toFixed(2)}×, best ÷ best ${(Math.min(...totals.here) / Math.min(...totals.base)).toFixed(2)}×`);
}
