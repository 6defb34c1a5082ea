import { gradeChip } from './grade-chip.js';
import { html, type Html } from './html.js';
import { filterForm, page, type FilterOptions } from './layout.js';

export interface RankingRow {
  rank: number;
  providerId: string;
  name: string;
  score: number;
  grade: string;
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
  modelVersion: string;
}

/** `/`: every provider ranked worst-first for a threat model, with grade and disclosure score. */
export function rankingPage(data: RankingPageData): Html {
  const providerLink = (id: string, name: string) => html`<a href="/providers/${encodeURIComponent(id)}">${name}</a>`;
  const rows = data.rows.map(
    (r) => html`<tr>
<td class="num">${r.rank}</td>
<th scope="row">${providerLink(r.providerId, r.name)}<div class="muted">${r.providerId}</div></th>
<td>${gradeChip(r.grade, r.score)}</td>
<td class="num">${r.score}</td>
<td>${data.categoryLabel(r.worstCell.category)} × ${r.worstCell.jurisdiction}</td>
<td class="num">${r.disclosureScore}</td>
<td class="num"><a href="/v1/providers/${encodeURIComponent(r.providerId)}/declarations">v${r.latestVersion}</a></td>
<td>${r.asOf}</td>
</tr>`,
  );
  const table =
    data.rows.length === 0
      ? html`<p class="empty">No provider has declared data for this threat model.</p>`
      : html`<table class="ranking">
<caption>Providers ranked worst first for ${data.threatModel}</caption>
<thead><tr><th scope="col">rank</th><th scope="col">provider</th><th scope="col">grade</th><th scope="col">exposure (worst cell, 0–100)</th><th scope="col">worst cell</th><th scope="col">disclosure score (0–100)</th><th scope="col">version</th><th scope="col">as of</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
  const undeclared = data.undeclared.length
    ? html`<p class="muted">Not ranked (no declared data in the selected categories): ${data.undeclared.map((u, i) => html`${i ? ', ' : ''}${providerLink(u.providerId, u.name)}`)}.</p>`
    : '';
  const body = html`<h1>Who can reach what people say?</h1>
<p class="lede">Each provider's own declaration of what it keeps and who can get at it, scored per data category and jurisdiction.
A provider is placed by its <strong>worst</strong> cell for the threat model you choose (0 = not reachable, 100 = the worst case the model knows).
Exposure and disclosure are different measures and are never blended: a provider can disclose a lot and still expose a lot.</p>
${filterForm(data.filter)}
${table}
${undeclared}`;
  return page({ title: 'Providers ranked', body, modelVersion: data.modelVersion });
}
