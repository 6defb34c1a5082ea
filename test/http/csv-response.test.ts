import { describe, expect, it } from '@jest/globals';
import express from 'express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { csvCell, sendTable, toCsv } from '../../src/http/csv-response.js';

const columns = [
  { header: 'name', value: (r: { name: string; n?: unknown }) => r.name },
  { header: 'n', value: (r: { name: string; n?: unknown }) => r.n },
];

describe('csv-response', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['plain', 'plain'],
    ['\n=1+1', "'\n=1+1"],
    ['  =1+1', "'  =1+1"],
    ['-5', "'-5"],
    ['a-b', 'a-b'],
  ])('guards the cell %j against formula injection', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('keeps numbers, joins lists and writes bands as JSON', () => {
    // Numbers cannot carry a formula, so they stay numbers; the text "-5" is guarded like any text.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(['a', 'b'])).toBe('a; b');
    expect(csvCell({ min: 0, max: 249 })).toBe('{"min":0,"max":249}');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and newlines so a CSV parser reads the cells back', () => {
    const rows = [{ name: 'a, b', n: 1 }, { name: 'say "hi"', n: 2 }, { name: 'two\nlines', n: 3 }];
    const text = toCsv(columns, rows);
    expect(text.startsWith('name,n\r\n')).toBe(true);
    expect(parse(text, { columns: true })).toEqual(rows.map((r) => ({ name: r.name, n: String(r.n) })));
  });

  it('answers CSV only when asked, JSON otherwise', async () => {
    const app = express();
    app.get('/t', (req, res) => sendTable(req, res, { columns, rows: [{ name: 'x', n: 1 }], json: { items: [{ name: 'x', n: 1 }] }, filename: 'things' }));
    const csv = await request(app).get('/t').set('accept', 'text/csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toBe('attachment; filename=things.csv');
    expect(csv.headers.vary).toMatch(/Accept/);
    expect(csv.text).toBe('name,n\r\nx,1\r\n');
    const json = await request(app).get('/t');
    expect(json.body).toEqual({ items: [{ name: 'x', n: 1 }] });
    const either = await request(app).get('/t').set('accept', 'application/json, text/csv;q=0.5');
    expect(either.headers['content-type']).toMatch(/json/);
  });
});
