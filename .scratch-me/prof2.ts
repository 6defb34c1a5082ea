import { readFileSync } from 'node:fs';
import { loadSchemaRegistry } from '../src/formats/schema-registry.js';
import { loadJurisdictions } from '../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../src/policies/load-model-parameters.js';
import { computeExposure } from '../src/scoring/index.js';
const r = loadSchemaRegistry(); const j = loadJurisdictions(r); const p = loadModelParameters(r);
const d = JSON.parse(readFileSync('policies/providers/rheinfunk-telekom.json','utf8'));
const t = performance.now(); let n = 0;
while (performance.now() - t < 4000) { computeExposure(d, j, p); n++; }
console.log(n);
