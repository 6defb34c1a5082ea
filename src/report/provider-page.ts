import type { Finding } from '../findings/rule.js';
import type { Declaration } from '../formats/types.generated.js';
import type { DisclosureScore } from '../scoring/index.js';
import type { ExposureGrid } from './exposure-grid.js';
import { boundsPair } from './cell-bounds.js';
import { gradeChip } from './grade-chip.js';
import { heatmapLegend, heatmapTable } from './heatmap-table.js';
import { html, isolated, safeUrl, type Html } from './html.js';
import { filterForm, page, type FilterOptions } from './layout.js';
import { categoriesSection } from './sections/categories-section.js';
import type { SectionContext } from './sections/context.js';
import { sourcesOf } from './sections/facts.js';
import { findingsSection } from './sections/findings-section.js';
import { interceptionSection } from './sections/interception-section.js';
import { legalProcessSection } from './sections/legal-process-section.js';
import { requestsSection } from './sections/requests-section.js';
import { thirdPartiesSection } from './sections/third-parties-section.js';

export interface ProviderPageData {
  /** What the five-question sections show: the provider's declaration, or (known only from evidence) the evidence in place. */
  declaration: Declaration;
  /** False for a provider known only from reviewers' evidence: nothing on the page is then worded as its own statement. */
  declaredByProvider: boolean;
  /** Who recorded the evidence about it (organisations). */
  observers: string[];
  /** The basis the exposure is shown on. */
  basis: 'declared' | 'observed';
  /** The latest stored version; absent for a provider that never declared. */
  latest?: { version: number; submittedAt: string };
  /** Versions shown (newest first, at most a page) and how many there are. */
  historyTotal?: number;
  /** The worst cell's bounds and grades under `lawDate`. */
  exposure: { established: number; worstCase: number; grade: string; establishedGrade: string; modelVersion: string; lawDate: string };
  /** Absent for a provider that never declared (it answered none of the questions). */
  disclosure?: DisclosureScore;
  grid: ExposureGrid;
  /** The query of this view (controls), for links that keep it. */
  query: string;
  /** What a cell link carries of this view: the law date and basis when they were asked for (empty: the defaults). */
  cellQuery: string;
  history: { version: number; submittedAt: string; hash: string }[];
  filter: FilterOptions;
  /** Undefined when the service has no findings to show. */
  findings?: Finding[];
  /** The taxonomy in order: the fact sections show every category, listed or not. */
  categories: readonly { id: string; label: string }[];
  /** Absolute origin of this instance (`https://atlas.example`), for the badge embed snippet. */
  origin: string;
  /**
   * Evidence about the provider from reviewers ("as observed"), rendered by its own module
   * and placed after the declaration's sections. Absent until observations exist.
   */
  observed?: Html;
  /**
   * The five questions' sections, rendered already by `declarationSections` for the same
   * declaration and version (the service keeps them per stored version); rendered here when absent.
   */
  sections?: Html;
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}

const list = (values: readonly string[] | string | undefined) =>
  typeof values === 'string' ? isolated(values) : values && values.length ? values.map((v, i) => html`${i ? ', ' : ''}${isolated(v)}`) : '—';
/** A timestamp as people read it: date and minute, UTC (the full value stays in the datetime attribute). */
const when = (iso: string) => html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}</time>`;

function summary(d: ProviderPageData): Html {
  const p = d.declaration.provider;
  const website = safeUrl(p.website);
  const errors = d.findings?.filter((f) => f.severity === 'error').length ?? 0;
  const e = d.exposure;
  const documentSources = [...(p.sources ?? []), ...(d.declaration.sources ?? [])].filter((s, i, all) => all.findIndex((o) => o.url === s.url) === i);
  const range = e.established !== e.worstCase;
  const pair = boundsPair(e);
  const basisWords = d.basis === 'observed' ? 'as observed' : 'as declared';
  return html`${notDeclaredNotice(d)}<div class="summary">
