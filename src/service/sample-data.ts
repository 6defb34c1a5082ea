import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { policiesDir } from '../paths.js';
import type { Atlas } from './atlas.js';

/**
 * Loads the illustrative declarations in policies/providers/ into an empty store, through
 * the same validation as any submission. Returns the provider ids it loaded.
 */
export async function loadSampleDeclarations<A>(atlas: Atlas<A>, dir = path.join(policiesDir, 'providers')): Promise<string[]> {
  if (atlas.providerIds().length > 0) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const loaded: string[] = [];
  for (const file of files) {
    const body = await readFile(path.join(dir, file), 'utf8');
    const doc = JSON.parse(body) as { provider: { id: string } };
    await atlas.submit(doc.provider.id, doc, body, 'sample-data');
    loaded.push(doc.provider.id);
  }
  return loaded;
}
