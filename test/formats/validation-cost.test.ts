import { describe, expect, it } from '@jest/globals';
import type { ErrorObject } from 'ajv';
import { issuesFromAjv } from '../../src/formats/ajv-issues.js';
import { JsonInputError, parseJsonDocument } from '../../src/formats/json-document.js';
import { appendErrorsInPlace, loadSchemaRegistry } from '../../src/formats/schema-registry.js';
import { semanticIssuesOfInvalid } from '../../src/formats/semantic-rules.js';
import { checkDeclaration, MAX_REPORTED_ISSUES } from '../../src/formats/validate-declaration.js';
import { validDeclaration } from '../support/service.js';

// Outside check of issue 5 found validation quadratic in the number of errors: Ajv copied
// the whole error list at every failing `$ref`, and the error post-processing compared
// every error with every other. 60 000 bad `sources` items (125 KB) blocked the event
// loop for 8 s; 1 MB for minutes. These tests would take minutes on that code.

const registry = loadSchemaRegistry();

// No timing asserts here (performance is the bench's job): a quadratic regression shows up as
// these tests running into Jest's timeout.

describe('the cost of an invalid document stays linear', () => {
  it('rewrites Ajv error concatenation into an in-place append', () => {
    const code = 'if(!(validate3(data))){vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);errors = vErrors.length;}';
    const out = appendErrorsInPlace(code);
    expect(out).not.toContain('.concat(');
    expect(out).toContain('vErrors.push(e$[i$])');
    expect(out).toContain('vErrors = e$.slice()');
  });

  it.each([
    ['100 000 failing sources items', (d: Record<string, any>) => (d.sources = Array(100_000).fill(1))],
    ['20 000 empty governmentRequests rows (5 errors each)', (d: Record<string, any>) => (d.governmentRequests = Array(20_000).fill({}))],
    ['20 000 rows with a process no anyOf branch takes', (d: Record<string, any>) => (d.governmentRequests = Array(20_000).fill({ process: 1 }))],
  ])('%s: validated in linear time, not in the seconds quadratic copying took', (_label, mutate) => {
    const doc = validDeclaration();
    mutate(doc);
    const validate = registry.validator('declaration');
    const valid = validate(doc);
    expect(valid).toBe(false);
    expect(validate.errors!.length).toBeGreaterThan(20_000);
    // Quadratic copying took ~4 s at 40 000 errors and grows with the square.
  });

  it('lists at most MAX_REPORTED_ISSUES problems, then says the list was cut', () => {
    const doc = validDeclaration();
    doc.governmentRequests = Array(20_000).fill({});
    const result = checkDeclaration(registry, doc);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(result.errors.filter((e) => e.keyword === 'maxErrors')).toEqual([{ pointer: '', keyword: 'maxErrors', message: expect.stringContaining(`${MAX_REPORTED_ISSUES}`) }]);
  });

  it('does not cut a list that fits', () => {
    const doc = validDeclaration();
    // Four required properties missing in each row (period, country, process, requests): exactly MAX_REPORTED_ISSUES problems.
    doc.governmentRequests = Array(MAX_REPORTED_ISSUES / 4).fill({});
    const result = checkDeclaration(registry, doc);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toHaveLength(MAX_REPORTED_ISSUES);
    expect(result.errors.every((e) => e.keyword === 'required' && /^\/governmentRequests\/\d+\/[a-z]+$/.test(e.pointer))).toBe(true);
  });

  it('issuesFromAjv keeps its meaning on many alternatives (linear grouping by path)', () => {
    const n = 30_000;
    const errors: ErrorObject[] = [];
    for (let i = 0; i < n; i++) {
      const at = `/rows/${i}/process`;
      errors.push(
        { instancePath: at, keyword: 'enum', schemaPath: '#/a/enum', params: { allowedValues: ['a', 'b'] } },
        { instancePath: at, keyword: 'const', schemaPath: '#/b/const', params: { allowedValue: 'all' } },
        { instancePath: at, keyword: 'anyOf', schemaPath: '#/anyOf', params: {} },
      );
    }
    // One alternative whose branch fits and fails inside: its inner error wins.
    errors.push(
      { instancePath: '/count/min', keyword: 'type', schemaPath: '#/x', params: { type: 'integer' }, message: 'must be integer' },
      { instancePath: '/count', keyword: 'type', schemaPath: '#/y', params: { type: 'integer' } },
      { instancePath: '/count', keyword: 'oneOf', schemaPath: '#/oneOf', params: {} },
    );
    const issues = issuesFromAjv(errors);
    expect(issues).toHaveLength(n + 1);
    expect(issues[0]).toEqual({ pointer: '/rows/0/process', keyword: 'enum', message: 'must be one of: "a", "b"; or must be "all"' });
    expect(issues[n]).toEqual({ pointer: '/count/min', keyword: 'type', message: 'must be integer' });
  });

  it('semantic issues inside values the schema rejected are left out without comparing every pair', () => {
    const doc = validDeclaration();
    doc.dataCategories.push({ category: 'location', collected: 'no' });
    doc.thirdParties = Array.from({ length: 20_000 }, (_, i) => ({ id: `tp-${i}`, name: 'x', relationship: 'processor', categories: ['location'] }));
    const schemaPointers = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? `/thirdParties/${i}/categories/0` : `/thirdParties/${i}/name`));
    const issues = semanticIssuesOfInvalid(doc, 'veritalk', schemaPointers);
    // Even rows: the schema already points at the category. Odd rows: the contradiction stays.
    expect(issues).toHaveLength(10_000);
    expect(issues.every((i) => i.keyword === 'contradiction' && /^\/thirdParties\/\d*[13579]\/categories\/0$/.test(i.pointer))).toBe(true);
    expect(semanticIssuesOfInvalid(doc, 'veritalk', ['/thirdParties'])).toEqual([]);
    expect(semanticIssuesOfInvalid(doc, 'veritalk', ['/thirdParties/7/categories/0/deeper'])).toHaveLength(19_999);
  });
});

