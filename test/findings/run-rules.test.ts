import { describe, expect, it } from '@jest/globals';
import type { Rule } from '../../src/findings/rule.js';
import { runRules } from '../../src/findings/run-rules.js';
import { validDeclaration } from '../support/service.js';

const rule = (id: string, severity: Rule['severity'], results: ReturnType<Rule['check']>): Rule => ({ id, severity, description: id, check: () => results });

describe('runRules', () => {
  it('escapes pointers, removes duplicates and sorts by severity, rule and pointer', () => {
    const ctx = { declaration: validDeclaration() as never, changes: [], jurisdictions: [], contentCategories: new Set<string>() };
    const findings = runRules(
      [
        rule('b-info', 'info', [{ message: 'm', paths: [['a/b', 'c~d']] }]),
        rule('z-error', 'error', [
          { message: 'second', paths: [['x', 2]] },
          { message: 'first', paths: [['x', 1], ['x', 1]] },
          { message: 'first', paths: [['x', 1]] },
        ]),
      ],
      ctx,
    );
    expect(findings).toEqual([
      { rule: 'z-error', severity: 'error', kind: 'document', message: 'first', pointers: ['/x/1'] },
      { rule: 'z-error', severity: 'error', kind: 'document', message: 'second', pointers: ['/x/2'] },
      { rule: 'b-info', severity: 'info', kind: 'document', message: 'm', pointers: ['/a~1b/c~0d'] },
    ]);
  });

  it("gives every finding its rule's kind: a fault of the document unless the rule says it reports a disclosure", () => {
    const ctx = { declaration: validDeclaration() as never, changes: [], jurisdictions: [], contentCategories: new Set<string>() };
    const reveals: Rule = { ...rule('reveals', 'info', [{ message: 'm', paths: [] }]), kind: 'disclosure' };
    expect(runRules([reveals], ctx)).toEqual([expect.objectContaining({ rule: 'reveals', kind: 'disclosure' })]);
  });
});
