import { describe, expect, it } from '@jest/globals';
import { CsvThread } from '../../src/http/csv-thread/csv-thread.js';
import { HttpError } from '../../src/http/http-error.js';

const HEADER = 'Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts';
const entry = new URL('../../src/http/csv-thread/csv-worker-entry.mjs', import.meta.url);
const small = Buffer.from(`${HEADER}\n2001-06-30,Germany,DE,All,7,2,3\n`);

describe('CSV uploads: a bounded number in flight and a memory limit on the thread', () => {
  it('refuses an upload beyond the ones in flight with 503 busy and Retry-After, and takes one again once a slot is free', async () => {
    const thread = new CsvThread(entry, 2);
    try {
      const [a, b] = [await thread.open(), await thread.open()];
      const refused = await thread.open().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(HttpError);
      expect(refused).toMatchObject({ status: 503, title: 'Busy' });
      expect(Number((refused as HttpError).headers['Retry-After'])).toBeGreaterThan(0);
      a.abort();
      const c = await thread.open();
      c.write(new Uint8Array(small));
      expect((await c.end()).rows).toHaveLength(1);
      b.write(new Uint8Array(small));
      await b.end();
      // Every slot is free again: two more open at once.
      (await thread.open()).abort();
      (await thread.open()).abort();
    } finally {
      await thread.close();
    }
  });
});
