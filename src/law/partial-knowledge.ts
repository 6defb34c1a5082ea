import type { JurisdictionProfile } from '../formats/types.generated.js';

/**
 * How a profile records a fact known in part (profile schema 3), read the same way by the
 * scoring core, the findings and the generated documents: the known part and the open rest.
 */

type Instrument = JurisdictionProfile['instruments'][number];
type Interception = JurisdictionProfile['interceptionMandates'][number];
type Mandate = JurisdictionProfile['retentionMandates'][number];
export type Categories = Instrument['categories'];
export type AuthorisationEntry = Instrument['authorisation'][number];

/** Authorisation routes in rising order of exposure (the order of the parameters' steps, checked at load). */
export const ROUTE_ORDER = ['court-before', 'court-after', 'commission', 'prosecutor', 'executive', 'none'] as const;
export type Route = (typeof ROUTE_ORDER)[number];

/** The model's order of access kinds, from the strongest safeguard to the weakest (weights ascend along it, checked at load). */
export const ACCESS_KIND_ORDER = ['warrant', 'court-order', 'subpoena', 'administrative-request', 'national-security-letter', 'programmatic-bulk', 'direct-access'] as const;
export type AccessKind = (typeof ACCESS_KIND_ORDER)[number];

/** The order of interception-mandate kinds, from the weakest duty to the strongest. */
export const MANDATE_KIND_ORDER = ['technical-assistance', 'capability', 'direct-access'] as const;
export type MandateKind = (typeof MANDATE_KIND_ORDER)[number];

export interface RouteBounds {
  /** The most exposing known route, each route at its least exposing reading (`not-court` as `commission`). */
  lo: Route;
  /** The most exposing route that may be open (`not-court` and `unknown` as `none`). */
  hi: Route;
}

const rank = (r: Route): number => ROUTE_ORDER.indexOf(r);
const higher = (a: Route, b: Route): Route => (rank(a) >= rank(b) ? a : b);

/**
 * Every listed route is open to the state, so the most exposing known route drives both bounds;
 * `unknown` widens the upper bound to `none`; with no known route the lower bound is a judge before use.
 */
export function routeBounds(authorisation: readonly AuthorisationEntry[]): RouteBounds {
  let lo: Route = 'court-before';
  let hi: Route = 'court-before';
  for (const r of authorisation) {
    if (r === 'unknown') hi = 'none';
    else if (r === 'not-court') {
      lo = higher(lo, 'commission');
      hi = 'none';
    } else {
      lo = higher(lo, r);
      hi = higher(hi, r);
    }
  }
  return { lo, hi: higher(lo, hi) };
}

/** The kind of an instrument as a pair of ends: exact, at least an access kind, or unknown. */
export type KindReading = { known: Instrument['kind'] & string } | { atLeast: AccessKind } | { unknown: true };

export function kindReading(kind: Instrument['kind']): KindReading {
  if (typeof kind === 'object') return { atLeast: kind.atLeast };
  if (kind === 'unknown') return { unknown: true };
  return { known: kind };
}

/** The access kinds at or above `kind` in the model's order. */
export function kindsAtLeast<K extends string>(order: readonly K[], kind: K): readonly K[] {
  const i = order.indexOf(kind);
  return i < 0 ? [kind] : order.slice(i);
}

/** A kind in words: "court-order", "at least administrative-request", "unknown". */
export function kindWords(kind: Instrument['kind'] | Interception['kind']): string {
  return typeof kind === 'object' ? `at least ${kind.atLeast}` : kind;
}

/** Whether a rule with these categories reaches `category`: a list or "all" answers; `atLeast` answers yes for what it lists; the rest is not known. */
export function reaches(categories: Categories, category: string): 'yes' | 'no' | 'unknown' {
  if (categories === 'all') return 'yes';
  if (categories === 'unknown') return 'unknown';
  if (Array.isArray(categories)) return categories.includes(category as never) ? 'yes' : 'no';
  return (categories as { atLeast: readonly string[] }).atLeast.includes(category) ? 'yes' : 'unknown';
}

/** The categories in words: "all", "unknown", "at least a, b", "a, b". */
export function categoriesWords(categories: Categories, total?: number): string {
  if (categories === 'all' || categories === 'unknown') return categories;
  if (Array.isArray(categories)) return total !== undefined && categories.length === total ? 'all' : categories.join(', ');
  return `at least ${(categories as { atLeast: readonly string[] }).atLeast.join(', ')}`;
}

/** Whether the categories are known in full (a list or "all"). */
export function categoriesKnown(categories: Categories): boolean {
  return categories === 'all' || Array.isArray(categories);
}

/**
 * How long a retention mandate makes a provider keep `category`: its one `duration`, or the
 * period of the `durations` group that names the category; `unknown` when no group names it.
 */
export function mandateDuration(m: Mandate, category: string): string {
  if (m.durations === undefined) return m.duration ?? 'unknown';
  for (const g of m.durations) if ((g.categories as readonly string[]).includes(category)) return g.duration;
  return 'unknown';
}

/** Every period a mandate sets, in words ("P6M", "P6M (subscriber-info); P15D (message-content)"). */
export function mandateDurationsWords(m: Mandate): string {
  if (m.durations === undefined) return m.duration ?? 'unknown';
  return m.durations.map((g) => `${g.duration} (${g.categories.join(', ')})`).join('; ');
}
