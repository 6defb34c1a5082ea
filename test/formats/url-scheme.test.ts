import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { validDeclaration } from '../support/service.js';

const registry = loadSchemaRegistry();

describe('URLs in declarations', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/x', 'file:///etc/passwd'])(
    'refuses %s as a website, with a pointer and a plain message',
    (url) => {
      const doc = validDeclaration();
      doc.provider.website = url;
      const result = checkDeclaration(registry, doc);
      expect(result.valid).toBe(false);
      if (!result.valid) expect(result.errors).toContainEqual({ pointer: '/provider/website', keyword: 'pattern', message: 'must be an http or https URL' });
    },
  );

  it.each(['https://example.org/privacy', 'HTTP://EXAMPLE.ORG/'])('accepts %s', (url) => {
    const doc = validDeclaration();
    doc.provider.website = url;
    doc.sources = [{ url }];
    expect(checkDeclaration(registry, doc).valid).toBe(true);
  });
});
