import { durationDays } from './iso-duration.js';
import type { ModelParameters } from './types.js';

/**
 * The retention curve: the window factor of a finite duration, linear in days between the
 * parameter points and flat after the last one. Non-decreasing by construction of the data
 * (checked when parameters are loaded), which is what makes longer retention never score lower.
 */
const parsed = new WeakMap<ModelParameters, { days: number; factor: number }[]>();

/** The curve's points in days, parsed once per parameter object. */
function pointsOf(params: ModelParameters): { days: number; factor: number }[] {
  let points = parsed.get(params);
  if (!points) {
    points = params.retention.points.map((p) => ({ days: durationDays(p.duration), factor: p.factor }));
    parsed.set(params, points);
  }
  return points;
}

export function curveFactor(iso: string, params: ModelParameters): number {
  const days = durationDays(iso);
  const points = pointsOf(params);
  if (days <= points[0].days) return points[0].factor;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (days <= b.days) return b.days === a.days ? b.factor : a.factor + ((b.factor - a.factor) * (days - a.days)) / (b.days - a.days);
  }
  return points[points.length - 1].factor;
}

/** The longest finite factor: used for an event-bound retention that does not say how long after. */
export function longestFiniteFactor(params: ModelParameters): number {
  return params.retention.points[params.retention.points.length - 1].factor;
}
