import { gradeChip } from './grade-chip.js';
import { html, isolated, type Html } from './html.js';
import { boundsText, boundsWords } from './cell-bounds.js';
import { filterForm, page, type FilterOptions } from './layout.js';
import { pager } from './pager.js';

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
  /** Absent for a provider known only from evidence. */
  disclosureScore?: number;
  /** Absent for a provider known only from evidence. */
  latestVersion?: number;
  asOf: string;
  /** False: known only from reviewers' evidence, marked so wherever it is listed. */
  declaredByProvider: boolean;
  /** Who documented a provider known only from evidence. */
  observers: string[];
}

export interface RankingPageData {
  /** One page of the ranking. */
  rows: RankingRow[];
  /** Providers ranked in all (every page). */
  total: number;
  offset: number;
  limit: number;
  /** The address of this ranking from another row (same filters). */
  pageHref(offset: number): string;
  /** Declared basis: providers known only from evidence, ranked apart on what reviewers documented. */
  evidenceOnly?: RankingRow[];
  basis: 'declared' | 'observed';
  /** This ranking on the other basis. */
  otherBasisHref: string;
  /** Providers with no cell for the chosen threat model (at most a page of them is named). */
  undeclared: { providerId: string; name: string }[];
  undeclaredTotal?: number;
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

/** "not declared by the provider", and by whom it is documented. */
export const notDeclaredMark = (observers: readonly string[]) =>
  html`<span class="marker">not declared by the provider</span>${observers.length ? html`<div class="muted">documented by ${observers.map((o, i) => html`${i ? ', ' : ''}${isolated(o)}`)}</div>` : ''}`;

function rankingRows(data: RankingPageData, rows: RankingRow[]): Html[] {
  const providerLink = (r: RankingRow) => html`<a href="/providers/${encodeURIComponent(r.providerId)}${r.declaredByProvider ? '' : '?basis=observed'}">${isolated(r.name)}</a>`;
  return rows.map(
    (r) => html`<tr>
<td class="num">${r.rank}</td>
<td class="pick"><input type="checkbox" name="providers" value="${r.providerId}" id="pick-${r.providerId}" aria-label="compare ${r.name}"></td>
<th scope="row" class="provider">${providerLink(r)}<div class="muted">${r.providerId}</div>${r.declaredByProvider ? '' : notDeclaredMark(r.observers)}</th>
<td class="grade">${gradeChip(r.grade, r.worstCase, `grade ${r.grade}: worst case ${r.worstCase}/100`)}${r.establishedGrade !== r.grade ? html` <span class="muted">from ${r.establishedGrade}</span>` : ''}</td>
<td class="num">${r.established !== r.worstCase ? html`<span title="${boundsWords(r)}">${boundsText(r)}</span>` : boundsText(r)}</td>
<td class="worst">${data.categoryLabel(r.worstCell.category)} × ${r.worstCell.jurisdiction}</td>
<td class="num">${r.disclosureScore ?? html`<span class="undisclosed">none declared</span>`}</td>
<td class="num">${r.latestVersion !== undefined ? html`<a href="/providers/${encodeURIComponent(r.providerId)}/declarations">v${r.latestVersion}</a>` : html`<a href="/providers/${encodeURIComponent(r.providerId)}/observations">evidence</a>`}</td>
<td class="date">${r.asOf}</td>
</tr>`,
  );
}

const HEAD = html`<thead><tr><th scope="col" class="num">rank</th><th scope="col">compare</th><th scope="col">provider</th><th scope="col">grade</th><th scope="col" class="num">exposure <span class="unit">established–worst case, 0–100</span></th><th scope="col">worst cell</th><th scope="col" class="num">disclosure <span class="unit">0–100</span></th><th scope="col" class="num">version</th><th scope="col">as of</th></tr></thead>`;

/** `/`: every provider ranked worst-first for a threat model, a page at a time, with grade and disclosure score. */
export function rankingPage(data: RankingPageData): Html {
  const observed = data.basis === 'observed';
  const pages = pager({ total: data.total, offset: data.offset, limit: data.limit, href: data.pageHref, noun: 'providers' });
  const table =
    data.total === 0
      ? html`<p class="empty">No provider has ${observed ? 'declared or documented' : 'declared'} data for this threat model.</p>`
      : html`<form class="compare-pick" method="get" action="/compare">${observed ? html`<input type="hidden" name="basis" value="observed">` : ''}${pages}<div class="table-scroll"><table class="ranking">
<caption>Providers ranked worst first by ${data.order === 'established' ? 'what is established' : 'the worst case'}, ${observed ? 'as observed (reviewers’ evidence in place of claims; providers that have not declared are marked)' : 'as declared'}, for ${data.threatModel}; law as of ${data.lawDate}</caption>
${HEAD}
<tbody>${rankingRows(data, data.rows)}</tbody>
</table></div>${pages}
<p><button type="submit">Compare the ticked providers</button> <span class="muted">(2 to 6)</span> · Also as data: <a href="/v1/exposure?${data.query ?? ''}">JSON</a> · <a href="/v1/exposure?${data.query ? `${data.query}&` : ''}format=csv">CSV</a></p></form>`;
  const evidenceOnly = data.evidenceOnly?.length
    ? html`<h2 id="not-declared">Known only from evidence</h2>
<p class="muted">These providers have not declared. Reviewers documented them; the figures are as observed, over a declaration that answers nothing, and are not the providers' own statements. They are ranked with the others <a href="${data.otherBasisHref}">as observed</a>.</p>
<form class="compare-pick" method="get" action="/compare"><input type="hidden" name="basis" value="observed"><div class="table-scroll"><table class="ranking evidence-only"><caption>Providers not declared by the provider, as observed, worst first (rank among themselves)</caption>${HEAD}<tbody>${rankingRows(data, data.evidenceOnly.slice(0, data.limit))}</tbody></table></div>
${data.evidenceOnly.length > data.limit ? html`<p class="muted">The first ${data.limit} of ${data.evidenceOnly.length}: <a href="${data.otherBasisHref}">see them all, ranked as observed</a>.</p>` : ''}
<p><button type="submit">Compare the ticked providers as observed</button></p></form>`
    : '';
  const undeclaredTotal = data.undeclaredTotal ?? data.undeclared.length;
  const undeclared = data.undeclared.length
    ? html`<p class="muted">Not ranked (no data in the selected categories): ${data.undeclared.map((u, i) => html`${i ? ', ' : ''}<a href="/providers/${encodeURIComponent(u.providerId)}">${isolated(u.name)}</a>`)}${undeclaredTotal > data.undeclared.length ? ` and ${undeclaredTotal - data.undeclared.length} more (listed in the JSON)` : ''}.</p>`
    : '';
  const body = html`<h1>Who can reach what people say?</h1>
<p class="lede">What each provider declares it keeps and who can get at it — and, for providers that have not declared, what reviewers have documented, marked as such — scored per data category and jurisdiction.
A provider is placed by its <strong>worst</strong> cell for the threat model you choose (0 = not reachable, 100 = the worst case the model knows).
Where a question is left open, a cell is a range: “20–64” is established 20, worst case 64. Silence never improves a rank: by default providers are ranked by the worst case.
Exposure and disclosure are different measures and are never blended: a provider can disclose a lot and still expose a lot.</p>
<p class="muted">Showing the ranking ${observed ? 'as observed' : 'as declared'}: <a href="${data.otherBasisHref}">${observed ? 'show it as declared' : 'show it as observed'}</a>.</p>
${filterForm({ ...data.filter, order: data.order })}
${table}
${gradeKey(data.grades ?? [])}
${evidenceOnly}
${undeclared}`;
  return page({ title: 'Providers ranked', body, modelVersion: data.modelVersion, lawDate: data.lawDate, basis: data.basis });
}
