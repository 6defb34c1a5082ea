/**
 * The outside checker of exposure-model.md (P1–P9). Independent of declaration-arbitrary.ts and
 * silence-mutations.ts: its own generator of valid declarations, in several styles (sparse, with
 * most optional sections absent; "undisclosed" wherever the format allows it; big, with many
 * third parties, policies, statutes and banded transparency rows; EU-heavy), and its own
 * mutations. The silence mutations are found generically: every key of the document is removed
 * and every value replaced by "undisclosed", and the validator (not this file) decides which of
 * those documents are valid — so no field the format lets a provider leave out is forgotten.
 */
import { describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { parsePointer, resolvePointer } from '../../src/formats/json-pointer.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';
import { computeExposure, type Cell, type ExposureResult } from '../../src/scoring/index.js';
import { testService } from '../support/service.js';
import { CAPS, CODES, docArb, lo, PLACES, SAMPLES, TAXONOMY, type Count, type ThirdParty } from './outside-arbitrary.js';
import { jurisdictions, params, registry } from './scoring-fixture.js';

type Doc = Declaration;
type Entry = Doc['dataCategories'][number];
type Seg = string | number;

// Heavy properties run many matrices; a loaded machine must not turn them into timeouts.
jest.setTimeout(30_000);
const SEED = Number(process.env.FC_SEED ?? 7031);
// A failure is reported at once, unshrunk: shrinking matrices of 20 profiles can take many minutes.
const runs = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });
const PROFILE = new Map(jurisdictions.map((j) => [j.code, j]));
const EU_MEMBERS: string[] = (PROFILE.get('EU')?.memberStates?.codes ?? []) as string[];
const CONTENT = new Set(params.categories.filter((c) => c.kind === 'content').map((c) => c.category));
const ACCESS = new Set(['compelled-provider', 'third-party', 'interception-in-transit']);

// ---------------------------------------------------------------- helpers

const clone = <T>(x: T): T => structuredClone(x);
const isValid = (d: unknown) => checkDeclaration(registry, d, { today: '2026-12-31' }).valid;
function mustBeValid(d: unknown): void {
  const check = checkDeclaration(registry, d, { today: '2026-12-31' });
  if (!check.valid) throw new Error(`generated an invalid declaration: ${JSON.stringify(check.errors).slice(0, 600)}`);
}
const run = (d: Doc, profiles: JurisdictionProfile[] = jurisdictions): ExposureResult => computeExposure(d, profiles, params);
const key = (c: Cell) => `${c.category}|${c.jurisdiction}`;
const scoreMap = (d: Doc) => new Map(run(d).cells.map((c) => [key(c), c.score]));

/** Cells (optionally only those `only` selects) whose score went down from `a` to `b`. */
function drops(a: Map<string, number>, b: Map<string, number>, only: (k: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (only(k) && !((b.get(k) ?? -1) >= v)) out.push(`${k}: ${v} -> ${b.get(k)}`);
  return out;
}
function rises(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if ((b.get(k) ?? Infinity) > v) out.push(`${k}: ${v} -> ${b.get(k)}`);
  return out;
}

/** Whether a place named in a declaration falls under the law of profile `code`. */
const underLawOf = (place: string, code: string) =>
  place === code || (code === 'EU' && EU_MEMBERS.includes(place)) || (place === 'EU' && EU_MEMBERS.includes(code));

// ---------------------------------------------------------------- mutations

function parentOf(doc: unknown, at: Seg[]): Record<string | number, unknown> {
  let node = doc as Record<string | number, unknown>;
  for (const s of at.slice(0, -1)) node = node[s] as Record<string | number, unknown>;
  return node;
}

interface Mutation {
  name: string;
  apply: (d: Doc) => void;
}

/**
 * Every candidate way to say less: remove any key at any depth, replace any value (or list item)
 * by "undisclosed", replace any `{kind: …}` object by `{kind: "undisclosed"}`. Candidates the
 * validator rejects (a required key, a value that cannot be undisclosed) are dropped later.
 */
function silenceCandidates(doc: Doc): Mutation[] {
  const out: Mutation[] = [];
  const visit = (node: unknown, at: Seg[]) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        const p = [...at, i];
        if (v !== 'undisclosed') out.push({ name: `${p.join('/')} := "undisclosed"`, apply: (d) => (parentOf(d, p)[i] = 'undisclosed') });
        visit(v, p);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const p = [...at, k];
        out.push({ name: `${p.join('/')} removed`, apply: (d) => delete parentOf(d, p)[k] });
        if (v !== 'undisclosed') out.push({ name: `${p.join('/')} := "undisclosed"`, apply: (d) => (parentOf(d, p)[k] = 'undisclosed') });
        if (v !== null && typeof v === 'object' && 'kind' in v && (v as { kind: unknown }).kind !== 'undisclosed')
          out.push({ name: `${p.join('/')} := {kind: "undisclosed"}`, apply: (d) => (parentOf(d, p)[k] = { kind: 'undisclosed' }) });
        visit(v, p);
      }
    }
  };
  visit(doc, []);
  return out;
}

