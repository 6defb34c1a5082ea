import type { Cell } from '../scoring/index.js';
import type { ExposureGrid } from './exposure-grid.js';
import { html, type Html } from './html.js';
import { scoreColour, textColourOn } from './palette.js';

export interface HeatmapLabels {
  category(id: string): string;
  jurisdiction(code: string): string;
  /** The id of the table row that explains a cell (the heatmap's accessible fallback). */
  anchor(cell: Cell): string;
}

const CELL_W = 46;
const CELL_H = 30;
const LEFT = 190;
const TOP = 34;
const LEGEND_STEPS = 10;

/** Hover text: the cell, then each pathway that contributes, with its own score and reason. */
function cellTitle(cell: Cell, labels: HeatmapLabels): string {
  const head = `${labels.category(cell.category)} × ${labels.jurisdiction(cell.jurisdiction)}: ${cell.score}/100, grade ${cell.grade}`;
  const pathways = cell.pathways.filter((p) => p.score > 0).map((p) => `• ${p.pathway} (${p.score}): ${p.explanation}`);
  return [head, ...(pathways.length ? pathways : ['no pathway reaches this data'])].join('\n');
}

/**
 * The exposure matrix as an SVG heatmap: one `<rect class="cell">` per category ×
 * jurisdiction, filled by score on the viridis scale, each linking to its row in the
 * table below it, with a legend. Every label comes from data and is escaped by `html`.
 */
export function heatmapSvg(grid: ExposureGrid, labels: HeatmapLabels): Html {
  const width = LEFT + grid.jurisdictions.length * CELL_W + 10;
  const gridBottom = TOP + grid.categories.length * CELL_H;
  const height = gridBottom + 70;
  const columns = grid.jurisdictions.map(
    (j, x) => html`<text class="col-label" x="${LEFT + x * CELL_W + CELL_W / 2}" y="${TOP - 10}" text-anchor="middle"><title>${labels.jurisdiction(j)}</title>${j}</text>`,
  );
  const rows = grid.categories.map((category, y) => {
    const cy = TOP + y * CELL_H;
    const cells = grid.jurisdictions.map((j, x) => {
      const cell = grid.at(category, j);
      if (!cell) return '';
      const fill = scoreColour(cell.score);
      const cx = LEFT + x * CELL_W;
      return html`<a href="#${labels.anchor(cell)}"><rect class="cell" x="${cx + 1}" y="${cy + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${fill}" data-category="${cell.category}" data-jurisdiction="${cell.jurisdiction}" data-score="${cell.score}"><title>${cellTitle(cell, labels)}</title></rect><text x="${cx + CELL_W / 2}" y="${cy + CELL_H / 2 + 4}" text-anchor="middle" fill="${textColourOn(fill)}" pointer-events="none">${Math.round(cell.score)}</text></a>`;
    });
    return html`<text class="row-label" x="${LEFT - 8}" y="${cy + CELL_H / 2 + 4}" text-anchor="end">${labels.category(category)}</text>${cells}`;
  });
  const stepW = Math.min(30, Math.max(16, (width - LEFT - 10) / LEGEND_STEPS));
  const legendY = gridBottom + 22;
  const legend = Array.from({ length: LEGEND_STEPS }, (_, i) => {
    const score = (i + 0.5) * (100 / LEGEND_STEPS);
    return html`<rect class="legend-step" x="${LEFT + i * stepW}" y="${legendY}" width="${stepW}" height="12" fill="${scoreColour(score)}"><title>${i * 10}–${i * 10 + 10}</title></rect>`;
  });
  const legendEnd = LEFT + LEGEND_STEPS * stepW;
  return html`<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="heatmap-title">
<title id="heatmap-title">Exposure by data category (rows) and jurisdiction (columns), 0 = not reachable, 100 = worst case. The table below lists every cell.</title>
<g class="columns">${columns}</g>
<g class="rows">${rows}</g>
<g class="legend"><text x="${LEFT - 8}" y="${legendY + 10}" text-anchor="end">exposure score</text>${legend}<text x="${LEFT}" y="${legendY + 28}" text-anchor="start">0 · not reachable</text><text x="${legendEnd}" y="${legendY + 28}" text-anchor="end">100 · worst case</text></g>
</svg>`;
}
