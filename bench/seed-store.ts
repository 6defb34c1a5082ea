import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { policiesDir } from '../src/paths.js';
import { LowdbStore } from '../src/store/lowdb-store.js';

/** The shipped sample declarations, parsed: the realistic bodies the benchmarks send and store. */
export function sampleDeclarations(): Record<string, any>[] {
  const dir = path.join(policiesDir, 'providers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}

/** A sample declaration re-issued under another provider id (ids must match the path). */
export function declarationFor(providerId: string, index: number, samples = sampleDeclarations()): Record<string, any> {
  const doc = structuredClone(samples[index % samples.length]);
  doc.provider.id = providerId;
  doc.provider.name = `${doc.provider.name} #${index}`;
  return doc;
}

/**
 * Fills a data directory with `count` providers (one version each) through the store's
 * own append, as submissions would — without HTTP, so seeding 2,000 takes seconds.
 */
export async function seedStore(dataDir: string, count: number): Promise<void> {
  const store = await LowdbStore.open(dataDir);
  const samples = sampleDeclarations();
  const ids = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  for (let start = 0; start < ids.length; start += 64) {
    await Promise.all(
      ids.slice(start, start + 64).map((id, j) => store.append(id, { expectedVersion: 0, body: JSON.stringify(declarationFor(id, start + j, samples), null, 2) })),
    );
  }
  await store.close();
}
