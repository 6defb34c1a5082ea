import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkDeclarationText } from '../../src/formats/check-declaration-text.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { projectRoot } from '../../src/paths.js';

const guide = readFileSync(path.join(projectRoot, 'docs/declaration-guide.md'), 'utf8');
const example = readFileSync(path.join(projectRoot, 'policies/providers/tandem-voice.json'), 'utf8');

describe('the field guide (docs/declaration-guide.md)', () => {
  it('its worked example validates without errors or warnings', () => {
    const check = checkDeclarationText(loadSchemaRegistry(), example);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('the example has what the guide promises: a licensee in China that ships the client, per-country and worldwide figures, an encryption answer', () => {
    const d = JSON.parse(example);
    expect(d.thirdParties).toEqual(expect.arrayContaining([expect.objectContaining({ relationship: 'licensee', jurisdiction: 'CN', distributesClient: true })]));
    const countries = new Set(d.governmentRequests.map((r: { country: string }) => r.country));
    expect(countries.has('001')).toBe(true);
    expect([...countries].filter((c) => c !== '001').length).toBeGreaterThan(0);
    expect(d.legalProcess.encryptionDemands).toBeDefined();
  });

  it('every JSON fragment it quotes is found in the example, and every file it links exists', () => {
    const d = JSON.parse(example);
    const licensee = d.thirdParties.find((t: { id: string }) => t.id === 'jade-harbor-online');
    expect(guide).toContain(JSON.stringify(licensee.categories).replace(/","/g, '", "'));
    for (const [, link] of guide.matchAll(/\]\((\.\.\/[^)#]+)\)/g)) expect(() => readFileSync(path.join(projectRoot, 'docs', link))).not.toThrow();
  });
});