<div class="scores">
<div class="score-card"><div class="label">exposure grade</div><div class="card-row">${gradeChip(e.grade, e.worstCase, `grade ${e.grade}: worst case ${e.worstCase}/100`)}<div><span class="big">${pair.join('–')}</span><span class="of">/100</span></div></div><div class="muted">${basisWords}, its worst cell: ${range ? `established ${pair[0]} (grade ${e.establishedGrade}), worst case ${pair[1]} (grade ${e.grade})` : `established, grade ${e.grade}`}; law as of ${e.lawDate}</div></div>
${d.disclosure ? html`<div class="score-card"><div class="label">disclosure score</div><div class="card-row"><div><span class="big">${d.disclosure.score}</span><span class="of">/100</span></div></div><div class="muted">how fully it answers the five questions</div></div>` : ''}
${d.findings ? html`<div class="score-card"><div class="label">findings</div><div class="card-row"><div><span class="big">${errors}</span><span class="of"> ${errors === 1 ? 'error' : 'errors'}</span></div></div><div class="muted"><a href="#findings">${d.findings.length - errors} other</a></div></div>` : ''}
</div>
<dl class="facts">
<dt>provider id</dt><dd><code>${p.id}</code></dd>
<dt>headquarters</dt><dd>${p.headquarters ?? '—'}${p.headquarters && d.jurisdictionName(p.headquarters) !== p.headquarters ? html` <span class="muted">${d.jurisdictionName(p.headquarters)}</span>` : ''}</dd>
<dt>establishments</dt><dd>${list(p.establishments)}</dd>
<dt>services</dt><dd>${list(p.services)}</dd>
${website ? html`<dt>website</dt><dd><a href="${website}" rel="nofollow noopener">${website}</a></dd>` : ''}
${d.declaredByProvider ? html`<dt>statements as of</dt><dd>${d.declaration.asOf}</dd>` : html`<dt>latest evidence of</dt><dd>${d.declaration.asOf}</dd>`}
${d.latest ? html`<dt>latest version</dt><dd>v${d.latest.version}, submitted ${when(d.latest.submittedAt)}</dd>` : html`<dt>declaration</dt><dd>none: <span class="marker">not declared by the provider</span></dd>`}
${d.observers.length ? html`<dt>${d.declaredByProvider ? 'evidence recorded by' : 'documented by'}</dt><dd>${list(d.observers)}</dd>` : ''}
${documentSources.length ? html`<dt>sources</dt><dd>${sourcesOf(documentSources)}</dd>` : ''}
</dl>
</div>`;
}

/** For a provider known only from evidence: said first, before any number. */
function notDeclaredNotice(d: ProviderPageData): Html | string {
  if (d.declaredByProvider) return '';
  return html`<p class="not-declared"><strong>Not declared by the provider.</strong> ${isolated(d.declaration.provider.name)} has made no declaration here. Everything on this page comes from evidence recorded by ${d.observers.length ? list(d.observers) : 'reviewers'}; none of it is the provider's own statement. Where the evidence is silent, a question is open and the range stays wide.</p>`;
}

function disclosureTable(d: ProviderPageData): Html | string {
  if (!d.disclosure) return '';
  return html`<h2 id="disclosure">Disclosure, question by question</h2>
<div class="table-scroll"><table class="disclosure"><caption>How completely each of the five questions is answered (0–100)</caption>
<thead><tr><th scope="col">question</th><th scope="col" class="num">score</th></tr></thead>
<tbody>${d.disclosure.questions.map((q) => html`<tr><th scope="row">${q.question}. ${q.title}</th><td class="num">${q.score}</td></tr>`)}</tbody></table></div>`;
}

function history(d: ProviderPageData): Html | string {
  if (!d.latest) return '';
  const id = encodeURIComponent(d.declaration.provider.id);
  const total = d.historyTotal ?? d.history.length;
  const rows = d.history.map(
    (v) => html`<tr><th scope="row" class="num"><a href="/providers/${id}/declarations/${v.version}">v${v.version}</a></th><td>${when(v.submittedAt)}</td><td><code title="${v.hash}">${v.hash.slice(0, 19)}…</code></td>
<td>${v.version > 1 ? html`<a href="/v1/providers/${id}/diff?from=${v.version - 1}&amp;to=${v.version}">changes from v${v.version - 1}</a>` : 'first version'}</td></tr>`,
  );
  return html`<h2 id="history">Version history</h2>
<div class="table-scroll"><table class="history"><caption>${total > d.history.length ? `The latest ${d.history.length} of ${total} versions` : 'Every submitted version'}, newest first; each exactly as submitted</caption><thead><tr><th scope="col">version</th><th scope="col">submitted</th><th scope="col">hash</th><th scope="col">diff</th></tr></thead><tbody>${rows}</tbody></table></div>
${total > d.history.length ? html`<p><a href="/providers/${id}/declarations">All ${total} versions</a>, a page at a time.</p>` : ''}`;
}

function exposure(d: ProviderPageData, id: string): Html {
  const enc = encodeURIComponent(id);
  const sel = d.filter.selected;
  const query = [
    ...(sel.jurisdictions.length ? [`jurisdiction=${sel.jurisdictions.join(',')}`] : []),
    ...(sel.categories.length ? [`category=${sel.categories.join(',')}`] : []),
    `lawDate=${d.exposure.lawDate}`,
    ...(d.basis === 'observed' || !d.declaredByProvider ? [`basis=${d.basis}`] : []),
  ];
  const csv = `/v1/providers/${enc}/exposure?${[...query, 'format=csv'].join('&')}`;
  const cellQuery = d.cellQuery ? `?${d.cellQuery}` : '';
  const heat =
    d.grid.cells.length === 0
      ? html`<p class="empty">No cells for this selection.</p>`
      : html`${heatmapLegend(d.declaredByProvider ? 'declaration' : 'evidence')}
${heatmapTable(d.grid, { category: d.categoryLabel, jurisdiction: d.jurisdictionName, href: (c, j) => `/providers/${enc}/cells/${c}/${j}${cellQuery}` }, html`Exposure of ${isolated(d.declaration.provider.name)} ${d.basis === 'observed' ? 'as observed' : 'as declared'}, data category × jurisdiction (${d.grid.cells.length} cells, law as of ${d.exposure.lawDate}): worst case, or established–worst case where a question is left open. Each cell links to its pathways.`)}
<p class="muted">Also as data: <a href="${csv}">CSV</a> · <a href="/v1/providers/${enc}/exposure?${query.join('&')}">JSON</a>${d.declaredByProvider ? html` · <a href="/providers/${enc}/heatmap.svg?${[...query.filter((q) => !q.startsWith('basis='))].join('&')}">the heatmap as an SVG picture</a>` : ''}</p>`;
  return html`<h2 id="exposure">Exposure by category and jurisdiction</h2>
${filterForm(d.filter)}
${heat}`;
}

