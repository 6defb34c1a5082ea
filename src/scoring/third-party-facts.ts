import { indexed } from './facts.js';
import { anyOf, exact, span, type Range } from './range.js';
import type { Declaration, ModelParameters, Unknown } from './types.js';
import { unknown } from './unknowns.js';

export type ThirdParty = NonNullable<Declaration['thirdParties']>[number];

export interface Capabilities {
  factor: Range;
  reading: string;
  retains: Range;
  unanswered: boolean;
}

/** The most a party's capabilities can weigh: plain access with every capability the format names (the worst honest answer). */
export function worstCapabilities(params: ModelParameters): number {
  const t = params.thirdParty;
  return anyOf([exact(t.access.value), ...Object.values(t.capabilities).map((c) => exact(c.value))]).hi;
}

/** What a third party can do: plain access, OR-ed with each declared capability; undisclosed up to the worst. */
export function capabilityFactor(tp: ThirdParty, params: ModelParameters): Capabilities {
  const t = params.thirdParty;
  const caps = tp.capabilities;
  const known = Array.isArray(caps) ? caps.filter((c): c is Exclude<typeof c, 'undisclosed'> => c !== 'undisclosed') : [];
  const base = anyOf([exact(t.access.value), ...known.map((c) => exact(t.capabilities[c].value))]);
  const retains = known.includes('content-retention');
  if (caps === undefined || caps === 'undisclosed' || caps.includes('undisclosed'))
    return { factor: span(base.lo, Math.max(base.hi, worstCapabilities(params))), reading: 'its capabilities are not (fully) disclosed', retains: retains ? exact(1) : span(0, 1), unanswered: true };
  return { factor: base, reading: known.length > 0 ? `it can do ${known.join(', ')}` : 'it has access, with no declared surveillance capability', retains: exact(retains ? 1 : 0), unanswered: false };
}

/**
 * A declared third party as every cell reads it: what it can do, its pointers, its unanswered
 * questions and its compact reading, worked out once per computation.
 */
export interface ThirdPartyFacts {
  tp: ThirdParty;
  at: string;
  capabilitiesAt: string;
  caps: Capabilities;
  summary: string;
  unknowns: { jurisdiction: Unknown; categories: Unknown; capabilities: Unknown; distributesClient: Unknown };
}

export function thirdPartyFacts(decl: Declaration, params: ModelParameters): ThirdPartyFacts[] {
  return (decl.thirdParties ?? []).map((tp, i) => {
    const at = indexed('/thirdParties', i);
    return {
      tp,
      at,
      capabilitiesAt: `${at}/capabilities`,
      caps: capabilityFactor(tp, params),
      summary: `${tp.name} (${tp.relationship})`,
      unknowns: {
        jurisdiction: unknown('declaration', `${at}/jurisdiction`, `seat of ${tp.name} not disclosed`),
        categories: unknown('declaration', `${at}/categories`, `which categories ${tp.name} can access is not disclosed`),
        capabilities: unknown('declaration', `${at}/capabilities`, `capabilities of ${tp.name} not disclosed`),
        distributesClient: unknown('declaration', `${at}/distributesClient`, `whether ${tp.name} ships the client is not disclosed`),
      },
    };
  });
}
