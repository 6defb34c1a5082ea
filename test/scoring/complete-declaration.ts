/**
 * An outside-style generator of honest completions: every unanswered question of a declaration
 * (an "undisclosed" value, an absent optional answer or section, a category not listed) answered
 * with a concrete value drawn from a seeded random source. Written apart from the model's code,
 * from the format's description only.
 */
import type { Declaration } from '../../src/formats/types.generated.js';
import { TAXONOMY } from './declaration-arbitrary.js';

type Doc = Declaration;
type Category = Doc['dataCategories'][number];

/** A small deterministic random source (mulberry32). */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const some = <T>(xs: readonly T[], max = 3): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(xs)))];
  return { next, pick, some };
}

const PLACES = ['US', 'GB', 'DE', 'FR', 'CN', 'RU', 'IN', 'AT', 'CH', 'BR', 'EU', 'IR', 'TR'] as const;
const RETENTIONS: NonNullable<Category['retention']>[] = [
  { kind: 'none' },
  { kind: 'fixed', duration: 'P1D' },
  { kind: 'fixed', duration: 'P90D' },
  { kind: 'fixed', duration: 'P2Y' },
  { kind: 'until-event', event: 'account-deletion', after: 'P30D' },
  { kind: 'indefinite' },
];
const CAPS = ['keyword-filtering', 'content-retention', 'live-interception', 'censorship', 'bulk-access'] as const;

/** Every category named by a third party or a policy: completing it as "not collected" would contradict the document. */
function namedElsewhere(d: Doc): Set<string> {
  const named = new Set<string>();
  for (const tp of d.thirdParties ?? []) for (const c of tp.categories ?? []) named.add(c);
  for (const p of d.legalProcess?.policies ?? []) for (const c of p.categories) named.add(c);
  return named;
}

export function completeDeclaration(partial: Doc, seed: number): Doc {
  const r = randomSource(seed);
  const d = structuredClone(partial);
  const p = d.provider;
  if (p.headquarters === undefined || p.headquarters === 'undisclosed') p.headquarters = r.pick(PLACES) as never;
  if (p.establishments === undefined || p.establishments === 'undisclosed') p.establishments = r.some(PLACES) as never;
  if (p.services === undefined || p.services.includes('undisclosed')) p.services = [r.pick(['messaging', 'voice', 'email', 'cloud', 'telephony'])];
  if (p.markets === undefined || p.markets === 'undisclosed') p.markets = [r.pick(PLACES), ...r.some(PLACES)].filter((x, i, all) => all.indexOf(x) === i) as never;
  const named = namedElsewhere(d);
  const listed = new Set(d.dataCategories.map((c) => c.category));
  for (const id of TAXONOMY) if (!listed.has(id)) d.dataCategories.push({ category: id, collected: 'undisclosed' });
  for (const c of d.dataCategories) {
    if (c.collected === 'undisclosed') c.collected = named.has(c.category) || r.next() < 0.6 ? 'yes' : 'no';
    if (c.collected === 'no') continue;
    if (c.retention === undefined || c.retention.kind === 'undisclosed') c.retention = r.pick(RETENTIONS);
    if (c.retention.kind === 'until-event' && c.retention.after === undefined) c.retention.after = r.pick(['P1D', 'P30D', 'P1Y']);
    if (c.storageLocations === undefined || c.storageLocations === 'undisclosed') c.storageLocations = r.some(PLACES) as never;
    c.protection ??= {};
    if (c.protection.inTransit === undefined || c.protection.inTransit === 'undisclosed') c.protection.inTransit = r.pick(['end-to-end', 'transport', 'none'] as const);
    if (c.protection.atRest === undefined || c.protection.atRest === 'undisclosed') c.protection.atRest = r.pick(['end-to-end', 'provider-managed', 'none'] as const);
    c.interception ??= r.next() < 0.5 ? [] : [{ party: 'network-operator', capability: r.pick(['observe', 'retain', 'none'] as const) }];
    for (const i of c.interception) if (i.capability === 'undisclosed') i.capability = r.pick(['observe', 'retain', 'none'] as const);
  }
  d.thirdParties ??= r.next() < 0.5 ? [] : [{ id: 'completed-party', name: 'Completed', relationship: 'processor', jurisdiction: r.pick(PLACES) as never, categories: d.dataCategories.filter((c) => c.collected === 'yes').map((c) => c.category).slice(0, 2), capabilities: [], distributesClient: false }];
  for (const tp of d.thirdParties) {
    if (tp.jurisdiction === undefined || tp.jurisdiction === 'undisclosed') tp.jurisdiction = r.pick(PLACES) as never;
    if (tp.categories === undefined) tp.categories = d.dataCategories.filter((c) => c.collected === 'yes').map((c) => c.category).slice(0, 1);
    tp.categories = tp.categories.filter((id) => d.dataCategories.find((c) => c.category === id)?.collected !== 'no');
    if (tp.capabilities === undefined || tp.capabilities === 'undisclosed') tp.capabilities = r.some(CAPS, 2);
    else if (tp.capabilities.includes('undisclosed')) tp.capabilities = [...new Set([...tp.capabilities.filter((x) => x !== 'undisclosed'), ...r.some(CAPS, 2)])] as never;
    if (tp.distributesClient === undefined || tp.distributesClient === 'undisclosed') tp.distributesClient = r.next() < 0.5;
  }
  const lp = (d.legalProcess ??= {});
  if (lp.liveInterception === undefined || lp.liveInterception === 'undisclosed') lp.liveInterception = r.pick(['supported', 'not-supported'] as const);
  if (lp.encryptionDemands === undefined || lp.encryptionDemands === 'undisclosed') lp.encryptionDemands = r.pick(['refuse-or-withdraw', 'comply'] as const);
  lp.interceptionStatutes ??= [];
  for (const s of lp.interceptionStatutes) if (s.position === 'undisclosed') s.position = r.pick(['subject', 'not-subject'] as const);
  lp.policies ??= [];
  for (const pol of lp.policies) if (pol.userNotification === 'undisclosed') pol.userNotification = r.pick(['always', 'unless-prohibited', 'never'] as const);
  d.governmentRequests ??= [];
  return d;
}
