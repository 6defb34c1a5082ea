import type { CurrentCampaign } from '../campaigns/campaign-record.js';
import type { AskState, Scorecard } from '../campaigns/scorecard.js';
import { html, safeUrl, type Html } from './html.js';
import { page } from './layout.js';

const STATE_WORDS: Record<AskState, string> = { answered: 'answered', partly: 'partly answered', unanswered: 'not answered' };

/** One warning that names an unanswered place of an ask, with where to read it. */
export interface NamedWarning {
  pointer: string;
  message: string;
  /** Where the finding is read (the provider's page, or its findings in the API). */
  href: string;
}

export interface CampaignPageData {
  card: Scorecard;
  providerName(providerId: string): string;
  /** For each provider and ask: the unanswered-question warnings that name the ask's places. */
  warnings(providerId: string, askId: string): NamedWarning[];
  /** Who assessed a provider that never declared (empty for a declared one). */
  assessedBy(providerId: string): string[];
  today: string;
}

const date = (d: string) => html`<time datetime="${d}">${d}</time>`;

function sourcesList(c: CurrentCampaign): Html | string {
  if (c.sources.length === 0) return '';
  return html`<h2 id="sources">Sources</h2><ul>${c.sources.map((s) => {
    const href = safeUrl(s.url);
    return html`<li>${href ? html`<a href="${href}">${s.title}</a>` : s.title}${s.publisher ? html` (${s.publisher})` : ''}</li>`;
  })}</ul>`;
}

/**
 * A campaign's scorecard as a page: the asks as sent, then one table per provider with each
 * ask's state now and when the asks were sent, whether it is overdue, and for an ask left
 * open the warnings that name it. A provider that never declared is marked so, with who
 * assessed it: its "answers" are nobody's, so every ask stays unanswered.
 */
