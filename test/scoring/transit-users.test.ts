import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Declaration, Jurisdiction } from '../../src/formats/types.generated.js';
import { policiesDir } from '../../src/paths.js';
import { computeExposure, summarizeExposure } from '../../src/scoring/index.js';
import { declarationArb } from './declaration-arbitrary.js';
import { clone, jurisdictions, params } from './scoring-fixture.js';

/**
 * Interception in transit counts where the users are (format 1.2 `provider.markets`), and which
 * services are telecommunications is the model's table, not a word match.
 */
const LAW_DATE = '2026-12-07';
const run = (d: Declaration) => computeExposure(d, jurisdictions, params, { lawDate: LAW_DATE });
const cellOf = (d: Declaration, category: string, code: string) => run(d).cells.find((c) => c.category === category && c.jurisdiction === code)!;
const sample = (id: string) => JSON.parse(readFileSync(path.join(policiesDir, 'providers', `${id}.json`), 'utf8')) as Declaration;
const codes = jurisdictions.map((j) => j.code as Jurisdiction);

describe('transit where the users are', () => {
  test('a carrier that serves Germany is most exposed in Germany; Azerbaijan and Sweden show its transit apart, as a user travelling there', () => {
    const carrier = sample('rheinfunk-telekom');
    expect(carrier.provider.markets).toEqual(['DE']);
    const result = run(carrier);
    const de = result.cells.find((c) => c.category === 'call-metadata' && c.jurisdiction === 'DE')!;
    for (const code of ['AZ', 'SE']) {
      const c = result.cells.find((x) => x.category === 'call-metadata' && x.jurisdiction === code)!;
      expect(c.established).toBeLessThan(de.established);
      expect(c.pathways.map((p) => p.pathway)).not.toContain('interception-in-transit');
      // The regime is still shown, apart: a user travelling there would be fully exposed in transit.
      expect(c.travelling).toMatchObject({ pathway: 'interception-in-transit', worstCase: 80 });
      expect(c.worstCase).toBeLessThan(c.travelling!.worstCase);
    }
    expect(de.travelling).toBeUndefined();
    // The headline by established is a German cell, and no summary number is a travelling one.
    const byEstablished = [...result.cells].sort((a, b) => b.established - a.established || b.worstCase - a.worstCase)[0];
    expect(byEstablished.jurisdiction).toBe('DE');
    const summary = summarizeExposure(result, params);
    const az = summary.byJurisdiction.find((h) => h.jurisdiction === 'AZ')!;
    const azCells = result.cells.filter((c) => c.jurisdiction === 'AZ');
    expect(az.established).toBe(Math.max(...azCells.filter((c) => c.worstCase === az.worstCase).map((c) => c.established)));
    expect(azCells.some((c) => c.travelling !== undefined && c.travelling.worstCase > c.worstCase)).toBe(true);
  });

  test('markets left out: the transit pathway is a range from no users in J to users in J; named: counted; not named: apart', () => {
    const carrier = sample('rheinfunk-telekom');
    const silent = clone(carrier);
    delete silent.provider.markets;
    const there = clone(carrier);
    there.provider.markets = ['DE', 'AZ'];
    const [s, t, n] = [cellOf(silent, 'call-metadata', 'AZ'), cellOf(there, 'call-metadata', 'AZ'), cellOf(carrier, 'call-metadata', 'AZ')];
    expect(t.established).toBe(80);
    expect(t.travelling).toBeUndefined();
    expect(s.established).toBe(n.established);
    expect(s.worstCase).toBe(t.worstCase);
    expect(s.unknowns).toContainEqual(expect.objectContaining({ pointer: '/provider/markets', side: 'declaration' }));
    const world = clone(carrier);
    world.provider.markets = ['001'];
    expect(cellOf(world, 'call-metadata', 'AZ').established).toBe(80);
  });

  test('a market named as a union leaves a member state open; a member state named as a market counts for the union', () => {
    const carrier = sample('rheinfunk-telekom');
    const eu = clone(carrier);
    eu.provider.markets = ['EU'];
    const inSe = cellOf(eu, 'call-metadata', 'SE');
    expect(inSe.worstCase).toBe(80);
    expect(inSe.established).toBeLessThan(80);
    expect(inSe.unknowns).toContainEqual(expect.objectContaining({ pointer: '/provider/markets/0', side: 'declaration' }));
  });

  test('adding a market in J never lowers a bound of J, and a present list never shows a travelling value where it names J', () => {
    fc.assert(
      fc.property(declarationArb, fc.constantFrom(...codes), (d, code) => {
        const base = clone(d);
        if (!Array.isArray(base.provider.markets)) base.provider.markets = [];
        const more = clone(base);
        (more.provider.markets as string[]).push(code);
        const before = new Map(run(base).cells.map((c) => [`${c.category}/${c.jurisdiction}`, c]));
        for (const c of run(more).cells) {
          const b = before.get(`${c.category}/${c.jurisdiction}`)!;
          expect(c.established).toBeGreaterThanOrEqual(b.established);
          expect(c.worstCase).toBeGreaterThanOrEqual(b.worstCase);
          if (c.jurisdiction === code) expect(c.travelling).toBeUndefined();
        }
      }),
      { numRuns: 8, seed: Number(process.env.FC_SEED ?? 20261207), endOnFailure: true },
    );
  });
});

describe('which services are telecommunications: the table of services', () => {
  /** A US messenger whose call content travels with transport encryption only. */
  const messenger = (services: string[]): Declaration => ({
    format: 'retention-declaration/1',
    provider: { id: 'messenger', name: 'Messenger', headquarters: 'US', establishments: ['US'], services, markets: ['US'] },
    asOf: '2026-06-30',
    dataCategories: [{ category: 'call-content', collected: 'yes', retention: { kind: 'none' }, storageLocations: ['US'], protection: { inTransit: 'transport', atRest: 'provider-managed' }, interception: [] }],
    thirdParties: [],
    legalProcess: { liveInterception: 'not-supported', encryptionDemands: 'refuse-or-withdraw', interceptionStatutes: [], policies: [] },
    governmentRequests: [],
  });
  const transit = (services: string[]) => cellOf(messenger(services), 'call-content', 'US').pathways.find((p) => p.pathway === 'interception-in-transit');

  test('every word of the table has a reason, and the shipped samples use only words it classifies', () => {
    for (const [word, entry] of Object.entries(params.services.kinds)) {
      expect([word, entry.rationale.length > 5]).toEqual([word, true]);
      expect(word).toBe(word.toLowerCase());
    }
    for (const id of ['alpenpost-mail', 'brightroom-meet', 'quietline', 'rheinfunk-telekom', 'tandem-voice'])
      for (const s of sample(id).provider.services ?? []) expect([id, s, Object.hasOwn(params.services.kinds, s)]).toEqual([id, s, true]);
  });

  test('voice in a messenger does not bring in a mandate for telecom operators; telephony does; a word the table does not know leaves it open', () => {
    const voice = transit(['messaging', 'voice']);
    const telephony = transit(['messaging', 'voice', 'telephony']);
    const unknownWord = cellOf(messenger(['messaging', 'hologram-calls']), 'call-content', 'US');
    expect(telephony).toBeDefined();
    expect(telephony!.established).toBeGreaterThan(0);
    expect(voice?.worstCase ?? 0).toBe(0);
    const t = unknownWord.pathways.find((p) => p.pathway === 'interception-in-transit')!;
    expect(t.established).toBe(0);
    expect(t.worstCase).toBe(telephony!.worstCase);
  });
});
