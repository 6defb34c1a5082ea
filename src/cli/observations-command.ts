import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Caller } from '../auth/api-key.js';
import type { Declaration } from '../formats/types.generated.js';
import { InvalidDocumentError } from '../formats/validation-error.js';
import { LowdbObservationStore } from '../store/lowdb-observation-store.js';
import type { ObservationView } from '../observations/observation-record.js';
import { ObservationService } from '../service/observation-service.js';
import { LowdbStore } from '../store/lowdb-store.js';
import { checkedRecord } from '../store/damaged-version.js';
import { CliError, type CliContext } from './cli-context.js';
import { schemaRegistry } from './core-data.js';
import { addTargetOptions, problemMessage, send, targetOf, withDataDir, type TargetOptions } from './target.js';

const CATEGORY_IDS = () => (schemaRegistry().schema('common') as { $defs: { categoryId: { enum: string[] } } }).$defs.categoryId.enum;

/** The observation service over a data directory: the provider's latest declaration read from its store. */
async function localService(dataDir: string, providerId: string): Promise<{ service: ObservationService; close: () => Promise<void> }> {
  const store = await LowdbStore.open(dataDir);
  const observations = await LowdbObservationStore.open(dataDir);
  const history = await store.history(providerId);
  const record = history.length > 0 ? await store.version(providerId, history[history.length - 1].version) : undefined;
  // Checked against its hash like every body read: a damaged declaration is never the base of a check.
  const declaration = record ? (JSON.parse(checkedRecord(record).body) as Declaration) : undefined;
  const latestDeclaration = (id: string) => (id === providerId ? declaration : undefined);
  const declarations = { latestOf: (id: string) => (latestDeclaration(id) ? { declaration } : undefined), latestDeclaration: async (id: string) => latestDeclaration(id) };
  const service = await ObservationService.open(observations, schemaRegistry(), declarations, CATEGORY_IDS());
  return { service, close: async () => (await observations.close(), await store.close()) };
}

const line = (o: ObservationView) =>
  `#${o.id} ${o.status.padEnd(10)} ${o.observedAt} ${o.organisation}: ${o.pointer} = ${typeof o.value === 'string' ? o.value : JSON.stringify(o.value)}${o.responses.length ? ` (${o.responses.length} response${o.responses.length === 1 ? '' : 's'})` : ''}`;

const issuesText = (error: InvalidDocumentError) => error.errors.map((e) => `\n  ${e.pointer || '(document)'}: ${e.message}`).join('');

export function registerObservations(program: Command, ctx: CliContext): void {
  const observations = program.command('observations').description('evidence about providers: record and list observations');

  addTargetOptions(
    observations
      .command('add')
      .description('record an observation (reviewer or admin key) through a server, or straight into a data directory')
      .argument('<providerId>', 'the provider it is about')
      .argument('<file>', 'observation JSON: { pointer, value, statement, observedAt, sources, supersedes?, providerName? }')
      .option('-o, --organisation <name>', 'with --data-dir: the organisation to record (a server takes it from the key)'),
  )
    .option('--json', 'print the recorded observation as JSON')
    .addHelpText('after', '\nExamples:\n  retention-atlas observations add tandem-voice evidence.json --server http://127.0.0.1:3000 --token "$REVIEWER_KEY"\n  retention-atlas observations add tandem-voice evidence.json --data-dir ./data --organisation "Open Rights Lab"')
    .action(async (providerId: string, file: string, options: TargetOptions & { organisation?: string; json?: boolean }) => {
      const text = await readFile(file, 'utf8').catch((error: Error) => {
        throw new CliError(`cannot read ${file}: ${error.message}`);
      });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
      }
      const target = targetOf(options);
      let recorded: ObservationView;
      if (target.kind === 'server') {
        const response = await send(`${target.url}/v1/providers/${encodeURIComponent(providerId)}/observations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
          body: text,
        });
        if (!response.ok) throw new CliError(await problemMessage(response), response.status === 422 ? 1 : 2);
        recorded = (await response.json()) as ObservationView;
      } else {
        recorded = await withDataDir(target.dataDir, async () => {
          const { service, close } = await localService(target.dataDir, providerId);
          const caller: Caller = { keyId: 'cli', role: options.organisation ? 'reviewer' : 'admin', providerId: null, ...(options.organisation ? { organisation: options.organisation } : {}) };
          try {
            return await service.record(providerId, body, caller);
          } catch (error) {
            if (error instanceof InvalidDocumentError) throw new CliError(`${file}: ${error.detail}${issuesText(error)}`, 1);
            throw error;
          } finally {
            await close();
          }
        });
      }
      if (options.json) return ctx.out(JSON.stringify(recorded, null, 2) + '\n');
      ctx.out(`recorded observation ${recorded.id} of ${providerId}\n${line(recorded)}\n`);
    });

  observations
    .command('list')
    .description('list the observations about a provider (public: no key needed)')
    .argument('<providerId>', 'the provider')
    .option('-s, --server <url>', 'a running retention-atlas')
    .option('-d, --data-dir <dir>', 'read the store in this directory instead')
    .option('--json', 'print them as JSON')
    .action(async (providerId: string, options: { server?: string; dataDir?: string; json?: boolean }) => {
      let items: ObservationView[];
      if (options.server) {
        const response = await send(`${options.server.replace(/\/$/, '')}/v1/providers/${encodeURIComponent(providerId)}/observations`, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new CliError(await problemMessage(response));
        items = ((await response.json()) as { items: ObservationView[] }).items;
      } else if (options.dataDir) {
        const dataDir = options.dataDir;
        items = await withDataDir(dataDir, async () => {
          const { service, close } = await localService(dataDir, providerId);
          try {
            return service.list(providerId);
          } finally {
            await close();
          }
        }, { mustExist: true });
      } else throw new CliError('say where: --server <url> or --data-dir <dir>');
      if (options.json) return ctx.out(JSON.stringify(items, null, 2) + '\n');
      ctx.out(items.length === 0 ? `no observations of ${providerId}\n` : items.map(line).join('\n') + '\n');
    });
}
