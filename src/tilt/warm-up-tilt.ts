import { mapTilt, type TiltOptions } from './map-tilt.js';

/**
 * A small TILT document that takes every path of the import once: category labels (every
 * category's pattern is compiled on its first use), durations to repair, recipients, an
 * address for a country, a URL and a date.
 */
const DOCUMENT = {
  meta: { name: 'Warm-up GmbH', url: 'https://example.org/privacy', modified: '2024-01-31' },
  controller: { name: 'Warm-up GmbH', country: 'Musterstraße 1, 10115 Berlin, Germany' },
  thirdCountryTransfers: [{ country: 'USA' }, { country: 'nowhere' }],
  dataDisclosed: [
    { category: 'E-Mail-Adresse, IP address, Standortdaten', storage: [{ temporal: [{ ttl: 'P14m' }, { ttl: '28 Tage' }, { ttl: 'P0.5Y' }, { ttl: '2020-08-09T18:31:42P3Y6M4DT12H30M17S' }] }], recipients: [{ name: 'Hosting Dienstleister', country: 'DE' }, { category: 'Analytics vendor' }] },
    { category: 'Zahlungsdaten', storage: [{ ttl: 'P72H' }] },
    { category: 'something else entirely' },
  ],
};

/**
 * Maps the document above a few times, so the first TILT import after a start does not pay
 * for compiling the category patterns and the import code on the event loop (about 100 ms cold).
 */
export function warmUpTilt(options: Omit<TiltOptions, 'today'>, rounds = 2): void {
  for (let round = 0; round < rounds; round++) mapTilt(DOCUMENT, { ...options, today: '2024-01-31' });
}
