import type { DataCategory, Declaration, JurisdictionProfile, RetentionMandate } from '../../formats/types.generated.js';
import { inForceOn } from '../../law/in-force.js';
import { mandateDuration, reaches as reachesCategory } from '../../law/partial-knowledge.js';
import { durationDays } from '../../scoring/iso-duration.js';
import type { CheckResult, FindingContext, Rule } from '../rule.js';

/** Where the law of a category reaches: where it is stored, and where the provider is established. */
function placesOf(category: DataCategory, decl: Declaration): string[] {
  const stored = Array.isArray(category.storageLocations) ? category.storageLocations : [];
  const hq = decl.provider.headquarters && decl.provider.headquarters !== 'undisclosed' ? [decl.provider.headquarters] : [];
  const established = Array.isArray(decl.provider.establishments) ? decl.provider.establishments : [];
  return [...new Set([...stored, ...hq, ...established])];
}

/** Days the declaration promises at most, or undefined when it does not promise a limit. */
function declaredMaximumDays(category: DataCategory): number | undefined {
  const r = category.retention;
  if (r?.kind === 'none') return 0;
  if (r?.kind === 'fixed') return durationDays(r.duration);
  return undefined;
}

/** A mandate in force on a date: what the rule compares a declared limit with, per category it may reach with a known period. */
interface Duty {
  mandate: RetentionMandate;
  /** Days it sets for a category, or undefined when it does not reach it or its period there is not known. */
  days: (category: string) => number | undefined;
}

function dutyOf(mandate: RetentionMandate): Duty {
  const days = new Map<string, number | undefined>();
  return {
    mandate,
    days: (category) => {
      if (!days.has(category)) {
        const period = reachesCategory(mandate.categories, category) === 'no' ? 'unknown' : mandateDuration(mandate, category);
        days.set(category, period === 'unknown' ? undefined : durationDays(period));
      }
      return days.get(category);
    },
  };
}

/** The profiles whose law covers a place on a date (its own profile, and the union it was a member of then), with their duties then. */
type DutiesByPlace = Map<string, { profile: JurisdictionProfile; duties: Duty[] }[]>;

/**
 * Duties on a date, by place. Derived from the law data alone and remembered per profile list
 * and date: a validation then looks up the places it names instead of walking every profile.
 */
const remembered = new WeakMap<readonly JurisdictionProfile[], Map<string, DutiesByPlace>>();

function dutiesOn(jurisdictions: readonly JurisdictionProfile[], date: string): DutiesByPlace {
  let byDate = remembered.get(jurisdictions);
  if (!byDate) remembered.set(jurisdictions, (byDate = new Map()));
  let byPlace = byDate.get(date);
  if (byPlace) return byPlace;
  byPlace = new Map();
  for (const profile of jurisdictions) {
    const duties = profile.retentionMandates
      .filter((m) => inForceOn(m.inForce, date) === 'yes' && m.duration !== 'unknown')
      .map(dutyOf);
    if (duties.length === 0) continue;
    const places = [profile.code, ...(profile.memberStates?.members ?? []).filter((m) => inForceOn(m, date) === 'yes').map((m) => m.code)];
    for (const place of new Set(places)) {
      const list = byPlace.get(place) ?? [];
      list.push({ profile, duties });
      byPlace.set(place, list);
    }
  }
  if (byDate.size > 64) byDate.clear(); // dates come from declarations: keep the memory bounded
  byDate.set(date, byPlace);
  return byPlace;
}

/** Duties are judged by the law in force on the declaration's `asOf` (a mandate not yet or no longer in force then binds no one). */
function check({ declaration, jurisdictions }: FindingContext): CheckResult[] {
  const asOf = declaration.asOf;
  const duties = dutiesOn(jurisdictions, asOf);
  const results: CheckResult[] = [];
  declaration.dataCategories.forEach((category, i) => {
    if (category.collected !== 'yes') return;
    const kept = declaredMaximumDays(category);
    if (kept === undefined) return;
    // Each profile once, with the places under it in the order the declaration names them.
    const where = new Map<JurisdictionProfile, { duties: Duty[]; places: string[] }>();
    for (const place of placesOf(category, declaration)) {
      for (const { profile, duties: list } of duties.get(place) ?? []) {
        const entry = where.get(profile);
        if (entry) entry.places.push(place);
        else where.set(profile, { duties: list, places: [place] });
      }
    }
    for (const [profile, { duties: list, places }] of where) {
      for (const { mandate, days } of list) {
        const required = days(category.category);
        if (required === undefined || kept >= required) continue;
        const declared = category.retention?.kind === 'none' ? 'not to keep it' : `to keep it for ${(category.retention as { duration: string }).duration}`;
        const scope = mandate.scope === 'telecom-operators' ? ' (binds telecom operators)' : '';
        results.push({
          message: `${category.category}: ${mandate.name}${scope} in ${profile.name} requires keeping it for ${mandateDuration(mandate, category.category)}, but the declaration says ${declared} (stored or established in ${places.join(', ')})`,
          paths: [['dataCategories', i, 'retention']],
          jurisdiction: profile.code,
        });
      }
    }
  });
  return results;
}

export const retentionBelowMandate: Rule = {
  id: 'retention-below-mandate',
  severity: 'error',
  description: 'A category is declared kept for less time than a retention mandate in force where it is stored or where the provider is established requires.',
  check,
};
