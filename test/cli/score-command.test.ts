import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { policiesDir } from '../../src/paths.js';
import { runCli } from '../../src/cli/program.js';
import { cli, tempFile } from './run-cli.js';

const sample = path.join(policiesDir, 'providers', 'tandem-voice.json');

describe('retention-atlas score', () => {
  it('prints the matrix as a table: a row per category, a column per chosen jurisdiction', async () => {
    const run = await cli('score', sample, '--jurisdiction', 'CN,US');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^Tandem Voice .*\(tandem-voice\), as of 2013-12-31 — model exposure\//);
    expect(lines[0]).toMatch(/law as of \d{4}-\d{2}-\d{2}$/);
    expect(lines[1]).toMatch(/^exposure: grade [A-F], worst cell [\d.]+–[\d.]+\/100 \(established–worst case\) \(in this selection\); disclosure score [\d.]+\/100$/);
    const header = lines.find((l) => l.startsWith('category'))!;
    expect(header.trim().split(/\s+/)).toEqual(['category', 'CN', 'US']);
    // Each cell shows established–worst case (one number when equal) and the worst-case grade.
    expect(run.out).toMatch(/^message-content\s+\d+\.\d(–\d+\.\d)? [A-F]\s+\d+\.\d(–\d+\.\d)? [A-F]$/m);
  });

  it('gives the same cells as JSON with pathways, filtered by category', async () => {
    const run = await cli('score', sample, '-j', 'CN', '-j', 'US', '--category', 'message-content,call-content', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.providerId).toBe('tandem-voice');
    expect(result.cells.map((c: { category: string; jurisdiction: string }) => `${c.category}@${c.jurisdiction}`).sort()).toEqual(
      ['call-content@CN', 'call-content@US', 'message-content@CN', 'message-content@US'],
    );
    expect(result.cells[0].pathways.length).toBeGreaterThan(0);
  });

  it('gives one CSV row per cell with --csv', async () => {
    const run = await cli('score', sample, '--jurisdiction', 'CN', '--csv');
    const rows = run.out.trim().split('\n');
    expect(rows[0]).toBe('providerId,category,jurisdiction,established,worstCase,score,grade,pathways');
    // Every taxonomy category has a cell, listed or not (an unlisted one is unanswered).
    expect(rows).toHaveLength(1 + 13);
    expect(readFileSync(sample, 'utf8')).toContain('tandem-voice');
  });

  it('refuses an invalid declaration (exit 1) and unknown filters (exit 2)', async () => {
    const bad = await cli('score', tempFile('bad.json', '{"format": "retention-declaration/1"}'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('/provider: is required');
    const unknown = await cli('score', sample, '--jurisdiction', 'XX', '--category', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown jurisdiction: XX');
    expect(unknown.err).toContain('unknown category: nope');
    expect(unknown.out).toBe('');
  });

  it('takes jurisdiction codes in any case', async () => {
    const run = await cli('score', sample, '-j', 'cn,us', '-c', 'message-content', '--csv');
    expect(run.code).toBe(0);
    expect(run.out.trim().split('\n').slice(1).map((r) => r.split(',')[2])).toEqual(['CN', 'US']);
  });

  it('keeps the table within the terminal width, continuing the columns in further blocks', async () => {
    let out = '';
    const code = await runCli(['score', sample], { out: (t) => void (out += t), err: () => undefined, interactive: false, columns: 80 });
    expect(code).toBe(0);
    const table = out.split('\n').slice(3);
    expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(80);
    const headers = table.filter((l) => l.startsWith('category'));
    expect(headers.length).toBeGreaterThan(1);
    const shown = headers.flatMap((h) => h.trim().split(/\s+/).slice(1));
    expect(shown).toEqual([...new Set(shown)]);
    expect(shown).toContain('US');
    expect(shown).toContain('AE');
  });

  it('applies the law of --law-date, and refuses a date that is not one', async () => {
    const run = await cli('score', sample, '-j', 'GB', '--law-date', '2015-06-01', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).lawDate).toBe('2015-06-01');
    const bad = await cli('score', sample, '--law-date', '2015-02-30');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--law-date');
  });

  it('says an empty file is empty and a missing one missing', async () => {
    const empty = await cli('score', tempFile('empty.json', ''));
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty\.json is empty/);
    const missing = await cli('score', '/nonexistent/draft.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read /nonexistent/draft.json: no such file');
  });
});
