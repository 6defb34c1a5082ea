/**
 * Sensitivity of the exposure model to its constants: every number of
 * policies/model/parameters.json varied by −20% and +20% (one at a time, fractions kept in
 * [0, 1]), and how many cells, grades and ranking pairs move — over the shipped sample
 * declarations and over a generated population (the property tests' generator, fixed seed).
 * Writes docs/sensitivity.md (`npm run sensitivity`); `--out FILE` writes elsewhere,
 * `--population N` sizes the population (default 24). Deterministic: a fixed law date and seed.
 *
 * It takes minutes (each variation recomputes every matrix), so CI does not run it; rerun it
 * after changing a constant, the formula or the law data and commit the page.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Declaration, JurisdictionProfile, ModelParameters } from '../src/formats/types.generated.js';
import { computeExposure } from '../src/scoring/index.js';
import { declarationArb } from '../test/scoring/declaration-arbitrary.js';

export const SENSITIVITY_LAW_DATE = '2026-12-07';
const SEED = 20261207;
const STEP = 0.2;

/** One number of the parameters file, by JSON Pointer. */
export interface Constant {
  pointer: string;
  value: number;
  /** Kept in [0, 1] when varied (a fraction), or an integer count. */
  fraction: boolean;
  integer: boolean;
}

/** Every number of the parameters file that the model reads (ids, words, flags and texts are not constants). */
export function constantsOf(params: ModelParameters): Constant[] {
  const out: Constant[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node === 'number') {
      const fraction = !at.startsWith('/grades/') && !at.startsWith('/compliance/minRequests');
      out.push({ pointer: at, value: node, fraction, integer: at.startsWith('/compliance/minRequests') });
      return;
    }
    if (Array.isArray(node)) node.forEach((v, i) => visit(v, `${at}/${i}`));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(params, '');
  return out.filter((c) => !c.pointer.startsWith('/services/') && !c.pointer.startsWith('/providerPosture/processKinds'));
}

function setAt(params: ModelParameters, pointer: string, value: number): ModelParameters {
  const copy = structuredClone(params) as unknown as Record<string, unknown>;
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = copy as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
  return copy as unknown as ModelParameters;
}

function varied(c: Constant, factor: number): number {
  let v = c.value * factor;
  if (c.fraction) v = Math.min(1, Math.max(0, v));
  if (c.integer) v = Math.round(v);
  return v;
}

/** A population's scores: per declaration, per cell, [established, worstCase, grade, establishedGrade]. */
interface Scores {
  cells: Float64Array;
  grades: string[];
  /** Per declaration: the worst cell overall [worstCase, established] and per jurisdiction the worst cell's [worstCase, established]. */
  overall: [number, number][];
  byJurisdiction: [number, number][][];
}

function score(decls: readonly Declaration[], profiles: readonly JurisdictionProfile[], params: ModelParameters): Scores {
  const cells: number[] = [];
  const grades: string[] = [];
  const overall: [number, number][] = [];
  const byJurisdiction: [number, number][][] = [];
  for (const d of decls) {
    const r = computeExposure(d, profiles, params, { lawDate: SENSITIVITY_LAW_DATE, explain: 'compact' });
    let top: [number, number] = [-1, -1];
    const perJ = new Map<string, [number, number]>();
    for (const c of r.cells) {
      cells.push(c.established, c.worstCase);
      grades.push(c.establishedGrade + c.grade);
      const key: [number, number] = [c.worstCase, c.established];
      if (key[0] > top[0] || (key[0] === top[0] && key[1] > top[1])) top = key;
      const j = perJ.get(c.jurisdiction);
      if (j === undefined || key[0] > j[0] || (key[0] === j[0] && key[1] > j[1])) perJ.set(c.jurisdiction, key);
    }
    overall.push(top);
    byJurisdiction.push([...perJ.keys()].sort().map((k) => perJ.get(k)!));
  }
  return { cells: Float64Array.from(cells), grades, overall, byJurisdiction };
}

const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Pairs of providers whose order (ahead, tied, behind) differs between two rankings of the same keys. */
function pairsMoved(a: readonly [number, number][], b: readonly [number, number][], by: 0 | 1): number {
  let moved = 0;
  const other = by === 0 ? 1 : 0;
  const cmp = (x: [number, number], y: [number, number]) => sign(x[by] - y[by]) || sign(x[other] - y[other]);
  for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (cmp(a[i], a[j]) !== cmp(b[i], b[j])) moved++;
  return moved;
}

