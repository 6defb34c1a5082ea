import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { policiesDir } from '../../src/paths.js';
import { contradictions } from '../../src/scoring/feasibility.js';
import { computeExposure } from '../../src/scoring/index.js';
import { declarationArb } from './declaration-arbitrary.js';
import { clone, jurisdictions, params, registry } from './scoring-fixture.js';
import { schemaSilencings, silenceableFields, type Silencing } from './schema-silencings.js';

/**
 * P4 field by field: leaving out any optional field of the format, or answering "undisclosed"
 * wherever the format allows it, never raises `established` and never lowers `worstCase` of any
 * cell. The silencings are derived from the declaration schema (schema-silencings.ts), and a
 * declaration that answers every field keeps the walk complete: when the format gains a field,
 * the first test fails until the full declaration below answers it, and then P4 is checked for it.
 */
const LAW_DATE = '2026-12-07';
const cells = (d: Declaration) => new Map(computeExposure(d, jurisdictions, params, { lawDate: LAW_DATE }).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));

const source = { url: 'https://example.org/report', title: 'A report', accessed: '2026-11-30' };

/** Every field of the format answered, none "undisclosed": the reference for the walk. */
export const fullDeclaration: Declaration = {
  format: 'retention-declaration/1',
  provider: {
    id: 'full-answers',
    name: 'Full Answers',
    headquarters: 'DE',
    establishments: ['DE', 'CN', 'US'],
    services: ['messaging', 'voice', 'sms', 'cloud'],
    markets: ['DE', 'EU', 'US', 'BR'],
    website: 'https://example.org',
    sources: [source],
  },
  asOf: '2026-06-30',
  dataCategories: [
    {
      category: 'subscriber-info',
      collected: 'yes',
      description: 'Name and phone number',
      purposes: ['service-delivery', 'billing'],
      retention: { kind: 'fixed', duration: 'P1Y' },
      storageLocations: ['DE', 'RU'],
      protection: { inTransit: 'transport', atRest: 'provider-managed' },
      interception: [{ party: 'network-operator', capability: 'observe', note: 'SS7 signalling' }],
      sources: [source],
    },
    {
      category: 'message-content',
      collected: 'yes',
      retention: { kind: 'until-event', event: 'purpose-fulfilled', after: 'P30D' },
      storageLocations: ['DE', 'IN'],
      protection: { inTransit: 'transport', atRest: 'provider-managed' },
      interception: [{ party: 'third-party', capability: 'retain' }, { party: 'provider', capability: 'observe' }],
    },
    {
      category: 'call-metadata',
      collected: 'yes',
      retention: { kind: 'indefinite' },
      storageLocations: ['US'],
      protection: { inTransit: 'none', atRest: 'provider-managed' },
      interception: [{ party: 'attacker', capability: 'retain' }],
    },
    {
      category: 'call-content',
      collected: 'yes',
      retention: { kind: 'none' },
      storageLocations: ['DE'],
      protection: { inTransit: 'end-to-end', atRest: 'end-to-end' },
      interception: [{ party: 'network-operator', capability: 'none' }],
    },
    { category: 'usage-analytics', collected: 'no' },
  ],
  thirdParties: [
    {
      id: 'cn-licensee',
      name: 'CN Licensee',
      relationship: 'licensee',
      jurisdiction: 'CN',
      categories: ['message-content', 'call-content'],
      capabilities: ['keyword-filtering'],
      distributesClient: true,
      description: 'Runs the service in China',
      sources: [source],
    },
    { id: 'br-processor', name: 'BR Processor', relationship: 'processor', jurisdiction: 'BR', categories: ['subscriber-info'], capabilities: [], distributesClient: false },
  ],
  legalProcess: {
    guidelinesUrl: 'https://example.org/guidelines',
    liveInterception: 'supported',
    encryptionDemands: 'comply',
    interceptionStatutes: [{ statute: 'CALEA', jurisdiction: 'US', position: 'not-subject', explanation: 'An information service' }],
    policies: [
      { process: 'informal-request', jurisdiction: 'CN', categories: ['subscriber-info', 'message-content'], userNotification: 'always', requiresJudicialReview: true },
      { process: 'court-order', jurisdiction: 'DE', categories: ['subscriber-info', 'message-content', 'call-metadata'], userNotification: 'unless-prohibited', requiresJudicialReview: false },
      { process: 'subpoena', jurisdiction: 'US', categories: ['subscriber-info', 'call-metadata'], userNotification: 'never', requiresJudicialReview: true },
      { process: 'administrative-request', jurisdiction: 'IN', categories: ['message-content'], userNotification: 'always', requiresJudicialReview: true },
    ],
    sources: [source],
  },
  governmentRequests: [
    {
      period: { start: '2025-01-01', end: '2025-12-31' },
      country: 'DE',
      process: 'all',
      requests: 200,
      accounts: 240,
      outcomes: { contentDisclosed: 20, nonContentOnly: 100, noDataFound: 30, rejected: 50 },
      percentDisclosed: 60,
      rejectionBases: [{ basis: 'overbroad', count: 50 }],
      categoriesRequested: ['subscriber-info', 'message-content'],
      sources: [source],
    },
    { period: { start: '2025-01-01', end: '2025-12-31' }, country: 'US', process: 'subpoena', requests: { min: 0, max: 249 }, accounts: { min: 0, max: 249 } },
  ],
  sources: [source],
};

