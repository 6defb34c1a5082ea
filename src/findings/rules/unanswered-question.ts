import type { Declaration } from '../../formats/types.generated.js';
import type { CheckResult, FindingContext, Rule, Segment } from '../rule.js';


interface Gap {
  path: Segment[];
  what: string;
}

/** A value that does not answer: left out, or answered "undisclosed". */
const silent = (value: unknown) => value === undefined || value === 'undisclosed';

/**
 * The questions of the product brief (government requests, data kept, interception,
 * licensed operators, legal process), each with where a declaration can leave it open.
 */
const QUESTIONS: { question: string; gaps: (d: Declaration, taxonomy: readonly string[]) => Gap[] }[] = [
  {
    question: 'who the provider is and where it is established',
    gaps: (d) => [
      ...(silent(d.provider.headquarters) ? [{ path: ['provider', 'headquarters'], what: 'headquarters' }] : []),
      ...(silent(d.provider.establishments) ? [{ path: ['provider', 'establishments'], what: 'establishments' }] : []),
    ],
  },
  {
    question: '1. government requests',
    // Worldwide rows only (country "001") leave every country's figures unanswered: one gap for the section, not one per country.
    gaps: (d) =>
      d.governmentRequests === undefined
        ? [{ path: ['governmentRequests'], what: 'transparency figures' }]
        : d.governmentRequests.length > 0 && d.governmentRequests.every((r) => r.country === '001')
          ? [{ path: ['governmentRequests'], what: 'per-country transparency figures (only worldwide totals are given, which say nothing about any one country)' }]
          : [],
  },
  {
    question: '2. data collected and its retention',
    gaps: (d, taxonomy) => {
      const gaps = unlisted(d, taxonomy);
      d.dataCategories.forEach((c, i) => {
        if (c.collected === 'undisclosed') gaps.push({ path: ['dataCategories', i, 'collected'], what: `whether ${c.category} is collected` });
        if (c.collected === 'undisclosed' || c.collected === 'no') return;
        if (silent(c.retention?.kind)) gaps.push({ path: ['dataCategories', i, 'retention'], what: `retention of ${c.category}` });
        if (silent(c.storageLocations)) gaps.push({ path: ['dataCategories', i, 'storageLocations'], what: `where ${c.category} is stored` });
      });
      return gaps;
    },
  },
  {
    question: '3. interception in transit and at rest',
    gaps: (d) => {
      const gaps: Gap[] = [];
      d.dataCategories.forEach((c, i) => {
        if (c.collected === 'no') return;
        if (silent(c.protection?.inTransit)) gaps.push({ path: ['dataCategories', i, 'protection', 'inTransit'], what: `protection of ${c.category} in transit` });
        if (silent(c.protection?.atRest)) gaps.push({ path: ['dataCategories', i, 'protection', 'atRest'], what: `protection of ${c.category} at rest` });
        if (c.interception === undefined) gaps.push({ path: ['dataCategories', i, 'interception'], what: `who can intercept ${c.category} on the way (network operators, attackers, third parties)` });
        (c.interception ?? []).forEach((x, j) => {
          if (x.capability === 'undisclosed') gaps.push({ path: ['dataCategories', i, 'interception', j, 'capability'], what: `what ${x.party} can intercept of ${c.category}` });
        });
      });
      return gaps;
    },
  },
  {
    question: '4. third parties and their capabilities',
    gaps: (d) =>
      d.thirdParties === undefined
        ? [{ path: ['thirdParties'], what: 'third parties with access to user data' }]
        : d.thirdParties.flatMap((t, i): Gap[] => [
            ...(silent(t.jurisdiction) ? [{ path: ['thirdParties', i, 'jurisdiction'], what: `where "${t.name}" operates` }] : []),
            ...(t.capabilities === undefined || t.capabilities === 'undisclosed' || t.capabilities.includes('undisclosed')
              ? [{ path: ['thirdParties', i, 'capabilities'], what: `surveillance or censorship capabilities of "${t.name}"` }]
              : []),
            ...(t.categories === undefined ? [{ path: ['thirdParties', i, 'categories'], what: `which data "${t.name}" can access` }] : []),
            ...(silent(t.distributesClient as unknown) ? [{ path: ['thirdParties', i, 'distributesClient'], what: `whether "${t.name}" builds or distributes the client (end-to-end encryption does not hold against it if so)` }] : []),
          ]),
  },
  {
    question: '5. lawful interception and legal process',
    gaps: (d) => {
      const lp = d.legalProcess;
      if (lp === undefined) return [{ path: ['legalProcess'], what: 'how legal process is answered' }];
      return [
        ...(lp.guidelinesUrl === undefined ? [{ path: ['legalProcess', 'guidelinesUrl'], what: 'the published guidelines for law-enforcement requests' }] : []),
        ...(silent(lp.liveInterception) ? [{ path: ['legalProcess', 'liveInterception'], what: 'whether live interception is possible' }] : []),
        ...(silent(lp.encryptionDemands) ? [{ path: ['legalProcess', 'encryptionDemands'], what: 'what the provider does when ordered to weaken or bypass its encryption' }] : []),
        ...(lp.interceptionStatutes === undefined ? [{ path: ['legalProcess', 'interceptionStatutes'], what: 'lawful-interception statutes (CALEA and peers)' }] : []),
        ...(lp.interceptionStatutes ?? []).flatMap((s, i): Gap[] =>
          s.position === 'undisclosed' ? [{ path: ['legalProcess', 'interceptionStatutes', i, 'position'], what: `position under ${s.statute}` }] : [],
        ),
        ...(lp.policies === undefined ? [{ path: ['legalProcess', 'policies'], what: 'disclosure policies per legal process' }] : []),
        ...(lp.policies ?? []).flatMap((p, i): Gap[] =>
          p.userNotification === 'undisclosed' ? [{ path: ['legalProcess', 'policies', i, 'userNotification'], what: `user notification for ${p.process} (${p.jurisdiction})` }] : [],
        ),
      ];
    },
  },
];

/** Categories of the taxonomy the declaration does not list: unanswered, not "not collected". */
function unlisted(d: Declaration, taxonomy: readonly string[]): Gap[] {
  const listed = new Set<string>(d.dataCategories.map((c) => c.category));
  const missing = taxonomy.filter((id) => !listed.has(id));
  return missing.length === 0 ? [] : [{ path: ['dataCategories'], what: `whether ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} collected (not listed)` }];
}

function check({ declaration, taxonomy = [] }: FindingContext): CheckResult[] {
  const results: CheckResult[] = [];
  for (const { question, gaps } of QUESTIONS)
    for (const gap of gaps(declaration, taxonomy))
      results.push({ message: `unanswered (${question}): ${gap.what}; until it is answered, the exposure ranges it touches stay wide (established to worst case)`, paths: [gap.path] });
  return results;
}

export const unansweredQuestion: Rule = {
  id: 'unanswered-question',
  severity: 'warning',
  description: 'A question of the product brief is left out or answered "undisclosed": the exposure ranges it touches span from its least to its most exposing answer. One finding per gap.',
  check,
};
