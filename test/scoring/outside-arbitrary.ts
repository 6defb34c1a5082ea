/**
 * The outside checker's own generator of valid declarations (independent of
 * declaration-arbitrary.ts), in several styles: sparse, with most optional sections absent;
 * "undisclosed" wherever the format allows it; big, with many third parties, policies, statutes
 * and banded transparency rows; EU-heavy storage and establishments; and mixed.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import type { Declaration } from '../../src/formats/types.generated.js';
import { jurisdictions, params } from './scoring-fixture.js';

type Doc = Declaration;
type Entry = Doc['dataCategories'][number];

export const CODES = jurisdictions.map((j) => j.code).sort();
/** Profiled codes, EU members without a profile, and places with no profile at all. */
export const PLACES = [...CODES, 'AT', 'ES', 'IT', 'PL', 'BE', 'SG', 'ZA', 'MX'] as const;
export const TAXONOMY = params.categories.map((c) => c.category);
const PROCESSES = ['search-warrant', 'court-order', 'subpoena', 'national-security-letter', 'fisa-order', 'wiretap-order', 'pen-register-order', 'emergency-request', 'preservation-request', 'mlat-request', 'administrative-request', 'informal-request', 'other'] as const;
export const CAPS = ['keyword-filtering', 'content-retention', 'live-interception', 'censorship', 'bulk-access'] as const;


const place = fc.constantFrom(...PLACES);
const placeList = (max: number) => fc.uniqueArray(place, { minLength: 0, maxLength: max });
type Style = 'sparse' | 'silent' | 'big' | 'eu' | 'mixed';

const isoDuration = fc.oneof(
  fc.constantFrom('PT1H', 'PT12H', 'PT36H', 'P0D', 'P1D', 'P2W', 'P1M', 'P45D', 'P3M', 'P1Y6M', 'P2Y', 'P7Y', 'P10Y', 'P40Y', 'P1DT12H', 'PT90M'),
  fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('D', 'M', 'Y', 'W')).map(([n, u]) => `P${n}${u}`),
);

const retentionArb = (style: Style): fc.Arbitrary<NonNullable<Entry['retention']>> =>
  style === 'silent'
    ? fc.constant({ kind: 'undisclosed' as const })
    : fc.oneof(
        fc.constant({ kind: 'none' as const }),
        isoDuration.map((duration) => ({ kind: 'fixed' as const, duration })),
        fc.tuple(fc.constantFrom('account-deletion' as const, 'purpose-fulfilled' as const, 'legal-hold-ends' as const), fc.option(isoDuration, { nil: undefined })).map(([event, after]) =>
          after === undefined ? { kind: 'until-event' as const, event } : { kind: 'until-event' as const, event, after },
        ),
        fc.constant({ kind: 'indefinite' as const }),
        fc.constant({ kind: 'undisclosed' as const }),
      );

/** Optional parts appear with the given chance: a sparse document leaves most of them out. */
const maybe = <T>(arb: fc.Arbitrary<T>, style: Style): fc.Arbitrary<T | undefined> =>
  style === 'sparse' ? fc.option(arb, { nil: undefined, freq: 1 }) : style === 'big' || style === 'silent' ? arb : fc.option(arb, { nil: undefined, freq: 3 });

function entryArb(category: string, style: Style): fc.Arbitrary<Entry> {
  const storage = style === 'eu' ? fc.oneof(fc.uniqueArray(fc.constantFrom('EU', 'DE', 'FR', 'NL', 'LU', 'IE', 'SE', 'AT', 'IT'), { maxLength: 3 }), fc.constant('undisclosed' as const)) : fc.oneof(placeList(4), fc.constant('undisclosed' as const));
  const interceptionItem = fc.record(
    {
      party: fc.constantFrom('network-operator' as const, 'provider' as const, 'third-party' as const, 'attacker' as const),
      capability: style === 'silent' ? fc.constant('undisclosed' as const) : fc.constantFrom('observe' as const, 'retain' as const, 'none' as const, 'undisclosed' as const),
      note: fc.constant('as the provider understands it'),
    },
    { requiredKeys: ['party', 'capability'] },
  );
  return fc
    .tuple(
      style === 'silent' ? fc.constant('undisclosed' as const) : fc.constantFrom('yes' as const, 'yes' as const, 'yes' as const, 'no' as const, 'undisclosed' as const),
      maybe(retentionArb(style), style),
      maybe(style === 'silent' ? fc.constant('undisclosed' as const) : storage, style),
      maybe(
        style === 'silent'
          ? fc.constant({ inTransit: 'undisclosed' as const, atRest: 'undisclosed' as const })
          : fc.record(
              { inTransit: fc.constantFrom('end-to-end' as const, 'transport' as const, 'none' as const, 'undisclosed' as const), atRest: fc.constantFrom('end-to-end' as const, 'provider-managed' as const, 'none' as const, 'undisclosed' as const) },
              { requiredKeys: [] },
            ),
        style,
      ),
      maybe(fc.array(interceptionItem, { maxLength: style === 'big' ? 6 : 2 }), style),
      maybe(fc.subarray(['service-delivery', 'billing', 'security', 'advertising', 'legal-obligation']), style),
    )
    .map(([collected, retention, storageLocations, protection, interception, purposes]) => {
      const e: Entry = { category: category as Entry['category'], collected };
      if (purposes !== undefined) e.purposes = purposes;
      if (retention !== undefined) e.retention = retention;
      if (storageLocations !== undefined) e.storageLocations = storageLocations as Entry['storageLocations'];
      if (protection !== undefined) e.protection = protection;
      if (interception !== undefined) e.interception = interception;
      return e;
    });
}