describe('arrays longer than any format allows are refused before validation', () => {
  const refusal = (text: string) => {
    try {
      parseJsonDocument(text);
    } catch (error) {
      return error as JsonInputError;
    }
    return undefined;
  };

  it.each([
    ['a top-level array', `[${Array(20_001).fill(1).join(',')}]`, ''],
    ['a nested array', `{"sources":[${Array(20_001).fill(1).join(',')}]}`, '/sources'],
    ['an array inside an array', `{"a":[1,[${Array(20_001).fill('"x"').join(',')}]]}`, '/a/1'],
  ])('%s of 20 001 items: 422-kind refusal with keyword maxItems at the array', (_label, text, pointer) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(JsonInputError);
    expect(error).toMatchObject({ kind: 'refused', keyword: 'maxItems', pointer });
  });

  it.each([
    ['a top-level object', `{${Array.from({ length: 20_001 }, (_, i) => `"k${i}":0`).join(',')}}`, ''],
    ['an object in an array', `{"a":[1,{${Array.from({ length: 20_001 }, (_, i) => `"k${i}":0`).join(',')}}]}`, '/a/1'],
  ])('%s of 20 001 keys: refused with keyword maxKeys at the object, before JSON.parse builds it', (_label, text, pointer) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(JsonInputError);
    expect(error).toMatchObject({ kind: 'refused', keyword: 'maxKeys', pointer });
  });

  it.each([
    ['20 000 items', `[${Array(20_000).fill(1).join(',')}]`],
    ['commas inside strings do not count', `["${','.repeat(50_000)}"]`],
    ['20 000 keys in one object', `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":[1,2]`).join(',')}}`],
  ])('accepts %s', (_label, text) => {
    expect(refusal(text)).toBeUndefined();
  });
});

describe('the warnings of a valid document stay bounded', () => {
  const usRow = (start: string) => ({ period: { start, end: '2013-12-31' }, country: 'US', process: 'subpoena', requests: 5 });

  it('9 500 identical rows give one grouped duplicateRow warning, not 9 499', () => {
    const doc = validDeclaration();
    doc.governmentRequests = Array.from({ length: 9_500 }, () => usRow('2013-01-01'));
    const result = checkDeclaration(registry, doc);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    const duplicates = result.warnings.filter((w) => w.keyword === 'duplicateRow');
    expect(duplicates).toEqual([
      { pointer: '/governmentRequests/1', keyword: 'duplicateRow', message: 'same period, country and process as row 0; 9498 more rows repeat it (rows 2, 3, 4, 5, 6, …)' },
    ]);
  });

  it('one warning per repeated row key, and at most MAX_REPORTED_ISSUES warnings in all', () => {
    const doc = validDeclaration();
    // 3 000 distinct keys, each twice: 3 000 groups, cut to MAX_REPORTED_ISSUES plus one saying so.
    const starts = Array.from({ length: 3_000 }, (_, i) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    doc.governmentRequests = [...starts, ...starts].map(usRow);
    const result = checkDeclaration(registry, doc);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.warnings).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(result.warnings.filter((w) => w.keyword === 'maxErrors')).toHaveLength(1);
  });

  it('a single repetition names its row without a count', () => {
    const doc = validDeclaration();
    doc.governmentRequests = [usRow('2013-01-01'), usRow('2013-01-01')];
    const result = checkDeclaration(registry, doc);
    expect(result.valid && result.warnings.filter((w) => w.keyword === 'duplicateRow')).toEqual([
      { pointer: '/governmentRequests/1', keyword: 'duplicateRow', message: 'same period, country and process as row 0' },
    ]);
  });
});