function samples(): { name: string; decl: Declaration }[] {
  const dir = path.join(policiesDir, 'providers');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: f, decl: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Declaration }));
}

/**
 * The cells a silencing moved the wrong way: `established` up or `worstCase` down. A declaration
 * with an infeasible pair of answers (P13) is scored at their more exposing reading; silencing one
 * of them leaves only the feasible completions, so there only `established` is bound.
 */
function violations(d: Declaration, silencings: readonly Silencing[]): string[] {
  const before = cells(d);
  const feasible = contradictions(d, params).length === 0;
  const out: string[] = [];
  for (const s of silencings) {
    const x = clone(d);
    s.apply(x);
    for (const [k, c] of cells(x)) {
      const b = before.get(k)!;
      if (c.established > b.established + 1e-9 || (feasible && c.worstCase < b.worstCase - 1e-9)) out.push(`${s.pointer} ${s.what} moved ${k}: [${b.established}, ${b.worstCase}] → [${c.established}, ${c.worstCase}]`);
    }
  }
  return out;
}

/** At most `n` silencings per field of the format and kind (the rest repeat the same rule at another index). */
function perField(silencings: readonly Silencing[], n: number): Silencing[] {
  const count = new Map<string, number>();
  return silencings.filter((s) => {
    const k = `${s.field} ${s.what}`;
    count.set(k, (count.get(k) ?? 0) + 1);
    return count.get(k)! <= n;
  });
}

describe('P4, every optional field of the format: leaving it out or answering "undisclosed" never raises established and never lowers worstCase', () => {
  test('the full declaration is valid and the walk silences every field the format lets a provider leave open', () => {
    const check = checkDeclaration(registry, clone(fullDeclaration));
    expect(check.valid ? [] : check.errors).toEqual([]);
    const walked = new Set(schemaSilencings(clone(fullDeclaration)).map((s) => `${s.field} ${s.what}`));
    expect([...silenceableFields()].filter((f) => !walked.has(f))).toEqual([]);
  });

  test('the full declaration, every field (at most two places each)', () => {
    expect(violations(fullDeclaration, perField(schemaSilencings(clone(fullDeclaration)), 2))).toEqual([]);
  });

  test.each(samples().map((s) => [s.name, s.decl] as const))('sample %s, every field (one place each)', (_name, decl) => {
    expect(violations(decl, perField(schemaSilencings(clone(decl)), 1))).toEqual([]);
  });

  test('generated declarations, every field (one place each)', () => {
    fc.assert(
      fc.property(declarationArb, (d) => {
        expect(violations(d, perField(schemaSilencings(clone(d)), 1))).toEqual([]);
      }),
      { numRuns: 4, seed: Number(process.env.FC_SEED ?? 20261207), endOnFailure: true },
    );
  });
});
