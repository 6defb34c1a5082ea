import type { Count, GovernmentRequest } from '../../formats/types.generated.js';
import { html, type Html } from '../html.js';
import { periodLabel, periodTotals, requestsChart } from '../requests-chart.js';
import { voiced, type SectionContext } from './context.js';
import { answerList, fact, notAnswered, place, pointerLink, processName } from './facts.js';

const count = (c: Count | undefined) => (c === undefined ? notAnswered() : typeof c === 'number' ? c.toLocaleString('en-US') : `${c.min.toLocaleString('en-US')}–${c.max.toLocaleString('en-US')}`);

function outcomes(o: GovernmentRequest['outcomes']): Html | string {
  if (!o) return '';
  const parts = [
    ['content', o.contentDisclosed],
    ['non-content only', o.nonContentOnly],
    ['no data', o.noDataFound],
    ['rejected', o.rejected],
  ].filter(([, v]) => v !== undefined) as [string, Count][];
  return parts.map(([k, v]) => `${k} ${count(v)}`).join(' · ');
}

/** Question 1: government requests, a table by country and period, and a chart of requests and share complied with over time. */
export function requestsSection(ctx: SectionContext): Html {
  const rows = ctx.declaration.governmentRequests;
  const head = html`<h2 id="requests">1. Government requests</h2>`;
  if (rows === undefined) return html`${head}<p>${notAnswered()} — ${voiced(ctx, 'no transparency figures are declared.', 'no evidence gives transparency figures.')}</p>`;
  if (rows.length === 0) return html`${head}<p>${voiced(ctx, 'None: the provider states it received no government requests.', 'None known.')}</p>`;
  const order = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.country === '001' ? 1 : 0) - (b.row.country === '001' ? 1 : 0) || a.row.country.localeCompare(b.row.country) || a.row.period.start.localeCompare(b.row.period.start) || a.row.process.localeCompare(b.row.process));
  const body = order.map(({ row, index }) => {
    const at = ['governmentRequests', index];
    return html`<tr><th scope="row">${place(ctx, row.country)}</th><td>${periodLabel(row.period)}</td><td>${processName(row.process)}</td>
<td class="num">${fact(ctx, count(row.requests), ...at, 'requests')}</td><td class="num">${row.accounts === undefined ? notAnswered() : fact(ctx, count(row.accounts), ...at, 'accounts')}</td>
<td class="num">${row.percentDisclosed === undefined ? '' : fact(ctx, `${row.percentDisclosed}%`, ...at, 'percentDisclosed')}</td><td>${outcomes(row.outcomes)}</td>
<td>${(row.rejectionBases ?? []).map((r, i) => html`${i ? ', ' : ''}${r.basis} ${count(r.count)}`)}</td><td>${row.categoriesRequested ? answerList(row.categoriesRequested, ctx.categoryLabel) : ''}</td><td>${pointerLink(ctx, ...at)}</td></tr>`;
  });
  const totals = periodTotals(rows);
  return html`${head}
<figure class="requests">${requestsChart(totals)}<figcaption>Requests per period (bars; a lighter bar is a reported band) and the share where some data was produced (line). Per country the "all" row is the total; worldwide rows count only where no country row covers the period.</figcaption></figure>
<div class="table-scroll"><table class="facts-table requests"><caption>Government requests by country and period, ${voiced(ctx, 'as declared', 'as reviewers documented them')} (also as data: <a href="/v1/transparency?provider=${encodeURIComponent(ctx.providerId)}&amp;format=csv">CSV</a>)</caption>
<thead><tr><th scope="col">country</th><th scope="col">period</th><th scope="col">process</th><th scope="col" class="num">requests</th><th scope="col" class="num">accounts</th><th scope="col" class="num">data produced</th><th scope="col">outcomes</th><th scope="col">rejected because</th><th scope="col">categories asked for</th><th scope="col">raw</th></tr></thead>
<tbody>${body}</tbody></table></div>`;
}
