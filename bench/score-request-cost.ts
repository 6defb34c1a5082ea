/**
 * CPU cost of one `POST /v1/score` with the default answer, part by part, in one process:
 * the work the route does after the body is parsed (schema and semantic check, draft findings,
 * the exposure matrix, summary, disclosure, the `summary` cells and the bytes of the answer).
 * Every call scores a different body (the first retention duration is a different number of
 * days, as in section (a) of `npm run bench`), so nothing keyed on content can answer; only the
 * caches keyed by the law help, as in the service.
 *
 *   node --import tsx bench/score-request-cost.ts [--profiles all|45] [--rounds 5] [--requests 100] [--checkout <dir>]
 *
 * `--profiles 45` scores against the 45 profiles shipped before the fourth round of law data
 * (the 26 codes in `bench/profile-sets.ts` left out), the profile count issue 24's target names.
 * Prints CPU milliseconds per request for each part (best round of each part) and in total.
 * `--checkout` measures another checkout of the project (say a worktree of an earlier commit)
 * with its own code, schemas and policies; the fixture and the profile set are this one's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileSet } from './profile-sets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(arg('--rounds') ?? 5);
const REQUESTS = Number(arg('--requests') ?? 100);
const checkout = path.resolve(arg('--checkout') ?? path.join(here, '..'));
const load = (file: string) => import(path.join(checkout, 'src', file));
const { loadSchemaRegistry } = await load('formats/schema-registry.ts');
const { checkDeclaration } = await load('formats/validate-declaration.ts');
const { loadJurisdictions } = await load('policies/load-jurisdictions.ts');
const { loadModelParameters } = await load('policies/load-model-parameters.ts');
const { computeExposure, disclosureScore, summarizeExposure } = await load('scoring/index.ts');
const { cellsAt, scoringDetail } = await load('service/answer-detail.ts');
const { draftFindings } = await load('service/draft-findings.ts');
// The answer's bytes as the checkout's route makes them (in pieces where it can).
const { jsonBytes } = existsSync(path.join(checkout, 'src/http/json-bytes.ts')) ? await load('http/json-bytes.ts') : { jsonBytes: (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8') };
const registry = loadSchemaRegistry();
const params = loadModelParameters(registry);
const jurisdictions = profileSet(loadJurisdictions(registry), arg('--profiles') ?? 'all');
const policy = { jurisdictions, params };
const body = readFileSync(path.join(here, 'fixtures', 'tandem-voice.json'), 'utf8');
const today = new Date().toISOString().slice(0, 10);

let n = 0;
/** A body no earlier call has seen: the first retention duration is `P<n>D`. */
function nextBody(): string {
  n++;
  return JSON.stringify(JSON.parse(body)).replace(/"duration":"[^"]*"/, `"duration":"P${n}D"`);
}

const parts = ['parse', 'check', 'findings', 'matrix', 'summary', 'disclosure', 'cells', 'bytes'] as const;
type Part = (typeof parts)[number];
const best = Object.fromEntries(parts.map((p) => [p, Infinity])) as Record<Part, number>;
let bestTotal = Infinity;
let answerBytes = 0;

function request(used: Record<Part, number>): void {
  let t = process.cpuUsage();
  const lap = (part: Part) => {
    const d = process.cpuUsage(t);
    used[part] += d.user + d.system;
    t = process.cpuUsage();
  };
  const raw = nextBody();
  const doc = JSON.parse(raw);
  lap('parse');
  const check = checkDeclaration(registry, doc);
  if (!check.valid) throw new Error('the fixture is not valid');
  lap('check');
  const publish = draftFindings(check.declaration, undefined, policy, today);
  lap('findings');
  // What the route asks of the core for a JSON answer at the default level.
  const result = computeExposure(check.declaration, jurisdictions, params, { lawDate: today, explain: scoringDetail('summary', true) });
  lap('matrix');
  const summary = summarizeExposure(result, params);
  lap('summary');
  const disclosure = disclosureScore(check.declaration);
  lap('disclosure');
  const cells = cellsAt(result.cells, 'summary');
  lap('cells');
  const answer = { providerId: check.declaration.provider.id, modelVersion: result.modelVersion, lawDate: result.lawDate, explain: 'summary', summary, disclosure, warnings: [...check.warnings, ...publish.warnings], findings: publish.findings, ...cells };
  answerBytes = jsonBytes(answer).byteLength;
  lap('bytes');
}

for (let i = 0; i < 20; i++) request(Object.fromEntries(parts.map((p) => [p, 0])) as Record<Part, number>); // warm up
for (let r = 0; r < ROUNDS; r++) {
  const used = Object.fromEntries(parts.map((p) => [p, 0])) as Record<Part, number>;
  const start = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) request(used);
  const all = process.cpuUsage(start);
  bestTotal = Math.min(bestTotal, (all.user + all.system) / 1000 / REQUESTS);
  for (const p of parts) best[p] = Math.min(best[p], used[p] / 1000 / REQUESTS);
}
console.log(`${checkout}: ${jurisdictions.length} profiles, ${params.categories.length * jurisdictions.length} cells, answer ${(answerBytes / 1024).toFixed(1)} KB; CPU ms per request (best of ${ROUNDS} rounds of ${REQUESTS}):`);
for (const p of parts) console.log(`  ${p.padEnd(10)} ${best[p].toFixed(3)}`);
console.log(`  ${'total'.padEnd(10)} ${bestTotal.toFixed(3)}`);
