import type { EvidenceConflict, EvidenceItem } from '../service/evidence-view.js';
import { html, isolated, type Html } from './html.js';
import { page } from './layout.js';
import { observationItem } from './observations-section.js';
import { pager } from './pager.js';

export interface ObservationsPageData {
  providerId: string;
  name: string;
  declaredByProvider: boolean;
  /** One page of the provider's observations, numbered order. */
  items: EvidenceItem[];
  conflicts: EvidenceConflict[];
  total: number;
  offset: number;
  limit: number;
  pageHref(offset: number): string;
}

const crumbs = (providerId: string, name: string, declaredByProvider: boolean) =>
  html`<p class="crumbs"><a href="/">All providers</a> › <a href="/providers/${encodeURIComponent(providerId)}${declaredByProvider ? '' : '?basis=observed'}">${isolated(name)}</a> › <a href="/providers/${encodeURIComponent(providerId)}/observations">evidence</a></p>`;

/** `/providers/{id}/observations`: every observation about a provider, a page at a time. */
export function observationsPage(d: ObservationsPageData): Html {
  const pages = pager({ total: d.total, offset: d.offset, limit: d.limit, href: d.pageHref, noun: 'observations' });
  const body = html`${crumbs(d.providerId, d.name, d.declaredByProvider)}
<h1>Evidence about <bdi>${d.name}</bdi>${d.declaredByProvider ? '' : html` <span class="marker">not declared by the provider</span>`}</h1>
<p class="lede">Observations recorded by reviewers, each with its sources and the provider's answers${d.declaredByProvider ? '' : '; the provider has not declared, so none of this is its own statement'}. Also as data: <a href="/v1/providers/${encodeURIComponent(d.providerId)}/observations">JSON</a> · <a href="/v1/providers/${encodeURIComponent(d.providerId)}/observations?format=csv">CSV</a></p>
${pages}
<section class="observations">${d.items.length ? d.items.map((i) => observationItem(i, d.providerId, d.conflicts, 'h3', d.declaredByProvider)) : html`<p class="empty">No observations on this page.</p>`}</section>
${pages}`;
  return page({ title: `Evidence about ${d.name}`, body });
}

/** `/providers/{id}/observations/{n}`: one observation, what Atom entries link to. */
export function observationPage(d: { providerId: string; name: string; declaredByProvider: boolean; item: EvidenceItem; conflicts: EvidenceConflict[] }): Html {
  const o = d.item.observation;
  const body = html`${crumbs(d.providerId, d.name, d.declaredByProvider)}
<h1>Observation #${o.id} about <bdi>${d.name}</bdi></h1>
${d.declaredByProvider ? '' : html`<p class="not-declared"><strong>Not declared by the provider.</strong> This is evidence recorded by <bdi>${o.organisation}</bdi>, not the provider's own statement.</p>`}
<section class="observations">${observationItem(d.item, d.providerId, d.conflicts, 'h3', d.declaredByProvider)}</section>
<p class="muted">As data, with the provider's responses: <a href="/v1/providers/${encodeURIComponent(d.providerId)}/observations/${o.id}">/v1/providers/${d.providerId}/observations/${o.id}</a></p>`;
  return page({ title: `Observation #${o.id} about ${d.name}`, body });
}

export interface VersionsPageData {
  providerId: string;
  name: string;
  /** One page of versions, newest first. */
  versions: { version: number; submittedAt: string; hash: string }[];
  total: number;
  offset: number;
  limit: number;
  pageHref(offset: number): string;
}

/** `/providers/{id}/declarations`: the version history, a page at a time, newest first. */
export function versionsPage(d: VersionsPageData): Html {
  const id = encodeURIComponent(d.providerId);
  const pages = pager({ total: d.total, offset: d.offset, limit: d.limit, href: d.pageHref, noun: 'versions' });
  const rows = d.versions.map(
    (v) => html`<tr><th scope="row" class="num"><a href="/providers/${id}/declarations/${v.version}">v${v.version}</a></th><td><time datetime="${v.submittedAt}">${v.submittedAt}</time></td><td><code title="${v.hash}">${v.hash.slice(0, 19)}…</code></td>
<td>${v.version > 1 ? html`<a href="/v1/providers/${id}/diff?from=${v.version - 1}&amp;to=${v.version}">changes from v${v.version - 1}</a>` : 'first version'}</td></tr>`,
  );
  const body = html`<p class="crumbs"><a href="/">All providers</a> › <a href="/providers/${id}">${isolated(d.name)}</a></p>
<h1>Versions of <bdi>${d.name}</bdi></h1>
<p class="lede">Every version the provider submitted, newest first, each exactly as submitted. Also as data: <a href="/v1/providers/${id}/declarations">JSON</a></p>
${pages}
<div class="table-scroll"><table class="history"><caption>Versions ${Math.min(d.offset + 1, d.total)}–${Math.min(d.offset + d.limit, d.total)} of ${d.total}</caption><thead><tr><th scope="col">version</th><th scope="col">submitted</th><th scope="col">hash</th><th scope="col">diff</th></tr></thead><tbody>${rows}</tbody></table></div>
${pages}`;
  return page({ title: `Versions of ${d.name}`, body });
}
