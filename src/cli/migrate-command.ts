import type { Command } from 'commander';
import { JsonlAuditLog } from '../audit/jsonl-audit-log.js';
import { LowdbKeyStore } from '../auth/lowdb-key-store.js';
import { LowdbAssessmentStore, LowdbObservationStore } from '../store/lowdb-observation-store.js';
import { LowdbCampaignStore } from '../store/lowdb-campaign-store.js';
import { LowdbStore } from '../store/lowdb-store.js';
import { redactedUrl } from '../backends/postgres-backend.js';
import { copyInstance, verifyCopy, type CopySummary } from '../backends/postgres-copy.js';
import { migrate } from '../store/postgres-migrations.js';
import { openPool } from '../store/postgres-pool.js';
import { CliError, type CliContext } from './cli-context.js';
import { withDataDir } from './target.js';

async function copyFromDataDir(dataDir: string, pool: ReturnType<typeof openPool>): Promise<CopySummary> {
  return withDataDir(
    dataDir,
    async () => {
      const source = {
        store: await LowdbStore.open(dataDir),
        keys: await LowdbKeyStore.open(dataDir),
        audit: await JsonlAuditLog.open(dataDir),
        observations: await LowdbObservationStore.open(dataDir),
        assessments: await LowdbAssessmentStore.open(dataDir),
        campaigns: await LowdbCampaignStore.open(dataDir),
      };
      try {
        const summary = await copyInstance(source, pool).catch((error: Error) => {
          throw new CliError(`nothing was copied: ${error.message}`, 1);
        });
        const problems = await verifyCopy(source, pool);
        if (problems.length > 0) throw new CliError(`the copy does not match the source:\n  ${problems.join('\n  ')}`, 1);
        return summary;
      } finally {
        await Promise.all([source.store.close(), source.keys.close(), source.audit.close(), source.observations.close(), source.assessments.close(), source.campaigns.close()]);
      }
    },
    { mustExist: true },
  );
}

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('bring a PostgreSQL database to the current schema; with --from-data-dir, copy an instance into it and verify the copy')
    .requiredOption('--to <url>', 'the PostgreSQL connection string (as DATABASE_URL)')
    .option('--from-data-dir <dir>', 'copy the versions, keys, audit trail, observations, assessments and campaigns of this data directory (the server must not be running on it)')
    .option('--json', 'print what was done as JSON')
    .addHelpText('after', '\nExamples:\n  retention-atlas migrate --to "$DATABASE_URL"\n  retention-atlas migrate --from-data-dir ./data --to "$DATABASE_URL"')
    .action(async (options: { to: string; fromDataDir?: string; json?: boolean }) => {
      const pool = openPool(options.to, { max: 2, log: () => undefined });
      try {
        const applied = await migrate(pool).catch((error: Error) => {
          throw new CliError(`cannot prepare the database ${redactedUrl(options.to)}: ${error.message}`);
        });
        const copied = options.fromDataDir ? await copyFromDataDir(options.fromDataDir, pool) : undefined;
        if (options.json) return ctx.out(JSON.stringify({ migrationsApplied: applied, copied, verified: copied !== undefined }, null, 2) + '\n');
        ctx.out(applied.length > 0 ? `schema migrations applied: ${applied.join(', ')}\n` : 'schema already current\n');
        if (copied) {
          ctx.out(
            `copied ${copied.providers} providers (${copied.versions} versions), ${copied.keys} keys, ${copied.auditEntries} audit entries and ` +
              `${copied.observations} observations (${copied.responses} responses, ${copied.withdrawals} withdrawals)${copied.assessments + copied.campaigns > 0 ? `, ${copied.assessments} assessments and ${copied.campaigns} campaigns` : ''} from ${options.fromDataDir}; verified byte for byte\n`,
          );
        }
      } finally {
        await pool.end();
      }
    });
}
