import { describe, expect, it } from '@jest/globals';
import { loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { renderScore, renderValidation, type DraftDeps } from '../../src/http/draft-thread/draft-answers.js';
import { loadJurisdictions } from '../../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../../src/policies/load-model-parameters.js';
import { largestDeclaration } from '../support/largest-declaration.mjs';

const registry = loadSchemaRegistry();
const policy = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const deps: DraftDeps = { registry, policy, check: (doc, providerId) => checkDeclaration(registry, doc, { providerId, today: '2026-01-01' }) };
const query = { model: { jurisdictions: [], categories: [] }, lawDate: '2026-01-01', explain: 'summary' as const, csv: false, today: '2026-01-01' };

/**
 * A declaration of request rows over every country whose rows count each read of their
 * fields: the work a draft answer does per row, whatever the code reading them.
 */
function counted(bytes: number): { doc: Record<string, unknown>; rows: number; reads: () => number } {
  const doc = JSON.parse(largestDeclaration('counted-co', bytes, { sections: 'rows' })) as { governmentRequests: object[] };
  let reads = 0;
  doc.governmentRequests = doc.governmentRequests.map(
    (row) =>
      new Proxy(row, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver);
        },
      }),
  );
  return { doc, rows: doc.governmentRequests.length, reads: () => reads };
}

describe('the work of a draft answer grows linearly with its request rows', () => {
  it.each([
    ['score (check, findings, matrix, answer)', (doc: unknown) => renderScore(deps, doc, undefined, query)],
    ['validate (check, findings, answer)', (doc: unknown) => renderValidation(deps, deps.check(doc), undefined, '2026-01-01')],
  ])('%s: twice the rows, about twice the row reads', (_name, answer) => {
    const small = counted(100 * 1024);
    const large = counted(200 * 1024);
    expect(large.rows).toBeGreaterThan(1.9 * small.rows);
    answer(small.doc);
    answer(large.doc);
    // Reads per row stay the same (a quadratic path would read each row once per other row).
    const perRow = [small.reads() / small.rows, large.reads() / large.rows];
    expect(perRow[0]).toBeGreaterThan(1);
    expect(perRow[1]).toBeLessThan(perRow[0] * 1.25);
  });
});