export type ThirdParty = NonNullable<Doc['thirdParties']>[number];
function thirdPartiesArb(held: string[], style: Style): fc.Arbitrary<ThirdParty[]> {
  const one = fc.record(
    {
      relationship: fc.constantFrom('licensee' as const, 'processor' as const, 'partner' as const, 'affiliate' as const),
      jurisdiction: style === 'silent' ? fc.constant('undisclosed' as const) : fc.option(fc.oneof(place, place, fc.constant('undisclosed' as const)), { nil: undefined, freq: 6 }),
      categories: fc.option(fc.subarray(held), { nil: undefined, freq: 5 }),
      capabilities:
        style === 'silent'
          ? fc.constant('undisclosed' as const)
          : fc.option(fc.oneof(fc.subarray([...CAPS]), fc.constant('undisclosed' as const), fc.subarray([...CAPS, 'undisclosed' as const])), { nil: undefined, freq: 5 }),
    },
    { requiredKeys: ['relationship'] },
  );
  return fc.array(one, { maxLength: style === 'big' ? 14 : 3 }).map((tps) =>
    tps.map((t, k) => {
      const tp: ThirdParty = { id: `party-${k}`, name: `Party ${k}`, relationship: t.relationship };
      if (t.jurisdiction !== undefined) tp.jurisdiction = t.jurisdiction as ThirdParty['jurisdiction'];
      if (t.categories !== undefined) tp.categories = t.categories as ThirdParty['categories'];
      if (t.capabilities !== undefined) tp.capabilities = t.capabilities as ThirdParty['capabilities'];
      return tp;
    }),
  );
}

type LegalProcess = NonNullable<Doc['legalProcess']>;
function legalProcessArb(held: string[], style: Style): fc.Arbitrary<LegalProcess> {
  const n = style === 'big' ? 20 : 4;
  return fc
    .tuple(
      maybe(fc.constant('https://example.org/law-enforcement'), style),
      maybe(style === 'silent' ? fc.constant('undisclosed' as const) : fc.constantFrom('supported' as const, 'not-supported' as const, 'undisclosed' as const), style),
      maybe(
        fc.uniqueArray(
          fc.record({
            statute: fc.constantFrom('CALEA', 'IPA', 'TKG', 'SORM', 'TOLA'),
            jurisdiction: place,
            position: style === 'silent' ? fc.constant('undisclosed' as const) : fc.constantFrom('subject' as const, 'not-subject' as const, 'not-subject' as const, 'undisclosed' as const),
          }),
          { selector: (s) => `${s.statute}@${s.jurisdiction}`, maxLength: style === 'big' ? 8 : 3 },
        ),
        style,
      ),
      maybe(
        fc.array(
          fc.tuple(fc.constantFrom(...PROCESSES), fc.oneof(place, fc.constantFrom('US', 'GB', 'DE', 'EU')), fc.subarray(held), style === 'silent' ? fc.constant('undisclosed' as const) : fc.constantFrom('always' as const, 'unless-prohibited' as const, 'never' as const, 'undisclosed' as const), fc.option(fc.boolean(), { nil: undefined })).map(
            ([process, jurisdiction, categories, userNotification, review]) => {
              const p: NonNullable<LegalProcess['policies']>[number] = { process, jurisdiction: jurisdiction as never, categories: categories as never, userNotification };
              if (review !== undefined) p.requiresJudicialReview = review;
              return p;
            },
          ),
          { maxLength: n },
        ),
        style,
      ),
    )
    .map(([guidelinesUrl, liveInterception, interceptionStatutes, policies]) => {
      const lp: LegalProcess = {};
      if (guidelinesUrl !== undefined) lp.guidelinesUrl = guidelinesUrl;
      if (liveInterception !== undefined) lp.liveInterception = liveInterception;
      if (interceptionStatutes !== undefined) lp.interceptionStatutes = interceptionStatutes as LegalProcess['interceptionStatutes'];
      if (policies !== undefined) lp.policies = policies;
      return lp;
    });
}

type Row = NonNullable<Doc['governmentRequests']>[number];
export type Count = Row['requests'];
/** A count of at most `max` (as a number or as a band), with the chance of a band. */
const countUpTo = (max: number): fc.Arbitrary<Count> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })) },
  );
