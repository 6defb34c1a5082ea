import type { Cell } from '../scoring/index.js';
import { boundsText, boundsWords, cellBounds } from './cell-bounds.js';
import type { ExposureGrid } from './exposure-grid.js';
import { html, plainText, truncate, type Html } from './html.js';
import { scoreColour, textColourOn } from './palette.js';

export interface HeatmapLabels {
  category(id: string): string;
  jurisdiction(code: string): string;
}

/** What the picture is of, drawn into it: a cropped screenshot still says whose exposure it shows. */
export interface HeatmapHeading {
  provider: string;
  asOf: string;
  modelVersion: string;
}

/** A grade and the score it starts failing at (`below: null` for the last). */
export interface GradeBand {
  grade: string;
  below: number | null;
}

const CELL_W = 46;
const CELL_H = 30;
const LEFT = 190;
const HEAD = 52;
const TOP = HEAD + 30;
const LEGEND_STEPS = 10;
const STEP_W = 30;
const MIN_WIDTH = 560;
/** Rough advance of a 15px bold sans-serif glyph, to keep the heading inside the picture. */
const HEADING_CHAR_W = 9;

/** Hover text: the cell, its bounds and grade (the pathways are on the cell's own page). */
function cellTitle(cell: Cell, labels: HeatmapLabels): string {
  return plainText(`${labels.category(cell.category)} × ${labels.jurisdiction(cell.jurisdiction)}: ${boundsWords(cellBounds(cell))}, grade ${cell.grade}`);
}

/** The colour scale in ten steps, with its ends labelled and the grade bands bracketed under it. */
function legend(x: number, y: number, grades: readonly GradeBand[]): Html {
  const steps = Array.from({ length: LEGEND_STEPS }, (_, i) => {
    const score = (i + 0.5) * (100 / LEGEND_STEPS);
    return html`<rect class="legend-step" x="${x + i * STEP_W}" y="${y}" width="${STEP_W}" height="14" fill="${scoreColour(score)}"><title>${i * 10}–${i * 10 + 10}</title></rect>`;
  });
  const scaleW = LEGEND_STEPS * STEP_W;
  const at = (score: number) => x + (score / 100) * scaleW;
  const ticks = [0, 25, 50, 75, 100].map(
    (s) => html`<line x1="${at(s)}" x2="${at(s)}" y1="${y + 14}" y2="${y + 18}" stroke="#444444"/><text class="tick" x="${at(s)}" y="${y + 29}" text-anchor="middle">${s}</text>`,
  );
  let from = 0;
  const bands = grades.map((band) => {
    const to = Math.min(100, band.below ?? 100);
    const [x1, x2] = [at(from), at(to)];
    const range = band.below === null ? `${from}–100` : `${from}–${to}`;
    from = to;
    return html`<g class="grade-band"><title>grade ${band.grade}: ${range}</title><line x1="${x1 + 1}" x2="${x2 - 1}" y1="${y + 36}" y2="${y + 36}" stroke="#444444"/><line x1="${x1 + 1}" x2="${x1 + 1}" y1="${y + 33}" y2="${y + 36}" stroke="#444444"/><line x1="${x2 - 1}" x2="${x2 - 1}" y1="${y + 33}" y2="${y + 36}" stroke="#444444"/><text class="grade-label" x="${(x1 + x2) / 2}" y="${y + 49}" text-anchor="middle">${band.grade}</text></g>`;
  });
  return html`<g class="legend">
<text class="legend-title" x="${x - 10}" y="${y + 11}" text-anchor="end">exposure score</text>
<text class="legend-title" x="${x - 10}" y="${y + 49}" text-anchor="end">grade</text>
${steps}${ticks}${bands}
<text class="legend-note" x="${x}" y="${y + (grades.length ? 68 : 46)}">0 = not reachable · 100 = the worst case the model knows · "20–64": established 20 (lower band), worst case 64</text>
</g>`;
}

/**
 * The exposure matrix as an SVG heatmap: one `<rect class="cell">` per category ×
 * jurisdiction, filled by its worst case on the viridis scale; a cell whose range is open
 * shows its established bound as a band along the bottom and both numbers. With a heading,
 * a legend (scale and grade bands) and a source line, so the picture explains itself when
 * cut out of the page. Every label is escaped by `html`. A picture only (`role="img"`, no
 * links inside): the report page shows the same matrix as a table whose cells link on.
 */
export function heatmapSvg(grid: ExposureGrid, labels: HeatmapLabels, heading: HeatmapHeading, grades: readonly GradeBand[] = []): Html {
  const gridRight = LEFT + grid.jurisdictions.length * CELL_W;
  const width = Math.max(gridRight + 12, MIN_WIDTH);
  const gridBottom = TOP + grid.categories.length * CELL_H;
  const legendY = gridBottom + 24;
  const height = legendY + (grades.length ? 96 : 74);
  const name = truncate(plainText(heading.provider), Math.floor((width - 20) / HEADING_CHAR_W));
  const columns = grid.jurisdictions.map(
    (j, x) => html`<text class="col-label" x="${LEFT + x * CELL_W + CELL_W / 2}" y="${TOP - 10}" text-anchor="middle"><title>${labels.jurisdiction(j)}</title>${j}</text>`,
  );
  const rows = grid.categories.map((category, y) => {
    const cy = TOP + y * CELL_H;
    const cells = grid.jurisdictions.map((j, x) => {
      const cell = grid.at(category, j);
      if (!cell) return '';
      const b = cellBounds(cell);
      const fill = scoreColour(b.worstCase);
      const cx = LEFT + x * CELL_W;
      // A range: the established bound as a band of its own colour along the bottom.
      const band = b.established !== b.worstCase ? html`<rect class="established" x="${cx + 1}" y="${cy + CELL_H - 9}" width="${CELL_W - 2}" height="8" fill="${scoreColour(b.established)}"/>` : '';
      return html`<rect class="cell" x="${cx + 1}" y="${cy + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${fill}" data-category="${cell.category}" data-jurisdiction="${cell.jurisdiction}" data-established="${b.established}" data-worst-case="${b.worstCase}" data-score="${cell.score}"><title>${cellTitle(cell, labels)}</title></rect>${band}<text class="cell-value" x="${cx + CELL_W / 2}" y="${cy + CELL_H / 2 + (band ? 1 : 4)}" text-anchor="middle" fill="${textColourOn(fill)}" pointer-events="none">${boundsText(b)}</text>`;
    });
    return html`<text class="row-label" x="${LEFT - 10}" y="${cy + CELL_H / 2 + 4}" text-anchor="end">${labels.category(category)}</text>${cells}`;
  });
  const sub = `Exposure by data category (rows) and jurisdiction (columns) · declaration as of ${heading.asOf}`;
  return html`<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="heatmap-title heatmap-desc">
<title id="heatmap-title">${plainText(heading.provider)}: exposure by data category and jurisdiction</title>
<desc id="heatmap-desc">${grid.categories.length} data categories by ${grid.jurisdictions.length} jurisdictions, each scored 0 (not reachable) to 100 (the worst case); where the declaration leaves a range open, both bounds are shown.</desc>
<rect class="backdrop" width="${width}" height="${height}" fill="#ffffff"/>
<g class="heading"><text class="heading-name" x="10" y="22">${name}</text><text class="heading-sub" x="10" y="42">${sub}</text></g>
<g class="columns">${columns}</g>
<g class="rows">${rows}</g>
${legend(LEFT, legendY, grades)}
<text class="source" x="${width - 10}" y="${height - 8}" text-anchor="end">retention-atlas · model ${heading.modelVersion} · from the provider's own declaration</text>
</svg>`;
}
