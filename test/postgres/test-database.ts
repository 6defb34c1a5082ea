import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestDatabase {
  /** A connection string to an empty database of its own. */
  url: string;
  stop(): Promise<void>;
  /** Only a throwaway cluster (`startTestDatabase({ ownServer: true })`): stops the server (fast shutdown), keeping its data. */
  stopServer?(): Promise<void>;
  /** Starts a server stopped by stopServer again, on the same port and data. */
  startServer?(): Promise<void>;
}

/** The directory of `initdb` and `pg_ctl`: `pg_config --bindir`, else the newest Debian install. */
export function postgresBinDir(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    // No pg_config on the PATH: look where Debian's server packages put their binaries.
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error('PostgreSQL server binaries not found (no initdb via `pg_config --bindir` or under /usr/lib/postgresql): install the `postgresql` package or set DATABASE_URL');
  }
  return path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: then they run as the `postgres` system user. */
function asServerUser(bin: string, args: string[]): Promise<unknown> {
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

/**
 * An initdb'ed data directory is the same for every test file, so it is made once per
 * machine and PostgreSQL version and copied (tens of milliseconds) instead of re-run.
 */
async function templateCluster(bin: string): Promise<string> {
  const version = path.basename(path.dirname(bin));
  const template = path.join(tmpdir(), `retention-atlas-pg-template-${version}-${process.getuid?.() ?? 'u'}`);
  if (existsSync(path.join(template, 'PG_VERSION'))) return template;
  const work = await mkdtemp(path.join(tmpdir(), 'ra-pg-init-'));
  await chmod(work, 0o777);
  await asServerUser(path.join(bin, 'initdb'), ['-D', path.join(work, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // Another test worker may have won the race: either template is as good.
  await rename(path.join(work, 'data'), template).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
  return template;
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A fresh database in the server DATABASE_URL names; dropped at the end. */
async function databaseInGivenServer(serverUrl: string): Promise<TestDatabase> {
  const name = `ra_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await createDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
    },
  };
}

/**
 * A real PostgreSQL server for one test file: the one DATABASE_URL names (a fresh
 * database in it), otherwise a throwaway cluster in a temporary directory on a free
 * port, stopped with `-m immediate` and removed by `stop()`.
 */
export async function startTestDatabase(options: { ownServer?: boolean } = {}): Promise<TestDatabase> {
  // A test that stops and starts the server needs one of its own, whatever DATABASE_URL says.
  if (process.env.DATABASE_URL && !options.ownServer) return databaseInGivenServer(process.env.DATABASE_URL);
  const bin = postgresBinDir();
  const template = await templateCluster(bin);
  const dir = await mkdtemp(path.join(tmpdir(), 'ra-pg-'));
  await chmod(dir, 0o777);
  const data = path.join(dir, 'data');
  await cp(template, data, { recursive: true, preserveTimestamps: true });
  if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', data]);
  await chmod(data, 0o700);
  const port = await freePort();
  // fsync off: the tests kill replicas, never this server, and it is thrown away afterwards.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const pgCtl = path.join(bin, 'pg_ctl');
  await asServerUser(pgCtl, ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'log'), '-w', 'start']);
  // A test file that crashes or times out before stop() must not leave a server running.
  const stopAtExit = () => {
    const args = ['-D', data, '-m', 'immediate', 'stop'];
    try {
      if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { stdio: 'ignore' });
      else execFileSync(pgCtl, args, { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
  };
  process.once('exit', stopAtExit);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await createDatabase(adminUrl, 'atlas');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/atlas`,
    async stopServer() {
      await asServerUser(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async startServer() {
      await asServerUser(pgCtl, ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'log'), '-w', 'start']);
    },
    async stop() {
      process.removeListener('exit', stopAtExit);
      await asServerUser(pgCtl, ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Empties tables between tests. History tables refuse TRUNCATE (append-only triggers), so
 * this runs as the test's superuser with triggers off for its own transaction: something
 * the service's roles can never do.
 */
export async function emptyTables(db: pg.Pool, tables: string[]): Promise<void> {
  await db.query(`BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE ${tables.join(', ')}; COMMIT`);
}
