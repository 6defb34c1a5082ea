/** The exposure model and the disclosure score: pure functions, no I/O. */
export { computeExposure } from './exposure-matrix.js';
export { disclosureScore, type DisclosureScore, type DisclosureQuestion, type DisclosureElement } from './disclosure-score.js';
export { summarizeExposure, type ExposureSummary, type CellHeadline } from './provider-summary.js';
export { gradeFor } from './grade.js';
export type { Cell, Declaration, ExplainLevel, ExposureOptions, ExposureResult, Facts, Grade, JurisdictionProfile, ModelParameters, PathwayId, PathwayResult, Side, Unknown } from './types.js';
