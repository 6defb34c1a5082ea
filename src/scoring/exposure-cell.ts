import { accessCandidates, encryptionPower } from './access-candidates.js';
import { categoryLaw } from './category-law.js';
import { compelledPathway } from './compelled-pathway.js';
import type { Compliance } from './compliance-share.js';
import { encryptionPathway } from './encryption-pathway.js';
import { normalizeFacts } from './facts.js';
import { gradeFor } from './grade.js';
import type { LawView } from './law-view.js';
import { providerPresence } from './legal-reach.js';
import { round1 } from './numbers.js';
import { anyOf, clamp01, isWide, span, type Range } from './range.js';
import { retentionWindow } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { thirdPartyPathway } from './third-party-pathway.js';
import { transitPathway } from './transit-pathway.js';
import type { Cell, ExplainLevel, PathwayId, PathwayResult, RawPathway, Unknown } from './types.js';
import { sortedUnknowns } from './unknowns.js';

const pct = (x: number, sensitivity: number) => round1(100 * clamp01(sensitivity) * clamp01(x));

/** What widens a cell: the unknowns of its wide pathways, and an unanswered `collected`; one per side and pointer. */
function cellUnknowns(ctx: ScoringContext, raw: [PathwayId, RawPathway][], ce: ScoringContext['entries'][number], collected: Range, explain: ExplainLevel): Unknown[] {
  const all: Unknown[] = [];
  for (const [, p] of raw) if (isWide(p.exposure)) for (const u of p.unknowns) all.push(u);
  if (collected.lo < collected.hi) all.push(ctx.unanswered(ce.at.collected, ce.listed ? 'whether it is collected is not disclosed' : 'the category is not listed: whether it is collected is not answered'));
  return sortedUnknowns(all, explain === 'full');
}

/** A category declared not collected: both bounds 0 everywhere (P2). */
function nothingHeld(category: Cell['category'], jurisdiction: string, ctx: ScoringContext): Cell {
  const grade = gradeFor(0, ctx.params);
  return { category, jurisdiction: jurisdiction as Cell['jurisdiction'], established: 0, worstCase: 0, score: 0, grade, establishedGrade: grade, unknowns: [], pathways: [] };
}

/**
 * One cell: how reachable the category at `index` is to the authorities of `view` (and to
 * parties under its law), as a range. Each bound = 100 × sensitivity × collected ×
 * (1 − Π(1 − pathway exposure)), the pathways' `lo` ends giving `established` and their `hi`
 * ends `worstCase`.
 */
export function exposureCell(ctx: ScoringContext, index: number, view: LawView, compliance: Compliance, explain: ExplainLevel): Cell {
  const { params } = ctx;
  const ce = ctx.entries[index];
  const code = view.profile.code;
  if (ce.entry.collected === 'no') return nothingHeld(ce.entry.category, code, ctx);
  const law = categoryLaw(view, ce.entry.category, params);
  const presence = providerPresence(ctx, ce, view);
  const window = retentionWindow(ctx, index, law, presence.tri);
  const candidates = accessCandidates(ctx, index, view, law, presence);
  const raw: [PathwayId, RawPathway][] = [
    ['compelled-provider', compelledPathway(ctx, index, code, candidates, window, compliance)],
    ['third-party', thirdPartyPathway(ctx, index, view, law)],
    ['interception-in-transit', transitPathway(ctx, index, view, law)],
    ['encryption-powers', encryptionPathway(ctx, index, candidates, encryptionPower(law, presence), code, window, compliance)],
  ];
  // Collected: yes counts in full; an unanswered category may not be collected at all.
  const collected: Range = ce.entry.collected === 'yes' ? { lo: 1, hi: 1 } : span(0, 1);
  const combined = anyOf(raw.map(([, p]) => p.exposure));
  const s = ce.sensitivity;
  const established = pct(combined.lo * collected.lo, s);
  const worstCase = pct(combined.hi * collected.hi, s);
  const pathways: PathwayResult[] = [];
  const declPointers = ctx.declarationPointers;
  for (const [pathway, p] of raw) {
    if (p.exposure.hi <= 0) continue;
    const pe = pct(p.exposure.lo * collected.lo, s);
    const pw = pct(p.exposure.hi * collected.hi, s);
    pathways.push({ pathway, established: pe, worstCase: pw, score: pw, explanation: p.explanation || p.summary, facts: normalizeFacts(p.facts, declPointers) });
  }
  // The window only matters when something can demand what is stored.
  if (worstCase > 0 && raw.some(([, p]) => p.usesWindow && p.exposure.hi > 0) && window.factor.hi > 0) {
    const ownFacts = window.facts.jurisdiction.length > 0 ? window.facts : { declaration: window.facts.declaration, jurisdiction: ['/retentionMandates'] };
    const we = round1(100 * window.factor.lo);
    const ww = round1(100 * window.factor.hi);
    pathways.push({ pathway: 'retention-window', established: we, worstCase: ww, score: ww, explanation: explain === 'full' ? `${window.explanation} Stored data is exposed in proportion to this window (${we === ww ? `${ww}%` : `${we}–${ww}%`} of indefinite).` : `window ${we === ww ? `${ww}%` : `${we}–${ww}%`} of indefinite`, facts: normalizeFacts(ownFacts, declPointers) });
  }
  return {
    category: ce.entry.category,
    jurisdiction: view.profile.code,
    established,
    worstCase,
    score: worstCase,
    grade: gradeFor(worstCase, params),
    establishedGrade: gradeFor(established, params),
    unknowns: worstCase > established ? cellUnknowns(ctx, raw, ce, collected, explain) : [],
    pathways,
  };
}