/**
 * The declaration told question by question: a function of the section context alone (for a
 * provider's own declaration: its stored version and the names of codes), so it can be kept
 * per version. The largest declarations make long tables: rendering them costs more than the
 * rest of the page.
 */
export function declarationSections(ctx: SectionContext): Html {
  return html`${requestsSection(ctx)}
${categoriesSection(ctx)}
${interceptionSection(ctx)}
${thirdPartiesSection(ctx)}
${legalProcessSection(ctx)}`;
}

/** The section context of a provider's own stored declaration (what `providerPage` builds for it). */
export const declaredSectionContext = (declaration: Declaration, version: number, names: Pick<SectionContext, 'categories' | 'categoryLabel' | 'jurisdictionName'>): SectionContext => ({
  declaration,
  providerId: declaration.provider.id,
  version,
  categories: names.categories,
  categoryLabel: names.categoryLabel,
  jurisdictionName: names.jurisdictionName,
});

const CONTENTS: [string, string][] = [
  ['exposure', 'Exposure'],
  ['requests', '1. Government requests'],
  ['data', '2. Data and retention'],
  ['interception', '3. Interception'],
  ['third-parties', '4. Third parties'],
  ['legal-process', '5. Legal process'],
  ['findings', 'Findings'],
  ['history', 'Versions'],
];

/**
 * `/providers/{id}`: summary, the heatmap (a coloured table whose cells link to their
 * pathways), the declaration told question by question, findings, disclosure, history, badge.
 */
export function providerPage(d: ProviderPageData): Html {
  const id = d.declaration.provider.id;
  const name = d.declaration.provider.name;
  const ctx: SectionContext = {
    ...declaredSectionContext(d.declaration, d.latest?.version ?? 0, d),
    ...(d.declaredByProvider ? {} : { voice: 'evidence' as const, href: () => '#observations-list' }),
  };
  const badge = `${d.origin}/badges/${encodeURIComponent(id)}.svg`;
  const body = html`<p class="crumbs"><a href="/">All providers</a></p>
<h1>${name}${d.declaredByProvider ? '' : html` <span class="marker">not declared by the provider</span>`}</h1>
${summary(d)}
<nav class="contents" aria-label="sections"><ul>${CONTENTS.filter(([a]) => d.declaredByProvider || (a !== 'findings' && a !== 'history')).map(([a, t]) => html`<li><a href="#${a}">${t}</a></li>`)}${d.observed ? html`<li><a href="#observations">Evidence</a></li>` : ''}</ul></nav>
${exposure(d, id)}
<section class="declared" aria-labelledby="declared-heading">${d.declaredByProvider ? html`<h2 id="declared-heading" class="quiet">What the provider declares</h2>
<p class="muted">The declaration of ${d.declaration.asOf} (version ${d.latest?.version}), in the order of the five questions. Each value links to what the provider wrote, and carries the sources it gives.</p>` : html`<h2 id="declared-heading" class="quiet">What reviewers documented</h2>
<p class="muted">The provider has not declared: these are the facts of the active evidence (as of ${d.declaration.asOf}), in the order of the five questions. Each value links to the evidence; every question no evidence answers is shown as not answered. Lists are “at least these”: none claims to be complete.</p>`}
${d.sections ?? declarationSections(ctx)}
</section>
${d.observed ?? ''}
${findingsSection(d.findings, id)}
${disclosureTable(d)}
${history(d)}
${d.declaredByProvider ? html`<h2 id="badge">Badge</h2>
<p><img src="/badges/${encodeURIComponent(id)}.svg" alt="${name}: exposure grade ${d.exposure.establishedGrade === d.exposure.grade ? d.exposure.grade : `${d.exposure.establishedGrade} to ${d.exposure.grade}`}${d.disclosure ? `, disclosure score ${d.disclosure.score}` : ''}"></p>
<p>Embed it: <code>${`<img src="${badge}" alt="retention-atlas badge for ${name}">`}</code></p>` : ''}`;
  return page({ title: name, body, modelVersion: d.exposure.modelVersion, lawDate: d.exposure.lawDate, basis: d.basis });
}
