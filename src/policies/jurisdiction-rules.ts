import { pointer } from '../formats/json-pointer.js';
import type { DateOrYear, FactSource, InForce, JurisdictionProfile, LegalBasis } from '../formats/types.generated.js';
import type { ValidationIssue } from '../formats/validation-error.js';

/** The lists of dated, sourced facts in a profile (union membership is checked apart). */
export const FACT_LISTS = ['instruments', 'retentionMandates', 'localisation', 'interceptionMandates', 'agreements'] as const;
export type FactList = (typeof FACT_LISTS)[number];

/** Source kinds that count as the text itself (a secondary source never stands alone). */
export const PRIMARY_KINDS: ReadonlySet<FactSource['kind']> = new Set(['official', 'unofficial-copy']);

/** Source kinds that document a state's practice (a documented-practice fact needs two independent ones). */
export const PRACTICE_KINDS: ReadonlySet<FactSource['kind']> = new Set(['report', 'court-finding', 'regulator']);

/** Every fact of a profile with its list name and index. */
export function factsOf(profile: JurisdictionProfile): { list: FactList; index: number; fact: { id: string; inForce: InForce; sources: FactSource[]; legalBasis?: LegalBasis } }[] {
  return FACT_LISTS.flatMap((list) => (profile[list] ?? []).map((fact, index) => ({ list, index, fact })));
}

/**
 * Rules the schema cannot express: the file is named by its code; ids are unique per list;
 * only a union lists members, once each and never itself; an access date only for a text
 * actually read, and a verified citation is a legal text at a deep link (no home page, no
 * commentary); every fact cites the text itself, except a documented practice, which cites at
 * least two independent reports, court findings or regulator documents (on different sites); no
 * fact ends before it starts; a retention mandate's per-category periods name each category once,
 * only categories the mandate reaches, and every category it lists.
 */
export function jurisdictionIssues(profile: JurisdictionProfile, fileCode: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (profile.code !== fileCode) issues.push({ pointer: '/code', keyword: 'fileName', message: `must equal the file name (${fileCode})` });
  for (const list of FACT_LISTS) {
    const seen = new Set<string>();
    (profile[list] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ pointer: pointer(list, i, 'id'), keyword: 'uniqueId', message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  }
  for (const { list, index, fact } of factsOf(profile)) {
    if (fact.legalBasis === 'documented-practice') {
      if (independentPracticeSources(fact.sources) < 2)
        issues.push({ pointer: pointer(list, index, 'sources'), keyword: 'documentedPractice', message: 'a documented practice must cite at least two independent sources (different sites) of kind report, court-finding or regulator' });
    } else if (!fact.sources.some((s) => PRIMARY_KINDS.has(s.kind)))
      issues.push({ pointer: pointer(list, index, 'sources'), keyword: 'primarySource', message: 'must cite the official text (kind official, or unofficial-copy where none is published)' });
    issues.push(...inForceIssues(fact.inForce, pointer(list, index, 'inForce')));
    fact.sources.forEach((s, j) => issues.push(...sourceIssues(s, pointer(list, index, 'sources', j))));
  }
  (profile.sources ?? []).forEach((s, j) => issues.push(...sourceIssues(s, pointer('sources', j))));
  profile.retentionMandates.forEach((m, i) => issues.push(...durationsIssues(m, i)));
  issues.push(...memberIssues(profile));
  return issues;
}

/** Independent sources of practice: report, court-finding or regulator sources counted once per site (host name). */
export function independentPracticeSources(sources: readonly FactSource[]): number {
  const sites = new Set<string>();
  for (const s of sources) if (PRACTICE_KINDS.has(s.kind)) sites.add(new URL(s.url).hostname.replace(/^www\./, '').toLowerCase());
  return sites.size;
}

function durationsIssues(m: JurisdictionProfile['retentionMandates'][number], i: number): ValidationIssue[] {
  if (m.durations === undefined) return [];
  const issues: ValidationIssue[] = [];
  const listed = Array.isArray(m.categories) ? new Set<string>(m.categories) : undefined;
  const seen = new Set<string>();
  m.durations.forEach((g, k) =>
    g.categories.forEach((c, n) => {
      const at = pointer('retentionMandates', i, 'durations', k, 'categories', n);
      if (seen.has(c)) issues.push({ pointer: at, keyword: 'uniqueCategory', message: `"${c}" has a period in another group already` });
      else if (listed !== undefined && !listed.has(c)) issues.push({ pointer: at, keyword: 'durationCategory', message: `"${c}" is not among the categories of the mandate` });
      seen.add(c);
    }),
  );
  for (const c of listed ?? []) if (!seen.has(c)) issues.push({ pointer: pointer('retentionMandates', i, 'durations'), keyword: 'durationCategory', message: `no group gives the period for "${c}"` });
  return issues;
}

function memberIssues(profile: JurisdictionProfile): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const members = profile.memberStates;
  if (!members) return issues;
  if (members.members.some((m) => m.code === profile.code))
    issues.push({ pointer: '/memberStates/members', keyword: 'memberOfItself', message: 'a union cannot list itself' });
  const seen = new Set<string>();
  members.members.forEach((m, i) => {
    if (seen.has(m.code)) issues.push({ pointer: pointer('memberStates', 'members', i, 'code'), keyword: 'uniqueMember', message: `duplicate member "${m.code}"` });
    seen.add(m.code);
    if (endsBeforeStart(m.from, m.until))
      issues.push({ pointer: pointer('memberStates', 'members', i, 'until'), keyword: 'untilAfterFrom', message: 'must not be before from' });
  });
  members.sources.forEach((s, j) => issues.push(...sourceIssues(s, pointer('memberStates', 'sources', j))));
  return issues;
}

