/**
 * fast-check generators of valid declarations, built from the schema's enums, so the
 * properties of exposure-model.md are checked on documents nobody wrote by hand.
 */
import fc from 'fast-check';
import type { Declaration } from '../../src/formats/types.generated.js';
import { outcomeShareBounds } from '../../src/formats/request-share.js';
import { semanticIssues } from '../../src/formats/semantic-rules.js';

type Category = Declaration['dataCategories'][number];

export const TAXONOMY = [
  'subscriber-info', 'payment-data', 'connection-logs', 'call-metadata', 'message-metadata', 'location',
  'device-identifiers', 'contact-list', 'usage-analytics', 'profile-content', 'message-content', 'call-content', 'stored-files',
] as const;
/** Places the generator uses: profiled jurisdictions, the EU, and a member state without a profile. */
export const PLACES = ['US', 'GB', 'DE', 'FR', 'CN', 'RU', 'IN', 'EU', 'AT', 'CH', 'BR'] as const;
const PROCESSES = ['search-warrant', 'court-order', 'subpoena', 'national-security-letter', 'fisa-order', 'wiretap-order', 'pen-register-order', 'administrative-request', 'informal-request', 'other'] as const;

const place = fc.constantFrom(...PLACES);
const places = fc.uniqueArray(place, { maxLength: 3 });
const orUndisclosed = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant('undisclosed' as const));

export const duration = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('D', 'W', 'M', 'Y')).map(([n, u]) => `P${n}${u}`),
  fc.integer({ min: 1, max: 96 }).map((h) => `PT${h}H`),
);

export const retention: fc.Arbitrary<NonNullable<Category['retention']>> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  duration.map((d) => ({ kind: 'fixed' as const, duration: d })),
  fc.record(
    { kind: fc.constant('until-event' as const), event: fc.constantFrom('account-deletion' as const, 'purpose-fulfilled' as const, 'legal-hold-ends' as const), after: duration },
    { requiredKeys: ['kind', 'event'] },
  ),
  fc.constant({ kind: 'indefinite' as const }),
  fc.constant({ kind: 'undisclosed' as const }),
);

