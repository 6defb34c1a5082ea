import { accessCandidates, encryptionPower } from './access-candidates.js';
import type { CategoryLaw } from './category-law.js';
import type { Citation } from './facts.js';
import { compelledPathway } from './compelled-pathway.js';
import type { Compliance } from './compliance-share.js';
import { capEncryption, encryptionPathway } from './encryption-pathway.js';
import { gradeFor } from './grade.js';
import type { LawView } from './law-view.js';
import { providerPresence } from './legal-reach.js';
import { round1 } from './numbers.js';
import { clamp01, isWide, ONE, UNIT, type Range } from './range.js';
import { retentionWindow } from './retention-window.js';
import type { ScoringContext } from './scoring-context.js';
import { thirdPartyPathway } from './third-party-pathway.js';
import { transitPathway } from './transit-pathway.js';
import { NO_PATHWAY, type Cell, type ExplainLevel, type PathwayId, type PathwayResult, type RawPathway, type Unknown } from './types.js';
import { UnknownSet } from './unknowns.js';

const MANDATES = ['/retentionMandates'];
const NO_PATHWAYS = Object.freeze([]) as unknown as PathwayResult[];

/** What the window cites of the declaration: one of two lists of the entry. */
function windowCitation(ctx: ScoringContext, ce: ScoringContext['entries'][number], declaration: readonly string[]): Citation {
  return declaration === ce.retentionFacts ? (ce.cites.retention ??= ctx.facts.declaration.addAll(declaration)) : declaration === ce.retentionServicesFacts ? (ce.cites.retentionServices ??= ctx.facts.declaration.addAll(declaration)) : ctx.facts.declaration.addAll(declaration);
}

/** The access pathways, in the order a cell lists them. */
const PATHWAYS: readonly PathwayId[] = ['compelled-provider', 'third-party', 'interception-in-transit', 'encryption-powers'];

/** `window 85–98.8% of indefinite`: one string per pair of bounds (the same few recur in every matrix). */
const windowShares = new Map<number, string>();
function windowShare(we: number, ww: number): string {
  const a = Math.round(we * 10);
  const b = Math.round(ww * 10);
  const key = a >= 0 && a < 4096 && b >= 0 && b < 4096 ? a * 4096 + b : -1;
  let s = key < 0 ? undefined : windowShares.get(key);
  if (s === undefined) {
    s = `window ${we === ww ? `${ww}%` : `${we}–${ww}%`} of indefinite`;
    if (key >= 0 && windowShares.size < 50_000) windowShares.set(key, s);
  }
  return s;
}

const pct = (x: number, sensitivity: number) => round1(100 * clamp01(sensitivity) * clamp01(x));

const gathered = new UnknownSet();
const seen: (readonly Unknown[])[] = [];

