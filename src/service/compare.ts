import type { Declaration } from '../formats/types.generated.js';
import type { Cell, ExposureResult } from '../scoring/index.js';
import type { ThreatModel } from './ranking.js';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

export interface ComparedProvider {
  providerId: string;
  name: string;
  /** Absent for a provider known only from observations (basis=observed). */
  latestVersion?: number;
  asOf: string;
  grade: string;
  establishedGrade: string;
  exposureScore: number;
  establishedScore: number;
  /** Absent for a provider known only from observations. */
  disclosureScore?: number;
  /** False for a provider known only from evidence (observations, assessments): nothing shown is its own statement. */
  declaredByProvider: boolean;
  /** For such a provider: the organisations whose evidence describes it. */
  assessedBy?: string[];
}

export interface CellBounds {
  established: number;
  worstCase: number;
  score: number;
  grade: string;
  establishedGrade: string;
}

/** One cell across providers; `differs` when any two providers' bounds differ. */
export interface ComparedCell {
  category: string;
  jurisdiction: string;
  differs: boolean;
  /** By provider id; a provider without the cell is absent. */
  providers: Record<string, CellBounds>;
}

/** One declared fact across providers (the raw values, as each declaration has them; absent = not answered). */
export interface ComparedFact {
  fact: string;
  question: 1 | 2 | 3 | 4 | 5;
  differs: boolean;
  values: Record<string, unknown>;
}

export interface Comparison {
  providers: ComparedProvider[];
  cells: ComparedCell[];
  facts: ComparedFact[];
}

/** One provider as compared: the declaration on the chosen basis (as declared, or as observed) and its matrix. */
export interface CompareInput {
  providerId: string;
  version?: number;
  declaredByProvider: boolean;
  assessedBy?: string[];
  declaration: Declaration;
  disclosureScore?: number;
  /** The matrix under the law date compared. */
  exposure: ExposureResult;
  /** Its headline (worst cell) under that law date. */
  overall: { established: number; worstCase: number; grade: string; establishedGrade: string };
}

const bounds = (c: Cell): CellBounds => ({ established: c.established, worstCase: c.worstCase, score: c.score, grade: c.grade, establishedGrade: c.establishedGrade });

/** The facts put side by side: what an analyst quotes, one row per question and category. */
function factsOf(d: Declaration, categories: readonly string[]): [string, 1 | 2 | 3 | 4 | 5, unknown][] {
  const byCategory = new Map(d.dataCategories.map((c) => [c.category as string, c]));
  const requests = d.governmentRequests;
  const parties = d.thirdParties;
  const lp = d.legalProcess;
  return [
    ['governmentRequests/rows', 1, requests === undefined ? undefined : requests.length],
    ['governmentRequests/countries', 1, requests === undefined ? undefined : [...new Set(requests.map((r) => r.country))].sort()],
    ...categories.flatMap((id): [string, 2 | 3, unknown][] => {
      const c = byCategory.get(id);
      return [
        [`dataCategories/${id}/collected`, 2, c ? c.collected : undefined],
        [`dataCategories/${id}/retention`, 2, c?.retention],
        [`dataCategories/${id}/storageLocations`, 2, c?.storageLocations],
        [`dataCategories/${id}/protection`, 2, c?.protection],
        [`dataCategories/${id}/interception`, 3, c?.interception],
      ];
    }),
    ['thirdParties', 4, parties?.map((p) => ({ id: p.id, jurisdiction: p.jurisdiction, relationship: p.relationship, capabilities: p.capabilities, distributesClient: p.distributesClient }))],
    ['legalProcess/liveInterception', 5, lp?.liveInterception],
    ['legalProcess/encryptionDemands', 5, lp?.encryptionDemands],
    ['legalProcess/interceptionStatutes', 5, lp?.interceptionStatutes?.map((s) => ({ statute: s.statute, jurisdiction: s.jurisdiction, position: s.position }))],
    ['legalProcess/policies', 5, lp?.policies?.map((p) => ({ process: p.process, jurisdiction: p.jurisdiction, categories: p.categories, userNotification: p.userNotification }))],
  ];
}

const same = (values: unknown[]) => values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));

/**
 * Providers side by side: the same cells (within the threat model) and the same declared
 * facts, each marked where the providers differ. Pure: the caller loads the latest versions
 * and their exposure matrices.
 */
export function compareProviders(inputs: readonly CompareInput[], model: ThreatModel, categories: readonly string[]): Comparison {
  const keep = (c: Cell) =>
    (model.jurisdictions.length === 0 || model.jurisdictions.includes(c.jurisdiction)) && (model.categories.length === 0 || model.categories.includes(c.category));
  const cells = new Map<string, ComparedCell>();
  for (const { providerId, exposure } of inputs) {
    for (const cell of exposure.cells.filter(keep)) {
      const key = `${cell.category}\u0000${cell.jurisdiction}`;
      let row = cells.get(key);
      if (!row) cells.set(key, (row = { category: cell.category, jurisdiction: cell.jurisdiction, differs: false, providers: {} }));
      row.providers[providerId] = bounds(cell);
    }
  }
  for (const row of cells.values()) {
    const values = inputs.map(({ providerId }) => row.providers[providerId]).map((b) => (b ? [b.established, b.worstCase] : null));
    row.differs = !same(values);
  }
  const shownCategories = model.categories.length ? categories.filter((c) => model.categories.includes(c)) : categories;
  const perProvider = inputs.map(({ declaration }) => factsOf(declaration, shownCategories));
  const facts: ComparedFact[] = perProvider[0].map(([fact, question], i) => {
    const values: Record<string, unknown> = {};
    inputs.forEach(({ providerId }, p) => (values[providerId] = perProvider[p][i][2]));
    return { fact, question, differs: !same(inputs.map(({ providerId }) => values[providerId] ?? null)), values };
  });
  return {
    providers: inputs.map(({ providerId, version, declaration, disclosureScore, overall, declaredByProvider, assessedBy }) => ({
      providerId,
      name: declaration.provider.name,
      declaredByProvider,
      ...(assessedBy ? { assessedBy } : {}),
      ...(version !== undefined ? { latestVersion: version } : {}),
      asOf: declaration.asOf,
      grade: overall.grade,
      establishedGrade: overall.establishedGrade,
      exposureScore: overall.worstCase,
      establishedScore: overall.established,
      ...(disclosureScore !== undefined ? { disclosureScore } : {}),
    })),
    cells: [...cells.values()],
    facts,
  };
}
