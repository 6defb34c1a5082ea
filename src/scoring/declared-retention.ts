import { curveFactor, longestFiniteFactor } from './retention-curve.js';
import { exact, span, type Range } from './range.js';
import type { Declaration, ModelParameters } from './types.js';

type Retention = NonNullable<Declaration['dataCategories'][number]['retention']>;

export interface DeclaredWindow {
  factor: Range;
  reading: string;
  /** True when the retention is not answered (absent or "undisclosed"). */
  unanswered: boolean;
  /** Whether the data is stored at all beyond the session: a preservation order needs something to preserve. */
  stored: Range;
}

/**
 * The window factor of a declared retention, as a range: an unanswered retention lies between
 * `none` (its least exposing honest answer) and `indefinite`.
 */
export function declaredWindow(retention: Retention | undefined, params: ModelParameters): DeclaredWindow {
  const r = params.retention;
  if (retention === undefined || retention.kind === 'undisclosed')
    return { factor: span(r.none.value, r.indefinite.value), reading: 'retention not disclosed (anywhere from not kept to kept indefinitely)', unanswered: true, stored: span(0, 1) };
  switch (retention.kind) {
    case 'none':
      return { factor: exact(r.none.value), reading: 'not stored beyond the session', unanswered: false, stored: exact(0) };
    case 'indefinite':
      return { factor: exact(r.indefinite.value), reading: 'kept indefinitely', unanswered: false, stored: exact(1) };
    case 'fixed':
      return { factor: exact(curveFactor(retention.duration, params)), reading: `kept for ${retention.duration}`, unanswered: false, stored: exact(1) };
    case 'until-event': {
      // Kept until the event, then `after` more. Without `after` the period after the event is
      // not said: anywhere from nothing more to the longest finite period of the curve.
      const base = r.untilEvent[retention.event].value;
      const cap = r.indefinite.value;
      if (retention.after === undefined)
        return { factor: span(Math.min(cap, base), Math.min(cap, base + (1 - base) * longestFiniteFactor(params))), reading: `kept until ${retention.event} (how long after not said)`, unanswered: true, stored: exact(1) };
      return { factor: exact(Math.min(cap, base + (1 - base) * curveFactor(retention.after, params))), reading: `kept until ${retention.event} plus ${retention.after}`, unanswered: false, stored: exact(1) };
    }
  }
}
