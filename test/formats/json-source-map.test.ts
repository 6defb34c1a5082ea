import { describe, expect, it } from '@jest/globals';
import { JsonSourceMap } from '../../src/formats/json-source-map.js';

const TEXT = `{
  "a": 1,
  "b/c": { "d~e": [10, {"f": "x\\"y"}] },
  "g": [ true, null ]
}`;

describe('JsonSourceMap', () => {
  const map = new JsonSourceMap(TEXT);

  it('locates members at their key and elements at their value', () => {
    expect(map.locate('')).toMatchObject({ line: 1, column: 1, exact: true });
    expect(map.locate('/a')).toMatchObject({ line: 2, column: 3, exact: true });
    expect(map.locate('/b~1c')).toMatchObject({ line: 3, column: 3 });
    expect(map.locate('/b~1c/d~0e')).toMatchObject({ line: 3, column: 12 });
    expect(map.locate('/b~1c/d~0e/1')).toMatchObject({ line: 3, column: 24 });
    expect(map.locate('/b~1c/d~0e/1/f')).toMatchObject({ line: 3, column: 25 });
    expect(map.locate('/g/1')).toMatchObject({ line: 4, column: 16 });
  });

  it('falls back to the nearest existing ancestor for a pointer that does not exist', () => {
    expect(map.locate('/b~1c/missing')).toMatchObject({ line: 3, column: 3, exact: false });
    expect(map.locate('/nope/deeper')).toMatchObject({ line: 1, column: 1, exact: false });
  });

  it('remembers where malformed text stops being JSON', () => {
    const broken = new JsonSourceMap('{\n  "a": 1,\n  "b": }');
    expect(broken.faultOffset).toBeDefined();
    expect(broken.positionAt(broken.faultOffset!)).toMatchObject({ line: 3, column: 8 });
    expect(broken.locate('/a')).toMatchObject({ line: 2, column: 3 });
  });
});