export const lo = (c: Count) => (typeof c === 'number' ? c : c.min);

function rowArb(): fc.Arbitrary<Row> {
  return fc
    .tuple(
      place,
      fc.constantFrom('all' as const, ...PROCESSES),
      fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom({ min: 0, max: 249 }, { min: 250, max: 499 }, { min: 1000, max: 1499 })),
      fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      fc.option(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { minLength: 4, maxLength: 4 })), { nil: undefined }),
      fc.option(fc.subarray([...TAXONOMY]), { nil: undefined }),
      fc.boolean(),
    )
    .map(([country, process, requests, percentDisclosed, outcomes, categoriesRequested, bases]) => {
      const max = typeof requests === 'number' ? requests : requests.max;
      const row: Row = { period: { start: '2024-01-01', end: '2024-12-31' }, country: country as never, process, requests, accounts: typeof requests === 'number' ? requests * 2 : { min: requests.min, max: requests.max * 2 } };
      if (percentDisclosed !== undefined) row.percentDisclosed = percentDisclosed;
      if (outcomes) {
        // Four parts of `max` that add up to at most `max`; some keys left out.
        const [a, b, c, d, raw] = outcomes;
        const total = raw.reduce((s, x) => s + x, 0) || 1;
        const part = (x: number) => Math.floor((x / total) * max * 0.999);
        const o: NonNullable<Row['outcomes']> = {};
        if (a) o.contentDisclosed = part(raw[0]);
        if (b) o.nonContentOnly = part(raw[1]);
        if (c) o.noDataFound = part(raw[2]);
        if (d) o.rejected = part(raw[3]);
        row.outcomes = o;
      }
      if (categoriesRequested) row.categoriesRequested = categoriesRequested as never;
      if (bases && max > 0) row.rejectionBases = [{ basis: 'overbroad', count: Math.floor(max / 3) }, { basis: 'no-jurisdiction', count: { min: 0, max: Math.floor(max / 3) } }];
      return row;
    });
}

function declarationOf(style: Style): fc.Arbitrary<Doc> {
  const sizes = { sparse: [1, 3], silent: [1, 5], big: [8, 13], eu: [1, 6], mixed: [1, 13] }[style];
  return fc
    .shuffledSubarray([...TAXONOMY], { minLength: sizes[0], maxLength: sizes[1] })
    .chain((ids) => fc.tuple(...ids.map((id) => entryArb(id, style))))
    .chain((cats) => {
      const held = cats.filter((c) => c.collected !== 'no').map((c) => c.category);
      const hq = style === 'silent' ? fc.constant('undisclosed' as const) : style === 'eu' ? fc.constantFrom('DE', 'FR', 'LU', 'IE', 'AT', 'EU', 'undisclosed' as const) : fc.oneof(place, fc.constant('undisclosed' as const));
      const est =
        style === 'silent' ? fc.constant('undisclosed' as const) : style === 'eu' ? fc.oneof(fc.uniqueArray(fc.constantFrom('DE', 'NL', 'SE', 'IT', 'EU', 'CH'), { maxLength: 3 }), fc.constant('undisclosed' as const)) : fc.oneof(placeList(5), fc.constant('undisclosed' as const));
      return fc
        .tuple(
          maybe(hq, style),
          maybe(est, style),
          maybe(fc.subarray(['voice', 'messaging', 'video', 'sms', 'email', 'cloud-storage', 'mobile-data', 'broadband']), style),
          maybe(thirdPartiesArb(held, style), style),
          maybe(legalProcessArb(held, style), style),
          maybe(fc.array(rowArb(), { maxLength: style === 'big' ? 16 : 3 }), style),
        )
        .map(([headquarters, establishments, services, thirdParties, legalProcess, governmentRequests]) => {
          const d: Doc = { format: 'retention-declaration/1', provider: { id: `outside-${style}`, name: `Outside ${style}` }, asOf: '2025-06-30', dataCategories: cats as Doc['dataCategories'] };
          if (headquarters !== undefined) d.provider.headquarters = headquarters as never;
          if (establishments !== undefined) d.provider.establishments = establishments as never;
          if (services !== undefined) d.provider.services = services;
          if (thirdParties !== undefined) d.thirdParties = thirdParties;
          if (legalProcess !== undefined) d.legalProcess = legalProcess;
          if (governmentRequests !== undefined) d.governmentRequests = governmentRequests;
          return d;
        });
    });
}

export const docArb: fc.Arbitrary<Doc> = fc.oneof(declarationOf('sparse'), declarationOf('silent'), declarationOf('big'), declarationOf('eu'), declarationOf('mixed'), declarationOf('mixed'));

/** The providers' sample declarations shipped with the project: documents nobody wrote for these tests. */
export const SAMPLES: Doc[] = readdirSync(path.join(projectRoot, 'policies/providers'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(projectRoot, 'policies/providers', f), 'utf8')) as Doc);

