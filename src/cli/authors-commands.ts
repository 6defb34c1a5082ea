import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AssessmentView } from '../assessments/assessment-record.js';
import type { CurrentCampaign } from '../campaigns/campaign-record.js';
import type { Scorecard } from '../campaigns/scorecard.js';
import { CliError, type CliContext } from './cli-context.js';
import { problemMessage, send } from './target.js';

/**
 * Advocacy groups as authors from the terminal: assessments and campaigns, through a running
 * server (the same service functions as the API; its key decides the organisation).
 */
const base = (server: string) => server.replace(/\/$/, '');

async function readJson(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new CliError(`cannot read ${file}: ${error.message}`);
  });
  try {
    JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
  return text;
}

async function post(url: string, token: string | undefined, body: string): Promise<unknown> {
  if (!token) throw new CliError('writing needs a reviewer or admin key: --token <key> (or RETENTION_ATLAS_TOKEN)', 2);
  const response = await send(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  if (!response.ok) throw new CliError(await problemMessage(response), response.status === 422 || response.status === 409 ? 1 : 2);
  return response.json();
}

async function get(url: string, accept = 'application/json'): Promise<Response> {
  const response = await send(url, { headers: { accept } });
  if (!response.ok) throw new CliError(await problemMessage(response));
  return response;
}

const assessmentLine = (a: AssessmentView) =>
  `#${a.id} ${a.status.padEnd(10)} ${a.observedAt} ${a.organisation}: ${Object.keys(a.document).join(', ')}${a.responses.length ? ` (${a.responses.length} response${a.responses.length === 1 ? '' : 's'})` : ''}`;

type ServerOptions = { server: string; token?: string; json?: boolean };
const withServer = (command: Command) =>
  command.requiredOption('-s, --server <url>', 'a running retention-atlas').option('-t, --token <key>', 'a reviewer or admin key (default: $RETENTION_ATLAS_TOKEN)').option('--json', 'print JSON');
const tokenOf = (o: ServerOptions) => o.token ?? process.env.RETENTION_ATLAS_TOKEN;

export function registerAuthors(program: Command, ctx: CliContext): void {
  const assessments = program.command('assessments').description("a reviewer's assessments of providers (documenting one that has not declared)");
  withServer(assessments.command('add').description('record an assessment').argument('<providerId>', 'the provider').argument('<file>', 'assessment JSON: { document, observedAt, statement, sources, method?, supersedes? }'))
    .addHelpText('after', '\nExample:\n  retention-atlas assessments add skype-2013 assessment.json --server http://127.0.0.1:3000 --token "$REVIEWER_KEY"')
    .action(async (providerId: string, file: string, o: ServerOptions) => {
      const recorded = (await post(`${base(o.server)}/v1/providers/${encodeURIComponent(providerId)}/assessments`, tokenOf(o), await readJson(file))) as AssessmentView;
      ctx.out(o.json ? JSON.stringify(recorded, null, 2) + '\n' : `recorded assessment ${recorded.id} of ${providerId}\n${assessmentLine(recorded)}\n`);
    });
  withServer(assessments.command('list').description('list the assessments of a provider (public)').argument('<providerId>', 'the provider')).action(async (providerId: string, o: ServerOptions) => {
    const { items } = (await (await get(`${base(o.server)}/v1/providers/${encodeURIComponent(providerId)}/assessments`)).json()) as { items: AssessmentView[] };
    ctx.out(o.json ? JSON.stringify(items, null, 2) + '\n' : items.length === 0 ? `no assessments of ${providerId}\n` : items.map(assessmentLine).join('\n') + '\n');
  });

  const campaigns = program.command('campaigns').description('questions sent to providers, and their scorecards');
  withServer(campaigns.command('add').description('create a campaign').argument('<file>', 'campaign JSON: { id, title, asks, providers, sentOn, replyDueBy, sources }')).action(async (file: string, o: ServerOptions) => {
    const created = (await post(`${base(o.server)}/v1/campaigns`, tokenOf(o), await readJson(file))) as CurrentCampaign;
    ctx.out(o.json ? JSON.stringify(created, null, 2) + '\n' : `created campaign ${created.id}: ${created.asks.length} asks to ${created.providers.length} providers\n`);
  });
  withServer(campaigns.command('list').description('list the campaigns (public)')).action(async (o: ServerOptions) => {
    const { items } = (await (await get(`${base(o.server)}/v1/campaigns`)).json()) as { items: { id: string; title: string; organisation: string; sentOn: string; status: string }[] };
    ctx.out(o.json ? JSON.stringify(items, null, 2) + '\n' : items.length === 0 ? 'no campaigns\n' : items.map((c) => `${c.id}  ${c.sentOn}  ${c.status.padEnd(9)} ${c.organisation}: ${c.title}`).join('\n') + '\n');
  });
  withServer(campaigns.command('show').description("a campaign's scorecard (public)").argument('<campaignId>', 'the campaign').option('--csv', 'print the CSV scorecard')).action(async (id: string, o: ServerOptions & { csv?: boolean }) => {
    const url = `${base(o.server)}/v1/campaigns/${encodeURIComponent(id)}`;
    if (o.csv) return ctx.out(await (await get(`${url}?format=csv`, 'text/csv')).text());
    const card = (await (await get(url)).json()) as Scorecard;
    if (o.json) return ctx.out(JSON.stringify(card, null, 2) + '\n');
    const lines = card.rows.map((r) => `${r.providerId.padEnd(24)} ${r.askId.padEnd(24)} ${r.state.padEnd(10)} (at sentOn: ${r.stateAtSentOn})${r.overdue ? ' overdue' : ''}`);
    ctx.out(`${card.campaign.title} — sent ${card.campaign.sentOn}, replies due ${card.campaign.replyDueBy}${card.campaign.status === 'withdrawn' ? ' (withdrawn)' : ''}\n${lines.join('\n')}\n`);
  });
}
