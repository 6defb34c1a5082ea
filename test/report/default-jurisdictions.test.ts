import { describe, expect, it } from '@jest/globals';
import type { Declaration } from '../../src/formats/types.generated.js';
import { defaultJurisdictions } from '../../src/report/default-jurisdictions.js';

const profiles = ['AE', 'CN', 'DE', 'EE', 'GB', 'LU', 'RU', 'US'];
const cell = (jurisdiction: string, established: number, worstCase: number) => ({ jurisdiction, established, worstCase });
const declaration = (provider: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ provider: { id: 'x', name: 'X', ...provider }, dataCategories: [], ...extra }) as unknown as Declaration;

describe('the default columns of a wide table', () => {
  it('start with the places the declaration names, then the most exposed columns, in profile order, at most max', () => {
    const d = declaration({ headquarters: 'LU', establishments: ['US'] }, { thirdParties: [{ id: 'p', jurisdiction: 'CN' }] });
    const cells = [cell('AE', 0, 10), cell('RU', 50, 90), cell('GB', 0, 95), cell('DE', 0, 5), cell('LU', 0, 0), cell('US', 0, 0), cell('CN', 0, 0)];
    // RU: 2×50 + 90 = 190 before GB: 95.
    expect(defaultJurisdictions([d], cells, profiles, 4)).toEqual(['CN', 'LU', 'RU', 'US']);
    expect(defaultJurisdictions([d], cells, profiles, 5)).toEqual(['CN', 'GB', 'LU', 'RU', 'US']);
  });

  it('ignore codes without a profile and worldwide, and fall back to the profile order on ties', () => {
    const d = declaration({ headquarters: 'ZZ', establishments: ['001'] });
    expect(defaultJurisdictions([d], [cell('GB', 0, 100), cell('AE', 0, 100), cell('EE', 0, 100)], profiles, 2)).toEqual(['AE', 'EE']);
  });

  it('take the places of every provider compared', () => {
    expect(defaultJurisdictions([declaration({ headquarters: 'EE' }), declaration({ headquarters: 'DE' })], [], profiles)).toEqual(['DE', 'EE']);
  });
});