const category = (id: (typeof TAXONOMY)[number]): fc.Arbitrary<Category> =>
  fc.record(
    {
      category: fc.constant(id),
      collected: fc.constantFrom('yes' as const, 'yes' as const, 'no' as const, 'undisclosed' as const),
      retention,
      storageLocations: orUndisclosed(places),
      protection: fc.record(
        { inTransit: fc.constantFrom('end-to-end' as const, 'transport' as const, 'none' as const, 'undisclosed' as const), atRest: fc.constantFrom('end-to-end' as const, 'provider-managed' as const, 'none' as const, 'undisclosed' as const) },
        { requiredKeys: [] },
      ),
      interception: fc.array(
        fc.record({ party: fc.constantFrom('network-operator' as const, 'provider' as const, 'third-party' as const, 'attacker' as const), capability: fc.constantFrom('observe' as const, 'retain' as const, 'none' as const, 'undisclosed' as const) }),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['category', 'collected'] },
  );

const CAPABILITIES = ['keyword-filtering', 'content-retention', 'live-interception', 'censorship', 'bulk-access', 'undisclosed'] as const;

function thirdParties(held: string[]) {
  return fc.uniqueArray(
    fc.record(
      {
        id: fc.constantFrom('tp-a', 'tp-b', 'tp-c'),
        name: fc.constant('A third party'),
        relationship: fc.constantFrom('licensee' as const, 'processor' as const, 'partner' as const, 'affiliate' as const),
        jurisdiction: orUndisclosed(place),
        categories: fc.subarray(held) as fc.Arbitrary<Category['category'][]>,
        capabilities: orUndisclosed(fc.subarray([...CAPABILITIES])),
      },
      { requiredKeys: ['id', 'name', 'relationship'] },
    ),
    { selector: (t) => t.id, maxLength: 3 },
  );
}

function legalProcess(held: string[]) {
  return fc.record(
    {
      liveInterception: fc.constantFrom('supported' as const, 'not-supported' as const, 'undisclosed' as const),
      interceptionStatutes: fc.uniqueArray(
        fc.record({ statute: fc.constantFrom('CALEA', 'IPA'), jurisdiction: place, position: fc.constantFrom('subject' as const, 'not-subject' as const, 'undisclosed' as const) }),
        { selector: (s) => `${s.statute}@${s.jurisdiction}`, maxLength: 3 },
      ),
      policies: fc.array(
        fc.record(
          {
            process: fc.constantFrom(...PROCESSES),
            jurisdiction: place,
            categories: fc.subarray(held) as fc.Arbitrary<Category['category'][]>,
            userNotification: fc.constantFrom('always' as const, 'unless-prohibited' as const, 'never' as const, 'undisclosed' as const),
            requiresJudicialReview: fc.boolean(),
          },
          { requiredKeys: ['process', 'jurisdiction', 'categories', 'userNotification'] },
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: [] },
  );
}

const governmentRequest = fc
  .tuple(place, fc.constantFrom('all' as const, ...PROCESSES), fc.integer({ min: 0, max: 1000 }))
  .chain(([country, process, requests]) =>
    fc.record(
      {
        period: fc.constant({ start: '2024-01-01', end: '2024-06-30' }),
        country: fc.constant(country),
        process: fc.constant(process),
        requests: fc.constant(requests),
        accounts: fc.integer({ min: 0, max: 2000 }),
        percentDisclosed: fc.integer({ min: 0, max: 100 }),
        outcomes: fc
          .tuple(fc.integer({ min: 0, max: requests }), fc.integer({ min: 0, max: requests }), fc.integer({ min: 0, max: requests }), fc.integer({ min: 0, max: requests }))
          .map(([a, b, c, d]) => {
            // Scale into a partition of at most `requests`.
            const sum = a + b + c + d;
            const k = sum > requests ? requests / sum : 1;
            return { contentDisclosed: Math.floor(a * k), nonContentOnly: Math.floor(b * k), noDataFound: Math.floor(c * k), rejected: Math.floor(d * k) };
          }),
      },
      { requiredKeys: ['period', 'country', 'process', 'requests', 'accounts'] },
    ).map((row) => {
      // A stated percentage must agree with the outcome counts (a semantic rule): take one they allow.
      if (row.percentDisclosed !== undefined && row.outcomes !== undefined) {
        const share = outcomeShareBounds(row as never);
        row.percentDisclosed = Math.round(((share.lo + share.hi) / 2) * 1e6) / 1e4;
        if (row.percentDisclosed / 100 < share.lo || row.percentDisclosed / 100 > share.hi) row.percentDisclosed = share.lo * 100;
      }
      return row;
    }),
  );

/** A declaration that passes the schema and the semantic rules. */
export const declarationArb: fc.Arbitrary<Declaration> = fc
  .shuffledSubarray([...TAXONOMY], { minLength: 1, maxLength: 5 })
  .chain((ids) => fc.tuple(...ids.map(category)))
  .chain((cats) => {
    const held = cats.filter((c) => c.collected !== 'no').map((c) => c.category);
    return fc.record(
      {
        format: fc.constant('retention-declaration/1' as const),
        provider: fc.record(
          {
            id: fc.constant('generated-provider'),
            name: fc.constant('Generated provider'),
            headquarters: orUndisclosed(place),
            establishments: orUndisclosed(places),
            services: fc.subarray(['voice', 'messaging', 'video', 'sms', 'email', 'telephony', 'voip', 'cloud', 'stickers']),
            markets: orUndisclosed(fc.uniqueArray(fc.constantFrom(...PLACES, '001' as const), { minLength: 1, maxLength: 3 })),
          },
          { requiredKeys: ['id', 'name'] },
        ),
        asOf: fc.constant('2025-01-01'),
        dataCategories: fc.constant(cats as Declaration['dataCategories']),
        thirdParties: thirdParties(held),
        legalProcess: legalProcess(held),
        governmentRequests: fc.array(governmentRequest, { maxLength: 3 }),
      },
      { requiredKeys: ['format', 'provider', 'asOf', 'dataCategories'] },
    );
  })
  .map(withinAllRows);

/** Process rows that do not fit inside their country's `all` row are refused by the format (P7): drop them. */
function withinAllRows(d: Declaration): Declaration {
  if (d.governmentRequests === undefined) return d;
  const bad = new Set(semanticIssues(d).filter((i) => i.keyword === 'partExceedsAll').map((i) => Number(i.pointer.split('/')[2])));
  if (bad.size === 0) return d;
  return { ...d, governmentRequests: d.governmentRequests.filter((_, i) => !bad.has(i)) };
}
