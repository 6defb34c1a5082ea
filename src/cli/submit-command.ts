import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Preview } from '../service/preview.js';
import { CliError, type CliContext } from './cli-context.js';
import { problemMessage, send } from './target.js';
import { readFailure } from './validate-command.js';

interface SubmitOptions {
  server: string;
  token?: string;
  provider?: string;
  dryRun?: boolean;
  lawDate?: string;
  json?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The dry run as a person reads it: version, findings, warnings, changes, and every cell that moves. */
function describePreview(p: Preview): string {
  const lines = [
    p.wouldCreate ? `dry run: would be ${p.providerId} v${p.version}; nothing was stored` : `dry run: identical to ${p.providerId} v${p.version}; publishing would add nothing`,
    `findings: ${p.findings.length ? '' : 'none'}`,
    ...p.findings.map((f) => `  ${f.severity}${f.kind === 'disclosure' ? ' (disclosed)' : ''} ${f.rule}: ${f.message}${f.pointers.length ? ` [${f.pointers.join(' ')}]` : ''}`),
    `warnings: ${p.warnings.length ? '' : 'none'}`,
    ...p.warnings.map((w) => `  ${w.pointer || '(document)'}: ${w.message} [${w.keyword}]`),
    `changes against the latest version: ${plural(p.diff.length, 'change')}`,
    ...p.diff.map((c) => `  ${c.kind} ${c.pointer}`),
    `exposure: ${plural(p.exposureChange.length, 'cell')} would change`,
    ...p.exposureChange.map((c) => {
      const fmt = (s: { established: number; worstCase: number; grade: string } | null) =>
        s ? `${s.established === s.worstCase ? s.worstCase : `${s.established}–${s.worstCase}`} ${s.grade}` : 'new';
      return `  ${c.category} × ${c.jurisdiction}: ${fmt(c.before)} → ${fmt(c.after)}`;
    }),
  ];
  return lines.join('\n') + '\n';
}

export function registerSubmit(program: Command, ctx: CliContext): void {
  program
    .command('submit')
    .description('publish a declaration through a running server (POST /v1/providers/{id}/declarations), or preview it with --dry-run')
    .argument('<file>', 'declaration JSON file')
    .requiredOption('-s, --server <url>', 'a running retention-atlas, e.g. http://127.0.0.1:3000')
    .option('-t, --token <token>', 'API key (default: env RETENTION_ATLAS_TOKEN)')
    .option('--provider <id>', 'submit under this provider id (default: provider.id of the file)')
    .option('--dry-run', 'show everything publishing would produce (version, findings, warnings, diff, exposure change) and store nothing')
    .option('--law-date <date>', 'apply the law in force on this date (YYYY-MM-DD) to the dry run')
    .option('--json', "print the server's answer as JSON")
    .addHelpText('after', '\nExit status: 0 when accepted (or previewed), 1 when the server refuses the declaration, 2 when it cannot be sent.\n\nExamples:\n  retention-atlas submit draft.json --server http://127.0.0.1:3000 --dry-run\n  RETENTION_ATLAS_TOKEN=… retention-atlas submit draft.json -s https://atlas.example')
    .action(async (file: string, options: SubmitOptions) => {
      const token = options.token ?? process.env.RETENTION_ATLAS_TOKEN;
      // A dry run stores nothing and needs no key.
      if (!token && !options.dryRun) throw new CliError('--server needs an API key: --token <token> or env RETENTION_ATLAS_TOKEN (a --dry-run needs none)');
      let base: URL;
      try {
        base = new URL(options.server);
      } catch {
        throw new CliError(`--server is not a URL: ${options.server}`);
      }
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new CliError(`cannot read ${file}: ${readFailure(error)}`);
      });
      let providerId = options.provider;
      if (!providerId) {
        try {
          providerId = (JSON.parse(text) as { provider?: { id?: unknown } }).provider?.id as string | undefined;
        } catch {
          // The server reports malformed JSON with line and column; the id is needed first.
        }
        if (typeof providerId !== 'string') throw new CliError(`${file} has no provider.id to submit under; pass --provider <id>`);
      }
      const query = new URLSearchParams();
      if (options.dryRun) query.set('dryRun', 'true');
      if (options.lawDate) query.set('lawDate', options.lawDate);
      const url = `${base.href.replace(/\/$/, '')}/v1/providers/${encodeURIComponent(providerId)}/declarations${query.size ? `?${query}` : ''}`;
      const response = await send(url, { method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: text });
      if (!response.ok) throw new CliError(await problemMessage(response), response.status === 422 || response.status === 400 ? 1 : 2);
      const answer = (await response.json()) as Record<string, unknown>;
      if (options.json) return void ctx.out(JSON.stringify(answer, null, 2) + '\n');
      if (options.dryRun) return void ctx.out(describePreview(answer as unknown as Preview));
      ctx.out(answer.created === false ? `unchanged: identical to ${providerId} v${answer.version}\n` : `submitted ${providerId} v${answer.version} (${answer.hash})\n  ${base.origin}${answer.location}\n`);
    });
}