/** Citations and free text: no score reads them, so they are left to the sampled mutations. */
const FREE_TEXT = new Set(['sources', 'description', 'note', 'explanation', 'name', 'title', 'url', 'accessed', 'website', 'guidelinesUrl', 'purposes', 'basis', 'statute', 'id', 'period', 'asOf']);
/** A mutation's family: its path with indexes starred, e.g. `dataCategories/* /protection/atRest removed`. */
const family = (name: string) => name.replace(/\/\d+(?=\/| )/g, '/*');
const isFreeText = (name: string) => name.split(/[/ ]/).some((seg) => FREE_TEXT.has(seg));

/**
 * Valid silence mutations of `doc`: one (chosen by `pick`) of every family that touches an
 * answer the model could read, plus `extra` of any kind — free text included.
 */
function validSilenceMutations(doc: Doc, pick: number, extra: number): { name: string; doc: Doc }[] {
  const all = silenceCandidates(doc);
  const families = new Map<string, Mutation[]>();
  for (const m of all) if (!isFreeText(m.name)) families.set(family(m.name), [...(families.get(family(m.name)) ?? []), m]);
  const chosen = [...families.values()].map((ms) => ms[pick % ms.length]);
  for (let k = 0; k < extra && all.length > 0; k++) chosen.push(all[(pick * (k + 1) + k * 7919) % all.length]);
  const out: { name: string; doc: Doc }[] = [];
  for (const m of chosen) {
    if (out.some((o) => o.name === m.name)) continue;
    const d = clone(doc);
    m.apply(d);
    if (isValid(d)) out.push({ name: m.name, doc: d });
  }
  return out;
}

const RETENTION_LADDER: (Entry['retention'] | 'removed')[] = [
  { kind: 'none' },
  { kind: 'fixed', duration: 'PT1H' },
  { kind: 'fixed', duration: 'P1D' },
  { kind: 'fixed', duration: 'P3D' },
  { kind: 'fixed', duration: 'P1W' },
  { kind: 'fixed', duration: 'P30D' },
  { kind: 'fixed', duration: 'P3M' },
  { kind: 'fixed', duration: 'P6M' },
  { kind: 'fixed', duration: 'P1Y' },
  { kind: 'fixed', duration: 'P18M' },
  { kind: 'fixed', duration: 'P2Y' },
  { kind: 'fixed', duration: 'P5Y' },
  { kind: 'fixed', duration: 'P10Y' },
  { kind: 'fixed', duration: 'P99Y' },
  { kind: 'indefinite' },
  { kind: 'undisclosed' },
  'removed',
];
/** The rungs from P10Y up must all score alike: indefinite = undisclosed = silence. */
const TOP_RUNGS = RETENTION_LADDER.length - 3;

function withRetention(d: Doc, i: number, r: (typeof RETENTION_LADDER)[number]): Doc {
  const m = clone(d);
  if (r === 'removed') delete m.dataCategories[i].retention;
  else m.dataCategories[i].retention = r;
  return m;
}

const heldIndexes = (d: Doc) => d.dataCategories.map((c, i) => ({ c, i })).filter(({ c }) => c.collected !== 'no').map(({ i }) => i);

