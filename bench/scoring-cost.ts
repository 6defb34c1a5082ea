/**
 * Scoring cost: CPU time per full exposure matrix (13 categories × every shipped profile) of a
 * frozen fixture, `bench/fixtures/tandem-voice.json` (a copy of the largest shipped sample, kept
 * apart so that edits to the sample do not move the figure).
 *
 *   node --import tsx bench/scoring-cost.ts [--baseline <checkout>] [--rounds 7] [--matrices 40] [--explain summary|compact|full] [--profiles all|45]
 *
 * `--explain` is the level asked of the core (default compact; a checkout without the `summary`
 * level builds compact cells for it); `--profiles 45` scores against the profiles of issue 24's
 * target only (bench/profile-sets.ts), on both sides.
 *
 * With `--baseline`, a second checkout of the project (another model version, say) is loaded into
 * the same process and both are measured in alternating rounds on the same fixture, each with its
 * own code, parameters and profiles (each side's `policies/`, in the profile schema its loader
 * reads; compare checkouts whose profiles hold the same facts), so machine noise falls on both
 * alike. Each side's best round counts (noise on a shared machine only ever slows a round down).
 * Prints the CPU milliseconds per matrix and the ratio.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileSet } from './profile-sets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(arg('--rounds') ?? 7);
const MATRICES = Number(arg('--matrices') ?? 40);
const EXPLAIN = arg('--explain') ?? 'compact';
const PROFILES = arg('--profiles') ?? 'all';
const fixture = JSON.parse(readFileSync(path.join(here, 'fixtures', 'tandem-voice.json'), 'utf8'));

interface Side {
  name: string;
  modelVersion: string;
  profiles: number;
  matrix: () => void;
  best: number;
}

async function side(name: string, checkout: string): Promise<Side> {
  const { loadSchemaRegistry } = await import(path.join(checkout, 'src/formats/schema-registry.ts'));
  const { loadJurisdictions } = await import(path.join(checkout, 'src/policies/load-jurisdictions.ts'));
  const { loadModelParameters } = await import(path.join(checkout, 'src/policies/load-model-parameters.ts'));
  const { computeExposure } = await import(path.join(checkout, 'src/scoring/index.ts'));
  const registry = loadSchemaRegistry();
  const params = loadModelParameters(registry);
  const profiles = profileSet(loadJurisdictions(registry) as { code: string }[], PROFILES);
  const lawDate = '2026-12-01';
  const matrix = () => {
    // A fresh copy each time: a computation may remember nothing across calls.
    const r = computeExposure(structuredClone(fixture), profiles, params, { lawDate, explain: EXPLAIN });
    if (r.cells.length !== params.categories.length * profiles.length) throw new Error(`${name}: ${r.cells.length} cells`);
  };
  return { name, modelVersion: params.modelVersion, profiles: profiles.length, matrix, best: Infinity };
}

function round(s: Side): number {
  const start = process.cpuUsage();
  for (let i = 0; i < MATRICES; i++) s.matrix();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / MATRICES;
}

const sides = [await side('this checkout', root)];
const baseline = arg('--baseline');
if (baseline !== undefined) sides.push(await side('baseline', path.resolve(baseline)));
for (const s of sides) for (let i = 0; i < 5; i++) s.matrix(); // warm up: compile the hot paths
for (let r = 0; r < ROUNDS; r++) for (const s of r % 2 === 0 ? sides : [...sides].reverse()) s.best = Math.min(s.best, round(s));
for (const s of sides) console.log(`${s.name}: ${s.modelVersion}, ${s.profiles} profiles, explain=${EXPLAIN}, ${s.best.toFixed(2)} ms CPU per full matrix (best of ${ROUNDS} rounds of ${MATRICES})`);
if (sides.length === 2) console.log(`ratio ${sides[0].modelVersion} / ${sides[1].modelVersion}: ${(sides[0].best / sides[1].best).toFixed(3)}`);
