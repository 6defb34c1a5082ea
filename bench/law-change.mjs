/**
 * Bench (e), run by bench/run.ts in a process of its own, from the compiled service in dist/:
 * on a lowdb store already seeded, the wall time until every provider's analysis is current
 * (1) from nothing (a full analysis of every provider, as after a change that reaches every
 * column), then (2) after a new version of one profile's law data (argument 3, e.g. JP) —
 * each remembered analysis updated in that profile's column only. Prints one JSON line.
 * Usage: node bench/law-change.mjs <dataDir> <analysisDir> <profileCode> <analysisWorkers>
 */
import { openReadModel } from '../dist/bootstrap.js';
import { loadSchemaRegistry } from '../dist/formats/schema-registry.js';
import { loadJurisdictions } from '../dist/policies/load-jurisdictions.js';
import { loadModelParameters } from '../dist/policies/load-model-parameters.js';
import { makeAnalyzer } from '../dist/service/analysis.js';
import { LowdbStore } from '../dist/store/lowdb-store.js';

const [dataDir, analysisDir, code, workers] = process.argv.slice(2);
const registry = loadSchemaRegistry();
const policy = { jurisdictions: loadJurisdictions(registry), params: loadModelParameters(registry) };
const jurisdictions = structuredClone(policy.jurisdictions);
const profile = jurisdictions.find((p) => p.code === code);
if (!profile || profile.memberStates) throw new Error(`${code} is not a profile outside the unions`);
// New law data for that profile: its first instrument now without judicial review and with a gag order.
profile.instruments[0].judicialReview = !profile.instruments[0].judicialReview;
profile.instruments[0].gagOrder = 'yes';
const changed = { jurisdictions, params: policy.params };

const store = await LowdbStore.open(dataDir);
const options = { analysisCacheDir: analysisDir, analysisWorkers: Number(workers) };
let started = performance.now();
const first = await openReadModel(store, registry, policy, makeAnalyzer(policy), options);
const fullMs = performance.now() - started;
started = performance.now();
const second = await openReadModel(store, registry, changed, makeAnalyzer(changed), options);
const changedMs = performance.now() - started;
// Every analysis is now current under the changed law: a third start analyses nothing.
let analysed = 0;
const counting = makeAnalyzer(changed);
await openReadModel(store, registry, changed, (d, p, s) => (analysed++, counting(d, p, s)), { analysisCacheDir: analysisDir });
await store.close();
console.log(JSON.stringify({ providers: first.providerIds().length, fullMs, changedMs, current: second.providerIds().length, analysedAfter: analysed }));