export function campaignPage(data: CampaignPageData): Html {
  const { card } = data;
  const c = card.campaign;
  const titleOf = new Map(c.asks.map((a) => [a.id, a.title]));
  const byProvider = new Map<string, typeof card.rows>();
  for (const r of card.rows) byProvider.set(r.providerId, [...(byProvider.get(r.providerId) ?? []), r]);
  const body = html`<nav class="crumbs" aria-label="breadcrumb"><a href="/campaigns">Campaigns</a> › ${c.id}</nav>
<h1>${c.title}</h1>
<p class="lede">${c.organisation} sent ${c.asks.length} asks to ${c.providers.length} providers on ${date(c.sentOn)}; replies were due by ${date(c.replyDueBy)}${c.replyDueBy < data.today ? ' (passed)' : ''}.${c.status === 'withdrawn' ? html` <strong>Withdrawn</strong> by its organisation; kept as it was.` : ''}</p>
<p class="muted">An ask is answered when no unanswered-question warning of the provider's latest declaration names any of its places. Judged under the law as of ${date(card.lawDate)}. Data: <a href="/v1/campaigns/${c.id}">JSON</a> · <a href="/v1/campaigns/${c.id}?format=csv">CSV</a> · <a href="/v1/campaigns/${c.id}/feed.atom">Atom feed</a></p>
<form class="filters" method="get" action="/campaigns/${c.id}"><label>Law as of <input type="date" name="lawDate" value="${card.lawDate}"></label><button type="submit">Show</button></form>
<h2 id="asks">The asks</h2>
<ol>${c.asks.map((a) => html`<li id="ask-${a.id}"><strong>${a.title}</strong><p>${a.text}</p><p class="muted">Answered at: ${a.pointers.map((p, i) => html`${i > 0 ? ', ' : ''}<code>${p}</code>`)}</p></li>`)}</ol>
<h2 id="providers">Providers</h2>
${card.providers.map((p) => {
  const rows = byProvider.get(p.providerId) ?? [];
  const answered = rows.filter((r) => r.state === 'answered').length;
  const assessed = data.assessedBy(p.providerId);
  return html`<section aria-labelledby="p-${p.providerId}">
<h3 id="p-${p.providerId}"><a href="/providers/${p.providerId}">${data.providerName(p.providerId)}</a></h3>
<p>${p.declaredByProvider
    ? html`Declared by the provider: version ${p.latestVersion ?? '—'} now${p.versionAtSentOn !== null ? html`, version ${p.versionAtSentOn} when the asks were sent` : ', none when the asks were sent'}. ${answered} of ${rows.length} asks answered.`
    : html`<strong>Not declared by the provider.</strong>${assessed.length > 0 ? html` Known only from evidence recorded by ${assessed.join(', ')}; none of it is the provider's answer.` : ''}`}
${p.narrowing.widthNow !== null ? html` Mean range width: ${p.narrowing.widthAtSentOn ?? '—'} when sent, ${p.narrowing.widthNow} now.` : ''}</p>
<div class="table-scroll"><table>
<caption>${data.providerName(p.providerId)}: the asks</caption>
<thead><tr><th scope="col">Ask</th><th scope="col">Now</th><th scope="col">When sent</th><th scope="col">Overdue</th><th scope="col">Left open</th></tr></thead>
<tbody>${rows.map((r) => {
  const warnings = r.state === 'answered' ? [] : data.warnings(r.providerId, r.askId);
  return html`<tr><th scope="row"><a href="#ask-${r.askId}">${titleOf.get(r.askId) ?? r.askId}</a></th><td>${STATE_WORDS[r.state]}</td><td>${STATE_WORDS[r.stateAtSentOn]}</td><td>${r.overdue ? 'overdue' : 'no'}</td>
<td>${r.unanswered.length === 0 ? 'nothing' : warnings.length > 0
    ? html`<ul>${warnings.map((w) => html`<li><a href="${w.href}">${w.message}</a> <code>${w.pointer}</code></li>`)}</ul>`
    : html`<ul>${r.unanswered.map((u) => html`<li><code>${u}</code></li>`)}</ul>`}</td></tr>`;
})}</tbody></table></div>
</section>`;
})}
${sourcesList(c)}
${c.revisions.length > 0 ? html`<h2 id="history">History</h2><ol>${c.revisions.map((r) => html`<li>${date(r.at.slice(0, 10))}: ${r.action === 'withdraw' ? 'withdrawn' : 'amended'}${r.note ? html` — ${r.note}` : ''}</li>`)}</ol>` : ''}`;
  return page({ title: c.title, body, lawDate: card.lawDate });
}

/** Every campaign, newest first. */
export function campaignIndexPage(campaigns: CurrentCampaign[]): Html {
  const sorted = [...campaigns].sort((a, b) => b.sentOn.localeCompare(a.sentOn) || a.id.localeCompare(b.id));
  const body = html`<h1>Campaigns</h1>
<p class="lede">Questions advocacy groups sent to providers, and what each provider has answered since in its own declaration.</p>
${sorted.length === 0 ? html`<p class="empty">No campaign yet.</p>` : html`<div class="table-scroll"><table>
<caption>Campaigns</caption>
<thead><tr><th scope="col">Campaign</th><th scope="col">Organisation</th><th scope="col">Sent</th><th scope="col">Replies due</th><th scope="col" class="num">Asks</th><th scope="col" class="num">Providers</th><th scope="col">Status</th></tr></thead>
<tbody>${sorted.map((c) => html`<tr><th scope="row"><a href="/campaigns/${c.id}">${c.title}</a></th><td>${c.organisation}</td><td class="date">${date(c.sentOn)}</td><td class="date">${date(c.replyDueBy)}</td><td class="num">${c.asks.length}</td><td class="num">${c.providers.length}</td><td>${c.status}</td></tr>`)}</tbody>
</table></div>`}
<p class="muted">Data: <a href="/v1/campaigns">/v1/campaigns</a></p>`;
  return page({ title: 'Campaigns', body });
}