export interface Movement {
  cells: number;
  grades: number;
  /** Ranking pairs: the overall ranking by worstCase and by established, and every jurisdiction's ranking by worstCase. */
  pairs: number;
}

function movement(base: Scores, x: Scores): Movement {
  let cells = 0;
  for (let i = 0; i < base.cells.length; i += 2) if (base.cells[i] !== x.cells[i] || base.cells[i + 1] !== x.cells[i + 1]) cells++;
  let grades = 0;
  for (let i = 0; i < base.grades.length; i++) if (base.grades[i] !== x.grades[i]) grades++;
  let pairs = pairsMoved(base.overall, x.overall, 0) + pairsMoved(base.overall, x.overall, 1);
  const nJ = base.byJurisdiction[0]?.length ?? 0;
  for (let j = 0; j < nJ; j++) pairs += pairsMoved(base.byJurisdiction.map((r) => r[j]), x.byJurisdiction.map((r) => r[j]), 0);
  return { cells, grades, pairs };
}

export interface Row {
  constant: Constant;
  down: number;
  up: number;
  samples: [Movement, Movement];
  population: [Movement, Movement];
}

const total = (m: readonly Movement[]) => m.reduce((s, x) => ({ cells: s.cells + x.cells, grades: s.grades + x.grades, pairs: s.pairs + x.pairs }), { cells: 0, grades: 0, pairs: 0 });

export function sensitivity(samples: readonly Declaration[], population: readonly Declaration[], profiles: readonly JurisdictionProfile[], params: ModelParameters, progress?: (i: number, n: number) => void): { rows: Row[]; baseline: { samples: Scores; population: Scores } } {
  const baseS = score(samples, profiles, params);
  const baseP = score(population, profiles, params);
  const rows: Row[] = [];
  const constants = constantsOf(params);
  constants.forEach((c, i) => {
    progress?.(i, constants.length);
    const down = varied(c, 1 - STEP);
    const up = varied(c, 1 + STEP);
    const run = (v: number): [Movement, Movement] => {
      if (v === c.value) return [{ cells: 0, grades: 0, pairs: 0 }, { cells: 0, grades: 0, pairs: 0 }];
      const p = setAt(params, c.pointer, v);
      return [movement(baseS, score(samples, profiles, p)), movement(baseP, score(population, profiles, p))];
    };
    const [sd, pd] = run(down);
    const [su, pu] = run(up);
    rows.push({ constant: c, down, up, samples: [sd, su], population: [pd, pu] });
  });
  // Most influential first: ranking pairs, then grades, then cells, over both populations and directions.
  const weight = (r: Row) => total([...r.samples, ...r.population]);
  rows.sort((a, b) => {
    const x = weight(a);
    const y = weight(b);
    return y.pairs - x.pairs || y.grades - x.grades || y.cells - x.cells || (a.constant.pointer < b.constant.pointer ? -1 : 1);
  });
  return { rows, baseline: { samples: baseS, population: baseP } };
}

const fmt = (m: Movement) => `${m.cells} / ${m.grades} / ${m.pairs}`;
const num = (x: number) => String(Math.round(x * 10000) / 10000);

/** What a pointer into an array of the parameters names: the category, the duration of a curve point, the grade. */
export function labelOf(pointer: string, params: ModelParameters): string {
  const m = /^\/(categories|retention\/points|grades)\/(\d+)\//.exec(pointer);
  if (!m) return '';
  const i = Number(m[2]);
  if (m[1] === 'categories') return params.categories[i].category;
  if (m[1] === 'retention/points') return params.retention.points[i].duration;
  return `grade ${params.grades[i].grade}`;
}

const moves = (r: Row) => {
  const t = total([...r.samples, ...r.population]);
  return t.cells + t.grades + t.pairs > 0;
};

