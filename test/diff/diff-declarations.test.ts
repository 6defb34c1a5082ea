import { describe, expect, it } from '@jest/globals';
import { diffDeclarations } from '../../src/diff/diff-declarations.js';
import { compareRetention } from '../../src/diff/retention-order.js';
import type { Declaration, Retention } from '../../src/formats/types.generated.js';
import { validDeclaration } from '../support/service.js';

const diff = (a: Record<string, any>, b: Record<string, any>) => diffDeclarations(a as Declaration, b as Declaration);

describe('compareRetention', () => {
  const order: Retention[] = [
    { kind: 'none' },
    { kind: 'fixed', duration: 'P30D' },
    { kind: 'fixed', duration: 'P1Y' },
    { kind: 'until-event', event: 'account-deletion' },
    { kind: 'until-event', event: 'account-deletion', after: 'P90D' },
    { kind: 'indefinite' },
  ];
  it.each(order.slice(1).map((r, i) => [order[i], r]))('%j < %j', (shorter, longer) => {
    expect(compareRetention(shorter, longer)).toBe(-1);
    expect(compareRetention(longer, shorter)).toBe(1);
  });
  it('indefinite = undisclosed = left out', () => {
    expect(compareRetention({ kind: 'indefinite' }, { kind: 'undisclosed' })).toBe(0);
    expect(compareRetention(undefined, { kind: 'undisclosed' })).toBe(0);
    expect(compareRetention({ kind: 'fixed', duration: 'P12M' }, { kind: 'fixed', duration: 'P1Y' })).toBe(0);
  });
});

describe('diffDeclarations', () => {
  it('finds nothing between equal versions', () => {
    expect(diff(validDeclaration(), validDeclaration())).toEqual([]);
  });

  it('matches categories and third parties by id, not by position', () => {
    const before = validDeclaration();
    before.thirdParties = [
      { id: 'a', name: 'A', relationship: 'processor' },
      { id: 'b', name: 'B', relationship: 'partner' },
    ];
    const after = validDeclaration();
    after.dataCategories.reverse();
    after.thirdParties = [
      { id: 'b', name: 'B', relationship: 'affiliate' },
      { id: 'c', name: 'C', relationship: 'processor' },
    ];
    expect(diff(before, after)).toEqual([
      { pointer: '/thirdParties/0/relationship', kind: 'changed', before: 'partner', after: 'affiliate' },
      { pointer: '/thirdParties/1', kind: 'added', after: after.thirdParties[1] },
      { pointer: '/thirdParties/0', kind: 'removed', before: before.thirdParties[0] },
    ]);
  });

  it('ranks retention and protection changes', () => {
    const before = validDeclaration();
    const after = validDeclaration();
    after.dataCategories[0].retention = { kind: 'fixed', duration: 'P7D' };
    after.dataCategories[1].retention = { kind: 'fixed', duration: 'P1Y' };
    after.dataCategories[1].protection = { inTransit: 'transport', atRest: 'end-to-end' };
    after.dataCategories[0].protection.atRest = 'end-to-end';
    expect(diff(before, after)).toEqual([
      { pointer: '/dataCategories/0/retention', kind: 'retention-shortened', before: before.dataCategories[0].retention, after: after.dataCategories[0].retention },
      { pointer: '/dataCategories/0/protection/atRest', kind: 'protection-strengthened', before: 'provider-managed', after: 'end-to-end' },
      { pointer: '/dataCategories/1/retention', kind: 'retention-lengthened', before: { kind: 'none' }, after: { kind: 'fixed', duration: 'P1Y' } },
      { pointer: '/dataCategories/1/protection/inTransit', kind: 'protection-weakened', before: 'end-to-end', after: 'transport' },
    ]);
  });

  it('matches request rows by period, country and process, policies by process and jurisdiction', () => {
    const row = { period: { start: '2023-01-01', end: '2023-06-30' }, country: 'DE', process: 'all', requests: 5, accounts: 5 };
    const before: Record<string, any> = { ...validDeclaration(), governmentRequests: [row, { ...row, country: 'FR' }] };
    before.legalProcess.policies = [{ process: 'subpoena', jurisdiction: 'US', categories: ['subscriber-info'], userNotification: 'always' }];
    const after: Record<string, any> = { ...validDeclaration(), governmentRequests: [{ ...row, country: 'FR' }, { ...row, requests: 7 }] };
    after.legalProcess.policies = [{ process: 'subpoena', jurisdiction: 'US', categories: ['subscriber-info'], userNotification: 'never' }];
    expect(diff(before, after)).toEqual([
      { pointer: '/legalProcess/policies/0/userNotification', kind: 'changed', before: 'always', after: 'never' },
      { pointer: '/governmentRequests/1/requests', kind: 'changed', before: 5, after: 7 },
    ]);
  });

  it('reads lists of words and of sources as sets: another order is no change', () => {
    const before = validDeclaration();
    before.dataCategories[0].storageLocations = ['LU', 'DE', 'FR'];
    before.dataCategories[0].purposes = ['billing', 'security'];
    before.sources = [{ url: 'https://a.example' }, { url: 'https://b.example', title: 'B' }];
    before.dataCategories[1].interception = [{ party: 'network-operator', capability: 'none' }, { party: 'attacker', capability: 'none' }];
    const after = validDeclaration();
    after.provider.establishments = ['US', 'LU'];
    after.dataCategories[0].storageLocations = ['FR', 'LU', 'DE'];
    after.dataCategories[0].purposes = ['security', 'billing'];
    after.sources = [{ title: 'B', url: 'https://b.example' }, { url: 'https://a.example' }];
    after.dataCategories[1].interception = [{ capability: 'none', party: 'attacker' }, { party: 'network-operator', capability: 'none' }];
    expect(diff(before, after)).toEqual([]);
    after.dataCategories[0].storageLocations = ['FR', 'LU', 'CN'];
    expect(diff(before, after)).toEqual([
      { pointer: '/dataCategories/0/storageLocations', kind: 'changed', before: ['LU', 'DE', 'FR'], after: ['FR', 'LU', 'CN'] },
    ]);
  });
});
