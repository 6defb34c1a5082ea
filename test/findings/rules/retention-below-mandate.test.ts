import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../../src/formats/schema-registry.js';
import { retentionBelowMandate } from '../../../src/findings/rules/retention-below-mandate.js';
import { validDeclaration } from '../../support/service.js';
import { profileWithMandate, runRule, type RuleCase } from '../rule-harness.js';

function withLogs(retention: object, storageLocations: unknown = ['XX'], hq = 'US', establishments: unknown = ['US']) {
  const doc = validDeclaration();
  doc.provider.headquarters = hq;
  doc.provider.establishments = establishments;
  doc.dataCategories.push({ category: 'connection-logs', collected: 'yes', retention, storageLocations });
  return doc;
}

const cases: RuleCase[] = [
  {
    name: 'fixed retention shorter than a mandate where the data is stored',
    document: withLogs({ kind: 'fixed', duration: 'P30D' }, ['FR']),
    jurisdictions: [profileWithMandate('FR', {})],
    expected: [{ severity: 'error', jurisdiction: 'FR', pointers: ['/dataCategories/2/retention'], message: expect.stringContaining('Data Retention Act') as unknown as string }],
  },
  {
    name: '"none" where the provider is established',
    document: withLogs({ kind: 'none' }, ['US'], 'US', ['US', 'DE']),
    jurisdictions: [profileWithMandate('DE', {})],
    expected: [{ jurisdiction: 'DE', pointers: ['/dataCategories/2/retention'] }],
  },
  {
    name: 'a member state of a union reaches the union mandate',
    document: withLogs({ kind: 'fixed', duration: 'P1M' }, ['SE']),
    jurisdictions: [profileWithMandate('EU', {}, { memberStates: { members: [{ code: 'SE', from: '1995-01-01' }, { code: 'DE', from: '1958-01-01' }], sources: [{ url: 'https://example.org', title: 'EU', kind: 'official', verified: false }] } })],
    expected: [{ jurisdiction: 'EU' }],
  },
  { name: 'as long as the mandate', document: withLogs({ kind: 'fixed', duration: 'P6M' }, ['FR']), jurisdictions: [profileWithMandate('FR', {})], expected: [] },
  { name: 'longer than the mandate (P1Y vs P6M)', document: withLogs({ kind: 'fixed', duration: 'P1Y' }, ['FR']), jurisdictions: [profileWithMandate('FR', {})], expected: [] },
  { name: 'a mandate that is struck down', document: withLogs({ kind: 'none' }, ['FR']), jurisdictions: [profileWithMandate('FR', { inForce: { from: '2020-01-01', until: '2022-04-20', ended: 'struck-down' } })], expected: [] },
  { name: 'a mandate that enters into force after the declaration\'s asOf (P12)', document: withLogs({ kind: 'none' }, ['FR']), jurisdictions: [profileWithMandate('FR', { inForce: { from: '2099-01-01' } })], expected: [] },
  { name: 'a mandate whose entry into force is not known binds no one for a finding', document: withLogs({ kind: 'none' }, ['FR']), jurisdictions: [profileWithMandate('FR', { inForce: { from: 'unknown' } })], expected: [] },
  { name: 'a mandate for other categories', document: withLogs({ kind: 'none' }, ['FR']), jurisdictions: [profileWithMandate('FR', { categories: ['location'] })], expected: [] },
  { name: 'no presence in the jurisdiction', document: withLogs({ kind: 'none' }, ['JP']), jurisdictions: [profileWithMandate('FR', {})], expected: [] },
  { name: 'retention until an event promises no maximum', document: withLogs({ kind: 'until-event', event: 'account-deletion' }, ['FR']), jurisdictions: [profileWithMandate('FR', {})], expected: [] },
];

describe('rule retention-below-mandate', () => {
  it.each(cases)('$name', (c) => {
    expect(runRule(retentionBelowMandate, c)).toEqual(c.expected.map((e) => expect.objectContaining(e)));
  });

  it('test profiles have the shape of jurisdiction.schema.json', () => {
    const validate = loadSchemaRegistry().validator('jurisdiction');
    expect(validate(profileWithMandate('FR', {}))).toBe(true);
  });
});
