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
 *   node --cpu-prof --import tsx bench/validate-cost.ts # and a profile of where the time goes
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonDocument } from '../src/formats/json-document.js';
import { loadSchemaRegistry } from '../src/formats/schema-registry.js';
import type { Declaration } from '../src/formats/types.generated.js';
import { checkDeclaration } from '../src/formats/validate-declaration.js';
import { projectRoot } from '../src/paths.js';
import { loadJurisdictions } from '../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../src/policies/load-model-parameters.js';
import { DraftChecks } from '../src/service/draft-checks.js';
import { draftFindings } from '../src/service/draft-findings.js';

const CALLS = Number(process.env.VALIDATE_COST_CALLS ?? 3000);
const WARM = 300;
const registry = loadSchemaRegistry();
const policy = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const body = JSON.stringify(JSON.parse(readFileSync(path.join(projectRoot, 'bench', 'fixtures', 'tandem-voice.json'), 'utf8')));
const at = body.indexOf('"name":"');
const bodies = Array.from({ length: CALLS + WARM }, (_, i) => `${body.slice(0, at + 8)}#${i} ${body.slice(at + 8)}`.replace(/"duration":"[^"]*"/, `"duration":"P${i + 1}D"`));
const previous = process.env.VALIDATE_COST_PREVIOUS === 'yes' ? (JSON.parse(body) as Declaration) : undefined;
const today = new Date().toISOString().slice(0, 10);
const drafts = new DraftChecks((doc) => checkDeclaration(registry, doc));

const parts = { parse: 0n, check: 0n, findings: 0n, answer: 0n };
const cpu = () => {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system);
};
for (let i = 0; i < bodies.length; i++) {
  const t0 = cpu();
  const { value } = parseJsonDocument(bodies[i]);
  const t1 = cpu();
  const result = drafts.of(bodies[i], value);
  if (!result.valid) throw new Error(`body ${i} is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const t2 = cpu();
  const draft = draftFindings(result.declaration, previous, policy, today);
  const t3 = cpu();
  JSON.stringify({ valid: true, warnings: [...result.warnings, ...draft.warnings], findings: draft.findings });
  const t4 = cpu();
  if (i < WARM) continue;
  parts.parse += t1 - t0;
  parts.check += t2 - t1;
  parts.findings += t3 - t2;
  parts.answer += t4 - t3;
}
const per = (n: bigint) => (Number(n) / CALLS).toFixed(0);
const total = parts.parse + parts.check + parts.findings + parts.answer;
console.log(`CPU µs per call over ${CALLS} distinct bodies (${(body.length / 1024).toFixed(1)} KB${previous ? ', against a previous version' : ''}):`);
console.log(`  JSON inspection + parse ${per(parts.parse)} · check ${per(parts.check)} · draft findings ${per(parts.findings)} · answer ${per(parts.answer)} · total ${per(total)}`);
