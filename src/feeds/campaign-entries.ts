import type { CurrentCampaign } from '../campaigns/campaign-record.js';
import type { AskChange } from '../service/campaign-service.js';
import type { AtomEntry } from './atom.js';
import { TAG_BASE } from './version-entries.js';

const STATE_WORDS = { answered: 'answered', partly: 'partly answered', unanswered: 'no longer answers' } as const;

/**
 * What changed in a campaign, newest first: the asks sent, each revision, each ask a
 * provider's new version answered (or stopped answering) after the asks were sent, and
 * the reply deadline once it has passed.
 */
export function campaignEntries(c: CurrentCampaign, changes: AskChange[], today: string, baseUrl: string): AtomEntry[] {
  const page = `${baseUrl}/campaigns/${c.id}`;
  const data = `${baseUrl}/v1/campaigns/${c.id}`;
  const tag = `${TAG_BASE}campaigns/${c.id}`;
  const titleOf = new Map(c.asks.map((a) => [a.id, a.title]));
  const entries: AtomEntry[] = [
    {
      id: `${tag}/sent`,
      title: `${c.title}: ${c.asks.length} asks sent to ${c.providers.length} providers`,
      updated: c.createdAt,
      link: page,
      data,
      summary: `${c.organisation} sent the asks on ${c.sentOn}; replies are due by ${c.replyDueBy}.`,
      categories: ['campaign'],
    },
    ...c.revisions.map((r) => ({
      id: `${tag}/revisions/${r.n}`,
      title: `${c.title}: ${r.action === 'withdraw' ? 'withdrawn' : `amended (${Object.keys(r).filter((k) => !['action', 'note', 'n', 'at', 'by'].includes(k)).join(', ')})`}`,
      updated: r.at,
      link: page,
      data,
      summary: r.note ?? (r.action === 'withdraw' ? 'The organisation withdrew the campaign; it is kept as it was.' : 'The organisation amended the campaign.'),
      categories: ['campaign-revision'],
    })),
    ...changes.map((ch) => ({
      id: `${tag}/providers/${ch.providerId}/asks/${ch.askId}/versions/${ch.version}`,
      title: `${c.title}: ${ch.providerId} ${STATE_WORDS[ch.to]} "${titleOf.get(ch.askId) ?? ch.askId}"`,
      updated: ch.at,
      link: page,
      data: `${baseUrl}/v1/providers/${ch.providerId}/declarations/${ch.version}`,
      summary: `Version ${ch.version} of ${ch.providerId}: the ask "${ch.askId}" went from ${ch.from} to ${ch.to}.`,
      categories: ['ask-' + ch.to],
    })),
    ...(c.replyDueBy < today
      ? [{
          id: `${tag}/deadline`,
          title: `${c.title}: the reply deadline (${c.replyDueBy}) has passed`,
          updated: `${c.replyDueBy}T23:59:59.000Z`,
          link: page,
          data,
          summary: 'Asks not answered by now are overdue on the scorecard.',
          categories: ['deadline'],
        }]
      : []),
  ];
  return entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}
