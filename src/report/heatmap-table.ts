import { boundsText, boundsWords, cellBounds } from './cell-bounds.js';
import type { ExposureGrid } from './exposure-grid.js';
import { html, type Html } from './html.js';
import { scoreColour, textColourOn } from './palette.js';

/** Colour steps of the heatmap: a class per 5 points, generated once into the stylesheet. */
const STEP = 5;
const stepOf = (score: number) => Math.round(Math.max(0, Math.min(100, score)) / STEP);

/**
 * The heatmap's colour classes: `.sN` fills a cell with the colour of worst case N×5 (and
 * picks a readable text colour), `.eN` sets the colour of the established bound that a
 * range cell (`.r`) shows as a band along its bottom. Generated from the palette so the
 * stylesheet and the pictures never disagree.
 */
export function heatmapCss(): string {
  const rules: string[] = [];
  for (let i = 0; i <= 100 / STEP; i++) {
    const fill = scoreColour(i * STEP);
    rules.push(`.heat .s${i}{background-color:${fill};color:${textColourOn(fill)}}.heat .e${i}{--e:${fill}}`);
  }
  return rules.join('\n') + '\n';
}

export interface HeatmapLabels {
  category(id: string): string;
  jurisdiction(code: string): string;
  /** Where a cell's pathways are explained (its own page). */
  href(category: string, jurisdiction: string): string;
}

/**
 * The exposure matrix as a coloured HTML table: the heatmap and its accessible form in one.
 * A cell is filled by its worst case; a cell whose declaration leaves a range open shows
 * the established bound as a band of its own colour along the bottom and both numbers
 * ("20–64"), so a known-bad cell (solid) differs from an unanswered one at a glance, and a
 * screen reader reads both bounds. Every cell links to its page (pathways and facts), so
 * the page stays light however many jurisdictions there are, and works without script.
 */
export function heatmapTable(grid: ExposureGrid, labels: HeatmapLabels, caption: Html | string): Html {
  const head = grid.jurisdictions.map((j) => html`<th scope="col"><abbr title="${labels.jurisdiction(j)}">${j}</abbr></th>`);
  const rows = grid.categories.map(
    (category) =>
      html`<tr><th scope="row">${labels.category(category)}</th>${grid.jurisdictions.map((j) => {
        const cell = grid.at(category, j);
        if (!cell) return html`<td>–</td>`;
        const b = cellBounds(cell);
        const range = b.established !== b.worstCase;
        const cls = range ? `s${stepOf(b.worstCase)} e${stepOf(b.established)} r` : `s${stepOf(b.worstCase)}`;
        return html`<td class="${cls}"><a href="${labels.href(category, j)}"${range ? html` title="${boundsWords(b)}"` : ''}>${boundsText(b)}</a></td>`;
      })}</tr>`,
  );
  return html`<div class="table-scroll"><table class="heat"><caption>${caption}</caption>
<thead><tr><th scope="col">data category</th>${head}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** What the colours and bands mean, with one solid and one ranged sample cell. */
export function heatmapLegend(source: 'declaration' | 'evidence' = 'declaration'): Html {
  const what = source === 'evidence' ? 'the evidence' : 'the declaration';
  const steps = [0, 20, 40, 60, 80, 100].map((s) => html`<span class="s${stepOf(s)}">${s}</span>`);
  return html`<div class="heat-legend heat"><span class="label">Colour = worst case, 0 (not reachable) to 100:</span> <span class="scale">${steps}</span>
<span class="sample"><span class="cell s13">64</span> known: ${what} and the law establish 64</span>
<span class="sample"><span class="cell s13 e4 r">20–64</span> a range: 20 established, up to 64 because ${what} leaves questions open (the lower band shows the established colour)</span></div>`;
}
