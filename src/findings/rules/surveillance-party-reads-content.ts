import type { CheckResult, FindingContext, Rule, Segment } from '../rule.js';

/** Capabilities that turn access to content into surveillance or censorship. */
const SURVEILLANCE = ['keyword-filtering', 'content-retention', 'live-interception', 'censorship', 'bulk-access'];

function check({ declaration, contentCategories }: FindingContext): CheckResult[] {
  const results: CheckResult[] = [];
  (declaration.thirdParties ?? []).forEach((party, i) => {
    const capabilities = Array.isArray(party.capabilities) ? party.capabilities : [];
    const content = (party.categories ?? []).map((c, j) => [c, j] as const).filter(([c]) => contentCategories.has(c));
    const powers = capabilities.map((c, k) => [c, k] as const).filter(([c]) => SURVEILLANCE.includes(c));
    if (content.length === 0 || powers.length === 0) return;
    const where = party.jurisdiction && party.jurisdiction !== 'undisclosed' ? party.jurisdiction : undefined;
    results.push({
      message: `the declaration discloses that third party "${party.name}" (${party.relationship}${where ? `, ${where}` : ''}) has ${powers.map(([c]) => c).join(', ')} and access to ${content.map(([c]) => c).join(', ')}; users' content is reachable through it`,
      paths: [
        ...content.map(([, j]): Segment[] => ['thirdParties', i, 'categories', j]),
        ...powers.map(([, k]): Segment[] => ['thirdParties', i, 'capabilities', k]),
      ],
      ...(where ? { jurisdiction: where } : {}),
    });
  });
  return results;
}

export const surveillancePartyReadsContent: Rule = {
  id: 'surveillance-party-reads-content',
  // Honest disclosure is not a fault of the document: what it reveals is reported apart from
  // what is wrong with it, and graded as a notice rather than an error.
  severity: 'info',
  kind: 'disclosure',
  description: 'The declaration discloses a third party with known surveillance or censorship capabilities that has access to content categories.',
  check,
};
