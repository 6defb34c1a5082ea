import type { Count, GovernmentRequest } from '../formats/types.generated.js';
import { html, type Html } from './html.js';

/** One period's totals: requests (a band when any addend is banded) and the share where data was produced. */
export interface PeriodTotal {
  label: string;
  start: string;
  requests: { min: number; max: number };
  /** 0–100, weighted by requests; undefined when no row of the period says. */
  share?: number;
  worldwide: boolean;
}

const range = (c: Count) => (typeof c === 'number' ? { min: c, max: c } : c);

/** "2013", "2013 H1", or the dates: how a transparency report names its periods. */
export function periodLabel(period: GovernmentRequest['period']): string {
  const [sy, sm, sd] = period.start.split('-');
  const [ey, em, ed] = period.end.split('-');
  if (sy === ey && sm === '01' && sd === '01' && em === '12' && ed === '31') return sy;
  if (sy === ey && sm === '01' && sd === '01' && em === '06' && ed === '30') return `${sy} H1`;
  if (sy === ey && sm === '07' && sd === '01' && em === '12' && ed === '31') return `${sy} H2`;
  return `${period.start} – ${period.end}`;
}

/** The share of a row's requests where some data was produced, from the figure or from its outcomes. */
function shareOf(row: GovernmentRequest): number | undefined {
  if (row.percentDisclosed !== undefined) return row.percentDisclosed;
  const o = row.outcomes;
  if (!o || typeof row.requests !== 'number' || row.requests === 0) return undefined;
  if (typeof o.contentDisclosed !== 'number' || typeof o.nonContentOnly !== 'number') return undefined;
  return (100 * (o.contentDisclosed + o.nonContentOnly)) / row.requests;
}

/**
 * Totals per period. Per country a `process: "all"` row is the total; without one its
 * process rows add up. Worldwide ("001") rows are used only for a period no country row
 * covers, so a total is never counted twice.
 */
export function periodTotals(rows: readonly GovernmentRequest[]): PeriodTotal[] {
  const byPeriod = new Map<string, GovernmentRequest[]>();
  for (const row of rows) {
    const key = `${row.period.start}/${row.period.end}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), row]);
  }
  const totals: PeriodTotal[] = [];
  for (const list of byPeriod.values()) {
    const countries = list.filter((r) => r.country !== '001');
    const worldwide = countries.length === 0;
    const used = (worldwide ? list : countries).filter((r, _, all) => r.process === 'all' || !all.some((o) => o.country === r.country && o.process === 'all'));
    let min = 0;
    let max = 0;
    let weighted = 0;
    let weight = 0;
    for (const row of used) {
      const r = range(row.requests);
      min += r.min;
      max += r.max;
      const share = shareOf(row);
      if (share !== undefined && typeof row.requests === 'number') {
        weighted += share * row.requests;
        weight += row.requests;
      }
    }
    totals.push({ label: periodLabel(list[0].period), start: list[0].period.start, requests: { min, max }, share: weight > 0 ? weighted / weight : undefined, worldwide });
  }
  return totals.sort((a, b) => a.start.localeCompare(b.start));
}

const W = 640;
const H = 240;
const LEFT = 56;
const RIGHT = 56;
const TOP = 20;
const BOTTOM = 44;

const niceMax = (n: number) => {
  if (n <= 0) return 10;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
};
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/**
 * Requests per period as bars (a banded total shows its band as a lighter bar above the
 * lower bound) and the share complied with as a line on the right axis. A picture of
 * the table under it (`role="img"` with a summary); the table is what assistive technology reads.
 */
export function requestsChart(totals: readonly PeriodTotal[]): Html {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const top = niceMax(Math.max(...totals.map((t) => t.requests.max)));
  const slot = plotW / Math.max(1, totals.length);
  const barW = Math.min(48, slot * 0.6);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const yShare = (v: number) => TOP + plotH - (v / 100) * plotH;
  const bars = totals.map((t, i) => {
    const x = LEFT + slot * i + (slot - barW) / 2;
    const band = t.requests.max > t.requests.min ? html`<rect class="band" x="${x}" y="${y(t.requests.max)}" width="${barW}" height="${y(t.requests.min) - y(t.requests.max)}"/>` : '';
    const value = t.requests.max > t.requests.min ? `${fmt(t.requests.min)}–${fmt(t.requests.max)}` : fmt(t.requests.min);
    return html`<g class="period"><title>${t.label}${t.worldwide ? ' (worldwide)' : ''}: ${value} requests${t.share === undefined ? '' : `, ${t.share.toFixed(1)}% complied with`}</title>${band}<rect class="bar" x="${x}" y="${y(t.requests.min)}" width="${barW}" height="${TOP + plotH - y(t.requests.min)}"/><text class="x-label" x="${x + barW / 2}" y="${H - BOTTOM + 16}" text-anchor="middle">${t.label}${t.worldwide ? '*' : ''}</text></g>`;
  });
  const points = totals.map((t, i) => (t.share === undefined ? undefined : [LEFT + slot * i + slot / 2, yShare(t.share)] as const)).filter((p) => p !== undefined);
  const line = points.length > 1 ? html`<polyline class="share" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>` : '';
  const dots = points.map(([px, py]) => html`<circle class="share" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4"/>`);
  const ticks = [0, 0.5, 1].map(
    (f) => html`<text class="y-label" x="${LEFT - 6}" y="${y(top * f) + 4}" text-anchor="end">${fmt(top * f)}</text><text class="y-label" x="${W - RIGHT + 6}" y="${yShare(100 * f) + 4}">${100 * f}%</text><line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(top * f)}" y2="${y(top * f)}"/>`,
  );
  const summary = totals.map((t) => `${t.label}: ${t.requests.max > t.requests.min ? `${fmt(t.requests.min)}–${fmt(t.requests.max)}` : fmt(t.requests.min)} requests${t.share === undefined ? '' : `, ${t.share.toFixed(1)}% complied with`}`).join('; ');
  return html`<svg class="requests-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Government requests per period, and the share complied with. ${summary}">
<rect width="${W}" height="${H}" fill="#ffffff"/>
${ticks}${bars}${line}${dots}
<text class="axis-title" x="${LEFT}" y="12">requests (bars)</text><text class="axis-title" x="${W - RIGHT}" y="12" text-anchor="end">share complied with (line)</text>
${totals.some((t) => t.worldwide) ? html`<text class="note" x="${LEFT}" y="${H - 6}">* worldwide totals only</text>` : ''}
</svg>`;
}
