import type { EvidenceSource } from '../formats/types.generated.js';
import type { EvidenceConflict, EvidenceItem, EvidenceView } from '../service/evidence-view.js';
import { html, plainText, safeUrl, type Html } from './html.js';

export interface ObservationsSectionLabels {
  categoryLabel: (id: string) => string;
  jurisdictionName: (code: string) => string;
  /** Only the cells of the page's selection (default: all). */
  shows?: (category: string, jurisdiction: string) => boolean;
  /** Rows and observations shown at most (default: a page, 100); the rest are on the list pages. */
  limit?: number;
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

export function observationItem({ observation: o, relation, declared }: EvidenceItem, providerId: string, conflicts: readonly EvidenceConflict[] = [], heading: 'h3' | 'h4' = 'h4', declaredByProvider = true): Html {
  const status = o.status === 'active' ? '' : html` <span class="status">${o.status}${o.supersededBy ? ` by #${o.supersededBy}` : ''}</span>`;
  const link = `/providers/${encodeURIComponent(providerId)}/observations/${o.id}`;
  const conflict = conflicts.find((c) => c.observations.some((x) => x.id === o.id));
  const others = conflict?.observations.filter((x) => x.id !== o.id) ?? [];
  const title = html`<a href="${link}">#${o.id}</a> <code>${o.pointer}</code> = <code>${valueText(o.value)}</code>${status}${conflict ? html` <span class="marker">disagrees with ${others.map((x, i) => html`${i ? ', ' : ''}#${x.id}`)}</span>` : ''}`;
  return html`<article class="observation ${o.status} ${relation ?? ''}${conflict ? ' conflict' : ''}" id="observation-${o.id}">
${heading === 'h3' ? html`<h3>${title}</h3>` : html`<h4>${title}</h4>`}
${conflict ? html`<p class="muted">Other evidence at this place says ${others.map((x, i) => html`${i ? '; ' : ''}<code>${valueText(x.value)}</code> (#${x.id}, ${x.observedAt}, ${isolated(x.organisation)})`)}. ${conflict.used === o.id ? 'The observed view uses this one, the latest by date; the disagreement stays open.' : html`The observed view uses #${conflict.used}, the latest by date; this one is not overruled, only older.`}</p>` : ''}
<p class="muted">Observed ${o.observedAt} by ${isolated(o.organisation)}${relation && declaredByProvider ? html` · ${RELATION_WORDS[relation]}${relation === 'contradicts' ? html` (declared: <code>${valueText(declared)}</code>)` : ''}` : ''}</p>
<p class="statement">${isolated(plainText(o.statement))}</p>
${sources(o.sources)}
${o.responses.length ? html`<div class="responses"><p><strong>The provider answers</strong></p>${o.responses.map((r) => html`<blockquote class="response"><p>${isolated(plainText(r.statement))}</p>${sources(r.sources)}</blockquote>`)}</div>` : ''}
</article>`;
}

/** Places where the evidence disagrees, each with every observation there: none is hidden because a later one wins. */
function conflictsBlock(view: EvidenceView): Html | string {
  if (view.conflicts.length === 0) return '';
  return html`<h3 id="evidence-conflicts">Evidence that disagrees</h3>
<p class="muted">Active observations at one place that say different things. The observed view applies them in date order, so the latest wins, but the older evidence is not withdrawn: both are shown.</p>
<ul class="conflicts">${view.conflicts.map(
    (c) => html`<li><code>${c.pointer}</code>: ${c.observations.map((o, i) => html`${i ? ' against ' : ''}<a href="#observation-${o.id}">#${o.id}</a> <code>${valueText(o.value)}</code> (${o.observedAt}, ${isolated(o.organisation)})`)}; the observed view uses #${c.used}.</li>`,
  )}</ul>`;
}

/**
 * Evidence beside claims on the provider page: "as declared" and "as observed" side by side
 * where they differ (within the page's selection), with the observations each observed cell
 * rests on, where the evidence disagrees, then the observations with their sources and the
 * provider's answers (a page of them; the rest on the list page). All text from reviewers
 * and providers goes through the escaping template.
 */
export function observationsSection(view: EvidenceView, labels: ObservationsSectionLabels): Html | undefined {
  if (view.items.length === 0) return undefined;
  const { categoryLabel, jurisdictionName } = labels;
  const limit = labels.limit ?? 100;
  const id = encodeURIComponent(view.providerId);
  const active = view.items.filter((i) => i.observation.status === 'active').length;
  const selected = view.differences.filter((d) => !labels.shows || labels.shows(d.category, d.jurisdiction));
  const rows = selected.slice(0, limit);
  const diff = selected.length
    ? html`<div class="table-scroll"><table class="facts-table as-observed"><caption>Where the evidence changes the exposure (law of ${view.lawDate}${labels.shows ? ', in the selection shown' : ''})${selected.length > rows.length ? `: the first ${rows.length} of ${selected.length} cells` : ''}</caption>
<thead><tr><th scope="col">Data</th><th scope="col">Seen from</th><th scope="col">As declared</th><th scope="col">As observed</th><th scope="col">Rests on</th></tr></thead>
<tbody>${rows.map(
        (d) => html`<tr><td>${categoryLabel(d.category)}</td><td>${jurisdictionName(d.jurisdiction)}</td><td>${range(d.declared)}</td><td>${range(d.observed)}</td><td>${d.observations.map((o, i) => html`${i ? ', ' : ''}<a href="#observation-${o}">#${o}</a>`)}</td></tr>`,
      )}</tbody></table></div>
<p class="muted">“Rests on” names the observations whose facts the observed cell's pathways cite; it does not mean each of them moved the number.${selected.length > rows.length ? html` Choose fewer jurisdictions or categories above to see the rest, or read them all as data: <a href="/v1/providers/${id}/exposure?basis=observed">?basis=observed</a>.` : ''}</p>`
    : view.differences.length
      ? html`<p>In the selection shown, the exposure as observed is the same as declared (${view.differences.length} cells elsewhere differ: choose other jurisdictions or categories).</p>`
      : html`<p>As observed, the exposure is the same as declared: the evidence confirms what is declared, or answers questions in a way that does not move a range.</p>`;
  const shown = view.items.slice(0, limit);
  return html`<section class="observations" id="observations" aria-labelledby="observations-heading">
<h2 id="observations-heading">Evidence beside claims</h2>
<p class="muted">${view.declaredByProvider ? '' : 'This provider has not declared anything: it is documented from evidence alone, over a declaration that answers nothing. '}${view.items.length} observation${view.items.length === 1 ? '' : 's'} by reviewers (${active} in use), each with its sources and the provider's answers. As data: <a href="/v1/providers/${id}/observations">/v1/providers/${view.providerId}/observations</a>; the observed exposure: <a href="/v1/providers/${id}/exposure?basis=observed">?basis=observed</a>.</p>
${view.declaredByProvider ? html`<h3 id="as-observed">As declared and as observed</h3>
${diff}` : ''}
${conflictsBlock(view)}
<h3 id="observations-list">Observations</h3>
${shown.map((i) => observationItem(i, view.providerId, view.conflicts, 'h4', view.declaredByProvider))}
${view.items.length > shown.length ? html`<p><a href="/providers/${id}/observations">All ${view.items.length} observations</a>, a page at a time.</p>` : ''}
</section>`;
}
