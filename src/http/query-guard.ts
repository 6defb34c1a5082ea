import type { RequestHandler } from 'express';
import { badRequest } from './http-error.js';

interface Parameter {
  name: string;
  in: string;
  $ref?: string;
}

type PathItem = Record<string, { parameters?: Parameter[] } | Parameter[] | undefined> & { parameters?: Parameter[] };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A local `$ref` (`#/components/parameters/basis`) of the bundled document, followed. */
function resolve(doc: object, p: Parameter): Parameter {
  if (!p.$ref) return p;
  const target = p.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return (target as Parameter | undefined) ?? p;
}

/**
 * The query parameters each documented operation takes, read from the OpenAPI document
 * (the path's own parameters and the operation's): a path template with the method, to the
 * names it accepts.
 */
export function queryParameters(openapi: object): { pattern: RegExp; method: string; names: Set<string> }[] {
  const paths = (openapi as { paths?: Record<string, PathItem> }).paths ?? {};
  return Object.entries(paths).flatMap(([template, item]) => {
    const pattern = new RegExp(
      `^${template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('')}/?$`,
    );
    const shared = (item.parameters ?? []).map((p) => resolve(openapi, p));
    return METHODS.filter((m) => item[m] !== undefined).map((method) => {
      const own = ((item[method] as { parameters?: Parameter[] }).parameters ?? []).map((p) => resolve(openapi, p));
      const names = new Set([...shared, ...own].filter((p) => p.in === 'query').map((p) => p.name));
      return { pattern, method: method.toUpperCase(), names };
    });
  });
}

/**
 * Unknown query parameters answer 400 problem+json, naming each one and what the operation
 * takes: a misspelt filter (`?categories=` for `?category=`) must not silently return the
 * unfiltered answer. What an operation takes is what openapi.yaml declares for it, so the
 * document and the service cannot drift apart. Mounted on `/v1`, so `path` is the part
 * after it; a path the document does not know is left to the 404/405 handler.
 */
export function unknownQueryGuard(openapi: object, prefix = '/v1'): RequestHandler {
  const operations = queryParameters(openapi);
  return (req, _res, next) => {
    const keys = Object.keys(req.query);
    if (keys.length === 0) return next();
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const path = prefix + req.path;
    const operation = operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) return next();
    const unknown = keys.filter((k) => !operation.names.has(k));
    if (unknown.length === 0) return next();
    const known = [...operation.names];
    throw badRequest(
      `Unknown query parameter${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')}. ${method} ${path} takes ${known.length ? known.join(', ') : 'no query parameters'}.`,
      { errors: unknown.map((parameter) => ({ pointer: '', parameter, keyword: 'additionalProperties', message: known.length ? `is not a query parameter of this operation (it takes ${known.join(', ')})` : 'is not a query parameter of this operation (it takes none)' })) },
    );
  };
}