export function sensitivityPage(rows: readonly Row[], counts: { samples: number; population: number; profiles: number; cellsS: number; cellsP: number; pairsS: number; pairsP: number }, params: ModelParameters): string {
  const modelVersion = params.modelVersion;
  const name = (r: Row) => `\`${r.constant.pointer}\`${labelOf(r.constant.pointer, params) ? ` (${labelOf(r.constant.pointer, params)})` : ''}`;
  const influential = rows.filter(moves);
  const inert = rows.filter((r) => !moves(r));
  const lines = [
    '# Sensitivity of the exposure model to its constants',
    '',
    `Generated by \`npm run sensitivity\` (\`scripts/sensitivity.ts\`) for \`${modelVersion}\`, law date ${SENSITIVITY_LAW_DATE}; do not edit by hand. It takes minutes, so CI does not run it: rerun it after changing a constant, the formula or the law data, and commit this page with the change.`,
    '',
    'Every number of `policies/model/parameters.json` is varied on its own by −20% and by +20% (a fraction is kept within 0–1, the request threshold rounded to a whole number), and every matrix is computed again. The page counts what moves, the way composite-index methodologies report robustness:',
    '',
    `- **cells**: cells whose \`established\` or \`worstCase\` changes (of ${counts.cellsS} sample cells and ${counts.cellsP} population cells);`,
    '- **grades**: cells whose `grade` or `establishedGrade` changes;',
    `- **pairs**: pairs of providers whose order changes (ahead, tied, behind) in the overall ranking by \`worstCase\`, in the overall ranking by \`established\`, and in each jurisdiction's ranking by \`worstCase\` (${counts.pairsS} sample pairs, ${counts.pairsP} population pairs in all).`,
    '',
    `**Samples**: the ${counts.samples} shipped sample declarations (\`policies/providers/\`). **Population**: ${counts.population} declarations drawn by the property tests' generator (\`test/scoring/declaration-arbitrary.ts\`, seed ${SEED}): answers and silences of every kind, so it shows where the constants bite on declarations nobody tuned them to. Both against the ${counts.profiles} shipped profiles.`,
    '',
    'Each entry reads `cells / grades / pairs`. Most influential first (ranking pairs, then grades, then cells, summed over both directions and both sets).',
    '',
    '## Constants that move the results',
    '',
    '| # | constant | value | varied to | samples −20% | samples +20% | population −20% | population +20% |',
    '|---|---|---|---|---|---|---|---|',
    ...influential.map((r, i) => `| ${i + 1} | ${name(r)} | ${num(r.constant.value)} | ${num(r.down)} / ${num(r.up)} | ${fmt(r.samples[0])} | ${fmt(r.samples[1])} | ${fmt(r.population[0])} | ${fmt(r.population[1])} |`),
    '',
    '## Constants that move nothing at ±20%',
    '',
    inert.length === 0
      ? 'None.'
      : `${inert.map((r) => `${name(r)} = ${num(r.constant.value)}${r.constant.value === 0 ? ' (0 stays 0)' : ''}`).join(', ')}. A constant of 0 cannot be varied by a percentage; the others reach no rounded decimal of any cell of these declarations at ±20%.`,
    '',
  ];
  return lines.join('\n');
}
function samplesOf(dir: string): Declaration[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Declaration);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const { loadSchemaRegistry } = await import('../src/formats/schema-registry.js');
  const { loadJurisdictions } = await import('../src/policies/load-jurisdictions.js');
  const { loadModelParameters } = await import('../src/policies/load-model-parameters.js');
  const { policiesDir, projectRoot } = await import('../src/paths.js');
  const registry = loadSchemaRegistry();
  const profiles = loadJurisdictions(registry);
  const params = loadModelParameters(registry);
  const samples = samplesOf(path.join(policiesDir, 'providers'));
  const population = fc.sample(declarationArb, { seed: SEED, numRuns: Number(arg('--population') ?? 24) });
  const started = Date.now();
  const { rows } = sensitivity(samples, population, profiles, params, (i, n) => process.stderr.write(`\r${i + 1}/${n} constants, ${Math.round((Date.now() - started) / 1000)} s`));
  process.stderr.write('\n');
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const page = sensitivityPage(rows, {
    samples: samples.length,
    population: population.length,
    profiles: profiles.length,
    cellsS: samples.length * params.categories.length * profiles.length,
    cellsP: population.length * params.categories.length * profiles.length,
    pairsS: pairs(samples.length) * (2 + profiles.length),
    pairsP: pairs(population.length) * (2 + profiles.length),
  }, params);
  const out = arg('--out') ?? path.join(projectRoot, 'docs/sensitivity.md');
  writeFileSync(out, page);
  process.stderr.write(`wrote ${out}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
