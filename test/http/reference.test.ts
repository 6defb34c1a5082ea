import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { parse } from 'yaml';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { openApiResponseValidator } from '../support/openapi-validator.js';
import { testService } from '../support/service.js';

let check: Awaited<ReturnType<typeof openApiResponseValidator>>;
beforeAll(async () => {
  check = await openApiResponseValidator();
});

describe('reference data', () => {
  it('lists the 13 taxonomy categories with their kind', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/categories').expect(200);
    check('get', '/v1/categories', res);
    expect(res.body.categories).toHaveLength(13);
    const content = res.body.categories.filter((c: { kind: string }) => c.kind === 'content').map((c: { id: string }) => c.id);
    expect(content).toEqual(['profile-content', 'message-content', 'call-content', 'stored-files']);
  });

  it('serves each JSON Schema by name, with or without the suffix', async () => {
    const { app } = await testService();
    const res = await request(app).get('/v1/schemas/declaration').expect(200);
    check('get', '/v1/schemas/{name}', res);
    expect(JSON.parse(res.text).$id).toMatch(/declaration\.schema\.json$/);
    const common = await request(app).get('/v1/schemas/common.schema.json').expect(200);
    expect(JSON.parse(common.text).$defs.jurisdiction).toBeDefined();
    const missing = await request(app).get('/v1/schemas/nope');
    expect(missing.status).toBe(404);
    check('get', '/v1/schemas/{name}', missing);
    const list = await request(app).get('/v1/schemas').expect(200);
    check('get', '/v1/schemas', list);
    expect(list.body.schemas.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['declaration', 'common']));
  });

  it('answers /healthz', async () => {
    const { app } = await testService();
    const res = await request(app).get('/healthz').expect(200);
    check('get', '/healthz', res);
  });
});

describe('API documentation', () => {
  it('serves the OpenAPI 3.1 document as JSON and YAML, with the schema files bundled in', async () => {
    const { app } = await testService();
    const json = await request(app).get('/openapi.json').expect(200);
    expect(json.body.openapi).toBe('3.1.0');
    expect(json.body.components.schemas.Declaration.properties.dataCategories).toBeDefined();
    expect(JSON.stringify(json.body)).not.toContain('.schema.json#');
    const yaml = await request(app).get('/openapi.yaml').expect(200);
    expect(parse(yaml.text)).toEqual(json.body);
  });

  it('serves Swagger UI at /docs pointing at the document', async () => {
    const { app } = await testService();
    const page = await request(app).get('/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
    const init = await request(app).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/openapi.json');
  });

  it('documents every example body as a valid declaration', async () => {
    const registry = loadSchemaRegistry();
    const doc = parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')));
    const examples = Object.entries(doc.components.examples as Record<string, { value: unknown }>).filter(([name]) => name.endsWith('Declaration'));
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, example] of examples) {
      const result = checkDeclaration(registry, example.value);
      expect({ name, valid: result.valid }).toEqual({ name, valid: true });
    }
  });
});
