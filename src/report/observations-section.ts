import type { EvidenceSource } from '../formats/types.generated.js';
import type { EvidenceItem, EvidenceView } from '../service/evidence-view.js';
import { html, plainText, safeUrl, type Html } from './html.js';

export interface ObservationsSectionLabels {
  categoryLabel: (id: string) => string;
  jurisdictionName: (code: string) => string;
}

const RELATION_WORDS = { confirms: 'confirms the declaration', discloses: 'answers what the declaration leaves open', contradicts: 'contradicts the declaration' } as const;
const KIND_WORDS: Record<string, string> = {
  'court-record': 'court record',
  'investigative-report': 'investigative report',
  'academic-study': 'academic study',
  patent: 'patent',
  'leaked-document': 'leaked document',
  'technical-test': 'technical test',
  'provider-statement': "provider's own statement elsewhere",
};

const valueText = (v: unknown) => (v === undefined ? 'nothing' : typeof v === 'string' ? v : JSON.stringify(v));
const range = (b: { established: number; worstCase: number }) => (b.established === b.worstCase ? `${b.worstCase}` : `${b.established}–${b.worstCase}`);
/** Untrusted text in body copy: escaped by the template, isolated from surrounding direction. */
const isolated = (text: string) => html`<bdi>${text}</bdi>`;

function sources(list: readonly EvidenceSource[]): Html | string {
  if (list.length === 0) return '';
  return html`<ul class="evidence-sources">${list.map((s) => {
    const href = safeUrl(s.url);
    const title = href ? html`<a href="${href}" rel="nofollow noopener">${isolated(s.title)}</a>` : isolated(s.title);
    const meta = [s.publisher, s.published, s.kind ? KIND_WORDS[s.kind] ?? s.kind : undefined].filter(Boolean).join(' · ');
    return html`<li>${title}${meta ? html` <span class="muted">(${meta})</span>` : ''}</li>`;
  })}</ul>`;
}

function item({ observation: o, relation, declared }: EvidenceItem, providerId: string): Html {
  const status = o.status === 'active' ? '' : html` <span class="status">${o.status}${o.supersededBy ? ` by #${o.supersededBy}` : ''}</span>`;
  const link = `/v1/providers/${encodeURIComponent(providerId)}/observations/${o.id}`;
  return html`<article class="observation ${o.status} ${relation ?? ''}" id="observation-${o.id}">
<h4><a href="${link}">#${o.id}</a> <code>${o.pointer}</code> = <code>${valueText(o.value)}</code>${status}</h4>
<p class="muted">Observed ${o.observedAt} by ${isolated(o.organisation)}${relation ? html` · ${RELATION_WORDS[relation]}${relation === 'contradicts' ? html` (declared: <code>${valueText(declared)}</code>)` : ''}` : ''}</p>
<p class="statement">${isolated(plainText(o.statement))}</p>
${sources(o.sources)}
${o.responses.length ? html`<div class="responses"><p><strong>The provider answers</strong></p>${o.responses.map((r) => html`<blockquote class="response"><p>${isolated(plainText(r.statement))}</p>${sources(r.sources)}</blockquote>`)}</div>` : ''}
</article>`;
}

/**
 * Evidence beside claims on the provider page: "as declared" and "as observed" side by side
 * where they differ, with the observations that drive each difference, then every
 * observation with its sources and the provider's answers. All text from reviewers and
 * providers goes through the escaping template.
 */
export function observationsSection(view: EvidenceView, labels: ObservationsSectionLabels): Html | undefined {
  if (view.items.length === 0) return undefined;
  const { categoryLabel, jurisdictionName } = labels;
  const active = view.items.filter((i) => i.observation.status === 'active').length;
  const diff = view.differences.length
    ? html`<div class="table-scroll"><table class="facts-table as-observed"><caption>Where the evidence changes the exposure (law of ${view.lawDate})</caption>
<thead><tr><th scope="col">Data</th><th scope="col">Seen from</th><th scope="col">As declared</th><th scope="col">As observed</th><th scope="col">Driven by</th></tr></thead>
<tbody>${view.differences.map(
        (d) => html`<tr><td>${categoryLabel(d.category)}</td><td>${jurisdictionName(d.jurisdiction)}</td><td>${range(d.declared)}</td><td>${range(d.observed)}</td><td>${d.observations.map((id, i) => html`${i ? ', ' : ''}<a href="#observation-${id}">#${id}</a>`)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>As observed, the exposure is the same as declared: the evidence confirms what is declared, or answers questions in a way that does not move a range.</p>`;
  return html`<section class="observations" id="observations" aria-labelledby="observations-heading">
<h2 id="observations-heading">Evidence beside claims</h2>
<p class="muted">${view.declaredByProvider ? '' : 'This provider has not declared anything: it is assessed from observations alone, over a declaration that answers nothing. '}${view.items.length} observation${view.items.length === 1 ? '' : 's'} by reviewers (${active} in use), each with its sources and the provider's answers. As data: <a href="/v1/providers/${encodeURIComponent(view.providerId)}/observations">/v1/providers/${view.providerId}/observations</a>; the observed exposure: <a href="/v1/providers/${encodeURIComponent(view.providerId)}/exposure?basis=observed">?basis=observed</a>.</p>
<h3 id="as-observed">As declared and as observed</h3>
${diff}
<h3 id="observations-list">Observations</h3>
${view.items.map((i) => item(i, view.providerId))}
</section>`;
}
