import { curveFactor, longestFiniteFactor } from './retention-curve.js';
import type { Declaration, ModelParameters } from './types.js';

type Retention = NonNullable<Declaration['dataCategories'][number]['retention']>;

/** The window factor of a declared retention, in [0, 1], with a plain-words reading. */
export function declaredWindow(retention: Retention | undefined, params: ModelParameters): { factor: number; reading: string } {
  const r = params.retention;
  if (retention === undefined || retention.kind === 'undisclosed')
    return { factor: r.indefinite.value, reading: 'retention not disclosed, so counted as indefinite' };
  switch (retention.kind) {
    case 'none':
      return { factor: r.none.value, reading: 'not stored beyond the session' };
    case 'indefinite':
      return { factor: r.indefinite.value, reading: 'kept indefinitely' };
    case 'fixed':
      return { factor: curveFactor(retention.duration, params), reading: `kept for ${retention.duration}` };
    case 'until-event': {
      // Kept until the event, then `after` more. Without `after` the period after the event is
      // not said, so it counts as the longest finite period of the curve.
      const base = r.untilEvent[retention.event].value;
      const tail = retention.after === undefined ? longestFiniteFactor(params) : curveFactor(retention.after, params);
      const after = retention.after === undefined ? ' (how long after not said)' : ` plus ${retention.after}`;
      return { factor: Math.min(r.indefinite.value, base + (1 - base) * tail), reading: `kept until ${retention.event}${after}` };
    }
  }
}
