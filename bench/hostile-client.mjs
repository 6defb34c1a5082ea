// The client of bench/hostile-bodies.ts, on a thread of its own so that building and sending
// the bodies never runs on the server's event loop. Asked for a body by index, it sends it and
// answers with the status and the time to the whole answer.
import { parentPort, workerData } from 'node:worker_threads';
import { largestDeclaration } from '../test/support/largest-declaration.mjs';

const { base, admin, declaration } = workerData;
/** The provider the large declarations are for: stored by the keyed submission below, then read back. */
const LARGE = 'hostile-co';
const MB = 1024 * 1024;
const json = 'application/json';
const bytes = (text) => new TextEncoder().encode(text);

/** Repeats unit(i) (comma-joined) while the UTF-8 size stays under `size`. */
function fill(size, head, unit, tail) {
  const parts = [];
  let length = Buffer.byteLength(head + tail);
  for (let i = 0; ; i++) {
    const next = unit(i);
    const n = Buffer.byteLength(next) + 1;
    if (length + n > size) break;
    parts.push(next);
    length += n;
  }
  return head + parts.join(',') + tail;
}

const base64 = JSON.stringify(declaration).slice(0, -1);
const usRow = (i) => `{"period":{"start":"2013-01-01","end":"2013-12-31"},"country":"US","process":"subpoena","requests":${i}}`;
const words = ['mail', 'adresse', 'standort', 'location', 'kontakt', 'zahlungs', 'nutzung', 'ip', 'geraet', 'cookie', 'bild', 'stimme'];
const csvHeader = 'Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts\n';

const bodies = [
  { name: 'TILT: 1 MB ttl of spaces', path: '/v1/import/tilt', type: json, body: () => `{"dataDisclosed":[{"category":"E-Mail","storage":[{"temporal":[{"ttl":"P${' '.repeat(MB - 100)}1D"}]}]}]}` },
  { name: 'TILT: 1 MB of distinct category labels', path: '/v1/import/tilt', type: json, body: () => fill(MB, '{"dataDisclosed":[', (i) => `{"category":"${words[i % 12]} ${i} ${words[(i * 7) % 12]}x"}`, ']}') },
  { name: 'TILT: one 1 MB category label', path: '/v1/import/tilt', type: json, body: () => `{"dataDisclosed":[{"category":"${'a '.repeat(MB / 2 - 50)}"}]}` },
  { name: 'TILT: 1 MB country address', path: '/v1/import/tilt', type: json, body: () => `{"controller":{"name":"x","country":"${'a,'.repeat(MB / 2 - 50)}"}}` },
  { name: 'TILT: 1 MB of recipients', path: '/v1/import/tilt', type: json, body: () => fill(MB, '{"dataDisclosed":[{"category":"E-Mail","recipients":[', (i) => `{"name":"Vendor ${i} Dienstleister","country":"Germany, Berlin ${i}"}`, ']}]}') },
  { name: 'score: 1 MB of US request rows', path: '/v1/score', type: json, body: () => fill(MB, base64 + ',"governmentRequests":[', usRow, ']}') },
  { name: 'validate: 1 MB of US request rows', path: '/v1/validate', type: json, body: () => fill(MB, base64 + ',"governmentRequests":[', usRow, ']}') },
  { name: 'score: 1 MB of invalid request rows', path: '/v1/score', type: json, body: () => fill(MB, base64 + ',"governmentRequests":[', (i) => `{"period":{"start":"x${i}","end":"y"},"country":"??","process":1,"requests":-1}`, ']}') },
  { name: 'validate: 1 MB of invalid request rows', path: '/v1/validate', type: json, body: () => fill(MB, base64 + ',"governmentRequests":[', (i) => `{"period":{"start":"x${i}","end":"y"},"country":"??","process":1,"requests":-1}`, ']}') },
  { name: 'validate: 1 MB of unknown keys', path: '/v1/validate', type: json, body: () => fill(MB, base64 + ',', (i) => `"k${i}":0`, '}') },
  { name: 'validate: 20,000 distinct storage locations (0.9 MB)', path: '/v1/validate', type: json, body: () => `{"format":"retention-declaration/1","provider":{"id":"hostile-co","name":"x"},"asOf":"2024-01-01","dataCategories":[{"category":"location","collected":"yes","storageLocations":[${Array.from({ length: 20000 }, (_, i) => `"Q${i}-${'x'.repeat(36)}"`).join(',')}]}]}` },
  { name: 'validate: 1 MB of rows with reversed periods', path: '/v1/validate', type: json, body: () => fill(MB, base64 + ',"governmentRequests":[', (i) => `{"period":{"start":"2020-12-31","end":"2020-01-01"},"country":"US","process":"subpoena","requests":{"min":5,"max":${i % 3}}}`, ']}') },
  { name: 'validate: 1 MB of nested arrays', path: '/v1/validate', type: json, body: () => '['.repeat(MB / 2) + ']'.repeat(MB / 2) },
  { name: 'CSV (admin): 16 MB of broken quotes', path: '/v1/providers/quietline/transparency', type: 'text/csv', admin: true, body: () => csvHeader + '2020-06-30,"Germany,DE,All,1,2,3\n'.repeat(Math.floor((16 * MB - 200) / 34)) },
  { name: 'CSV (admin): 16 MB, one field', path: '/v1/providers/quietline/transparency', type: 'text/csv', admin: true, body: () => csvHeader + '2020-06-30,' + 'x'.repeat(16 * MB - 200) },

  // The largest valid declarations under the 1 MB limit (test/support/largest-declaration.mjs): every
  // section at its maximum with long distinct strings, or distinct request rows over every profiled
  // country and process. Each run changes the name, so no answer comes from a cache.
  ...[
    ['all sections', {}],
    ['rows over all countries', { sections: 'rows' }],
    ['short rows over all countries', { sections: 'rows', rows: 'short' }],
  ].flatMap(([what, options]) => [
    { name: `score: largest valid, ${what}`, path: '/v1/score', type: json, body: (run) => varied(largestDeclaration(LARGE, MB - 64, options), run) },
    { name: `validate: largest valid, ${what}`, path: '/v1/validate', type: json, body: (run) => varied(largestDeclaration(LARGE, MB - 64, options), run) },
  ]),
  ...['facts', 'full'].map((level) => ({ name: `score: largest valid, explain=${level}`, path: `/v1/score?explain=${level}`, type: json, body: (run) => varied(largestDeclaration(LARGE, MB - 64), run) })),
  { name: 'score: largest valid, ?format=csv', path: '/v1/score?format=csv', type: json, body: (run) => varied(largestDeclaration(LARGE, MB - 64), run) },
  { name: 'score: largest valid, Accept: text/csv', path: '/v1/score', type: json, accept: 'text/csv', body: (run) => varied(largestDeclaration(LARGE, MB - 64), run) },
  { name: 'observed score: largest valid + 500 observations', path: '/v1/score?basis=observed', type: json, body: (run) => `{"declaration":${varied(largestDeclaration(LARGE, MB - 200 * 1024), run)},"observations":[${observations(500)}]}` },
  { name: 'keyed: submit largest valid (new version each run)', path: `/v1/providers/${LARGE}/declarations`, type: json, admin: true, body: (run) => varied(largestDeclaration(LARGE, MB - 64), run) },
  { name: 'dry run: largest valid against the stored one', path: `/v1/providers/${LARGE}/declarations?dryRun=true`, type: json, body: (run) => varied(largestDeclaration(LARGE, MB - 64), run + 10) },
  { name: 'keyed: assessment with the largest document', path: `/v1/providers/${LARGE}/assessments`, type: json, admin: true, body: (run) => assessment(run) },
  { name: 'keyed: observation, 1 MB statement (invalid)', path: `/v1/providers/${LARGE}/observations`, type: json, admin: true, body: () => JSON.stringify({ ...observation(0), statement: 'x'.repeat(MB - 1000) }) },
  // Reads of the stored 1 MB declaration under a law date never asked before (one per run).
  ...[
    ['exposure', (d) => `/v1/providers/${LARGE}/exposure?lawDate=${d}`],
    ['exposure, explain=full', (d) => `/v1/providers/${LARGE}/exposure?explain=full&lawDate=${d}`],
    ['findings', () => `/v1/providers/${LARGE}/findings`],
    ['diff', () => `/v1/providers/${LARGE}/diff`],
    ['heatmap.svg', (d) => `/providers/${LARGE}/heatmap.svg?lawDate=${d}`],
    ['provider page', (d) => `/providers/${LARGE}?lawDate=${d}`],
    ['ranking', (d) => `/v1/exposure?lawDate=${d}`],
  ].map(([what, path]) => ({ name: `GET ${what} of the stored 1 MB declaration, fresh lawDate`, method: 'GET', path: (run) => path(`2019-0${(what.length % 3) + 1}-${String(run + 10 + (what.length % 17)).padStart(2, '0')}`) })),
];

