import { compelledPathway } from './compelled-pathway.js';
import type { Compliance } from './compliance-share.js';
import { mergeFacts, normalizeFacts } from './facts.js';
import { gradeFor } from './grade.js';
import { providerPresence } from './legal-reach.js';
import { anyOf, clamp01, round1 } from './numbers.js';
import type { ProfileIndex } from './profile-index.js';
import { retentionWindow } from './retention-window.js';
import { thirdPartyPathway } from './third-party-pathway.js';
import { transitPathway } from './transit-pathway.js';
import type { Cell, Declaration, JurisdictionProfile, ModelParameters, PathwayId, PathwayResult, RawPathway } from './types.js';

/**
 * One cell: how reachable the category at `index` is to the authorities of `profile` (and to
 * parties under its law). Score = 100 × sensitivity × (1 − Π(1 − pathway exposure)).
 */
export function exposureCell(decl: Declaration, index: number, profile: JurisdictionProfile, profiles: ProfileIndex, params: ModelParameters, sensitivity: number, compliance: Compliance): Cell {
  const category = decl.dataCategories[index].category;
  const presence = providerPresence(decl, index, profile.code, profiles);
  const window = retentionWindow(decl, index, profile, presence.present, params);
  const raw: [PathwayId, RawPathway][] = [
    ['compelled-provider', compelledPathway(decl, index, profile, presence, window, compliance, params)],
    ['third-party', thirdPartyPathway(decl, index, profile, profiles, params)],
    ['interception-in-transit', transitPathway(decl, index, profile, params)],
  ];
  const combined = anyOf(raw.map(([, p]) => p.exposure));
  const score = round1(100 * clamp01(sensitivity) * combined);
  const pathways: PathwayResult[] = [];
  for (const [pathway, p] of raw) {
    if (p.exposure <= 0) continue;
    pathways.push({ pathway, score: round1(100 * clamp01(sensitivity) * clamp01(p.exposure)), explanation: p.explanation, facts: normalizeFacts(p.facts, decl, profile) });
  }
  // The window only matters when something can demand what is stored.
  if (score > 0 && raw.some(([, p]) => p.usesWindow) && window.factor > 0) {
    const facts = normalizeFacts(mergeFacts(window.facts), decl, profile);
    pathways.push({ pathway: 'retention-window', score: round1(100 * window.factor), explanation: `${window.explanation} Stored data is exposed in proportion to this window (${round1(100 * window.factor)}% of indefinite).`, facts });
  }
  return { category, jurisdiction: profile.code, score, grade: gradeFor(score, params), pathways };
}
