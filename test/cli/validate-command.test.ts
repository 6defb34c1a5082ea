import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { testService, validDeclaration } from '../support/service.js';
import { cli, tempFile } from './run-cli.js';

const pretty = (doc: unknown) => JSON.stringify(doc, null, 2);

function draftWithErrors(): string {
  const doc = validDeclaration();
  doc.dataCategories[0].retention = { kind: 'fixed', duration: 'P14m' };
  delete doc.provider.name;
  return pretty(doc);
}

describe('retention-atlas validate', () => {
  it('gives the same warnings as POST /v1/validate (the unanswered questions included)', async () => {
    const text = pretty(validDeclaration());
    const run = await cli('validate', '--json', tempFile('draft.json', text));
    const service = await testService();
    const api = await request(service.app).post('/v1/validate').set('content-type', 'application/json').send(text).expect(200);
    const fromCli = JSON.parse(run.out).files[0].warnings.map(({ pointer, keyword, message }: Record<string, string>) => ({ pointer, keyword, message }));
    expect(api.body.warnings.length).toBeGreaterThan(0);
    expect(fromCli).toEqual(expect.arrayContaining(api.body.warnings.map(({ pointer, keyword, message }: Record<string, string>) => ({ pointer, keyword, message }))));
    expect(fromCli).toHaveLength(api.body.warnings.length);
  });

  it('exits 0 and says valid for a valid draft', async () => {
    const file = tempFile('draft.json', pretty(validDeclaration()));
    const run = await cli('validate', file);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${file}: valid`);
  });

  it('reports every error with file:line:column, pointer and keyword, and exits 1', async () => {
    const text = draftWithErrors();
    const file = tempFile('draft.json', text);
    const run = await cli('validate', file);
    expect(run.code).toBe(1);
    const lines = run.out.trim().split('\n');
    // A missing member points at its parent ("provider" opens on line 3); anything else at its own key.
    const durationLine = text.split('\n').findIndex((l) => l.includes('"duration": "P14m"'));
    const durationColumn = text.split('\n')[durationLine].indexOf('"duration"') + 1;
    expect(lines[0]).toBe(`${file}:3:3: error: /provider/name: is required [required]`);
    expect(lines[1]).toMatch(new RegExp(`^${file}:${durationLine + 1}:${durationColumn}: error: /dataCategories/0/retention/duration: .*\\[format\\]$`));
    expect(lines.at(-1)).toBe(`${file}: invalid, 2 errors`);
  });

  it('points at the place where malformed JSON breaks', async () => {
    const file = tempFile('broken.json', '{\n  "format": "retention-declaration/1",\n  "provider": }\n');
    const run = await cli('validate', file);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`^${file}:3:15: error: \\(document\\): not valid JSON: Unexpected token '}' \\[parse\\]\n`));
  });

  it('checks several files, fails when any is invalid or unreadable, and gives JSON with --json', async () => {
    const good = tempFile('good.json', pretty(validDeclaration()));
    const bad = tempFile('bad.json', draftWithErrors());
    const run = await cli('validate', '--json', good, bad, '/nonexistent/draft.json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out);
    expect(report.valid).toBe(false);
    expect(report.files.map((f: { valid: boolean }) => f.valid)).toEqual([true, false, false]);
    expect(report.files[1].errors[0]).toEqual({ pointer: '/provider/name', keyword: 'required', message: 'is required', line: 3, column: 3 });
    expect(report.files[2].errors[0].keyword).toBe('read');
  });

  it('exits 0 for several valid files', async () => {
    const a = tempFile('a.json', pretty(validDeclaration('alpha')));
    const b = tempFile('b.json', pretty(validDeclaration('beta')));
    const run = await cli('validate', a, b);
    expect(run.code).toBe(0);
    expect(run.out).toContain('2 files checked: 2 valid, 0 invalid');
  });

  it('has --help, and usage errors exit non-zero', async () => {
    const help = await cli('validate', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: retention-atlas validate [options] <file...>');
    const missing = await cli('validate');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain("missing required argument 'file'");
  });
});

describe('retention-atlas validate: positions and odd files', () => {
  /** 1-based line and column of the first occurrence of `needle` in `text` (columns in characters). */
  function positionOf(text: string, needle: RegExp): string {
    const before = text.slice(0, needle.exec(text)!.index).replace(/^\uFEFF/, '');
    const lines = before.split(/\r?\n/);
    return `${lines.length}:${[...lines.at(-1)!].length + 1}`;
  }
  const broken = () => {
    const doc = validDeclaration();
    doc.provider.name = 'Ünïcødé ’ name';
    doc.dataCategories[0].collected = 'maybe';
    return doc;
  };

  it.each([
    ['pretty-printed', (doc: unknown) => pretty(doc)],
    ['minified', (doc: unknown) => JSON.stringify(doc)],
    ['CRLF with a BOM', (doc: unknown) => '\uFEFF' + pretty(doc).replace(/\n/g, '\r\n')],
  ])('gives the right line and column in a %s file', async (_kind, render) => {
    const text = render(broken());
    const file = tempFile('draft.json', text);
    const run = await cli('validate', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${file}:${positionOf(text, /"collected": ?"maybe"/)}: error: /dataCategories/0/collected: must be one of`);
  });

  it('calls an empty file empty, and sends unreadable paths to stderr; exit 1 when any file fails', async () => {
    const empty = tempFile('empty.json', '\n  \n');
    const good = tempFile('good.json', pretty(validDeclaration()));
    const dir = path.dirname(good);
    const run = await cli('validate', empty, good, dir, '/nonexistent/draft.json');
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${empty}:1:1: error: (document): the file is empty`);
    expect(run.out).toContain(`${good}: valid`);
    expect(run.out).toContain('4 files checked: 1 valid, 1 invalid, 2 unreadable');
    expect(run.err).toContain(`error: ${dir}: cannot read: is a directory, not a file`);
    expect(run.err).toContain('error: /nonexistent/draft.json: cannot read: no such file');
    expect(run.out).not.toContain('/nonexistent');
  });

  it('reports a semantic contradiction with its pointer and line', async () => {
    const doc = validDeclaration();
    doc.governmentRequests = [
      { period: { start: '2024-07-01', end: '2024-01-01' }, country: 'US', process: 'subpoena', requests: 1, accounts: 1 },
    ];
    const text = pretty(doc);
    const file = tempFile('draft.json', text);
    const run = await cli('validate', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${file}:${positionOf(text, /"period"/)}: error: /governmentRequests/0/period: period starts (2024-07-01) after it ends (2024-01-01) [periodOrder]`);
  });
});
