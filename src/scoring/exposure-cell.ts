import { compelledPathway } from './compelled-pathway.js';
import type { Compliance } from './compliance-share.js';
import { normalizeFacts } from './facts.js';
import { gradeFor } from './grade.js';
import { providerPresence } from './legal-reach.js';
import { anyOf, clamp01, round1 } from './numbers.js';
import { retentionWindow } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { thirdPartyPathway } from './third-party-pathway.js';
import { transitPathway } from './transit-pathway.js';
import type { Cell, JurisdictionProfile, PathwayId, PathwayResult, RawPathway } from './types.js';

/**
 * One cell: how reachable the category at `index` is to the authorities of `profile` (and to
 * parties under its law). Score = 100 × sensitivity × (1 − Π(1 − pathway exposure)).
 */
export function exposureCell(ctx: ScoringContext, index: number, profile: JurisdictionProfile, sensitivity: number, compliance: Compliance): Cell {
  const { decl, params } = ctx;
  const category = decl.dataCategories[index].category;
  const presence = providerPresence(ctx, index, profile.code);
  const window = retentionWindow(ctx, index, profile, presence.present);
  const raw: [PathwayId, RawPathway][] = [
    ['compelled-provider', compelledPathway(ctx, index, profile, presence, window, compliance)],
    ['third-party', thirdPartyPathway(ctx, index, profile)],
    ['interception-in-transit', transitPathway(ctx, index, profile)],
  ];
  const combined = anyOf(raw.map(([, p]) => p.exposure));
  const score = round1(100 * clamp01(sensitivity) * combined);
  const pathways: PathwayResult[] = [];
  const declPointers = ctx.declarationPointers;
  const profilePointers = ctx.profilePointers.get(profile)!;
  for (const [pathway, p] of raw) {
    if (p.exposure <= 0) continue;
    pathways.push({ pathway, score: round1(100 * clamp01(sensitivity) * clamp01(p.exposure)), explanation: p.explanation, facts: normalizeFacts(p.facts, declPointers, profilePointers) });
  }
  // The window only matters when something can demand what is stored.
  if (score > 0 && raw.some(([, p]) => p.usesWindow) && window.factor > 0) {
    // When no mandate of the profile sets the window, the list of its mandates is the fact cited.
    const ownFacts = window.facts.jurisdiction.length > 0 ? window.facts : { declaration: window.facts.declaration, jurisdiction: ['/retentionMandates'] };
    const facts = normalizeFacts(ownFacts, declPointers, profilePointers);
    pathways.push({ pathway: 'retention-window', score: round1(100 * window.factor), explanation: `${window.explanation} Stored data is exposed in proportion to this window (${round1(100 * window.factor)}% of indefinite).`, facts });
  }
  return { category, jurisdiction: profile.code, score, grade: gradeFor(score, params), pathways };
}
