import type { Finding } from '../findings/rule.js';
import type { Declaration } from '../formats/types.generated.js';
import type { Cell, DisclosureScore } from '../scoring/index.js';
import type { ExposureGrid } from './exposure-grid.js';
import { gradeChip } from './grade-chip.js';
import { heatmapSvg, type GradeBand } from './heatmap-svg.js';
import { html, isolated, plainText, safeUrl, type Html } from './html.js';
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
  /** The model's grade bands, for the heatmap's legend. */
  grades?: readonly GradeBand[];
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}

const cellAnchor = (cell: Cell) => `cell-${cell.category}-${cell.jurisdiction}`;
const list = (values: readonly string[] | string | undefined) =>
  typeof values === 'string' ? isolated(values) : values && values.length ? values.map((v, i) => html`${i ? ', ' : ''}${isolated(v)}`) : '—';
/** A timestamp as people read it: date and minute, UTC (the full value stays in the datetime attribute). */
const when = (iso: string) => html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}</time>`;

function summary(d: ProviderPageData): Html {
  const p = d.declaration.provider;
  const website = safeUrl(p.website);
  const errors = d.findings?.filter((f) => f.severity === 'error').length ?? 0;
  return html`<div class="summary">
<div class="scores">
<div class="score-card"><div class="label">exposure grade</div><div class="card-row">${gradeChip(d.exposure.grade, d.exposure.score)}<div><span class="big">${d.exposure.score}</span><span class="of">/100</span></div></div><div class="muted">the worst of its cells</div></div>
<div class="score-card"><div class="label">disclosure score</div><div class="card-row"><div><span class="big">${d.disclosure.score}</span><span class="of">/100</span></div></div><div class="muted">how fully it answers the five questions</div></div>
${d.findings ? html`<div class="score-card"><div class="label">findings</div><div class="card-row"><div><span class="big">${errors}</span><span class="of"> ${errors === 1 ? 'error' : 'errors'}</span></div></div><div class="muted"><a href="#findings">${d.findings.length - errors} ${d.findings.length - errors === 1 ? 'warning' : 'warnings'}</a></div></div>` : ''}
</div>
<dl class="facts">
<dt>provider id</dt><dd><code>${p.id}</code></dd>
<dt>headquarters</dt><dd>${p.headquarters ?? '—'}${p.headquarters && d.jurisdictionName(p.headquarters) !== p.headquarters ? html` <span class="muted">${d.jurisdictionName(p.headquarters)}</span>` : ''}</dd>
<dt>establishments</dt><dd>${list(p.establishments)}</dd>
<dt>services</dt><dd>${list(p.services)}</dd>
${website ? html`<dt>website</dt><dd><a href="${website}" rel="nofollow noopener">${website}</a></dd>` : ''}
<dt>statements as of</dt><dd>${d.declaration.asOf}</dd>
<dt>latest version</dt><dd>v${d.latest.version}, submitted ${when(d.latest.submittedAt)}</dd>
</dl>
</div>`;
}

function disclosureTable(d: ProviderPageData): Html {
  return html`<h2 id="disclosure">Disclosure, question by question</h2>
<div class="table-scroll"><table class="disclosure"><caption>How completely each of the five questions is answered (0–100)</caption>
<thead><tr><th scope="col">question</th><th scope="col" class="num">score</th></tr></thead>
<tbody>${d.disclosure.questions.map((q) => html`<tr><th scope="row">${q.question}. ${q.title}</th><td class="num">${q.score}</td></tr>`)}</tbody></table></div>`;
}

/** The heatmap's accessible twin: the same rows, columns and numbers as a data table. */
function matrixTable(d: ProviderPageData): Html {
  const { grid } = d;
  const head = grid.jurisdictions.map((j) => html`<th scope="col"><abbr title="${d.jurisdictionName(j)}">${j}</abbr></th>`);
  const rows = grid.categories.map(
    (category) =>
      html`<tr><th scope="row">${d.categoryLabel(category)}</th>${grid.jurisdictions.map((j) => {
        const cell = grid.at(category, j);
        return cell ? html`<td class="num"><a href="#${cellAnchor(cell)}">${cell.score}</a> <span class="grade-letter">${cell.grade}</span></td>` : html`<td class="num">–</td>`;
      })}</tr>`,
  );
  return html`<details class="matrix" id="matrix"><summary>The heatmap as a table (${grid.cells.length} cells)</summary>
<div class="table-scroll"><table class="matrix"><caption>Exposure score (0–100) and grade, data category × jurisdiction; each score links to its pathways</caption>
<thead><tr><th scope="col">data category</th>${head}</tr></thead>
<tbody>${rows}</tbody></table></div></details>`;
}

function cellTable(d: ProviderPageData): Html {
  const rows = d.grid.cells.map((cell) => {
    const pathways = cell.pathways.filter((p) => p.score > 0);
    return html`<tr id="${cellAnchor(cell)}">
