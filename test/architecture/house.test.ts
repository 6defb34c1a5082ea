import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { cycles, importGraph } from './import-graph.js';

/**
 * The layout of the house, checked on the import graph (type-only imports included): the
 * store port and its adapters know nothing of the shells above them, and the pure core reads
 * no files and imports no shell.
 */
const graph = importGraph(path.join(projectRoot, 'src'));
const room = (file: string) => file.split(path.sep)[0];

function importsFrom(fromRoom: string, forbidden: string[]): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    if (room(file) !== fromRoom) continue;
    for (const target of imports) if (forbidden.includes(room(target))) found.push(`${file} -> ${target}`);
  }
  return found;
}

describe('the house', () => {
  test('src/store imports nothing from the shells or the services above it', () => {
    expect(importsFrom('store', ['http', 'auth', 'audit', 'service', 'cli', 'report', 'backends'])).toEqual([]);
  });

  test('no file imports itself through others (no import cycles, type-only imports included)', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test.each(['scoring', 'findings', 'diff', 'transparency', 'formats'])('the pure core room %s imports no shell', (core) => {
    expect(importsFrom(core, ['http', 'cli', 'report', 'store', 'service', 'backends', 'auth', 'audit'])).toEqual([]);
  });
});
