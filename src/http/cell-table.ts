import type { Cell } from '../scoring/index.js';
import type { ThreatModel } from '../service/ranking.js';
import type { TableColumn } from './csv-response.js';

/** The cells of a threat model: every jurisdiction and category when a filter is left out. */
export function selectCells(cells: Cell[], model: ThreatModel): Cell[] {
  return cells.filter(
    (c) => (model.jurisdictions.length === 0 || model.jurisdictions.includes(c.jurisdiction)) && (model.categories.length === 0 || model.categories.includes(c.category)),
  );
}

/**
 * CSV columns of exposure cells: `providerId, category, jurisdiction, established, worstCase,
 * score, grade` as every export names them, then (for a provider's matrix) its version and
 * what explains each cell.
 */
export function cellColumns(providerId: string, detail?: { version: number | undefined }): TableColumn<Cell>[] {
  const base: TableColumn<Cell>[] = [
    { header: 'providerId', value: () => providerId },
    { header: 'category', value: (c) => c.category },
    { header: 'jurisdiction', value: (c) => c.jurisdiction },
    { header: 'established', value: (c) => c.established },
    { header: 'worstCase', value: (c) => c.worstCase },
    { header: 'score', value: (c) => c.score },
    { header: 'grade', value: (c) => c.grade },
  ];
  if (detail === undefined) return base;
  return [
    ...base,
    { header: 'version', value: () => detail.version },
    { header: 'establishedGrade', value: (c) => c.establishedGrade },
    { header: 'pathways', value: (c) => c.pathways.map((p) => `${p.pathway}=${p.established}-${p.worstCase}`) },
    { header: 'unknowns', value: (c) => c.unknowns.map((u) => `${u.side}:${u.pointer}`) },
    { header: 'explanation', value: (c) => c.pathways.map((p) => p.explanation).join(' | ') },
  ];
}
