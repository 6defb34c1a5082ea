import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { jurisdictionsDir, loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters, modelParametersFile } from '../../src/policies/load-model-parameters.js';
import { PolicyFileError } from '../../src/policies/policy-file-error.js';

const registry = loadSchemaRegistry();
const REQUIRED = ['US', 'GB', 'EU', 'DE', 'FR', 'NL', 'LU', 'IE', 'SE', 'CH', 'CN', 'RU', 'IN', 'BR', 'AU', 'CA', 'JP', 'KR', 'TR', 'AE'];

describe('jurisdiction profiles', () => {
  const profiles = loadJurisdictions(registry);

  test('all shipped profiles load, covering the required set', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(20);
    expect(profiles.map((p) => p.code)).toEqual(expect.arrayContaining(REQUIRED));
  });

  test('an invalid profile is rejected with an error naming the file and the pointer', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jurisdictions-'));
    const us = JSON.parse(readFileSync(path.join(jurisdictionsDir, 'US.json'), 'utf8'));
    us.instruments[0].kind = 'telepathy';
    writeFileSync(path.join(dir, 'US.json'), JSON.stringify(us));
    expect(() => loadJurisdictions(registry, dir)).toThrow(PolicyFileError);
    expect(() => loadJurisdictions(registry, dir)).toThrow(/US\.json[\s\S]*\/instruments\/0\/kind/);
  });

  test('a profile whose code differs from its file name is rejected', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jurisdictions-'));
    writeFileSync(path.join(dir, 'GB.json'), readFileSync(path.join(jurisdictionsDir, 'US.json')));
    expect(() => loadJurisdictions(registry, dir)).toThrow(/GB\.json[\s\S]*\/code/);
  });
});

describe('model parameters', () => {
  test('the shipped parameters validate and name a version', () => {
    expect(loadModelParameters(registry).modelVersion).toMatch(/^exposure\/\d+\.\d+\.\d+$/);
  });

  test('a retention curve that falls is rejected, naming the file', () => {
    const p = JSON.parse(readFileSync(modelParametersFile, 'utf8'));
    p.retention.points[3].factor = 0.01;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'params-')), 'parameters.json');
    writeFileSync(file, JSON.stringify(p));
    expect(() => loadModelParameters(registry, file)).toThrow(/parameters\.json[\s\S]*\/retention\/points\/3\/factor/);
  });
});
