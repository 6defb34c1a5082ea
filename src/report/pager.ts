import { html, type Html } from './html.js';

export interface PagerData {
  /** Rows in the whole list. */
  total: number;
  offset: number;
  limit: number;
  /** The address of the page that starts at `offset` (same filters). */
  href(offset: number): string;
  /** What the rows are ("providers"). */
  noun: string;
}

/**
 * Where this page sits in a long list, with links to the previous and next pages (and the
 * first and last): every HTML list shows at most a page of rows, like the API's lists.
 * Nothing when the list fits on one page.
 */
export function pager(d: PagerData): Html | string {
  if (d.total <= d.limit && d.offset === 0) return '';
  const from = Math.min(d.offset + 1, d.total);
  const to = Math.min(d.offset + d.limit, d.total);
  const last = Math.max(0, Math.floor((d.total - 1) / d.limit) * d.limit);
  const prev = d.offset > 0 ? Math.max(0, d.offset - d.limit) : undefined;
  const next = d.offset + d.limit < d.total ? d.offset + d.limit : undefined;
  const fmt = (n: number) => n.toLocaleString('en');
  return html`<nav class="pager" aria-label="pages of ${d.noun}"><span>${d.noun} ${fmt(from)}–${fmt(to)} of ${fmt(d.total)}</span>
${prev !== undefined ? html`${d.offset - d.limit > 0 ? html`<a href="${d.href(0)}">first</a> ` : ''}<a href="${d.href(prev)}" rel="prev">previous ${fmt(d.limit)}</a>` : ''}
${next !== undefined ? html`<a href="${d.href(next)}" rel="next">next ${fmt(Math.min(d.limit, d.total - next))}</a>${next < last ? html` <a href="${d.href(last)}">last</a>` : ''}` : ''}</nav>`;
}