function inForceIssues(inForce: InForce, at: string): ValidationIssue[] {
  if (!endsBeforeStart(inForce.from, inForce.until)) return [];
  return [{ pointer: `${at}/until`, keyword: 'untilAfterFrom', message: 'must not be before from' }];
}

/**
 * Honesty rules: `accessed`, `readFrom` and `readAt` only for a text actually read, and a read
 * text says when. A verified citation is a legal text read at a deep link to the act or article:
 * never a site's home page (nothing there shows which text was read) and never commentary.
 */
function sourceIssues(source: FactSource, at: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!source.verified) {
    if (source.accessed !== undefined) issues.push({ pointer: `${at}/accessed`, keyword: 'accessedOnlyVerified', message: 'only a verified (actually read) source has an access date' });
    if (source.readFrom !== undefined) issues.push({ pointer: `${at}/readFrom`, keyword: 'accessedOnlyVerified', message: 'only a verified (actually read) source says where it was read' });
    if (source.readAt !== undefined) issues.push({ pointer: `${at}/readAt`, keyword: 'accessedOnlyVerified', message: 'only a verified (actually read) source names the copy read' });
    return issues;
  }
  if (source.accessed === undefined) issues.push({ pointer: `${at}/accessed`, keyword: 'verifiedNeedsAccessed', message: 'a verified source must say when it was read' });
  if (isHomePage(source.url)) issues.push({ pointer: `${at}/url`, keyword: 'verifiedDeepLink', message: "a verified citation links to the act or article read, not to a site's home page" });
  if (source.kind === 'secondary') issues.push({ pointer: `${at}/kind`, keyword: 'verifiedNotCommentary', message: 'commentary is never the verified text: verify the legal text itself, or mark this citation unverified' });
  return issues;
}

/** A URL with no path beyond "/" and no query: a site's home page. */
export function isHomePage(url: string): boolean {
  const u = new URL(url);
  return (u.pathname === '' || u.pathname === '/') && u.search === '';
}

/** True when both ends are known (date or year) and `until` lies wholly before `from` (an end known only as a bound never contradicts). */
export function endsBeforeStart(from: InForce['from'], until: InForce['until']): boolean {
  if (until === undefined || from === 'unknown' || until === 'unknown' || typeof from === 'object' || typeof until === 'object') return false;
  if (typeof from === 'number' || typeof until === 'number') return yearOf(until) < yearOf(from);
  return until < from;
}

function yearOf(d: string | number): number {
  return typeof d === 'number' ? d : Number(d.slice(0, 4));
}
