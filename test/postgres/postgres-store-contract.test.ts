import { afterAll, beforeAll } from '@jest/globals';
import type pg from 'pg';
import { migrate } from '../../src/store/postgres-migrations.js';
import { openPool } from '../../src/store/postgres-pool.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { describeStoreContract } from '../store/store-contract.js';
import { emptyTables, startTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await startTestDatabase();
  pool = openPool(db.url);
  await migrate(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.stop();
});

// The contract's tests run one after another in this file, so emptying the tables gives each a fresh backing.
describeStoreContract('PostgresStore', async () => ({
  persistent: true,
  open: async (clock) => new PostgresStore(pool, clock),
  dispose: async () => {
    await emptyTables(pool, ['versions', 'providers']);
  },
}));
