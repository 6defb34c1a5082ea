import type { Finding } from '../findings/rule.js';
import type { Declaration } from '../formats/types.generated.js';
import type { Cell, DisclosureScore } from '../scoring/index.js';
import type { ExposureGrid } from './exposure-grid.js';
import { gradeChip } from './grade-chip.js';
import { heatmapSvg } from './heatmap-svg.js';
import { html, safeUrl, type Html } from './html.js';
import { filterForm, page, type FilterOptions } from './layout.js';


export interface ProviderPageData {
  declaration: Declaration;
  latest: { version: number; submittedAt: string };
  exposure: { grade: string; score: number; modelVersion: string };
  disclosure: DisclosureScore;
  grid: ExposureGrid;
  history: { version: number; submittedAt: string; hash: string }[];
  filter: FilterOptions;
  /** Undefined when the service has no findings to show. */
  findings?: Finding[];
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}

const cellAnchor = (cell: Cell) => `cell-${cell.category}-${cell.jurisdiction}`;
const list = (values: readonly string[] | string | undefined) => (typeof values === 'string' ? values : values && values.length ? values.join(', ') : '—');

function summary(d: ProviderPageData): Html {
  const p = d.declaration.provider;
  const website = safeUrl(p.website);
  return html`<dl class="facts">
<dt>provider id</dt><dd><code>${p.id}</code></dd>
<dt>headquarters</dt><dd>${p.headquarters}</dd>
<dt>establishments</dt><dd>${list(p.establishments)}</dd>
<dt>services</dt><dd>${list(p.services)}</dd>
${website ? html`<dt>website</dt><dd><a href="${website}" rel="nofollow noopener">${website}</a></dd>` : ''}
<dt>statements as of</dt><dd>${d.declaration.asOf}</dd>
<dt>latest version</dt><dd>v${d.latest.version}, submitted ${d.latest.submittedAt}</dd>
</dl>
<div class="scores">
<div class="score-card"><div class="label">exposure grade</div>${gradeChip(d.exposure.grade, d.exposure.score)}<div class="muted">worst cell ${d.exposure.score}/100</div></div>
<div class="score-card"><div class="label">disclosure score</div><div class="big">${d.disclosure.score}</div><div class="muted">of 100: how completely the five questions are answered</div></div>
</div>
<table class="disclosure"><caption>Disclosure, question by question</caption>
<thead><tr><th scope="col">question</th><th scope="col">score</th></tr></thead>
<tbody>${d.disclosure.questions.map((q) => html`<tr><td>${q.question}. ${q.title}</td><td class="num">${q.score}</td></tr>`)}</tbody></table>`;
}

function cellTable(d: ProviderPageData): Html {
  const rows = d.grid.cells.map((cell) => {
    const pathways = cell.pathways.filter((p) => p.score > 0);
    return html`<tr id="${cellAnchor(cell)}">
<th scope="row">${d.categoryLabel(cell.category)}</th><td>${cell.jurisdiction}</td><td class="num">${cell.score}</td><td>${cell.grade}</td>
<td>${pathways.length ? html`<ul class="pathways">${pathways.map((p) => html`<li><strong>${p.pathway}</strong> (${p.score}): ${p.explanation}</li>`)}</ul>` : html`<span class="muted">no pathway</span>`}</td>
</tr>`;
  });
  return html`<table class="cells"><caption>Every cell of the heatmap, with the pathways that drive it</caption>
<thead><tr><th scope="col">data category</th><th scope="col">jurisdiction</th><th scope="col">score</th><th scope="col">grade</th><th scope="col">pathways</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function findings(list: Finding[] | undefined, providerId: string): Html | string {
  if (!list) return '';
  const head = html`<h2 id="findings">Findings</h2>`;
  if (list.length === 0) return html`${head}<p>No contradictions, gaps or regressions found in the latest version.</p>`;
  return html`${head}<ul class="findings">${list.map(
    (f) => html`<li class="finding ${f.severity}"><strong>${f.severity}</strong> <span class="muted">${f.rule}${f.jurisdiction ? ` · ${f.jurisdiction}` : ''}</span>: ${f.message}${f.pointers.length ? html` <span class="muted">(${f.pointers.map((p, i) => html`${i ? ', ' : ''}<code>${p}</code>`)})</span>` : ''}</li>`,
  )}</ul>
<p class="muted">Also as data: <a href="/v1/providers/${encodeURIComponent(providerId)}/findings">/v1/providers/${providerId}/findings</a></p>`;
}

function history(d: ProviderPageData): Html {
  const id = encodeURIComponent(d.declaration.provider.id);
  const rows = [...d.history].reverse().map(
    (v) => html`<tr><td class="num"><a href="/v1/providers/${id}/declarations/${v.version}">v${v.version}</a></td><td>${v.submittedAt}</td><td><code>${v.hash.slice(0, 19)}…</code></td>
<td>${v.version > 1 ? html`<a href="/v1/providers/${id}/diff?from=${v.version - 1}&amp;to=${v.version}">changes from v${v.version - 1}</a>` : 'first version'}</td></tr>`,
  );
  return html`<h2 id="history">Version history</h2>
<table class="history"><thead><tr><th scope="col">version</th><th scope="col">submitted</th><th scope="col">hash</th><th scope="col">diff</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** `/providers/{id}`: summary, heatmap with legend and table fallback, findings, version history, badge. */
export function providerPage(d: ProviderPageData): Html {
  const id = d.declaration.provider.id;
  const heatmap =
    d.grid.cells.length === 0
      ? html`<p class="empty">No cells for this selection.</p>`
      : html`<figure class="heatmap">${heatmapSvg(d.grid, { category: d.categoryLabel, jurisdiction: d.jurisdictionName, anchor: cellAnchor })}
<figcaption>Hover a cell for its pathways, or follow it to <a href="#cells">the table</a>. Colours: viridis scale, readable with colour-blindness and in greyscale.</figcaption></figure>`;
  const badge = `/badges/${encodeURIComponent(id)}.svg`;
  const body = html`<p class="crumbs"><a href="/">All providers</a></p>
<h1>${d.declaration.provider.name}</h1>
${summary(d)}
<h2 id="exposure">Exposure by category and jurisdiction</h2>
${filterForm(d.filter)}
${heatmap}
<h3 id="cells">Cells and pathways</h3>
${cellTable(d)}
${findings(d.findings, id)}
${history(d)}
<h2 id="badge">Badge</h2>
<p><img src="${badge}" alt="${d.declaration.provider.name}: exposure grade ${d.exposure.grade}, disclosure score ${d.disclosure.score}"></p>
<p>Embed it: <code>${`<img src="${badge}" alt="retention-atlas badge">`}</code> (prefix the address of this instance).</p>`;
  return page({ title: d.declaration.provider.name, body, modelVersion: d.exposure.modelVersion });
}
