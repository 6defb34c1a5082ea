import type { Retention } from '../formats/types.generated.js';
import type { Comparison, ComparedFact } from '../service/compare.js';
import { boundsText } from './cell-bounds.js';
import { gradeChip } from './grade-chip.js';
import { html, isolated, type Html } from './html.js';
import { filterForm, page, type FilterOptions } from './layout.js';
import { retentionInWords } from './retention-words.js';
import { PROCESS_NAMES } from './sections/facts.js';

export interface ComparePageData {
  comparison: Comparison;
  filter: FilterOptions;
  modelVersion: string;
  lawDate?: string;
  /** Declared facts, or observations in their place. */
  basis: 'declared' | 'observed';
  /** The query string of this comparison (for the data links). */
  query: string;
  /** This comparison on the other basis. */
  otherBasisHref: string;
  /** Per provider id: false when it is known only from evidence. */
  declaredByProvider: Record<string, boolean>;
  /** Per provider id: who recorded the evidence about it. */
  observers: Record<string, string[]>;
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}

const STEP = 5;
const step = (n: number) => Math.round(Math.max(0, Math.min(100, n)) / STEP);

const QUESTIONS: Record<number, string> = { 1: '1. Government requests', 2: '2. Data and retention', 3: '3. Interception', 4: '4. Third parties', 5: '5. Legal process' };