// ---------------------------------------------------------------- the properties

describe('outside checker: generated declarations', () => {
  test('every style generates valid declarations', () => {
    fc.assert(fc.property(docArb, (d) => mustBeValid(d)), runs(200));
  });

  test('coverage: one cell per declared category × every profile (≥ 20), in taxonomy then code order, named model version', () => {
    expect(CODES.length).toBeGreaterThanOrEqual(20);
    for (const code of ['US', 'GB', 'EU', 'DE', 'FR', 'NL', 'LU', 'IE', 'SE', 'CH', 'CN', 'RU', 'IN', 'BR', 'AU', 'CA', 'JP', 'KR', 'TR', 'AE']) expect(CODES).toContain(code);
    fc.assert(
      fc.property(docArb, (d) => {
        const r = run(d);
        expect(r.modelVersion).toBe(params.modelVersion);
        const expected = TAXONOMY.filter((c) => d.dataCategories.some((e) => e.category === c)).flatMap((c) => CODES.map((j) => `${c}|${j}`));
        expect(r.cells.map(key)).toEqual(expected);
      }),
      runs(30),
    );
  });
});

describe('outside checker: P1–P9 on generated declarations', () => {
  test('P1 bounded: finite scores in [0, 100] with one decimal, grades from the bands', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const problems: string[] = [];
        for (const c of run(d).cells) {
          for (const s of [c.score, ...c.pathways.map((p) => p.score)])
            if (!(Number.isFinite(s) && s >= 0 && s <= 100) || Math.round(s * 10) / 10 !== s) problems.push(`${key(c)}: score ${s}`);
          const band = params.grades.find((g) => g.below === null || c.score < g.below)!;
          if (c.grade !== band.grade) problems.push(`${key(c)}: grade ${c.grade} for ${c.score}`);
        }
        expect(problems).toEqual([]);
      }),
      runs(50),
    );
  });

  test('P2 nothing held, nothing exposed', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (d, pick) => {
        const i = pick % d.dataCategories.length;
        const c = d.dataCategories[i].category;
        const m = clone(d);
        m.dataCategories[i].collected = 'no';
        for (const tp of m.thirdParties ?? []) if (tp.categories) tp.categories = tp.categories.filter((x) => x !== c);
        for (const p of m.legalProcess?.policies ?? []) p.categories = p.categories.filter((x) => x !== c);
        mustBeValid(m);
        for (const cell of run(m).cells.filter((x) => x.category === c)) expect({ cell: key(cell), score: cell.score, pathways: cell.pathways.length }).toEqual({ cell: key(cell), score: 0, pathways: 0 });
      }),
      runs(60),
    );
  });

  test('P3 longer retention never lowers a score (none < P1D < … < P10Y ≤ indefinite = undisclosed)', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), fc.nat(), (d, pick, x, y) => {
        const i = pick % d.dataCategories.length;
        const a = x % RETENTION_LADDER.length;
        const b = a + (y % (RETENTION_LADDER.length - a));
        const shorter = scoreMap(withRetention(d, i, RETENTION_LADDER[a]));
        const longer = scoreMap(withRetention(d, i, RETENTION_LADDER[b]));
        expect({ from: RETENTION_LADDER[a], to: RETENTION_LADDER[b], lowered: drops(shorter, longer) }).toEqual({ from: RETENTION_LADDER[a], to: RETENTION_LADDER[b], lowered: [] });
        if (a >= TOP_RUNGS + 1) expect(longer).toEqual(shorter);
      }),
      runs(80),
    );
  });

  test('P3 a longer period after an event never lowers a score, and an unsaid one is the longest', () => {
    const afters = ['P0D', 'PT6H', 'P7D', 'P90D', 'P1Y', 'P3Y', 'P20Y', undefined];
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom('account-deletion' as const, 'purpose-fulfilled' as const, 'legal-hold-ends' as const), fc.integer({ min: 0, max: afters.length - 2 }), (d, pick, event, k) => {
        const i = pick % d.dataCategories.length;
        const at = (after: string | undefined) => scoreMap(withRetention(d, i, after === undefined ? { kind: 'until-event', event } : { kind: 'until-event', event, after }));
        expect(drops(at(afters[k]), at(afters[k + 1]))).toEqual([]);
        expect(drops(at(afters[k + 1]), scoreMap(withRetention(d, i, { kind: 'indefinite' })))).toEqual([]);
      }),
      runs(40),
    );
  });

  test('P4 silence is not safety: removing any optional answer or making any answer "undisclosed" (one of every kind, per document) never lowers any score', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (d, pick) => {
        const before = scoreMap(d);
        const problems = validSilenceMutations(d, pick, 3)
          .map((m) => ({ mutation: m.name, lowered: drops(before, scoreMap(m.doc)) }))
          .filter((x) => x.lowered.length > 0);
        expect(problems).toEqual([]);
      }),
      runs(25),
    );
  }, 30_000);

  test('P4 on the shipped provider samples: every second valid silence mutation of the carriers, every fifth of the others', () => {
    // Free text and citations are skipped here (the generated documents above cover them too).
    const problems: string[] = [];
    let checked = 0;
    for (const d of SAMPLES) {
      mustBeValid(d);
      const before = scoreMap(d);
      const every = (d.provider.services ?? []).includes('sms') ? 2 : 5;
      for (const [n, m] of silenceCandidates(d).entries()) {
        if (n % every !== 0 || isFreeText(m.name)) continue;
        const x = clone(d);
        m.apply(x);
        if (!isValid(x)) continue;
        checked++;
        const lowered = drops(before, scoreMap(x));
        if (lowered.length > 0) problems.push(`${d.provider.id}: ${m.name} lowered ${lowered.slice(0, 3).join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(SAMPLES.length * 20);
  }, 30_000);

  test('P4 a service the provider will not name counts as a telecom service (found by this checker)', () => {
    const carrier: Doc = {
      format: 'retention-declaration/1',
      provider: { id: 'one-service', name: 'One service', headquarters: 'US', establishments: ['US'], services: ['voice'] },
      asOf: '2025-06-30',
      dataCategories: [{ category: 'call-metadata', collected: 'yes', retention: { kind: 'fixed', duration: 'P1D' }, storageLocations: ['US'], protection: { inTransit: 'end-to-end', atRest: 'provider-managed' }, interception: [] }],
      thirdParties: [],
    };
    const silent = clone(carrier);
    silent.provider.services = ['undisclosed'];
    mustBeValid(silent);
    expect(drops(scoreMap(carrier), scoreMap(silent))).toEqual([]);
  });

  test('P4 the "undisclosed" everywhere document is the worst case of its shape', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const silent = clone(d);
        silent.provider.headquarters = 'undisclosed';
        silent.provider.establishments = 'undisclosed';
        delete silent.provider.services;
        for (const c of silent.dataCategories) {
          if (c.collected !== 'no') c.collected = 'undisclosed';
          c.retention = { kind: 'undisclosed' };
          c.storageLocations = 'undisclosed';
          c.protection = { inTransit: 'undisclosed', atRest: 'undisclosed' };
          delete c.interception;
        }
        delete silent.thirdParties;
        delete silent.legalProcess;
        delete silent.governmentRequests;
        mustBeValid(silent);
        expect(drops(scoreMap(d), scoreMap(silent))).toEqual([]);
      }),
      runs(40),
    );
  });

  test('P5 end-to-end encryption never raises a score; in full it strictly lowers compelled-only content cells', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom('inTransit', 'atRest', 'both'), (d, pick, which) => {
        const i = pick % d.dataCategories.length;
        const before = run(d);
        const m = clone(d);
        const p = { ...(m.dataCategories[i].protection ?? {}) };
        if (which !== 'atRest') p.inTransit = 'end-to-end';
        if (which !== 'inTransit') p.atRest = 'end-to-end';
        m.dataCategories[i].protection = p;
        const after = scoreMap(m);
        const b = new Map(before.cells.map((c) => [key(c), c.score]));
        expect(rises(b, after)).toEqual([]);
        if (which !== 'both') return;
        for (const cell of before.cells) {
          if (cell.category !== d.dataCategories[i].category || !CONTENT.has(cell.category) || cell.score === 0) continue;
          const access = cell.pathways.filter((x) => ACCESS.has(x.pathway)).map((x) => x.pathway);
          if (access.length === 1 && access[0] === 'compelled-provider') expect({ cell: key(cell), before: cell.score, lower: after.get(key(cell))! < cell.score }).toEqual({ cell: key(cell), before: cell.score, lower: true });
        }
      }),
      runs(80),
    );
  });

  const partyArb = fc.record({
    relationship: fc.constantFrom('licensee' as const, 'processor' as const, 'partner' as const, 'affiliate' as const),
    capabilities: fc.oneof(fc.subarray([...CAPS]), fc.constant('undisclosed' as const), fc.constant(undefined)),
    withList: fc.boolean(),
  });
  const addParty = (m: Doc, j: string, c: string, tp: { relationship: ThirdParty['relationship']; capabilities?: ThirdParty['capabilities'] | undefined; withList: boolean }) => {
    const party: ThirdParty = { id: 'added-party', name: 'Added party', relationship: tp.relationship, jurisdiction: j as never };
    if (tp.withList) party.categories = [c as never];
    if (tp.capabilities !== undefined) party.capabilities = Array.isArray(tp.capabilities) ? [...tp.capabilities] : tp.capabilities;
    if (m.thirdParties === undefined) m.thirdParties = [party];
    else m.thirdParties.push(party);
  };

  test('P6 a third party added to an existing list in J with access to c never lowers (c, J) — nor any other cell', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom(...PLACES), partyArb, (d, pick, j, tp) => {
        const held = heldIndexes(d);
        if (held.length === 0) return;
        const base = clone(d);
        base.thirdParties ??= [];
        const i = held[pick % held.length];
        const c = d.dataCategories[i].category;
        const m = clone(base);
        addParty(m, j, c, tp);
        mustBeValid(m);
        const a = scoreMap(base);
        const b = scoreMap(m);
        expect(drops(a, b, (k) => k.startsWith(`${c}|`) && underLawOf(j, k.split('|')[1]))).toEqual([]);
        expect(drops(a, b)).toEqual([]);
      }),
      runs(70),
    );
  });

  test('P6 a third party added to a declaration with no thirdParties section (see methodology §6: measured against the explicit empty list)', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom(...PLACES), partyArb, (d, pick, j, tp) => {
        const held = heldIndexes(d);
        if (held.length === 0) return;
        const silent = clone(d);
        delete silent.thirdParties;
        const none = clone(d);
        none.thirdParties = [];
        const i = held[pick % held.length];
        const c = d.dataCategories[i].category;
        const m = clone(silent);
        addParty(m, j, c, tp);
        mustBeValid(m);
        const added = scoreMap(m);
        // Writing the section with one party is never better than saying there are none …
        expect(drops(scoreMap(none), added, (k) => k.startsWith(`${c}|`) && underLawOf(j, k.split('|')[1]))).toEqual([]);
        // … and never better than leaving the section out (P4: silence is the worst case).
        expect(drops(added, scoreMap(silent))).toEqual([]);
      }),
      runs(50),
    );
  });

  test('P6 a storage location or an establishment in J never lowers (c, J)', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom(...PLACES), fc.constantFrom('storage', 'establishment'), (d, pick, j, what) => {
        const i = pick % d.dataCategories.length;
        const c = d.dataCategories[i].category;
        const m = clone(d);
        let extendsList = false;
        if (what === 'storage') {
          const s = m.dataCategories[i].storageLocations;
          extendsList = Array.isArray(s);
          m.dataCategories[i].storageLocations = Array.isArray(s) ? [...new Set([...s, j as never])] : [j as never];
        } else {
          const e = m.provider.establishments;
          extendsList = Array.isArray(e);
          m.provider.establishments = Array.isArray(e) ? [...new Set([...e, j as never])] : [j as never];
        }
        mustBeValid(m);
        const a = scoreMap(d);
        const b = scoreMap(m);
        const inJ = (k: string) => underLawOf(j, k.split('|')[1]);
        expect(drops(a, b, (k) => (what === 'storage' ? k.startsWith(`${c}|`) : true) && inJ(k))).toEqual([]);
        // Adding to a list (not replacing an "undisclosed" answer by one) lowers nothing anywhere.
        if (extendsList) expect(drops(a, b)).toEqual([]);
      }),
      runs(70),
    );
  });

  test("P7 a higher compliance share never lowers J's cells (percentDisclosed up, outcomes moved to disclosed)", () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.integer({ min: 1, max: 100 }), fc.constantFrom('percent', 'move', 'grow'), (d, pick, step, how) => {
        const rows = d.governmentRequests ?? [];
        if (rows.length === 0) return;
        const k = pick % rows.length;
        const m = clone(d);
        const row = m.governmentRequests![k];
        const o = row.outcomes;
        if (how === 'percent') {
          if (row.percentDisclosed === undefined) return;
          row.percentDisclosed = Math.min(100, row.percentDisclosed + step);
        } else if (how === 'move') {
          // Move requests from refused or empty to produced.
          if (!o) return;
          const from = (['rejected', 'noDataFound'] as const).find((f) => typeof o[f] === 'number' && (o[f] as number) > 0);
          const to = (['contentDisclosed', 'nonContentOnly'] as const).find((t) => typeof o[t] === 'number');
          if (!from || !to) return;
          const n = Math.min(o[from] as number, step);
          o[from] = (o[from] as number) - n;
          o[to] = (o[to] as number) + n;
        } else {
          // More requests produced data, out of requests no outcome accounted for.
          if (!o || typeof o.contentDisclosed !== 'number' || typeof row.requests !== 'number') return;
          const used = Object.values(o).reduce((s: number, x) => s + lo(x as Count), 0);
          if (used >= row.requests) return;
          o.contentDisclosed += Math.min(step, row.requests - used);
        }
        mustBeValid(m);
        const a = scoreMap(d);
        const b = scoreMap(m);
        expect(drops(a, b, (key2) => key2.endsWith(`|${row.country}`))).toEqual([]);
        expect(drops(a, b)).toEqual([]);
      }),
      runs(80),
    );
  });

  test('P8 deterministic: byte-identical across runs, clones, shuffled profile order; inputs untouched', () => {
    fc.assert(
      fc.property(docArb, fc.shuffledSubarray([...jurisdictions], { minLength: jurisdictions.length, maxLength: jurisdictions.length }), (d, shuffled) => {
        const snapshot = JSON.stringify(d);
        const profilesBefore = JSON.stringify(jurisdictions);
        const a = JSON.stringify(run(d));
        expect(JSON.stringify(run(d))).toBe(a);
        expect(JSON.stringify(run(clone(d), shuffled))).toBe(a);
        expect(JSON.stringify(computeExposure(clone(d), clone(shuffled), clone(params)))).toBe(a);
        expect(JSON.stringify(d)).toBe(snapshot);
        expect(JSON.stringify(jurisdictions)).toBe(profilesBefore);
      }),
      runs(30),
    );
  });

  test('P8 a declaration edited in place between two runs scores like a fresh copy of the edit', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (d, pick) => {
        const [m] = validSilenceMutations(d, pick, 0);
        if (!m) return;
        const draft = clone(d);
        run(draft);
        // Make `draft` equal to the mutated document, in place.
        for (const k of Object.keys(draft)) delete (draft as unknown as Record<string, unknown>)[k];
        Object.assign(draft, clone(m.doc));
        expect(JSON.stringify(run(draft))).toBe(JSON.stringify(run(clone(m.doc))));
      }),
      runs(30),
    );
  });

  test('P9 explainable: every non-zero cell has an access pathway with pointers; every pointer resolves where it says', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const problems: string[] = [];
        for (const cell of run(d).cells) {
          const at = key(cell);
          const profile = PROFILE.get(cell.jurisdiction)!;
          if (cell.score > 0 && !cell.pathways.some((p) => ACCESS.has(p.pathway))) problems.push(`${at}: no access pathway`);
          if (cell.score === 0 && cell.pathways.length > 0) problems.push(`${at}: pathways on a zero cell`);
          for (const p of cell.pathways) {
            if (p.explanation.length < 20) problems.push(`${at} ${p.pathway}: explanation "${p.explanation}"`);
            if (p.facts.declaration.length === 0) problems.push(`${at} ${p.pathway}: no declaration facts`);
            if (p.facts.jurisdiction.length === 0) problems.push(`${at} ${p.pathway}: no jurisdiction facts`);
            for (const ptr of p.facts.declaration) {
              if (!ptr.startsWith('/') || resolvePointer(d, ptr) === undefined) problems.push(`${at} ${p.pathway}: ${ptr} does not resolve in the declaration`);
              // A declaration fact is about the cell's own category, or about the whole document.
              const [top, idx] = parsePointer(ptr);
              if (top === 'dataCategories' && idx !== undefined && d.dataCategories[Number(idx)]?.category !== cell.category) problems.push(`${at} ${p.pathway}: ${ptr} is another category`);
            }
            for (const ptr of p.facts.jurisdiction) if (!ptr.startsWith('/') || resolvePointer(profile, ptr) === undefined) problems.push(`${at} ${p.pathway}: ${ptr} does not resolve in the profile`);
            const sorted = [...new Set(p.facts.declaration)].sort();
            if (JSON.stringify(sorted) !== JSON.stringify(p.facts.declaration)) problems.push(`${at} ${p.pathway}: facts not sorted and unique`);
          }
          // The compelled pathway names one instrument of J, in force (or unknown), that reaches c.
          const compelled = cell.pathways.find((p) => p.pathway === 'compelled-provider');
          if (compelled) {
            const inst = compelled.facts.jurisdiction.map((ptr) => parsePointer(ptr)).filter((x) => x[0] === 'instruments' && x.length === 2);
            const instrument = inst.length === 1 ? profile.instruments[Number(inst[0][1])] : undefined;
            if (!instrument) problems.push(`${at}: compelled pathway names ${inst.length} instruments`);
            else if (!(instrument.status === 'in-force' || instrument.status === 'unknown') || !(instrument.categories === 'unknown' || (instrument.categories as string[]).includes(cell.category)))
              problems.push(`${at}: compelled pathway names ${instrument.name}, which does not reach ${cell.category} or is not in force`);
          }
        }
        expect(problems).toEqual([]);
      }),
      runs(60),
    );
  });
});

describe('outside checker: through POST /v1/score', () => {
  test('the endpoint answers what the pure functions compute, byte-identically across services; its properties hold there too', async () => {
    const docs = fc.sample(docArb, { numRuns: 4, seed: SEED });
    const a = await testService();
    const b = await testService();
    const post = (app: typeof a.app, d: Doc) => request(app).post('/v1/score').set('content-type', 'application/json').send(JSON.stringify(d));
    for (const [n, d] of docs.entries()) {
      const ra = await post(a.app, d);
      expect(ra.status).toBe(200);
      const rb = await post(b.app, clone(d));
      expect(rb.text).toBe(ra.text);
      expect(ra.body.modelVersion).toBe(params.modelVersion);
      expect(ra.body.cells).toEqual(JSON.parse(JSON.stringify(run(d).cells)));
      for (const cell of ra.body.cells as Cell[])
        for (const p of cell.pathways) for (const ptr of p.facts.declaration) expect({ ptr, resolves: resolvePointer(d, ptr) !== undefined }).toEqual({ ptr, resolves: true });
      // A silence mutation, scored through the API, lowers nothing.
      const [m] = validSilenceMutations(d, n * 7, 0);
      if (m) {
        const rm = await post(a.app, m.doc);
        expect(rm.status).toBe(200);
        const before = new Map((ra.body.cells as Cell[]).map((c) => [key(c), c.score]));
        const after = new Map((rm.body.cells as Cell[]).map((c) => [key(c), c.score]));
        expect({ mutation: m.name, lowered: drops(before, after) }).toEqual({ mutation: m.name, lowered: [] });
      }
    }
  }, 30_000);
});
