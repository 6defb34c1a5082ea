import type { Tri } from '../law/in-force.js';
import { categoryEntries } from './category-entries.js';
import { declaredWindow } from './declared-retention.js';
import { FactsIndex } from './facts.js';
import { lawView, type LawView } from './law-view.js';
import { ownPresence } from './legal-reach.js';
import { exact, span } from './range.js';
import type { Posture, Presence, ScoringContext, StatutePosition, Users } from './scoring-context.js';
import { thirdPartyFacts } from './third-party-facts.js';
import { statutePosition } from './transit-pathway.js';
import type { Declaration, ExplainLevel, JurisdictionProfile, ModelParameters, Unknown } from './types.js';
import { unknown, UnknownOrder } from './unknowns.js';
import { usersIn } from './users.js';

/**
 * Whether the declared services make the provider a telecom operator (or an infrastructure
 * provider), by the model's table of services (`services.kinds`): one service classified so is
 * enough; a word the table does not classify, or covers either way, or no list at all, leaves it
 * open.
 */
function offers(decl: Declaration, params: ModelParameters, kind: 'telecom' | 'infrastructure'): Tri {
  const services = decl.provider.services;
  if (services === undefined) return 'unknown';
  const table = params.services.kinds;
  let tri: Tri = 'no';
  for (const s of services) {
    const entry = Object.hasOwn(table, s.toLowerCase()) ? table[s.toLowerCase()] : undefined;
    const v = entry === undefined ? 'unknown' : entry[kind];
    if (v === true) return 'yes';
    if (v === 'unknown') tri = 'unknown';
  }
  return tri;
}

function liveCapability(decl: Declaration, params: ModelParameters): Posture {
  const answer = decl.legalProcess?.liveInterception;
  const notSupported = params.providerPosture.liveInterceptionNotSupported.value;
  const at = '/legalProcess/liveInterception';
  if (answer === 'not-supported') return { multiplier: exact(notSupported), pointers: [at] };
  if (answer === 'supported') return { multiplier: exact(1), pointers: [at] };
  return { multiplier: span(notSupported, 1), pointers: [at], unanswered: [at] };
}

function encryptionDemands(decl: Declaration, params: ModelParameters): Posture {
  const d = params.encryptionPowers.demands;
  const answer = decl.legalProcess?.encryptionDemands;
  const at = '/legalProcess/encryptionDemands';
  if (answer === 'refuse-or-withdraw' || answer === 'comply') return { multiplier: exact(d[answer].value), pointers: [at] };
  return { multiplier: span(d['refuse-or-withdraw'].value, d.comply.value), pointers: [at], unanswered: [at] };
}

export function scoringContext(decl: Declaration, profiles: readonly JurisdictionProfile[], params: ModelParameters, lawDate: string, explain: ExplainLevel = 'compact'): ScoringContext {
  const full = explain === 'full';
  const listed = decl.legalProcess?.policies;
  let policies: ScoringContext['policies'];
  if (listed !== undefined) {
    policies = new Map();
    listed.forEach((policy, at) => {
      const list = policies!.get(policy.jurisdiction) ?? [];
      list.push({ policy, at });
      policies!.set(policy.jurisdiction, list);
    });
  }
  const sorted = [...profiles].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const views = sorted.map((p) => lawView(p, lawDate));
  const entries = categoryEntries(decl, params);
  const hq = decl.provider.headquarters;
  const ctx: ScoringContext = {
    decl,
    params,
    lawDate,
    full,
    cells: explain === 'summary' ? 'bounds' : 'pathways',
    views,
    unions: new Map(views.filter((v) => v.profile.memberStates !== undefined).map((v) => [v.profile.code as string, v])),
    entries,
    telecom: offers(decl, params, 'telecom'),
    infrastructure: offers(decl, params, 'infrastructure'),
    live: liveCapability(decl, params),
    encryptionDemands: encryptionDemands(decl, params),
    declared: entries.map((e) => declaredWindow(e.entry.retention, params)),
    policies,
    establishments: Array.isArray(decl.provider.establishments) ? decl.provider.establishments.map((_, k) => `/provider/establishments/${k}`) : [],
    facts: new FactsIndex(decl, explain !== 'summary'),
    thirdParties: thirdPartyFacts(decl, params),
    headquarters: hq === undefined || hq === 'undisclosed' ? hq : [hq],
    ownPresence: memo<LawView, Presence>((view) => ownPresence(ctx, view)),
    users: memo<LawView, Users>((view) => usersIn(ctx, view)),
    statutes: memo<LawView, StatutePosition>((view) => statutePosition(ctx, view.profile.code)),
    undisclosedPlaces: full ? internPlaces() : internPlacesCompact(),
    undisclosedPolicyUnknowns: once(() => [ctx.unanswered('/legalProcess/policies', 'policies not disclosed')]),
    unanswered: internUnknowns(),
    unknownOrder: new UnknownOrder(),
  };
  return ctx;
}

function once<V>(compute: () => V): () => V {
  let v: V | undefined;
  return () => (v ??= compute());
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = compute(key)));
    return v;
  };
}

function internPlaces(): (at: string, what: string, code: string) => Unknown {
  const known = new Map<string, Map<string, Unknown>>();
  return (at, what, code) => {
    let byCode = known.get(at);
    if (byCode === undefined) known.set(at, (byCode = new Map()));
    let u = byCode.get(code);
    if (u === undefined) byCode.set(code, (u = unknown('declaration', at, `${what} not disclosed: may include ${code}`)));
    return u;
  };
}

/**
 * Without notes (`explain=compact`) an unknown is published as its side and pointer only, so
 * one object per pointer serves every jurisdiction (it is never read for its note).
 */
function internPlacesCompact(): (at: string, what: string, code: string) => Unknown {
  const known = new Map<string, Unknown>();
  return (at, what) => {
    let u = known.get(at);
    if (u === undefined) known.set(at, (u = unknown('declaration', at, `${what} not disclosed`)));
    return u;
  };
}

/** Unknown objects of the declaration side, one per pointer, for the life of one computation. */
function internUnknowns(): (pointer: string, note: string) => Unknown {
  const known = new Map<string, Unknown>();
  return (pointer, note) => {
    let u = known.get(pointer);
    if (u === undefined) known.set(pointer, (u = unknown('declaration', pointer, note)));
    return u;
  };
}