/** What widens a cell: the unknowns of its wide pathways, and an unanswered `collected`; one per side and pointer. */
function cellUnknowns(ctx: ScoringContext, raw: readonly RawPathway[], ce: ScoringContext['entries'][number], collected: Range, explain: ExplainLevel): Unknown[] {
  gathered.clear(ctx.unknownOrder);
  seen.length = 0;
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    if (!isWide(p.exposure)) continue;
    // A shared list met again adds nothing: its unknowns are in already, ahead of anything after it.
    // Indexed loops: the lists are frozen arrays, whose iterators this hot path would allocate.
    const lists = p.lists;
    for (let j = 0; j < lists.length; j++)
      if (!seen.includes(lists[j])) {
        seen.push(lists[j]);
        gathered.addAll(lists[j]);
      }
    gathered.addAll(p.unknowns);
  }
  if (collected.lo < collected.hi) gathered.add(ctx.unanswered(ce.at.collected, ce.listed ? 'whether it is collected is not disclosed' : 'the category is not listed: whether it is collected is not answered'));
  return gathered.sorted(explain === 'full');
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
export function exposureCell(ctx: ScoringContext, index: number, view: LawView, law: CategoryLaw, compliance: Compliance, explain: ExplainLevel): Cell {
  const { params } = ctx;
  const ce = ctx.entries[index];
  const code = view.profile.code;
  if (ce.entry.collected === 'no') return nothingHeld(ce.entry.category, code, ctx);
  const presence = providerPresence(ctx, ce, view);
  const window = retentionWindow(ctx, index, law, presence.tri);
  const candidates = accessCandidates(ctx, index, view, law, presence);
  // Interception in transit concerns users who are in J: where the provider declares none, it is shown apart.
  const users = ctx.users(view);
  const raw: RawPathway[] = [
    compelledPathway(ctx, index, code, candidates, window, compliance),
    thirdPartyPathway(ctx, index, view, law),
    users.tri === 'no' ? NO_PATHWAY : transitPathway(ctx, index, view, law, users),
    encryptionPathway(ctx, index, candidates, encryptionPower(law, presence), code, window, compliance),
  ];
  capEncryption(ctx, index, raw, candidates, window, compliance);
  // Collected: yes counts in full; an unanswered category may not be collected at all.
  const collected: Range = ce.entry.collected === 'yes' ? ONE : UNIT;
  let lo = 1;
  let hi = 1;
  let usesWindow = false;
  for (let i = 0; i < raw.length; i++) {
    const e = raw[i].exposure;
    lo *= 1 - clamp01(e.lo);
    hi *= 1 - clamp01(e.hi);
    if (raw[i].usesWindow && e.hi > 0) usesWindow = true;
  }
  const s = ce.sensitivity;
  const established = pct((1 - lo) * collected.lo, s);
  const worstCase = pct((1 - hi) * collected.hi, s);
  const unknowns = worstCase > established ? cellUnknowns(ctx, raw, ce, collected, explain) : [];
  // `explain=summary` shows bounds, grades and unknowns only: no pathway is built for it.
  if (ctx.cells === 'bounds') return { category: ce.entry.category, jurisdiction: code, established, worstCase, score: worstCase, grade: gradeFor(worstCase, params), establishedGrade: gradeFor(established, params), unknowns, pathways: NO_PATHWAYS };
  const pathways: PathwayResult[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    if (p.exposure.hi <= 0) continue;
    const pe = pct(p.exposure.lo * collected.lo, s);
    const pw = pct(p.exposure.hi * collected.hi, s);
    pathways.push({ pathway: PATHWAYS[i], established: pe, worstCase: pw, score: pw, explanation: p.explanation || p.summary, facts: p.facts });
  }
  // The window only matters when something can demand what is stored.
  if (worstCase > 0 && usesWindow && window.factor.hi > 0) {
    const facts = ctx.facts.facts(windowCitation(ctx, ce, window.facts.declaration), ctx.facts.jurisdiction.addAll(window.facts.jurisdiction.length > 0 ? window.facts.jurisdiction : MANDATES));
    const we = round1(100 * window.factor.lo);
    const ww = round1(100 * window.factor.hi);
    pathways.push({ pathway: 'retention-window', established: we, worstCase: ww, score: ww, explanation: explain === 'full' ? `${window.explanation} Stored data is exposed in proportion to this window (${we === ww ? `${ww}%` : `${we}–${ww}%`} of indefinite).` : windowShare(we, ww), facts });
  }
  const cell: Cell = {
    category: ce.entry.category,
    jurisdiction: view.profile.code,
    established,
    worstCase,
    score: worstCase,
    grade: gradeFor(worstCase, params),
    establishedGrade: gradeFor(established, params),
    unknowns,
    pathways,
  };
  if (users.tri === 'no') {
    const t = transitPathway(ctx, index, view, law);
    if (t.exposure.hi > 0) {
      const tw = pct(t.exposure.hi * collected.hi, s);
      cell.travelling = { pathway: 'interception-in-transit', established: pct(t.exposure.lo * collected.lo, s), worstCase: tw, score: tw, explanation: t.explanation || `a user travelling to ${code}: ${t.summary}`, facts: t.facts };
    }
  }
  return cell;
}
