import { expect } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { checkDeclaration, type CheckOptions, type DeclarationCheck } from '../../src/formats/validate-declaration.js';

/** Compiled once for every test file that imports this module. */
export const registry = loadSchemaRegistry();

export type Doc = Record<string, any>;

/**
 * A valid declaration that touches every object of the format, so a table row can
 * break exactly one thing at any level and expect exactly one error.
 */
export function validDeclaration(): Doc {
  return {
    format: 'retention-declaration/1',
    provider: {
      id: 'acme-chat',
      name: 'Acme Chat',
      headquarters: 'US',
      establishments: ['US', 'EU'],
      services: ['voice', 'messaging'],
      website: 'https://acme-chat.example',
      sources: [{ url: 'https://acme-chat.example/about', title: 'About', accessed: '2024-01-15' }],
    },
    asOf: '2024-01-01',
    dataCategories: [
      {
        category: 'subscriber-info',
        collected: 'yes',
        description: 'Name and e-mail address.',
        purposes: ['service-delivery', 'billing'],
        retention: { kind: 'fixed', duration: 'P30D' },
        storageLocations: ['US', 'DE'],
        protection: { inTransit: 'transport', atRest: 'provider-managed' },
        interception: [{ party: 'network-operator', capability: 'observe', note: 'Sees connections.' }],
        sources: [{ url: 'https://acme-chat.example/privacy' }],
      },
      { category: 'message-content', collected: 'no', retention: { kind: 'none' } },
      { category: 'usage-analytics', collected: 'yes' },
    ],
    thirdParties: [
      {
        id: 'local-operator',
        name: 'Local Operator Ltd',
        relationship: 'licensee',
        jurisdiction: 'CN',
        categories: ['subscriber-info'],
        capabilities: ['keyword-filtering'],
        description: 'Runs the service locally.',
        sources: [{ url: 'https://research.example/report' }],
      },
    ],
    legalProcess: {
      guidelinesUrl: 'https://acme-chat.example/le',
      liveInterception: 'not-supported',
      interceptionStatutes: [{ statute: 'CALEA', jurisdiction: 'US', position: 'not-subject', explanation: 'Not a carrier.' }],
      policies: [
        { process: 'subpoena', jurisdiction: 'US', categories: ['subscriber-info'], userNotification: 'unless-prohibited', requiresJudicialReview: false },
      ],
      sources: [{ url: 'https://acme-chat.example/le' }],
    },
    governmentRequests: [
      {
        period: { start: '2023-01-01', end: '2023-06-30' },
        country: 'US',
        process: 'all',
        requests: 100,
        accounts: 150,
        outcomes: { contentDisclosed: 0, nonContentOnly: 40, noDataFound: 30, rejected: 30 },
        percentDisclosed: 40,
        rejectionBases: [{ basis: 'overbroad', count: 30 }],
        categoriesRequested: ['subscriber-info'],
        sources: [{ url: 'https://acme-chat.example/transparency' }],
      },
    ],
    sources: [{ url: 'https://acme-chat.example/declaration', title: 'Declaration' }],
  };
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Doc, pointer: string): [any, string] {
  const path = tokens(pointer);
  const last = path.pop();
  if (last === undefined) throw new Error('cannot address the root');
  let node: any = doc;
  for (const t of path) {
    if (node === null || typeof node !== 'object' || !(t in node)) throw new Error(`fixture has no ${pointer}`);
    node = node[t];
  }
  return [node, last];
}

/** Sets the value at an RFC 6901 pointer (the parent must exist). */
export function setAt(doc: Doc, pointer: string, value: unknown): Doc {
  const [parent, key] = parentOf(doc, pointer);
  parent[key] = value;
  return doc;
}

/** Removes the property at an RFC 6901 pointer (which must exist, so a typo in a table fails loudly). */
export function removeAt(doc: Doc, pointer: string): Doc {
  const [parent, key] = parentOf(doc, pointer);
  if (!(key in parent)) throw new Error(`fixture has no ${pointer}`);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return doc;
}

export function getAt(doc: Doc, pointer: string): any {
  let node: any = doc;
  for (const t of tokens(pointer)) node = node?.[t];
  return node;
}

export function check(doc: unknown, options: CheckOptions = {}): DeclarationCheck {
  return checkDeclaration(registry, doc, { today: '2025-01-01', ...options });
}

export interface Expected {
  pointer: string;
  /** Omitted where the keyword is an artefact of anyOf/oneOf merging rather than the rule under test. */
  keyword?: string;
}

/**
 * Asserts the document is rejected with errors at exactly the expected pointers,
 * each carrying the expected keyword, and every error well formed.
 */
export function expectErrors(result: DeclarationCheck, expected: Expected[]): void {
  if (result.valid) throw new Error(`expected errors at ${expected.map((e) => e.pointer).join(', ')}, but the document was valid`);
  for (const e of result.errors) {
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
  const pointers = [...new Set(result.errors.map((e) => e.pointer))].sort();
  expect(pointers).toEqual([...new Set(expected.map((e) => e.pointer))].sort());
  for (const want of expected.filter((e) => e.keyword !== undefined)) {
    expect(result.errors).toContainEqual(expect.objectContaining({ pointer: want.pointer, keyword: want.keyword }));
  }
}

export function expectValid(result: DeclarationCheck): void {
  if (!result.valid) throw new Error(`expected a valid document, got ${JSON.stringify(result.errors, null, 1)}`);
}