<th scope="row">${d.categoryLabel(cell.category)}</th><td><abbr title="${d.jurisdictionName(cell.jurisdiction)}">${cell.jurisdiction}</abbr></td><td class="num">${cell.score}</td><td>${cell.grade}</td>
<td class="pathways">${pathways.length ? html`<ul class="pathways">${pathways.map((p) => html`<li><strong>${p.pathway}</strong> (${p.score}): ${plainText(p.explanation)}</li>`)}</ul>` : html`<span class="muted">no pathway reaches this data</span>`}</td>
</tr>`;
  });
  return html`<h2 id="cells">Cells and pathways</h2>
<p class="muted">Why each cell scores what it does: the pathways by which the data can be reached, each with its own score. <a href="#exposure">Back to the heatmap</a></p>
<div class="table-scroll"><table class="cells"><caption>Every cell of the heatmap, with the pathways that drive it</caption>
<thead><tr><th scope="col">data category</th><th scope="col">jurisdiction</th><th scope="col" class="num">score</th><th scope="col">grade</th><th scope="col">pathways</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function findings(list: Finding[] | undefined, providerId: string): Html | string {
  if (!list) return '';
  const head = html`<h2 id="findings">Findings</h2>`;
  if (list.length === 0) return html`${head}<p>No contradictions, gaps or regressions found in the latest version.</p>`;
  const item = (f: Finding) =>
    html`<li class="finding ${f.severity}"><span class="severity">${f.severity}</span> <span class="rule">${f.rule}${f.jurisdiction ? ` · ${f.jurisdiction}` : ''}</span><div class="message">${plainText(f.message)}</div>${f.pointers.length ? html`<div class="pointers">${f.pointers.map((p, i) => html`${i ? ' ' : ''}<code>${p}</code>`)}</div>` : ''}</li>`;
  const errors = list.filter((f) => f.severity === 'error');
  const others = list.filter((f) => f.severity !== 'error');
  return html`${head}<p class="muted">Contradictions, gaps and regressions found in the latest version. Also as data: <a href="/v1/providers/${encodeURIComponent(providerId)}/findings">/v1/providers/${providerId}/findings</a></p>
${errors.length ? html`<ul class="findings">${errors.map(item)}</ul>` : html`<p>No errors.</p>`}
${others.length ? html`<details class="findings"${errors.length ? '' : html` open`}><summary>${others.length} ${others.length === 1 ? 'warning' : 'warnings'} (gaps and unanswered questions)</summary><ul class="findings">${others.map(item)}</ul></details>` : ''}`;
}

function history(d: ProviderPageData): Html {
  const id = encodeURIComponent(d.declaration.provider.id);
  const rows = [...d.history].reverse().map(
    (v) => html`<tr><th scope="row" class="num"><a href="/v1/providers/${id}/declarations/${v.version}">v${v.version}</a></th><td>${when(v.submittedAt)}</td><td><code title="${v.hash}">${v.hash.slice(0, 19)}…</code></td>
<td>${v.version > 1 ? html`<a href="/v1/providers/${id}/diff?from=${v.version - 1}&amp;to=${v.version}">changes from v${v.version - 1}</a>` : 'first version'}</td></tr>`,
  );
  return html`<h2 id="history">Version history</h2>
<div class="table-scroll"><table class="history"><caption>Every submitted version, newest first; each exactly as submitted</caption><thead><tr><th scope="col">version</th><th scope="col">submitted</th><th scope="col">hash</th><th scope="col">diff</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** `/providers/{id}`: summary, heatmap with legend and table fallback, findings, disclosure, version history, badge, pathways. */
export function providerPage(d: ProviderPageData): Html {
  const id = d.declaration.provider.id;
  const name = d.declaration.provider.name;
  const heatmap =
    d.grid.cells.length === 0
      ? html`<p class="empty">No cells for this selection.</p>`
      : html`<figure class="heatmap">${heatmapSvg(
          d.grid,
          { category: d.categoryLabel, jurisdiction: d.jurisdictionName, anchor: cellAnchor },
          { provider: name, asOf: d.declaration.asOf, modelVersion: d.exposure.modelVersion },
          d.grades,
        )}
<figcaption>Hover a cell for the pathways behind it, click it for <a href="#cells">its row in the pathway table</a>. Colours follow the viridis scale, which stays in order for colour-blind readers and in greyscale; every cell also shows its number.</figcaption></figure>
${matrixTable(d)}`;
  const badge = `/badges/${encodeURIComponent(id)}.svg`;
  const body = html`<p class="crumbs"><a href="/">All providers</a></p>
<h1>${name}</h1>
${summary(d)}
<h2 id="exposure">Exposure by category and jurisdiction</h2>
${filterForm(d.filter)}
${heatmap}
${findings(d.findings, id)}
${disclosureTable(d)}
${history(d)}
<h2 id="badge">Badge</h2>
<p><img src="${badge}" alt="${name}: exposure grade ${d.exposure.grade}, disclosure score ${d.disclosure.score}"></p>
<p>Embed it: <code>${`<img src="${badge}" alt="retention-atlas badge">`}</code> (prefix the address of this instance).</p>
${d.grid.cells.length ? cellTable(d) : ''}`;
  return page({ title: name, body, modelVersion: d.exposure.modelVersion });
}
