/**
 * The attackers of bench/robustness.ts, in a process of their own: two loops sending a
 * corpus of pathological bodies for ATTACK_MS, then a JSON report of answer times per body.
 */
const url = process.env.ATTACK_URL!;
const auth = { authorization: `Bearer ${process.env.ATTACK_TOKEN}` };
const history = Number(process.env.ATTACK_HISTORY ?? 1000);
const CSV_LIMIT = 16 * 1024 * 1024;
const bytes = (text: string) => new TextEncoder().encode(text);

function brokenCsv(bytes: number): string {
  const parts = ['Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts\n'];
  let length = parts[0].length;
  for (let i = 0; length < bytes - 64; i++) {
    const line = `2020-06-30,"Germany ${i},DE,All,1,2,3\n`;
    parts.push(line);
    length += line.length;
  }
  return parts.join('');
}

interface Attack {
  name: string;
  path: string;
  type?: string;
  /** Encoded once: the attackers measure the server, not their own UTF-8 encoding of 16 MB. */
  body?: Uint8Array<ArrayBuffer>;
  authorized?: boolean;
}

const corpus: Attack[] = [
  { name: '1 MB of nested arrays', path: '/v1/validate', type: 'application/json', body: bytes('['.repeat(500_000) + ']'.repeat(500_000)) },
  { name: '20,001-item array', path: '/v1/validate', type: 'application/json', body: bytes(`{"dataCategories":[${Array.from({ length: 20_001 }, () => '0').join(',')}]}`) },
  { name: 'CSV of broken quotes, 1 MB', path: '/v1/providers/long-history/transparency', type: 'text/csv', body: bytes(brokenCsv(1024 * 1024)), authorized: true },
  { name: 'CSV of broken quotes, 16 MB (the limit)', path: '/v1/providers/long-history/transparency', type: 'text/csv', body: bytes(brokenCsv(CSV_LIMIT - 1024)), authorized: true },
  { name: `feed of a ${history}-version history`, path: '/v1/providers/long-history/feed.atom' },
];

const times = new Map<string, number[]>(corpus.map((a) => [a.name, []]));
const end = performance.now() + Number(process.env.ATTACK_MS ?? 8000);

async function attacker(offset: number): Promise<void> {
  for (let i = offset; performance.now() < end; i++) {
    const a = corpus[i % corpus.length];
    const started = performance.now();
    const res = await fetch(`${url}${a.path}`, {
      method: a.body === undefined ? 'GET' : 'POST',
      headers: { ...(a.type ? { 'content-type': a.type } : {}), ...(a.authorized ? auth : {}) },
      body: a.body,
    });
    const text = await res.text();
    // Beyond the uploads read at once, a CSV upload is refused 503 busy with Retry-After (issue 23): a refusal, not a failure.
    const busy = res.status === 503 && res.headers.get('retry-after') !== null && text.includes('/problems/busy');
    if (res.status >= 500 && !busy) throw new Error(`${a.name} answered ${res.status}`);
    times.get(a.name)!.push(performance.now() - started);
  }
}

await Promise.all([attacker(0), attacker(1), attacker(4)]);
process.stdout.write(JSON.stringify([...times].map(([name, t]) => ({ name, times: t }))));
