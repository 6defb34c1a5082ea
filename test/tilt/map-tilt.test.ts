import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { projectRoot } from '../../src/paths.js';
import { categoriesIn } from '../../src/tilt/category-keywords.js';
import { importTables, tiltKeywords } from '../../src/policies/load-import-tables.js';
import { mapTilt } from '../../src/tilt/map-tilt.js';
import { repairTtl } from '../../src/tilt/repair-ttl.js';

const registry = loadSchemaRegistry();
const options = { keywords: tiltKeywords(), tables: importTables(), today: '2025-01-01' };
const sample = (name: string) => JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/tilt', name), 'utf8'));
const SAMPLES = ['tilt.json', 'signal.org.tilt.json', 'zoom.us.tilt.json', 'bvg.de.tilt.json'];

describe('mapTilt', () => {
  it.each(SAMPLES)('%s becomes a draft that validates', (name) => {
    const draft = mapTilt(sample(name), options);
    const check = checkDeclaration(registry, draft.declaration);
    expect(check.valid ? [] : check.errors).toEqual([]);
    expect(draft.declaration.dataCategories.length).toBeGreaterThan(0);
  });

  it('maps the TILT example: controller, TTL, transfers, recipients', () => {
    const draft = mapTilt(sample('tilt.json'), options);
    const d = draft.declaration;
    expect(d.provider).toMatchObject({ id: 'green-company', name: 'Green Company AG', headquarters: 'DE', establishments: 'undisclosed' });
    // TILT's own examples write a ttl as a start time glued to a duration: the duration is kept (the longest wins).
    expect(d.dataCategories).toEqual([expect.objectContaining({ category: 'subscriber-info', retention: { kind: 'fixed', duration: 'P3Y6M4DT12H30M17S' }, storageLocations: ['DE', 'ES'] })]);
    expect(d.thirdParties).toContainEqual(expect.objectContaining({ id: 'yellow-company-ag', jurisdiction: 'ES', categories: ['subscriber-info'], capabilities: 'undisclosed' }));
    expect(d.legalProcess).toEqual({ liveInterception: 'undisclosed' });
    expect(draft.repaired).toContainEqual({ pointer: '/dataDisclosed/0/storage/0/temporal/1/ttl', from: '2020-08-09T18:31:42P3Y6M4DT12H30M17S', to: 'P3Y6M4DT12H30M17S' });
  });

  it('maps free-text categories in English and German through the keyword table', () => {
    const table = tiltKeywords();
    expect(categoriesIn('phone number.', table)).toEqual(['subscriber-info']);
    expect(categoriesIn('IP-Adresse\nGerätedaten, wie Betriebssystem', table)).toEqual(['connection-logs', 'device-identifiers']);
    expect(categoriesIn('Vorname, Nachname', table)).toEqual(['subscriber-info']);
    expect(categoriesIn('Settings', table)).toEqual(['usage-analytics']);
    expect(categoriesIn('Lieblingsfarbe', table)).toEqual([]);
  });

  it('repairs common TTL slips and refuses the rest', () => {
    expect(repairTtl('P72H')).toEqual({ ok: true, duration: 'PT72H', repairedFrom: 'P72H' });
    expect(repairTtl('P14m')).toEqual({ ok: true, duration: 'P14M', repairedFrom: 'P14m' });
    expect(repairTtl('P30D')).toEqual({ ok: true, duration: 'P30D' });
    expect(repairTtl('P2W3D')).toEqual({ ok: true, duration: 'P17D', repairedFrom: 'P2W3D' });
    expect(repairTtl('2005-08-09T18:31:42P72H')).toEqual({ ok: true, duration: 'PT72H', repairedFrom: '2005-08-09T18:31:42P72H' });
    expect(repairTtl('2020-01-01').ok).toBe(false);
    // Decimal fractions (TILT's own pattern allows them) move down a unit; words become designators.
    expect(repairTtl('P1.5Y')).toEqual({ ok: true, duration: 'P1Y6M', repairedFrom: 'P1.5Y' });
    expect(repairTtl('P0,5D')).toEqual({ ok: true, duration: 'PT12H', repairedFrom: 'P0,5D' });
    expect(repairTtl('P6MT')).toEqual({ ok: true, duration: 'P6M', repairedFrom: 'P6MT' });
    expect(repairTtl('P 28 D')).toEqual({ ok: true, duration: 'P28D', repairedFrom: 'P 28 D' });
    expect(repairTtl('28 Tage')).toEqual({ ok: true, duration: 'P28D', repairedFrom: '28 Tage' });
    expect(repairTtl('3 years and 6 months')).toEqual({ ok: true, duration: 'P3Y6M', repairedFrom: '3 years and 6 months' });
    expect(repairTtl('1 Jahr, 2 Monate')).toEqual({ ok: true, duration: 'P1Y2M', repairedFrom: '1 Jahr, 2 Monate' });
    expect(repairTtl('until the account is deleted').ok).toBe(false);
    expect(repairTtl('6 months 6 months').ok).toBe(false);
    expect(repairTtl('P').ok).toBe(false);
    expect(repairTtl('forever').ok).toBe(false);
  });

  it('keeps every stated TTL as fixed retention wherever the category maps, and reports the ones it cannot read', () => {
    const doc = {
      meta: { name: 'Ttl Co' },
      controller: { name: 'Ttl Co GmbH', country: 'Deutschland' },
      dataDisclosed: [
        { category: 'Telefonnummer', storage: [{ temporal: [{ ttl: 'P0.5Y' }] }] },
        { category: 'IP-Adresse', storage: [{ temporal: [{ ttl: '28 Tage' }] }] },
        { category: 'chat messages', storage: [{ ttl: 'P30D' }] },
        { category: 'Standort', storage: [{ temporal: [{ ttl: 'P1Y6MT' }] }] },
        { category: 'Gerätedaten', storage: [{ temporal: [{ ttl: 90 }] }] },
      ],
    };
    const draft = mapTilt(doc, options);
    const retention = Object.fromEntries(draft.declaration.dataCategories.map((c) => [c.category, c.retention]));
    expect(retention).toMatchObject({
      'subscriber-info': { kind: 'fixed', duration: 'P6M' },
      'connection-logs': { kind: 'fixed', duration: 'P28D' },
      'message-content': { kind: 'fixed', duration: 'P30D' },
      location: { kind: 'fixed', duration: 'P1Y6M' },
      'device-identifiers': { kind: 'undisclosed' },
    });
    expect(draft.unmapped).toContainEqual({ pointer: '/dataDisclosed/4/storage/0/temporal/0/ttl', value: 90, reason: 'a number without a unit is not a duration' });
    const check = checkDeclaration(registry, draft.declaration);
    expect(check.valid ? [] : check.errors).toEqual([]);
  });

  it('handles temporal as a list, an object or null, and lists repairs', () => {
    const doc = {
      meta: { name: 'Chat Co' },
      controller: { name: 'Chat Co GmbH', country: 'Germany' },
      dataDisclosed: [
        { category: 'chat messages', storage: [{ temporal: { ttl: 'P72H' } }] },
        { category: 'phone number', storage: { temporal: null } },
        { category: 'favourite colour', storage: [{ temporal: [{ ttl: 'P14m' }, { ttl: 'P1Y' }] }] },
      ],
    };
    const draft = mapTilt(doc, options);
    expect(draft.declaration.provider.headquarters).toBe('DE');
    expect(draft.declaration.dataCategories.map((c) => [c.category, c.retention])).toEqual([
      ['subscriber-info', { kind: 'undisclosed' }],
      ['message-content', { kind: 'fixed', duration: 'PT72H' }],
    ]);
    expect(draft.repaired.map((r) => r.to)).toEqual(['PT72H', 'P14M']);
    expect(draft.unmapped).toContainEqual(expect.objectContaining({ pointer: '/dataDisclosed/2/category', reason: expect.stringMatching(/no keyword/) }));
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        mapTilt(a, options);
        mapTilt({ meta: a, controller: b, dataDisclosed: [a, { category: 'email', storage: b, recipients: a }], thirdCountryTransfers: b }, options);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the country at the end of a postal address, and skips US state codes', () => {
    const doc = {
      controller: { name: 'Verkehr AG', country: 'Deutschland' },
      dataDisclosed: [{ category: 'E-Mail-Adresse' }],
      thirdCountryTransfers: [
        { country: 'consentmanager AB\nHåltegelvägen 1b\n72348 Västerås\nSchweden' },
        { country: 'Cloudflare, Inc.\n101 Townsend St\nSan Francisco\nCA 94107\nUSA' },
        { country: 'Somewhere, CA' },
      ],
    };
    const draft = mapTilt(doc, options);
    expect(draft.declaration.provider.headquarters).toBe('DE');
    expect(draft.declaration.dataCategories[0].storageLocations).toEqual(['DE', 'SE', 'US']);
    expect(draft.unmapped).toEqual([expect.objectContaining({ pointer: '/thirdCountryTransfers/2/country' })]);
  });

  it('keeps a draft with more recipients than a declaration holds valid, listing the rest', () => {
    const doc = {
      meta: { name: 'Many', created: '2020-02-30T00:00:00', url: `https://example.org/${'x'.repeat(3000)}` },
      controller: { name: 'Many Recipients Ltd', country: 'GB' },
      dataDisclosed: Array.from({ length: 260 }, (_, i) => ({ category: 'email address', recipients: [{ name: `Recipient ${i}` }] })),
    };
    const draft = mapTilt(doc, options);
    expect(draft.declaration.thirdParties).toHaveLength(200);
    expect(draft.declaration.asOf).toBe('2025-01-01');
    expect(draft.declaration.provider.website).toBeUndefined();
    expect(draft.unmapped).toContainEqual(expect.objectContaining({ pointer: '/dataDisclosed', reason: expect.stringMatching(/260 distinct recipients/) }));
    const check = checkDeclaration(registry, draft.declaration);
    expect(check.valid ? [] : check.errors).toEqual([]);
  });
});

describe('a hostile ttl', () => {
  it('a long run of whitespace is refused by its length before any pattern looks at it', () => {
    for (const ttl of [`P1D${' '.repeat(100_000)}x`, ` ${'\t '.repeat(60_000)}1 day`, 'P'.padEnd(129, '1')]) {
      const result = repairTtl(ttl);
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('characters long') });
    }
  });

  it('a ttl at the bound is still repaired', () => {
    expect(repairTtl(`28 Tage${' '.repeat(121)}`)).toEqual({ ok: true, duration: 'P28D', repairedFrom: '28 Tage' });
  });
});
