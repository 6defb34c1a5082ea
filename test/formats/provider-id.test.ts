import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PROVIDER_ID, isProviderId } from '../../src/formats/provider-id.js';
import { projectRoot } from '../../src/paths.js';

describe('the provider id pattern', () => {
  it('is the slug pattern of the schemas', () => {
    const common = JSON.parse(readFileSync(path.join(projectRoot, 'schemas/common.schema.json'), 'utf8'));
    expect(PROVIDER_ID.source).toBe(common.$defs.slug.pattern);
  });

  it.each([
    ['veritalk', true],
    ['a1', true],
    ['x', false],
    ['-lead', false],
    ['Upper', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
  ])('%s → %s', (id, ok) => expect(isProviderId(id)).toBe(ok));
});
