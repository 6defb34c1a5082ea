import type { DataCategory, Declaration, JurisdictionProfile, RetentionMandate } from '../../formats/types.generated.js';
import { inForceOn } from '../../law/in-force.js';
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

const reaches = (m: RetentionMandate, category: string) => m.categories === 'unknown' || m.categories.includes(category as never);

/** Whether a named place is under the law of `profile` on `date`: the same code, or a member of the union then. */
function under(place: string, profile: JurisdictionProfile, date: string): boolean {
  if (place === profile.code) return true;
  const member = profile.memberStates?.members.find((m) => m.code === place);
  return member !== undefined && inForceOn(member, date) === 'yes';
}

/** Duties are judged by the law in force on the declaration's `asOf` (a mandate not yet or no longer in force then binds no one). */
function check({ declaration, jurisdictions }: FindingContext): CheckResult[] {
  const asOf = declaration.asOf;
  const results: CheckResult[] = [];
  declaration.dataCategories.forEach((category, i) => {
    if (category.collected !== 'yes') return;
    const kept = declaredMaximumDays(category);
    if (kept === undefined) return;
    const places = placesOf(category, declaration);
    for (const profile of jurisdictions) {
      const where = places.filter((p) => under(p, profile, asOf));
      if (where.length === 0) continue;
      for (const mandate of profile.retentionMandates) {
        if (inForceOn(mandate.inForce, asOf) !== 'yes' || mandate.duration === 'unknown' || !reaches(mandate, category.category)) continue;
        if (kept >= durationDays(mandate.duration)) continue;
        const declared = category.retention?.kind === 'none' ? 'not to keep it' : `to keep it for ${(category.retention as { duration: string }).duration}`;
        const scope = mandate.scope === 'telecom-operators' ? ' (binds telecom operators)' : '';
        results.push({
          message: `${category.category}: ${mandate.name}${scope} in ${profile.name} requires keeping it for ${mandate.duration}, but the declaration says ${declared} (stored or established in ${where.join(', ')})`,
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
