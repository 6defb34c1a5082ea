import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';
import { computeExposure } from '../../src/scoring/index.js';
import { contradictions } from '../../src/scoring/feasibility.js';
import { declarationArb } from './declaration-arbitrary.js';
import { clone, jurisdictions, params } from './scoring-fixture.js';
import { silenceMutations } from './silence-mutations.js';

/**
 * Properties P1–P12 of the exposure model (docs/methodology.md) on generated declarations, against
 * every shipped profile. Fixed seed for reproducible runs; FC_SEED explores others.
 */
const RUNS = { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20261202), endOnFailure: true };
const LAW_DATE = '2026-12-02';
const run = (d: Declaration, profiles: readonly JurisdictionProfile[] = jurisdictions, lawDate = LAW_DATE) => computeExposure(d, profiles, params, { lawDate, explain: 'full' });
const byKey = (d: Declaration, profiles?: readonly JurisdictionProfile[], lawDate?: string) => new Map(run(d, profiles, lawDate).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));

describe('model 2 properties', () => {
  test('P1 bounded, P8 deterministic, P9 explainable: 0 ≤ established ≤ worstCase ≤ 100, score = worstCase, same bytes twice, every wide cell lists an unknown, every non-zero bound has pathways with facts', () => {
    fc.assert(
      fc.property(declarationArb, (d) => {
        const a = run(d);
        expect(JSON.stringify(run(clone(d)))).toBe(JSON.stringify(a));
        expect(a.cells).toHaveLength(params.categories.length * jurisdictions.length);
        expect(a.modelVersion).toMatch(/^exposure\/3\./);
        expect(a.lawDate).toBe(LAW_DATE);
        for (const c of a.cells) {
          expect(c.established).toBeGreaterThanOrEqual(0);
          expect(c.worstCase).toBeGreaterThanOrEqual(c.established);
          expect(c.worstCase).toBeLessThanOrEqual(100);
          expect(c.score).toBe(c.worstCase);
          if (c.worstCase > c.established) expect(c.unknowns.length).toBeGreaterThan(0);
          if (c.worstCase > 0) {
            const access = c.pathways.filter((p) => p.pathway !== 'retention-window' && p.worstCase > 0);
            expect(access.length).toBeGreaterThan(0);
            for (const p of access) expect(p.facts.declaration.length + p.facts.jurisdiction.length).toBeGreaterThan(0);
          }
        }
      }),
      RUNS,
    );
  });

  test('P2 nothing held, nothing exposed; a category not listed is unanswered, not "not collected"', () => {
    fc.assert(
      fc.property(declarationArb, (d) => {
        const cells = byKey(d);
        for (const entry of d.dataCategories.filter((e) => e.collected === 'no'))
          for (const j of jurisdictions) expect([cells.get(`${entry.category}/${j.code}`)!.established, cells.get(`${entry.category}/${j.code}`)!.worstCase]).toEqual([0, 0]);
        const listed = new Set(d.dataCategories.map((e) => e.category));
        const unlisted = params.categories.map((c) => c.category).filter((c) => !listed.has(c));
        for (const c of unlisted) expect(jurisdictions.some((j) => cells.get(`${c}/${j.code}`)!.worstCase > 0)).toBe(true);
      }),
      RUNS,
    );
  });

  test('P4 answering only narrows: every silencing never raises established and never lowers worstCase (the worst case: where the answered declaration is feasible, P13)', () => {
    fc.assert(
      fc.property(declarationArb, (d) => {
        const before = byKey(d);
        // An infeasible pair of answers is scored at its more exposing reading; silencing one of them
        // leaves only the feasible completions, so only `established` is bound to hold there.
        const feasible = contradictions(d, params).length === 0;
        for (const m of silenceMutations(d)) {
          const x = clone(d);
          m.apply(x);
          for (const [k, c] of byKey(x)) {
            const b = before.get(k)!;
            if (c.established > b.established + 1e-9 || (feasible && c.worstCase < b.worstCase - 1e-9)) throw new Error(`${m.name} moved ${k}: [${b.established}, ${b.worstCase}] → [${c.established}, ${c.worstCase}]`);
          }
        }
      }),
      { ...RUNS, numRuns: 4 },
    );
  });

  test('P3 longer retention never lowers either bound', () => {
    fc.assert(
      fc.property(declarationArb, fc.constantFrom('P1D', 'P30D', 'P1Y', 'P5Y'), (d, shorter) => {
        const short = clone(d);
        const long = clone(d);
        short.dataCategories.forEach((e) => e.collected !== 'no' && (e.retention = { kind: 'fixed', duration: shorter }));
        long.dataCategories.forEach((e) => e.collected !== 'no' && (e.retention = { kind: 'indefinite' }));
        const a = byKey(short);
        for (const [k, c] of byKey(long)) {
          expect(c.established).toBeGreaterThanOrEqual(a.get(k)!.established);
          expect(c.worstCase).toBeGreaterThanOrEqual(a.get(k)!.worstCase);
        }
      }),
      RUNS,
    );
  });

  test('P5 end-to-end never raises either bound', () => {
    fc.assert(
      fc.property(declarationArb, (d) => {
        const e2e = clone(d);
        e2e.dataCategories.forEach((e) => e.collected !== 'no' && (e.protection = { inTransit: 'end-to-end', atRest: 'end-to-end' }));
        const plain = clone(d);
        plain.dataCategories.forEach((e) => e.collected !== 'no' && (e.protection = { inTransit: 'transport', atRest: 'provider-managed' }));
        const a = byKey(plain);
        for (const [k, c] of byKey(e2e)) {
          expect(c.established).toBeLessThanOrEqual(a.get(k)!.established + 1e-9);
          expect(c.worstCase).toBeLessThanOrEqual(a.get(k)!.worstCase + 1e-9);
        }
      }),
      RUNS,
    );
  });

  test('P6 a third party with access under J never lowers either bound of (c, J)', () => {
    fc.assert(
      fc.property(declarationArb, fc.constantFrom(...jurisdictions.map((j) => j.code).filter((c) => c !== 'EU')), (d, code) => {
        if (d.thirdParties === undefined) d.thirdParties = [];
        const more = clone(d);
        more.thirdParties!.push({ id: 'added-party', name: 'Added', relationship: 'licensee', jurisdiction: code as never, categories: d.dataCategories.map((e) => e.category), capabilities: ['keyword-filtering'], distributesClient: true });
        const a = byKey(d);
        for (const [k, c] of byKey(more)) {
          expect(c.established).toBeGreaterThanOrEqual(a.get(k)!.established - 1e-9);
          expect(c.worstCase).toBeGreaterThanOrEqual(a.get(k)!.worstCase - 1e-9);
        }
      }),
      RUNS,
    );
  });

  test('P7 a vaguer row never lowers worstCase, a higher share never lowers either bound, and a process row inside its all row changes no bound', () => {
    fc.assert(
      fc.property(declarationArb, fc.integer({ min: 1, max: 99 }), (d, part) => {
        const rows = d.governmentRequests ?? [];
        const before = byKey(d);
        for (let i = 0; i < rows.length; i++) {
          // Vaguer: the stated percentage left out.
          const vaguer = clone(d);
          delete vaguer.governmentRequests![i].percentDisclosed;
          for (const [k, c] of byKey(vaguer)) expect(c.worstCase).toBeGreaterThanOrEqual(before.get(k)!.worstCase - 1e-9);
          // A higher share: the row complied with everything.
          const higher = clone(d);
          const row = higher.governmentRequests![i];
          delete row.outcomes;
          row.percentDisclosed = 100;
          for (const [k, c] of byKey(higher)) {
            expect(c.established).toBeGreaterThanOrEqual(before.get(k)!.established - 1e-9);
            expect(c.worstCase).toBeGreaterThanOrEqual(before.get(k)!.worstCase - 1e-9);
          }
          // Split: a part of an all row reported beside it (fewer requests, none disclosed) moves nothing.
          if (rows[i].process === 'all' && typeof rows[i].requests === 'number' && (rows[i].requests as number) > 0) {
            const split = clone(d);
            split.governmentRequests!.push({ period: rows[i].period, country: rows[i].country, process: 'emergency-request', requests: Math.max(1, Math.floor(((rows[i].requests as number) * part) / 100)), percentDisclosed: 0 });
            const bounds = (m: Map<string, { established: number; worstCase: number }>) => [...m].map(([k, c]) => `${k} ${c.established} ${c.worstCase}`);
            expect(bounds(byKey(split))).toEqual(bounds(before));
          }
        }
      }),
      { ...RUNS, numRuns: 6 },
    );
  });

  test('P11 no law, no safety: present with readable stored data, a profile with no instruments still gives worstCase > 0', () => {
    const empty: JurisdictionProfile = { code: 'ZZ' as never, name: 'Nowhere', reviewed: '2026-12-02', instruments: [], retentionMandates: [], localisation: [], interceptionMandates: [], coverage: { gaps: [] } };
    const d: Declaration = {
      format: 'retention-declaration/1',
      provider: { id: 'present', name: 'Present', headquarters: 'ZZ' as never, establishments: [], services: ['messaging'] },
      asOf: '2026-01-01',
      dataCategories: [{ category: 'message-content', collected: 'yes', retention: { kind: 'indefinite' }, storageLocations: ['ZZ' as never], protection: { inTransit: 'end-to-end', atRest: 'provider-managed' }, interception: [] }],
      thirdParties: [],
      legalProcess: { liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] },
      governmentRequests: [],
    };
    const cell = run(d, [empty]).cells.find((c) => c.category === 'message-content')!;
    expect(cell.worstCase).toBeGreaterThan(0);
    expect(cell.unknowns).toContainEqual(expect.objectContaining({ pointer: '/instruments', side: 'jurisdiction' }));
  });

  test('P10 complete means exact, and P12 law in time: a fact not yet in force drives nothing', () => {
    const profile: JurisdictionProfile = {
      code: 'ZZ' as never, name: 'Known land', reviewed: '2026-12-02',
      instruments: [{ id: 'order', name: 'Production order', kind: 'court-order', reaches: 'stored', authorisation: ['court-before'], gagOrder: false, categories: ['message-content'], extraterritorial: false, inForce: { from: '2020-01-01' }, sources: [{ url: 'https://example.org/a', title: 'Act', kind: 'official', verified: false }] }],
      retentionMandates: [], localisation: [], interceptionMandates: [], coverage: { gaps: [] },
    };
    const d: Declaration = {
      format: 'retention-declaration/1',
      provider: { id: 'complete', name: 'Complete', headquarters: 'ZZ' as never, establishments: [], services: ['messaging'] },
      asOf: '2026-01-01',
      dataCategories: params.categories.map((c) => ({ category: c.category, collected: c.category === 'message-content' ? 'yes' : 'no', ...(c.category === 'message-content' ? { retention: { kind: 'fixed', duration: 'P30D' }, storageLocations: ['ZZ'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] } : {}) })) as Declaration['dataCategories'],
      thirdParties: [],
      legalProcess: { liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] },
      governmentRequests: [],
    };
    const now = run(d, [profile]).cells.find((c) => c.category === 'message-content')!;
    expect(now.established).toBeGreaterThan(0);
    expect(now.established).toBe(now.worstCase);
    expect(now.unknowns).toEqual([]);
    const before = run(d, [profile], '2019-06-01').cells.find((c) => c.category === 'message-content')!;
    // The order was not law then: it drives no pathway, and the absence of any power is itself an unknown (P11).
    expect(before.pathways.flatMap((p) => p.facts.jurisdiction)).not.toContain('/instruments/0');
    expect(before.established).toBe(0);
  });
});

