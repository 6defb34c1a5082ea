import type { Grade, ModelParameters } from './types.js';

/** The grade band of a score: the first band whose `below` the score is under; the last band otherwise. */
export function gradeFor(score: number, params: ModelParameters): Grade {
  for (const band of params.grades) if (band.below === null || score < band.below) return band.grade;
  return params.grades[params.grades.length - 1].grade;
}