/** The declaration with a provider name of its own for this run (a new body: no cache answers it). */
function varied(text, run) {
  return text.replace(/"name":"Provider [^"]*"/, `"name":"Provider run ${run}"`).replace(/"name":"Provider hostile-co"/, `"name":"Provider run ${run}"`);
}
function observation(i) {
  return { pointer: '/dataCategories/message-content/retention', value: { kind: 'fixed', duration: `P${i + 1}D` }, statement: `Tested ${i}.`, observedAt: '2024-05-01', sources: [{ url: `https://example.org/report/${i}`, title: 'Report', kind: 'technical-test' }] };
}
const observations = (n) => Array.from({ length: n }, (_, i) => JSON.stringify(observation(i))).join(',');
/** An assessment whose document is the largest declaration's sections (without what an assessment may not hold). */
function assessment(run) {
  const { format, asOf, sources, governmentRequests, ...document } = JSON.parse(largestDeclaration(LARGE, MB - 4096));
  delete document.provider.markets; // the fragment's provider has no markets
  document.provider.name = `Provider assessed ${run}`;
  return JSON.stringify({ document, observedAt: '2024-05-01', statement: `Assessed ${run}.`, sources: [{ url: 'https://example.org/assessment', title: 'Assessment', kind: 'technical-test' }] });
}

parentPort.postMessage({ names: bodies.map((b) => b.name) });
const encoded = new Map();
parentPort.on('message', async ({ index, prepare, run = 0 }) => {
  const b = bodies[index];
  if (prepare) {
    // Bodies that vary per run are built for each run beforehand; the first one's size is reported.
    for (let r = 0; r < (b.body && b.body.length > 0 ? 3 : 1); r++) encoded.set(`${index}:${r}`, b.body ? bytes(b.body(r)) : undefined);
    return parentPort.postMessage({ prepared: index, size: encoded.get(`${index}:0`)?.length ?? 0 });
  }
  const body = encoded.get(`${index}:${run}`) ?? encoded.get(`${index}:0`);
  const path = typeof b.path === 'function' ? b.path(run) : b.path;
  const started = performance.now();
  const res = await fetch(base + path, {
    method: b.method ?? 'POST',
    headers: { ...(b.type ? { 'content-type': b.type } : {}), ...(b.accept ? { accept: b.accept } : {}), ...(b.admin ? { authorization: `Bearer ${admin}` } : {}) },
    body,
  });
  await res.arrayBuffer();
  parentPort.postMessage({ status: res.status, ms: performance.now() - started });
});
