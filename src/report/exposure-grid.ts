import type { Cell } from '../scoring/index.js';

/** An exposure matrix laid out as rows (categories) × columns (jurisdictions), for tables and heatmaps. */
export interface ExposureGrid {
  categories: string[];
  jurisdictions: string[];
  cells: Cell[];
  at(category: string, jurisdiction: string): Cell | undefined;
}

export interface GridFilter {
  categories?: string[];
  jurisdictions?: string[];
}

/** Keeps the matrix order (taxonomy order for rows, profile order for columns); an empty filter keeps all. */
export function exposureGrid(all: readonly Cell[], filter: GridFilter = {}): ExposureGrid {
  const keep = (list: string[] | undefined, value: string) => !list || list.length === 0 || list.includes(value);
  const cells = all.filter((c) => keep(filter.categories, c.category) && keep(filter.jurisdictions, c.jurisdiction));
  const index = new Map(cells.map((c) => [`${c.category}\u0000${c.jurisdiction}`, c]));
  return {
    categories: [...new Set(cells.map((c) => c.category))],
    jurisdictions: [...new Set(cells.map((c) => c.jurisdiction))],
    cells,
    at: (category, jurisdiction) => index.get(`${category}\u0000${jurisdiction}`),
  };
}
