import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { policiesDir } from '../../src/paths.js';
import { check, expectValid, type Doc } from './declaration-fixtures.js';

const dir = path.join(policiesDir, 'providers');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const samples = files.map((file) => ({ file, doc: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Doc }));

function descriptions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => descriptions(n, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else descriptions(v, out);
    }
  return out;
}

describe('sample declarations in policies/providers', () => {
  it('there are at least four', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(samples)('$file validates under its own provider id, without warnings', ({ file, doc }) => {
    const result = check(doc, { providerId: file.replace(/\.json$/, ''), today: '2025-01-01' });
    expectValid(result);
    expect(result.valid && result.warnings).toEqual([]);
  });

  it.each(samples)('$file is marked illustrative and cites sources', ({ doc }) => {
    const texts = descriptions(doc);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/illustrative/i);
    expect(doc.provider.name).toMatch(/illustrative/i);
    expect(doc.sources.length).toBeGreaterThan(0);
  });

  it('together they cover the four situations of the brief', () => {
    const all = samples.map((s) => s.doc);
    const licensee = all.some((d) =>
      (d.thirdParties ?? []).some((t: Doc) => t.relationship === 'licensee' && Array.isArray(t.capabilities) && t.capabilities.includes('keyword-filtering') && t.capabilities.includes('content-retention')),
    );
    const e2ee = all.some((d) => d.dataCategories.some((c: Doc) => c.category === 'message-content' && c.protection?.atRest === 'end-to-end' && c.protection?.inTransit === 'end-to-end'));
    const carrier = all.some((d) => d.legalProcess?.liveInterception === 'supported' && (d.legalProcess.interceptionStatutes ?? []).some((s: Doc) => s.position === 'subject'));
    const webmail = all.some((d) => (d.provider.services ?? []).includes('email'));
    expect({ licensee, e2ee, carrier, webmail }).toEqual({ licensee: true, e2ee: true, carrier: true, webmail: true });
  });
});
