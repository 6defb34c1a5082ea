import type { Command } from 'commander';
import { readConfig } from '../config.js';
import { redactedUrl } from '../backends/postgres-backend.js';
import { damagedVersions } from '../store/damaged-version.js';
import { LowdbStore } from '../store/lowdb-store.js';
import { openPool } from '../store/postgres-pool.js';
import { PostgresStore } from '../store/postgres-store.js';
import type { Store } from '../store/store.js';
import { CliError, type CliContext } from './cli-context.js';
import { withDataDir } from './target.js';

/** Prints one line per damaged version; returns how many there were. */
async function report(store: Store, where: string, ctx: CliContext): Promise<number> {
  const tally = { providers: 0, versions: 0 };
  let damaged = 0;
  for await (const { providerId, version, reason } of damagedVersions(store, tally)) {
    damaged++;
    ctx.out(`${providerId} ${version} ${reason}\n`);
  }
  ctx.err(`checked ${tally.versions} versions of ${tally.providers} providers in ${where}: ${damaged === 0 ? 'none damaged' : `${damaged} damaged`}\n`);
  return damaged;
}

export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('check every stored version against its recorded hash; print "<providerId> <version> <reason>" per damaged one, exit 1 if any')
    .option('-d, --data-dir <dir>', 'the file store in this directory (the server must not be running on it)')
    .option('--database-url <url>', 'the PostgreSQL database (read only; replicas may keep running)')
    .addHelpText(
      'after',
      '\nWithout either option: the store the environment names (DATABASE_URL, else DATA_DIR).\n' +
        'Reasons: hash-mismatch (the stored bytes are not the ones recorded), body-missing (the body file is gone).\n' +
        '\nExamples:\n  retention-atlas verify --data-dir ./data\n  retention-atlas verify --database-url "$DATABASE_URL"',
    )
    .action(async (options: { dataDir?: string; databaseUrl?: string }) => {
      if (options.dataDir && options.databaseUrl) throw new CliError('use either --data-dir or --database-url, not both');
      const config = options.dataDir || options.databaseUrl ? undefined : readConfig();
      const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : config?.databaseUrl);
      let damaged: number;
      if (databaseUrl) {
        const pool = openPool(databaseUrl, { max: 2, log: () => undefined });
        try {
          damaged = await report(new PostgresStore(pool), `database ${redactedUrl(databaseUrl)}`, ctx).catch((error: Error) => {
            throw new CliError(`cannot read the database ${redactedUrl(databaseUrl)}: ${error.message}`);
          });
        } finally {
          await pool.end();
        }
      } else {
        const dataDir = options.dataDir ?? config!.dataDir;
        damaged = await withDataDir(
          dataDir,
          async () => {
            const store = await LowdbStore.open(dataDir);
            try {
              return await report(store, dataDir, ctx);
            } finally {
              await store.close();
            }
          },
          { mustExist: true },
        );
      }
      if (damaged > 0) ctx.fail(1);
    });
}
