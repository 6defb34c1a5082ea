import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BEGIN_MARKER, END_MARKER, EXAMPLE_LAW_DATE, exampleland, methodologyExamples, silentDeclaration } from '../../scripts/methodology-examples.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';
import { projectRoot } from '../../src/paths.js';
import { computeExposure } from '../../src/scoring/index.js';
import { jurisdictions, params, registry } from '../scoring/scoring-fixture.js';

/**
 * The worked examples of docs/methodology.md are the model's own output: the page must contain,
 * between its markers, exactly what the example script computes today. When this fails, run
 * `node --import tsx scripts/methodology-examples.ts` and paste its output over the old block.
 */
const page = readFileSync(path.join(projectRoot, 'docs/methodology.md'), 'utf8');
const generated = methodologyExamples(jurisdictions, params);

describe('docs/methodology.md worked examples', () => {
  test('the page holds exactly the examples the code computes', () => {
    const start = page.indexOf(BEGIN_MARKER);
    const end = page.indexOf(END_MARKER);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(page.slice(start + BEGIN_MARKER.length, end).trim()).toBe(generated.trim());
  });

  test('the numbers in the page are the bounds of the cells it names', () => {
    const silent = computeExposure(silentDeclaration, jurisdictions, params, { lawDate: EXAMPLE_LAW_DATE });
    const us = silent.cells.find((c) => c.category === 'message-content' && c.jurisdiction === 'US')!;
    expect(page).toContain(`| message-content × US | ${us.established} (${us.establishedGrade}) | ${us.worstCase} (${us.grade}) |`);
  });

  test('the silent declaration is one a provider could submit, and the complete one is exact where the law is fully known (P10)', () => {
    expect(checkDeclaration(registry, structuredClone(silentDeclaration)).valid).toBe(true);
    expect(exampleland.coverage.gaps).toEqual([]);
    expect(generated).toContain('| subscriber-info × ZZ |');
    const exampleB = generated.slice(generated.indexOf('### Example B'), generated.indexOf('### Example C'));
    for (const line of exampleB.split('\n').filter((l) => l.startsWith('| ') && l.includes('× ZZ'))) expect(line).toMatch(/\| none \|$/);
  });

  test('example C shows each rule of model 3 moving its cell the way the rule says', () => {
    const rows = generated.slice(generated.indexOf('### Example C')).split('\n').filter((l) => /^\| P1[3-5]|^\| P7/.test(l));
    const ends = (l: string) => l.split('|').slice(-3, -1).map((x) => x.trim().split('–').map(Number));
    for (const id of params.feasibility.constraints.map((c) => c.id)) expect(rows.some((l) => l.includes(`\`${id}\``))).toBe(true);
    for (const l of rows) {
      const [before, after] = ends(l);
      // Every P13 and P14 change raises the low end and never the high end; P15 and P7 never narrow the range.
      if (/^\| P1[34]/.test(l) && !l.includes('infeasible') && !l.includes('executive')) expect(after[0]).toBeGreaterThan(before[0]);
      if (/^\| P1[34]/.test(l)) expect(after[after.length - 1]).toBeLessThanOrEqual(before[before.length - 1] + (l.includes('executive') ? 100 : 0));
      if (/^\| P15|^\| P7/.test(l)) expect(after[0]).toBeLessThanOrEqual(before[0]);
    }
  });
});
