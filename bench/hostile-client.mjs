// The client of bench/hostile-bodies.ts, on a thread of its own so that building and sending
// the bodies never runs on the server's event loop. Asked for a body by index, it sends it and
// answers with the status and the time to the whole answer.
import { parentPort, workerData } from 'node:worker_threads';

const { base, admin, declaration } = workerData;
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
];

parentPort.postMessage({ names: bodies.map((b) => b.name) });
const encoded = new Map();
parentPort.on('message', async ({ index, prepare }) => {
  const b = bodies[index];
  if (prepare) {
    encoded.set(index, bytes(b.body()));
    return parentPort.postMessage({ prepared: index, size: encoded.get(index).length });
  }
  const started = performance.now();
  const res = await fetch(base + b.path, { method: 'POST', headers: { 'content-type': b.type, ...(b.admin ? { authorization: `Bearer ${admin}` } : {}) }, body: encoded.get(index) });
  await res.arrayBuffer();
  parentPort.postMessage({ status: res.status, ms: performance.now() - started });
});
