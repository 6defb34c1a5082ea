import type pg from 'pg';

/**
 * History: rows are appended and read, never changed or deleted. Each gets append-only
 * triggers (UPDATE, DELETE, TRUNCATE refused) and, with a separate owner role
 * (DATABASE_MIGRATION_URL), the runtime role is granted only SELECT and INSERT on it.
 */
export const APPEND_ONLY_TABLES = [
  'versions',
  'audit_entries',
  'observations',
  'observation_responses',
  'observation_withdrawals',
  'assessments',
  'assessment_responses',
  'assessment_withdrawals',
  'campaigns',
  'campaign_revisions',
] as const;

/**
 * State that must change, and the privileges beyond SELECT and INSERT the runtime role needs:
 * a provider's, an observation counter's or an assessment counter's latest number, key revocation, remembered analyses,
 * rate-limit counters (reset and pruned).
 */
export const MUTABLE_TABLES: Record<string, ('UPDATE' | 'DELETE')[]> = {
  providers: ['UPDATE'],
  observation_counters: ['UPDATE'],
  assessment_counters: ['UPDATE'],
  api_keys: ['UPDATE'],
  analyses: ['UPDATE'],
  rate_limit_hits: ['UPDATE', 'DELETE'],
};

/** The owner's bookkeeping: the runtime role only reads it (to see that the schema is current). */
const READ_ONLY_TABLES = ['schema_migrations'];

const ident = (client: pg.ClientBase, name: string) => client.escapeIdentifier(name);

async function tablesOf(client: pg.ClientBase): Promise<{ name: string; owner: string }[]> {
  const { rows } = await client.query<{ name: string; owner: string }>('SELECT tablename AS name, tableowner AS owner FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename');
  return rows;
}

/**
 * Makes the append-only triggers every table of APPEND_ONLY_TABLES lacks (a row trigger
 * refusing UPDATE and DELETE, a statement trigger refusing TRUNCATE). Only missing ones are
 * made: a replica starting next to serving ones takes no lock on a table that is protected.
 */
export async function protectHistory(client: pg.ClientBase): Promise<string[]> {
  const existing = new Set((await tablesOf(client)).map((t) => t.name));
  const { rows } = await client.query<{ tgname: string }>(
    `SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal`,
  );
  const triggers = new Set(rows.map((r) => r.tgname));
  const made: string[] = [];
  for (const table of APPEND_ONLY_TABLES.filter((t) => existing.has(t))) {
    if (!triggers.has(`${table}_append_only`)) {
      await client.query(`CREATE TRIGGER ${ident(client, `${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${ident(client, table)} FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only()`);
      made.push(`${table}_append_only`);
    }
    if (!triggers.has(`${table}_no_truncate`)) {
      await client.query(`CREATE TRIGGER ${ident(client, `${table}_no_truncate`)} BEFORE TRUNCATE ON ${ident(client, table)} FOR EACH STATEMENT EXECUTE FUNCTION retention_atlas_append_only()`);
      made.push(`${table}_no_truncate`);
    }
  }
  return made;
}

/**
 * Run by the owner role after the migrations: grants the runtime role exactly what the
 * service needs (see APPEND_ONLY_TABLES and MUTABLE_TABLES) and nothing else: no DELETE or
 * TRUNCATE of history, no DDL, no ownership (so it cannot disable a trigger either). Refuses
 * when the runtime role is the owner, owns a table, or a table is in none of the lists.
 */
export async function grantRuntime(client: pg.ClientBase, runtimeRole: string): Promise<void> {
  const { rows: me } = await client.query<{ owner: string }>('SELECT current_user AS owner');
  const owner = me[0].owner;
  if (owner === runtimeRole) throw new Error(`DATABASE_MIGRATION_URL and DATABASE_URL both log in as "${runtimeRole}": the runtime needs a role of its own`);
  const tables = await tablesOf(client);
  const owned = tables.filter((t) => t.owner === runtimeRole).map((t) => t.name);
  if (owned.length > 0) {
    throw new Error(`the runtime role "${runtimeRole}" owns ${owned.join(', ')}; as the owner run: REASSIGN OWNED BY ${ident(client, runtimeRole)} TO ${ident(client, owner)}`);
  }
  const history = new Set<string>(APPEND_ONLY_TABLES);
  const unknown = tables.map((t) => t.name).filter((t) => !history.has(t) && !(t in MUTABLE_TABLES) && !READ_ONLY_TABLES.includes(t));
  if (unknown.length > 0) throw new Error(`tables ${unknown.join(', ')} are in none of the lists of src/store/postgres-roles.ts: say whether the runtime may change their rows`);
  const role = ident(client, runtimeRole);
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
    await client.query(`GRANT USAGE ON SCHEMA ${ident(client, rows[0].schema)} TO ${role}`);
    for (const { name } of tables) {
      const extra = READ_ONLY_TABLES.includes(name) ? [] : ['INSERT', ...(MUTABLE_TABLES[name] ?? [])];
      await client.query(`REVOKE ALL ON ${ident(client, name)} FROM ${role}`);
      await client.query(`GRANT ${['SELECT', ...extra].join(', ')} ON ${ident(client, name)} TO ${role}`);
    }
    // bigserial columns (api_keys.position) draw from sequences.
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(client, rows[0].schema)} TO ${role}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
