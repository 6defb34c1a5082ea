import { pointer } from '../formats/json-pointer.js';
import type { JurisdictionProfile } from '../formats/types.generated.js';
import type { ValidationIssue } from '../formats/validation-error.js';

/** Rules the schema cannot express: the file is named by its code, ids are unique, only a union lists members. */
export function jurisdictionIssues(profile: JurisdictionProfile, fileCode: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (profile.code !== fileCode) issues.push({ pointer: '/code', keyword: 'fileName', message: `must equal the file name (${fileCode})` });
  for (const list of ['instruments', 'retentionMandates', 'localisation', 'interceptionMandates'] as const) {
    const seen = new Set<string>();
    profile[list].forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ pointer: pointer(list, i, 'id'), keyword: 'uniqueId', message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  }
  if (profile.memberStates?.members.some((m) => m.code === profile.code))
    issues.push({ pointer: '/memberStates/members', keyword: 'memberOfItself', message: 'a union cannot list itself' });
  return issues;
}