/** A raw declared value in a few words; undefined (not answered) and "undisclosed" shown as such. */
function words(fact: string, value: unknown): Html | string {
  if (value === undefined || value === null) return html`<span class="undisclosed">not answered</span>`;
  if (value === 'undisclosed') return html`<span class="undisclosed">undisclosed</span>`;
  if (fact.endsWith('/retention')) return retentionInWords(value as Retention) ?? html`<span class="undisclosed">undisclosed</span>`;
  if (fact.endsWith('/protection')) {
    const p = value as { inTransit?: string; atRest?: string };
    return `in transit ${p.inTransit ?? 'not answered'}, at rest ${p.atRest ?? 'not answered'}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (typeof value[0] !== 'object') return value.join(', ');
    // Processes in words ("National Security Letter"), as on the provider page.
    const inWords = (key: string, x: unknown) => (key === 'process' && typeof x === 'string' ? (PROCESS_NAMES[x] ?? x) : Array.isArray(x) ? x.join('/') : String(x));
    return html`<ul class="compact">${value.map((v) => html`<li>${Object.entries(v as object).filter(([, x]) => x !== undefined).map(([k, x]) => inWords(k, x)).join(' · ')}</li>`)}</ul>`;
  }
  return String(value);
}

function factLabel(fact: string, categoryLabel: (id: string) => string): string {
  const m = /^dataCategories\/([^/]+)\/(.+)$/.exec(fact);
  if (m) return `${categoryLabel(m[1])}: ${m[2] === 'storageLocations' ? 'stored in' : m[2]}`;
  return fact.replace(/^legalProcess\//, '').replace(/^governmentRequests\//, 'requests: ');
}

/** `/compare?providers=a,b[,…]`: 2–6 providers, the same cells and facts side by side, differences marked. */
export function comparePage(d: ComparePageData): Html {
  const { comparison: c } = d;
  const ids = c.providers.map((p) => p.providerId);
  // Columns are headed by the short provider id (the full name is in the list above and on hover).
  const columns = c.providers.map((p) => html`<th scope="col"><a href="/providers/${encodeURIComponent(p.providerId)}" title="${p.name}">${p.providerId}</a></th>`);
  const head = (first: string) => html`<th scope="col">${first}</th>${columns}`;
  const bounds = (lo: number, hi: number) => boundsText({ established: lo, worstCase: hi });
  const summary = html`<tr><th scope="row">exposure (worst cell)</th>${c.providers.map((p) => html`<td>${gradeChip(p.grade, p.exposureScore, `grade ${p.grade}: worst case ${Math.round(p.exposureScore)}/100`)} ${bounds(p.establishedScore, p.exposureScore)}${p.establishedGrade !== p.grade ? html` <span class="muted">(${p.establishedGrade}–${p.grade})</span>` : ''}</td>`)}</tr>
<tr><th scope="row">disclosure score</th>${c.providers.map((p) => html`<td>${p.disclosureScore ?? html`<span class="undisclosed">no declaration</span>`}</td>`)}</tr>
<tr><th scope="row">statements as of</th>${c.providers.map((p) => html`<td>${p.asOf}${p.latestVersion !== undefined ? ` (v${p.latestVersion})` : ' (latest evidence)'}</td>`)}</tr>
<tr><th scope="row">declared by the provider</th>${c.providers.map((p) => html`<td>${d.declaredByProvider[p.providerId] === false ? html`<span class="marker">not declared by the provider</span>${d.observers[p.providerId]?.length ? html` <span class="muted">documented by ${d.observers[p.providerId].join(', ')}</span>` : ''}` : 'yes'}</td>`)}</tr>`;
  // A heatmap per category with the providers stacked: a column is one jurisdiction, so a
  // difference shows as a change of colour down the column (and a marked cell).
  const jurisdictions = [...new Set(c.cells.map((x) => x.jurisdiction))];
  const categories = [...new Set(c.cells.map((x) => x.category))];
  const at = new Map(c.cells.map((x) => [`${x.category}\u0000${x.jurisdiction}`, x]));
  const cellRows = categories.map((category) => {
    const differing = jurisdictions.filter((j) => at.get(`${category}\u0000${j}`)?.differs).length;
    return html`<tbody><tr class="group"><th scope="colgroup" colspan="${jurisdictions.length + 1}">${d.categoryLabel(category)}${differing ? html` <span class="diff-mark">differs in ${differing}</span>` : ''}</th></tr>${ids.map(
      (id) => html`<tr><th scope="row"><a href="/providers/${encodeURIComponent(id)}?category=${category}&amp;basis=${d.basis}">${id}</a></th>${jurisdictions.map((j) => {
        const cell = at.get(`${category}\u0000${j}`);
        const b = cell?.providers[id];
        if (!cell || !b) return html`<td>–</td>`;
        const range = b.established !== b.worstCase;
        return html`<td class="s${step(b.worstCase)}${range ? ` e${step(b.established)} r` : ''}${cell.differs ? ' d' : ''}">${boundsText(b)}</td>`;
      })}</tr>`,
    )}</tbody>`;
  });
  const groups = [1, 2, 3, 4, 5].map((q) => {
    const facts = c.facts.filter((f) => f.question === q);
    return html`<tbody><tr class="group"><th scope="colgroup" colspan="${ids.length + 1}">${QUESTIONS[q]}</th></tr>${facts.map(
      (f: ComparedFact) => html`<tr${f.differs ? html` class="differs"` : ''}><th scope="row">${factLabel(f.fact, d.categoryLabel)}${f.differs ? html` <span class="diff-mark">differs</span>` : ''}</th>${ids.map((id) => html`<td>${words(f.fact, f.values[id])}</td>`)}</tr>`,
    )}</tbody>`;
  });
  const differing = c.cells.filter((x) => x.differs).length;
  const body = html`<p class="crumbs"><a href="/">All providers</a></p>
<h1>Compare ${c.providers.length} providers</h1>
<ul class="compared">${c.providers.map((p) => html`<li><a href="/providers/${encodeURIComponent(p.providerId)}?basis=${d.basis}"><code>${p.providerId}</code></a> ${isolated(p.name)}${d.declaredByProvider[p.providerId] === false ? html` <span class="marker">not declared by the provider</span>` : ''}</li>`)}</ul>
${Object.values(d.declaredByProvider).includes(false) ? html`<p class="not-declared">${Object.values(d.declaredByProvider).filter((x) => !x).length === 1 ? 'One provider here has' : 'Some providers here have'} not declared: ${d.basis === 'observed' ? 'its column shows what reviewers documented, never its own statement.' : 'as declared, such a provider answers nothing, so every question is open; compare as observed to see what reviewers documented.'}</p>` : ''}
<p class="lede">The same cells and ${d.basis === 'observed' ? 'facts as observed (reviewers’ evidence in place of declared facts)' : 'declared facts'} side by side; rows where the providers differ are marked “differs”.${d.lawDate ? ` Law as of ${d.lawDate}.` : ''} <a href="${d.otherBasisHref}">${d.basis === 'observed' ? 'Compare as declared' : 'Compare as observed'}</a>. Also as data: <a href="/v1/compare?${d.query}">JSON</a> · <a href="/v1/compare?${d.query}&amp;format=csv">CSV</a></p>
${filterForm(d.filter)}
<div class="table-scroll"><table class="compare summary-table"><caption>Headline scores</caption><thead><tr>${head('measure')}</tr></thead><tbody>${summary}</tbody></table></div>
<h2 id="cells">Exposure cells</h2>
<p class="muted">${c.cells.length} cells, ${differing} of them differ. Each value is the worst case, or established–worst case where a declaration leaves the range open.</p>
<div class="table-scroll"><table class="heat compare cells"><caption>Exposure per category (one row per provider) × jurisdiction; a framed cell differs between the providers</caption><thead><tr><th scope="col">provider</th>${jurisdictions.map((j) => html`<th scope="col"><abbr title="${d.jurisdictionName(j)}">${j}</abbr></th>`)}</tr></thead>${cellRows}</table></div>
<h2 id="facts">${d.basis === 'observed' ? 'Facts as observed' : 'Declared facts'}</h2>
<div class="table-scroll"><table class="compare facts-compare"><caption>${d.basis === 'observed' ? 'What each declaration says with the evidence in its place (for a provider that has not declared: the evidence alone), question by question' : 'What each declaration says, question by question (a provider that has not declared answers nothing)'}</caption><thead><tr>${head('fact')}</tr></thead>${groups}</table></div>`;
  return page({ title: `Compare ${ids.join(', ')}`, body, modelVersion: d.modelVersion, lawDate: d.lawDate, basis: d.basis });
}
