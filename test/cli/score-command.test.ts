import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { policiesDir } from '../../src/paths.js';
import { cli, tempFile } from './run-cli.js';

const sample = path.join(policiesDir, 'providers', 'tandem-voice.json');

describe('retention-atlas score', () => {
  it('prints the matrix as a table: a row per category, a column per chosen jurisdiction', async () => {
    const run = await cli('score', sample, '--jurisdiction', 'CN,US');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^Tandem Voice .*\(tandem-voice\), as of 2013-12-31 — model exposure\//);
    expect(lines[1]).toMatch(/^exposure: grade [A-F], worst cell [\d.]+\/100; disclosure score [\d.]+\/100$/);
    const header = lines.find((l) => l.startsWith('category'))!;
    expect(header.trim().split(/\s+/)).toEqual(['category', 'CN', 'US']);
    expect(run.out).toMatch(/^message-content\s+\d+ [A-F]\s+\d+ [A-F]$/m);
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
    expect(rows[0]).toBe('category,jurisdiction,score,grade,pathways');
    const declared = (JSON.parse(readFileSync(sample, 'utf8')).dataCategories as unknown[]).length;
    expect(rows).toHaveLength(1 + declared);
  });

  it('refuses an invalid declaration (exit 1) and unknown filters (exit 2)', async () => {
    const bad = await cli('score', tempFile('bad.json', '{"format": "retention-declaration/1"}'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('/provider: is required');
    const unknown = await cli('score', sample, '--jurisdiction', 'XX');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown jurisdiction: XX');
  });
});
