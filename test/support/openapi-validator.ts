import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { loadOpenApiDocument } from '../../src/http/openapi-document.js';
import { escapeToken } from '../../src/formats/json-pointer.js';

type Doc = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>; components: Record<string, Record<string, unknown>> };

export interface ResponseLike {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  text: string;
}

/**
 * Checks real responses against openapi.yaml, so the document cannot drift from the
 * code: the route must be documented, the status listed and the body valid.
 */
export async function openApiResponseValidator() {
  const doc = (await loadOpenApiDocument()) as Doc;
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
  formats.default(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi' });

  const resolve = (node: unknown): Record<string, unknown> => {
    let n = node as Record<string, unknown>;
    while (n && typeof n.$ref === 'string' && n.$ref.startsWith('#/')) {
      n = n.$ref
        .slice(2)
        .split('/')
        .map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<Record<string, unknown>>((acc, key) => acc[key] as Record<string, unknown>, doc as unknown as Record<string, unknown>);
    }
    return n;
  };

  return function assertMatches(method: string, pathTemplate: string, res: ResponseLike): void {
    const operation = doc.paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${pathTemplate} is not documented`);
    const response = resolve(operation.responses?.[String(res.status)]);
    if (!response) throw new Error(`${method} ${pathTemplate}: status ${res.status} is not documented`);
    const contentType = (res.headers['content-type'] ?? '').split(';')[0].trim();
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    if (!content) return;
    const media = content[contentType];
    if (!media) throw new Error(`${method} ${pathTemplate} ${res.status}: content type "${contentType}" is not documented (${Object.keys(content).join(', ')})`);
    if (!media.schema) return;
    const pointer = ['paths', pathTemplate, method.toLowerCase(), 'responses', String(res.status)].map(escapeToken).join('/');
    const responseRef = (operation.responses?.[String(res.status)] as { $ref?: string }).$ref;
    const base = responseRef ? responseRef.slice(1) : '/' + pointer;
    const schemaRef = `openapi#${base}/content/${escapeToken(contentType)}/schema`;
    const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
    const body = contentType.endsWith('json') ? (res.body && Object.keys(res.body as object).length ? res.body : JSON.parse(res.text)) : res.text;
    if (!validate(body)) throw new Error(`${method} ${pathTemplate} ${res.status} does not match openapi.yaml: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
  };
}