describe('the cases that motivated model 2', () => {
  const base = (): Declaration => ({
    format: 'retention-declaration/1',
    provider: { id: 'messenger', name: 'Messenger', headquarters: 'US', establishments: ['US'], services: ['messaging'] },
    asOf: '2026-01-01',
    dataCategories: [{ category: 'message-content', collected: 'yes', retention: { kind: 'none' }, storageLocations: ['US'], protection: { inTransit: 'end-to-end', atRest: 'end-to-end' }, interception: [] }],
  });
  test('a silent end-to-end messenger and a service with a filtering licensee in China are told apart by established in CN', () => {
    const silent = base();
    const licensed = base();
    licensed.dataCategories[0].protection = { inTransit: 'transport', atRest: 'provider-managed' };
    licensed.thirdParties = [{ id: 'cn-licensee', name: 'Licensee', relationship: 'licensee', jurisdiction: 'CN', categories: ['message-content'], capabilities: ['keyword-filtering', 'content-retention'], distributesClient: true }];
    const cn = (d: Declaration) => run(d).cells.find((c) => c.category === 'message-content' && c.jurisdiction === 'CN')!;
    expect(cn(licensed).established).toBeGreaterThan(cn(silent).established);
    expect(cn(silent).worstCase).toBeGreaterThan(cn(silent).established);
    expect(cn(silent).unknowns).toContainEqual(expect.objectContaining({ pointer: '/thirdParties', side: 'declaration' }));
  });
  test('end-to-end shields from a licensee, unless it ships the client', () => {
    const d = base();
    d.thirdParties = [{ id: 'cn-licensee', name: 'Licensee', relationship: 'licensee', jurisdiction: 'CN', categories: ['message-content'], capabilities: [], distributesClient: false }];
    const shielded = run(d).cells.find((c) => c.category === 'message-content' && c.jurisdiction === 'CN')!;
    d.thirdParties[0].distributesClient = true;
    const ships = run(d).cells.find((c) => c.category === 'message-content' && c.jurisdiction === 'CN')!;
    expect(shielded.pathways.find((p) => p.pathway === 'third-party')).toBeUndefined();
    expect(ships.pathways.find((p) => p.pathway === 'third-party')!.established).toBeGreaterThan(0);
  });
});
