import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { projectRoot } from '../paths.js';

export const openapiFile = path.join(projectRoot, 'openapi.yaml');

/** Inlined schema files keep their own `$id`/`$schema`; inside one document they would re-base `#` refs. */
function dropEmbeddedIds(node: unknown, isRoot: boolean): void {
  if (Array.isArray(node)) node.forEach((n) => dropEmbeddedIds(n, false));
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (!isRoot) {
      delete record.$id;
      delete record.$schema;
    }
    Object.values(record).forEach((n) => dropEmbeddedIds(n, false));
  }
}

/**
 * openapi.yaml `$ref`s the files in schemas/; bundling pulls them into one document
 * (external refs become internal) that Swagger UI and clients can load from one URL.
 */
export async function loadOpenApiDocument(file: string = openapiFile): Promise<object> {
  const doc = (await SwaggerParser.bundle(file)) as object;
  dropEmbeddedIds(doc, true);
  return doc;
}
