/**
 * The inputs the exposure golden test fingerprints: every shipped sample declaration, the
 * methodology's examples, honest completions and silenced variants of the samples, and
 * declarations drawn by the fast-check generator with a fixed seed — each under several law
 * dates and both explanation levels. Deterministic, so the same code gives the same digests.
 * `goldenGroups` is the full guard, `quickGroups` the subset every test run checks.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { completeDeclaration as methodologyCompletion, silentDeclaration } from '../../scripts/methodology-examples.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { policiesDir } from '../../src/paths.js';
import { computeExposure } from '../../src/scoring/index.js';
import type { ExplainLevel } from '../../src/scoring/index.js';
import { completeDeclaration } from './complete-declaration.js';
import { declarationArb } from './declaration-arbitrary.js';
import { jurisdictions, params } from './scoring-fixture.js';
import { silenceMutations } from './silence-mutations.js';

export const LAW_DATES = ['2013-12-31', '2020-06-30', '2026-12-02', '2035-01-01'] as const;
export const EXPLAIN_LEVELS: readonly ExplainLevel[] = ['compact', 'full'];

/** A named group of declarations and the law dates it is scored under. */
export interface GoldenGroup {
  name: string;
  declarations: Declaration[];
  dates: readonly string[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The two law dates of the quick run: one before and one after most of the shipped law changes. */
const QUICK_DATES = ['2020-06-30', '2026-12-02'] as const;
/** Every how many-th silenced variant of a sample the quick run keeps (4 to 5 of each sample). */
const QUICK_SILENCED_STEP = 37;
/** How many of the generated declarations the quick run keeps (the first ones: the same seed draws the same sequence). */
const QUICK_GENERATED = 20;

function samples(): { name: string; decl: Declaration }[] {
  const dir = path.join(policiesDir, 'providers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), decl: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Declaration }));
}

function silenced(decl: Declaration, step = 1): Declaration[] {
  return silenceMutations(decl)
    .filter((_, i) => i % step === 0)
    .map((m) => {
      const d = structuredClone(decl);
      m.apply(d);
      return d;
    });
}

const generated = (n: number): Declaration[] => fc.sample(declarationArb, { seed: 20261202, numRuns: n });

/** The full guard: every group (about 90 s under jest), for work on the speed of the scoring core. */
export function goldenGroups(): GoldenGroup[] {
  const groups: GoldenGroup[] = [];
  for (const { name, decl } of samples()) {
    groups.push({ name, declarations: [decl], dates: LAW_DATES });
    groups.push({ name: `${name}:completed`, declarations: [1, 2, 3].map((seed) => completeDeclaration(decl, seed)), dates: QUICK_DATES });
    groups.push({ name: `${name}:silenced`, declarations: silenced(decl), dates: ['2026-12-02'] });
  }
  groups.push({ name: 'methodology', declarations: [silentDeclaration, methodologyCompletion(params)], dates: LAW_DATES });
  groups.push({ name: 'generated', declarations: generated(100), dates: LAW_DATES });
  return groups;
}

/**
 * A representative subset, for every test run: each sample, its completions and the
 * methodology's examples under two law dates (fingerprints the full guard has too), every
 * 37th silenced variant of each sample and the first 20 generated declarations (fingerprints of
 * their own, recorded from the same unoptimised code as the rest).
 */
export function quickGroups(): GoldenGroup[] {
  const groups: GoldenGroup[] = [];
  for (const { name, decl } of samples()) {
    groups.push({ name, declarations: [decl], dates: QUICK_DATES });
    groups.push({ name: `${name}:completed`, declarations: [1, 2, 3].map((seed) => completeDeclaration(decl, seed)), dates: QUICK_DATES });
    groups.push({ name: `${name}:silenced/${QUICK_SILENCED_STEP}`, declarations: silenced(decl, QUICK_SILENCED_STEP), dates: ['2026-12-02'] });
  }
  groups.push({ name: 'methodology', declarations: [silentDeclaration, methodologyCompletion(params)], dates: QUICK_DATES });
  groups.push({ name: `generated/${QUICK_GENERATED}`, declarations: generated(QUICK_GENERATED), dates: QUICK_DATES });
  return groups;
}

/** What the digests depend on besides the code: the shipped profiles and parameters. */
export function lawDataDigest(): string {
  return sha256(JSON.stringify({ jurisdictions, params }));
}

/** One digest per group, law date and explanation level: SHA-256 over the JSON of every matrix of the group, in order. */
export function goldenDigests(groups: readonly GoldenGroup[] = goldenGroups(), compute: typeof computeExposure = computeExposure): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of groups)
    for (const lawDate of g.dates)
      for (const explain of EXPLAIN_LEVELS) {
        const h = createHash('sha256');
        for (const d of g.declarations) h.update(JSON.stringify(compute(d, jurisdictions, params, { lawDate, explain }))).update('\n');
        out[`${g.name}|${lawDate}|${explain}`] = h.digest('hex');
      }
  return out;
}
