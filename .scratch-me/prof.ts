import { readFileSync } from 'node:fs';
import { loadSchemaRegistry } from '../src/formats/schema-registry.js';
import { loadJurisdictions } from '../src/policies/load-jurisdictions.js';
import { loadModelParameters } from '../src/policies/load-model-parameters.js';
import { computeExposure, summarizeExposure, disclosureScore } from '../src/scoring/index.js';
import { makeAnalyzer } from '../src/service/analysis.js';
import { checkDeclaration } from '../src/formats/validate-declaration.js';
const r = loadSchemaRegistry(); const j = loadJurisdictions(r); const p = loadModelParameters(r);
const docs = ['tandem-voice','quietline','alpenpost-mail','brightroom-meet','rheinfunk-telekom'].map(n => JSON.parse(readFileSync(`policies/providers/${n}.json`,'utf8')));
const an = makeAnalyzer({ jurisdictions: j, params: p });
function time(label: string, f: () => void, n = 200) { for (let i=0;i<20;i++) f(); const t=performance.now(); for (let i=0;i<n;i++) f(); console.log(label, ((performance.now()-t)/n).toFixed(3), 'ms'); }
for (const d of docs) {
  time(d.provider.id + ' check', () => checkDeclaration(r, d));
  time(d.provider.id + ' computeExposure', () => computeExposure(d, j, p));
  time(d.provider.id + ' analyze', () => an(d, undefined));
}
