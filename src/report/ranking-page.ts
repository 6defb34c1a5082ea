import { gradeChip } from './grade-chip.js';
import { html, isolated, type Html } from './html.js';
import { filterForm, page, type FilterOptions } from './layout.js';

export interface RankingRow {
  rank: number;
  providerId: string;
  name: string;
  /** Bounds of the provider's worst selected cell. */
  established: number;
  worstCase: number;
  grade: string;
  establishedGrade: string;
  worstCell: { category: string; jurisdiction: string };
  disclosureScore: number;
  latestVersion: number;
  asOf: string;
}

export interface RankingPageData {
  rows: RankingRow[];
  /** Providers with no cell for the chosen threat model. */
  undeclared: { providerId: string; name: string }[];
  threatModel: string;
  filter: FilterOptions;
  categoryLabel(id: string): string;
  /** The model's grade bands, explained under the table. */
  grades?: readonly { grade: string; below: number | null }[];
  modelVersion: string;
  /** Ranked by the worst case (default) or by what is established. */
  order: 'worst-case' | 'established';
  lawDate: string;
  /** The filter as a query string (`jurisdiction=CN&category=…`), for the data links. */
  query?: string;
}

/** "A under 10 · B 10–25 · …": what a letter means, each on its own colour. */
function gradeKey(grades: readonly { grade: string; below: number | null }[]): Html | string {
  if (grades.length === 0) return '';
  let from = 0;
  const items = grades.map((g) => {
    const range = g.below === null ? `${from} or more` : from === 0 ? `under ${g.below}` : `${from}–${g.below}`;
    const mid = g.below === null ? (from + 100) / 2 : (from + g.below) / 2;
    from = g.below ?? from;
    return html`<li>${gradeChip(g.grade, Math.round(mid), `grade ${g.grade}`)} ${range}</li>`;
  });
  return html`<div class="grade-key"><span class="label">Grades by worst-cell exposure:</span><ul>${items}</ul></div>`;
}

/** `/`: every provider ranked worst-first for a threat model, with grade and disclosure score. */
export function rankingPage(data: RankingPageData): Html {
  const providerLink = (id: string, name: string) => html`<a href="/providers/${encodeURIComponent(id)}">${isolated(name)}</a>`;
  const rows = data.rows.map(
    (r) => html`<tr>
<td class="num">${r.rank}</td>
<td class="pick"><input type="checkbox" name="providers" value="${r.providerId}" id="pick-${r.providerId}" aria-label="compare ${r.name}"></td>
<th scope="row" class="provider">${providerLink(r.providerId, r.name)}<div class="muted">${r.providerId}</div></th>
<td class="grade">${gradeChip(r.grade, r.worstCase, `grade ${r.grade}: worst case ${r.worstCase}/100`)}${r.establishedGrade !== r.grade ? html` <span class="muted">from ${r.establishedGrade}</span>` : ''}</td>
<td class="num">${Math.round(r.established) !== Math.round(r.worstCase) ? html`<span title="established ${Math.round(r.established)}, worst case ${Math.round(r.worstCase)}">${Math.round(r.established)}–${Math.round(r.worstCase)}</span>` : Math.round(r.worstCase)}</td>
<td class="worst">${data.categoryLabel(r.worstCell.category)} × ${r.worstCell.jurisdiction}</td>
<td class="num">${r.disclosureScore}</td>
<td class="num"><a href="/v1/providers/${encodeURIComponent(r.providerId)}/declarations">v${r.latestVersion}</a></td>
<td class="date">${r.asOf}</td>
</tr>`,
  );
  const table =
    data.rows.length === 0
      ? html`<p class="empty">No provider has declared data for this threat model.</p>`
      : html`<form class="compare-pick" method="get" action="/compare"><div class="table-scroll"><table class="ranking">
<caption>Providers ranked worst first by ${data.order === 'established' ? 'what is established' : 'the worst case'}, for ${data.threatModel}; law as of ${data.lawDate}</caption>
<thead><tr><th scope="col" class="num">rank</th><th scope="col">compare</th><th scope="col">provider</th><th scope="col">grade</th><th scope="col" class="num">exposure <span class="unit">established–worst case, 0–100</span></th><th scope="col">worst cell</th><th scope="col" class="num">disclosure <span class="unit">0–100</span></th><th scope="col" class="num">version</th><th scope="col">as of</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p><button type="submit">Compare the ticked providers</button> <span class="muted">(2 to 6)</span> · Also as data: <a href="/v1/exposure?${data.query ?? ''}">JSON</a> · <a href="/v1/exposure?${data.query ? `${data.query}&` : ''}format=csv">CSV</a></p></form>`;
  const undeclared = data.undeclared.length
    ? html`<p class="muted">Not ranked (no declared data in the selected categories): ${data.undeclared.map((u, i) => html`${i ? ', ' : ''}${providerLink(u.providerId, u.name)}`)}.</p>`
    : '';
  const body = html`<h1>Who can reach what people say?</h1>
<p class="lede">Each provider's own declaration of what it keeps and who can get at it, scored per data category and jurisdiction.
A provider is placed by its <strong>worst</strong> cell for the threat model you choose (0 = not reachable, 100 = the worst case the model knows).
Where a declaration leaves questions open, a cell is a range: “20–64” is established 20, worst case 64. Silence never improves a rank: by default providers are ranked by the worst case.
Exposure and disclosure are different measures and are never blended: a provider can disclose a lot and still expose a lot.</p>
${filterForm({ ...data.filter, order: data.order })}
${table}
${gradeKey(data.grades ?? [])}
${undeclared}`;
  return page({ title: 'Providers ranked', body, modelVersion: data.modelVersion });
}
