import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkDeclarationText } from '../../src/formats/check-declaration-text.js';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { projectRoot } from '../../src/paths.js';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const template = readFileSync(path.join(projectRoot, 'docs/examples/draft.json'), 'utf8');

describe("the README's first steps", () => {
  it('start the server with an admin key and say how to stop it', () => {
    const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('Run the tests'));
    expect(setUp.indexOf('export ADMIN_API_KEY')).toBeLessThan(setUp.indexOf('npm start'));
    expect(setUp).toMatch(/stop it with\s+Ctrl-C/);
  });

  it('publish the template draft, which is a valid declaration for the id the curl line uses', () => {
    expect(readme).toContain('cp docs/examples/draft.json draft.json');
    const check = checkDeclarationText(loadSchemaRegistry(), template);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    const id = JSON.parse(template).provider.id as string;
    expect(readme).toContain(`/v1/providers/${id}/declarations`);
  });
});
