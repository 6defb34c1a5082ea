import type { Cell, PathwayResult } from '../scoring/index.js';
import { boundsText, boundsWords, cellBounds } from './cell-bounds.js';
import { gradeChip } from './grade-chip.js';
import { html, plainText, type Html } from './html.js';
import { page } from './layout.js';
import { valueHref } from './sections/facts.js';

export interface CellPageData {
  providerId: string;
  providerName: string;
  /** The version scored; absent for a provider known only from evidence. */
  version?: number;
  cell: Cell;
  basis: 'declared' | 'observed';
  declaredByProvider: boolean;
  observers: string[];
  /** The page's controls (law date, basis). */
  controls: Html;
  modelVersion: string;
  lawDate?: string;
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}

/** Model 2 fields, read when present (exposure/2); older results have only the score. */
type PathwayBounds = PathwayResult & { established?: number; worstCase?: number };
type Unknown = { pointer: string; side: 'declaration' | 'jurisdiction'; pathway?: string; note: string };

const jurisdictionHref = (code: string, pointer: string) => `/v1/jurisdictions/${encodeURIComponent(code)}#${pointer}`;

/**
 * A declaration fact's pointer: on the declared basis a link to the value as submitted; as
 * observed (where evidence may stand in its place) a link to the provider's evidence.
 */
function factLink(d: CellPageData, ptr: string): Html {
  const href = d.basis === 'declared' && d.version !== undefined ? valueHref({ providerId: d.providerId, version: d.version }, ptr) : `/providers/${encodeURIComponent(d.providerId)}/observations`;
  return html`<a class="ptr" href="${href}"><code>${ptr}</code></a>`;
}

function pathwayItem(d: CellPageData, p: PathwayBounds): Html {
  const bounds = { established: p.established ?? p.score, worstCase: p.worstCase ?? p.score };
  const decl = p.facts.declaration.map((ptr) => html`<li>${factLink(d, ptr)}</li>`);
  const law = p.facts.jurisdiction.map((ptr) => html`<li><a class="ptr" href="${jurisdictionHref(d.cell.jurisdiction, ptr)}"><code>${ptr}</code></a></li>`);
  return html`<li class="pathway"><h3>${p.pathway} <span class="bounds">${boundsText(bounds)}</span></h3>
<p>${p.explanation ? plainText(p.explanation) : html`<span class="muted">no explanation</span>`}</p>
${decl.length || law.length ? html`<div class="fact-lists">${decl.length ? html`<div><span class="label">${d.basis === 'observed' ? 'from the declaration, or the evidence in its place' : 'from the declaration'}</span><ul>${decl}</ul></div>` : ''}${law.length ? html`<div><span class="label">from the law of ${d.cell.jurisdiction}</span><ul>${law}</ul></div>` : ''}</div>` : ''}</li>`;
}

/**
 * `/providers/{id}/cells/{category}/{jurisdiction}`: one cell of the heatmap with the
 * pathways behind it, each with its explanation and the facts (pointers into the
 * declaration and the jurisdiction profile) it rests on, and what leaves its range open.
 */
export function cellPage(d: CellPageData): Html {
  const { cell } = d;
  const b = cellBounds(cell);
  const c = cell as unknown as { establishedGrade?: string; unknowns?: Unknown[] };
  const title = `${d.categoryLabel(cell.category)} × ${d.jurisdictionName(cell.jurisdiction)}`;
  const pathways = [...cell.pathways].sort((x, y) => y.score - x.score) as PathwayBounds[];
  const unknowns = c.unknowns ?? [];
  const q = `?lawDate=${d.lawDate ?? ''}&basis=${d.basis}`;
  const providerHref = `/providers/${encodeURIComponent(d.providerId)}`;
  const data = `/v1/providers/${encodeURIComponent(d.providerId)}/exposure?category=${cell.category}&jurisdiction=${cell.jurisdiction}${d.lawDate ? `&lawDate=${d.lawDate}` : ''}${d.basis === 'observed' ? '&basis=observed' : ''}`;
  const body = html`<p class="crumbs"><a href="/">All providers</a> › <a href="${providerHref}${q}">${plainText(d.providerName)}</a> › <a href="${providerHref}${q}#exposure">exposure</a></p>
<h1>${title}</h1>
${d.declaredByProvider ? '' : html`<p class="not-declared"><strong>Not declared by the provider.</strong> This cell rests on evidence recorded by ${d.observers.length ? d.observers.join(', ') : 'reviewers'}, over a declaration that answers nothing; none of it is the provider's own statement.</p>`}
${d.controls}
<div class="summary"><div class="scores">
<div class="score-card"><div class="label">worst case</div><div class="card-row">${gradeChip(cell.grade, b.worstCase, `grade ${cell.grade}: worst case ${Math.round(b.worstCase)}/100`)}<div><span class="big">${Math.round(b.worstCase)}</span><span class="of">/100</span></div></div></div>
<div class="score-card"><div class="label">established</div><div class="card-row">${c.establishedGrade ? gradeChip(c.establishedGrade, b.established, `grade ${c.establishedGrade}: established ${Math.round(b.established)}/100`) : ''}<div><span class="big">${Math.round(b.established)}</span><span class="of">/100</span></div></div></div>
</div>
<p class="lede">${plainText(d.providerName)}, ${d.version !== undefined ? `version ${d.version}` : 'known only from evidence'}, ${d.basis === 'observed' ? 'as observed' : 'as declared'}: ${boundsWords(b)}.${d.lawDate ? ` Law as of ${d.lawDate}.` : ''} Also as data: <a href="${d.basis === 'declared' && d.version !== undefined ? `/v1/providers/${encodeURIComponent(d.providerId)}/cells/${cell.category}/${cell.jurisdiction}${d.lawDate ? `?lawDate=${d.lawDate}` : ''}` : data}">JSON</a> · <a href="${data}&amp;format=csv">CSV</a></p></div>
<h2 id="pathways">Pathways</h2>
<p class="muted">The ways data of this category can reach ${d.jurisdictionName(cell.jurisdiction)}, strongest first; the cell takes the worst of them.</p>
<ul class="pathway-list">${pathways.map((p) => pathwayItem(d, p))}</ul>
<h2 id="open">What leaves the range open</h2>
${unknowns.length ? html`<ul class="unknowns">${unknowns.map((u) => html`<li>${u.side === 'declaration' ? factLink(d, u.pointer) : html`<a class="ptr" href="${jurisdictionHref(cell.jurisdiction, u.pointer)}"><code>${u.pointer}</code></a>`} (${u.side}${u.pathway ? `, ${u.pathway}` : ''}): ${plainText(u.note)}</li>`)}</ul>` : Math.round(b.established) === Math.round(b.worstCase) ? html`<p>Nothing: the bounds meet.</p>` : html`<p>The model did not name what leaves this range open.</p>`}`;
  return page({ title: `${title} — ${d.providerName}`, body, modelVersion: d.modelVersion, lawDate: d.lawDate, basis: d.basis });
}
