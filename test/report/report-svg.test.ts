import { describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Cell } from '../../src/scoring/index.js';
import { badgeSvg } from '../../src/report/badge-svg.js';
import { exposureGrid } from '../../src/report/exposure-grid.js';
import { heatmapSvg } from '../../src/report/heatmap-svg.js';
import { plainText, truncate } from '../../src/report/html.js';

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)></title>&amp;'`;
const GRADES = [
  { grade: 'A', below: 10 },
  { grade: 'B', below: 25 },
  { grade: 'C', below: 40 },
  { grade: 'D', below: 55 },
  { grade: 'E', below: 70 },
  { grade: 'F', below: null },
];

function cell(category: string, jurisdiction: string, score: number): Cell {
  return {
    category,
    jurisdiction,
    established: score,
    worstCase: score,
    score,
    grade: 'C',
    establishedGrade: 'C',
    unknowns: [],
    pathways: [{ pathway: 'compelled-provider', established: score, worstCase: score, score, explanation: `third party ${HOSTILE} \u202Ereversed` }],
  } as unknown as Cell;
}

const labels = { category: (id: string) => `${id} ${HOSTILE}`, jurisdiction: (c: string) => c };
const xml = new XMLParser({ ignoreAttributes: false });

describe('heatmap SVG', () => {
  const cells = ['subscriber-info', 'message-content', 'location'].flatMap((c, i) => ['CN', 'US', 'DE', 'RU'].map((j, k) => cell(c, j, i * 30 + k * 5)));
  const svg = heatmapSvg(exposureGrid(cells), labels, { provider: `${HOSTILE}\u202E`, asOf: '2024-06-30', modelVersion: 'exposure/1.0.0' }, GRADES).text;

  it('is well-formed XML with one rect per cell, ten legend steps and a band per grade', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.match(/<rect class="cell"/g)).toHaveLength(12);
    expect(svg.match(/<rect class="legend-step"/g)).toHaveLength(10);
    expect(svg.match(/<g class="grade-band">/g)).toHaveLength(6);
    expect(svg).toContain('<title>grade F: 70–100</title>');
    expect(svg).toContain('<title>grade A: 0–10</title>');
  });

  it('says whose exposure it shows, from when and under which model, so a cropped screenshot still explains itself', () => {
    expect(svg).toContain('declaration as of 2024-06-30');
    expect(svg).toContain('model exposure/1.0.0');
    expect(svg).toMatch(/<title id="heatmap-title">&lt;script&gt;.*: exposure by data category and jurisdiction<\/title>/);
  });

  it('escapes every label and strips bidi overrides from SVG text', () => {
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('\u202E');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('is an image to assistive technology, with nothing interactive inside (no nested-interactive)', () => {
    const root = xml.parse(svg).svg;
    expect(root['@_role']).toBe('img');
    expect(root['@_aria-labelledby']).toBe('heatmap-title heatmap-desc');
    expect(svg).not.toMatch(/<a[\s>]/);
  });

  it('draws an open range apart from a known value: both bounds, and the established one as a band', () => {
    const known = cell('location', 'CN', 64);
    const open = { ...cell('location', 'US', 64), established: 20, worstCase: 64 } as Cell;
    const two = heatmapSvg(exposureGrid([known, open]), labels, { provider: 'X', asOf: '2024-06-30', modelVersion: 'm' }, GRADES).text;
    expect(two).toContain('>64</text>');
    expect(two).toContain('>20–64</text>');
    expect(two.match(/<rect class="established"/g)).toHaveLength(1);
    expect(two).toContain('established 20, worst case 64 of 100');
  });

  it('stays wide enough for its legend when filtered to one cell', () => {
    const one = heatmapSvg(exposureGrid([cell('location', 'CN', 50)]), labels, { provider: 'X', asOf: '2024-06-30', modelVersion: 'm' }, GRADES).text;
    expect(Number(/width="(\d+)"/.exec(one)![1])).toBeGreaterThanOrEqual(560);
  });
});

describe('badge SVG', () => {
  it('is well-formed, sized XML with a hostile name escaped, without bidi controls, cut on a code point', () => {
    const name = `${'x'.repeat(34)}😀😀 ${HOSTILE}\u202E`;
    const svg = badgeSvg({ name, grade: 'D', exposureScore: 50, disclosureScore: 61.4 }).text;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u202E');
    expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    const root = xml.parse(svg).svg;
    expect(Number(root['@_width'])).toBeGreaterThan(100);
    expect(root['@_height']).toBe('20');
    expect(svg).toContain('exposure D');
    expect(svg).toContain('disclosure 61');
    expect(svg).toMatch(/textLength="\d+"/);
  });
});

describe('text helpers', () => {
  it('truncate counts code points and never splits a surrogate pair', () => {
    expect(truncate('😀😀😀', 2)).toBe('😀…');
    expect(truncate('abc', 3)).toBe('abc');
  });
  it('plainText removes bidi embeddings, overrides, isolates and marks', () => {
    expect(plainText('a\u202Eb\u202Cc\u2066d\u2069\u200Fe')).toBe('abcde');
  });
});
