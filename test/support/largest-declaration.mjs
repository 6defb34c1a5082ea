// The largest valid declarations that fit a body limit, as an attacker (or a very thorough
// provider) would send them: every list at or near its schema maximum, the longest strings
// allowed, distinct values everywhere (nothing a cache or a dedupe could fold), and the rest of
// the size filled with distinct government-request rows over every jurisdiction and process.
// Plain JavaScript so that the hostile-bodies bench's client thread can use it too.
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const common = JSON.parse(readFileSync(new URL('schemas/common.schema.json', root), 'utf8'));
/** Every jurisdiction code the format accepts, and those with a profile (the scored ones). */
export const JURISDICTIONS = common.$defs.jurisdiction.enum;
export const PROFILED = readdirSync(new URL('policies/jurisdictions/', root))
  .filter((f) => /^[A-Z]{2}\.json$/.test(f))
  .map((f) => f.slice(0, 2));
const CATEGORIES = common.$defs.categoryId.enum;
const PROCESSES = common.$defs.processId.enum;

/** Distinct text of exactly `length` characters (ASCII and a few multi-byte letters, as real names have). */
function text(label, length) {
  const head = `${label} `;
  const filler = 'Überwachung données conservées lawful access retention ';
  let out = head;
  while (out.length < length) out += filler;
  return out.slice(0, length).trimEnd() || label;
}

const countryOf = (i) => PROFILED[i % PROFILED.length];
const utf8 = (s) => Buffer.byteLength(s, 'utf8');

/**
 * A valid declaration for `providerId` whose JSON is at most `maxBytes` bytes (UTF-8).
 * `sections: 'all'` maxes every section before filling with request rows; `'rows'` is a small
 * declaration filled with request rows only (the costliest part to score). `rows: 'short'` leaves
 * out the optional fields of each row, so that twice as many fit.
 */
export function largestDeclaration(providerId, maxBytes, { sections = 'all', rows: rowKind = 'full' } = {}) {
  const all = sections === 'all';
  const declaration = {
    format: 'retention-declaration/1',
    provider: {
      id: providerId,
      name: text(`Provider ${providerId}`, all ? 200 : 20),
      headquarters: 'US',
      establishments: all ? JURISDICTIONS.slice(0, 250) : ['US', 'DE'],
      services: all ? Array.from({ length: 50 }, (_, i) => text(`service-${i}`, 80)) : ['messaging'],
      ...(all ? { markets: JURISDICTIONS.slice(0, 250), website: 'https://example.org/provider' } : {}),
    },
    asOf: '2024-06-30',
    dataCategories: CATEGORIES.map((category, c) => ({
      category,
      collected: 'yes',
      ...(all ? { description: text(`category ${c}`, 5000), purposes: Array.from({ length: 50 }, (_, i) => text(`purpose-${c}-${i}`, 80)) } : {}),
      retention: c % 2 === 0 ? { kind: 'fixed', duration: `P${c + 1}Y` } : { kind: 'until-event', event: 'account-deletion', after: `P${c + 30}D` },
      storageLocations: all ? JURISDICTIONS.slice(0, 250) : ['US'],
      protection: { inTransit: 'transport', atRest: 'provider-managed' },
      ...(all
        ? {
            interception: Array.from({ length: 20 }, (_, i) => ({
              party: ['network-operator', 'provider', 'third-party', 'attacker'][i % 4],
              capability: ['observe', 'retain', 'none', 'undisclosed'][(i >> 2) % 4],
              note: text(`note ${c}-${i}`, 300),
            })),
          }
        : {}),
    })),
    ...(all
      ? {
          thirdParties: Array.from({ length: 200 }, (_, i) => ({
            id: `party-${i}`,
            name: text(`Party ${i}`, 200),
            relationship: ['licensee', 'processor', 'partner', 'affiliate'][i % 4],
            jurisdiction: JURISDICTIONS[i % JURISDICTIONS.length],
            categories: CATEGORIES,
            capabilities: ['keyword-filtering', 'content-retention', 'live-interception', 'censorship', 'bulk-access'],
            distributesClient: i % 3 === 0,
            description: text(`party description ${i}`, 400),
          })),
        }
      : {}),
    legalProcess: {
      liveInterception: 'supported',
      encryptionDemands: 'comply',
      ...(all
        ? {
            interceptionStatutes: Array.from({ length: 100 }, (_, i) => ({
              statute: text(`Statute ${i}`, 200),
              jurisdiction: countryOf(i),
              position: ['subject', 'not-subject', 'undisclosed'][i % 3],
              explanation: text(`explanation ${i}`, 300),
            })),
            policies: Array.from({ length: 500 }, (_, i) => ({
              process: PROCESSES[i % PROCESSES.length],
              jurisdiction: countryOf(Math.floor(i / PROCESSES.length)),
              categories: CATEGORIES,
              userNotification: ['always', 'unless-prohibited', 'never', 'undisclosed'][i % 4],
              requiresJudicialReview: i % 2 === 0,
            })),
          }
        : {}),
    },
  };
  const head = JSON.stringify(declaration).slice(0, -1) + ',"governmentRequests":[';
  const tail = ']}';
  const rows = [];
  let size = utf8(head) + utf8(tail);
  // Distinct rows: every profiled country × every process × a year of its own.
  for (let i = 0; rows.length < 20000; i++) {
    const year = 2000 + Math.floor(i / (PROFILED.length * PROCESSES.length));
    const row = JSON.stringify({
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      country: countryOf(i),
      process: PROCESSES[Math.floor(i / PROFILED.length) % PROCESSES.length],
      requests: 1000 + i,
      ...(rowKind === 'full' ? { accounts: 500 + i, outcomes: { contentDisclosed: i % 7, nonContentOnly: i % 11, rejected: i % 5 } } : {}),
    });
    const n = utf8(row) + (rows.length > 0 ? 1 : 0);
    if (size + n > maxBytes) break;
    rows.push(row);
    size += n;
  }
  return head + rows.join(',') + tail;
}
