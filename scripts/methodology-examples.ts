/**
 * The worked examples of docs/methodology.md, computed by the model itself: a silent end-to-end
 * messenger scored against the shipped profiles, and a complete declaration in a small, fully
 * known profile written out here. `node --import tsx scripts/methodology-examples.ts` prints the
 * markdown that goes between the example markers of the page; test/docs/methodology-examples.test.ts
 * checks that the page still contains exactly this output, so the page cannot drift from the code.
 */
import { pathToFileURL } from 'node:url';
import type { Declaration, InForce, JurisdictionProfile, ModelParameters } from '../src/formats/types.generated.js';
import { categoriesWords, kindWords, mandateDurationsWords } from '../src/law/partial-knowledge.js';
import { computeExposure, type Cell, type ExposureResult } from '../src/scoring/index.js';
import { round1 } from '../src/scoring/numbers.js';
import { curveFactor } from '../src/scoring/retention-curve.js';

export const EXAMPLE_LAW_DATE = '2026-12-01';
export const BEGIN_MARKER = '<!-- methodology-examples:begin -->';
export const END_MARKER = '<!-- methodology-examples:end -->';

/** Example A: an end-to-end messenger that says who it is, where it is based, and nothing more. */
export const silentDeclaration: Declaration = {
  format: 'retention-declaration/1',
  provider: { id: 'silent-messenger', name: 'Silent Messenger', headquarters: 'US' },
  asOf: '2026-09-30',
  dataCategories: [{ category: 'message-content', collected: 'yes', protection: { inTransit: 'end-to-end', atRest: 'end-to-end' } }],
};

/** The cells of example A shown in the page. */
const SILENT_CELLS: [string, string][] = [
  ['message-content', 'US'],
  ['message-content', 'CN'],
  ['message-content', 'DE'],
  ['subscriber-info', 'US'],
];

const source: JurisdictionProfile['instruments'][number]['sources'] = [{ url: 'https://example.org/exampleland-act', title: 'Exampleland Communications Act', kind: 'official', verified: false }];

/** Example B's jurisdiction: made up, small, and with no unknown fact. */
export const exampleland: JurisdictionProfile = {
  code: 'ZZ' as JurisdictionProfile['code'],
  name: 'Exampleland',
  reviewed: '2026-11-01',
  instruments: [
    { id: 'production-order', name: 'Production order', kind: 'court-order', reaches: 'stored', authorisation: ['court-before'], gagOrder: false, categories: ['subscriber-info', 'message-content'], extraterritorial: false, inForce: { from: '2015-03-01' }, sources: source },
    { id: 'interception-warrant', name: 'Interception warrant', kind: 'warrant', reaches: 'live', authorisation: ['court-before'], gagOrder: true, categories: ['message-content'], extraterritorial: false, inForce: { from: '2015-03-01' }, sources: source },
    { id: 'capability-notice', name: 'Technical capability notice', kind: 'technical-assistance', reaches: 'both', authorisation: ['executive'], gagOrder: true, categories: ['message-content'], extraterritorial: false, weakensEncryption: true, inForce: { from: '2019-01-01' }, sources: source },
    { id: 'police-subpoena', name: 'Police subpoena', kind: 'subpoena', reaches: 'stored', authorisation: ['prosecutor'], gagOrder: false, categories: ['subscriber-info'], extraterritorial: false, inForce: { from: '2010-01-01', until: '2021-04-01', ended: 'struck-down' }, sources: source },
  ],
  retentionMandates: [{ id: 'subscriber-records', name: 'Subscriber records duty', categories: ['subscriber-info'], duration: 'P2Y', scope: 'all-providers', inForce: { from: '2016-01-01' }, sources: source }],
  localisation: [],
  interceptionMandates: [{ id: 'capability-duty', name: 'Interception capability duty', kind: 'capability', appliesTo: 'all-providers', categories: ['subscriber-info', 'message-content'], inForce: { from: '2015-03-01' }, sources: source }],
  agreements: [],
  coverage: { gaps: [] },
};

/** Example B: every question answered. */
export function completeDeclaration(params: ModelParameters): Declaration {
  const held = new Set(['subscriber-info', 'message-content']);
  return {
    format: 'retention-declaration/1',
    provider: { id: 'complete-example', name: 'Complete Example', headquarters: 'ZZ' as never, establishments: ['ZZ' as never], services: ['messaging'], markets: ['ZZ' as never] },
    asOf: '2026-09-30',
    dataCategories: params.categories.map(({ category }) => {
      if (!held.has(category)) return { category, collected: 'no' as const };
      const content = category === 'message-content';
      return {
        category,
        collected: 'yes' as const,
        retention: { kind: 'fixed' as const, duration: content ? 'P30D' : 'P1Y' },
        storageLocations: ['ZZ' as never],
        protection: content ? { inTransit: 'end-to-end' as const, atRest: 'end-to-end' as const } : { inTransit: 'transport' as const, atRest: 'provider-managed' as const },
        interception: [{ party: 'network-operator' as const, capability: 'none' as const }],
      };
    }) as Declaration['dataCategories'],
    thirdParties: [{ id: 'example-hosting', name: 'Example Hosting', relationship: 'processor', jurisdiction: 'ZZ' as never, categories: ['subscriber-info', 'message-content'], capabilities: [], distributesClient: false }],
    legalProcess: {
      liveInterception: 'not-supported',
      encryptionDemands: 'refuse-or-withdraw',
      interceptionStatutes: [],
      policies: [{ process: 'court-order', jurisdiction: 'ZZ' as never, categories: ['subscriber-info', 'message-content'], userNotification: 'always', requiresJudicialReview: true }],
    },
    governmentRequests: [{ period: { start: '2025-01-01', end: '2025-12-31' }, country: 'ZZ' as never, process: 'all', requests: 120, accounts: 150, percentDisclosed: 60 }],
  };
}

/** A number as a person would write it: at most six decimals, no trailing zeros. */
const n = (x: number): string => String(Number(x.toFixed(6)));
const range = (lo: number, hi: number): string => (lo === hi ? n(lo) : `${n(lo)}–${n(hi)}`);
const cellOf = (r: ExposureResult, category: string, code: string): Cell => {
  const c = r.cells.find((x) => x.category === category && x.jurisdiction === code);
  if (c === undefined) throw new Error(`no cell ${category} × ${code}`);
  return c;
};

function cellRow(c: Cell): string {
  const pathways = c.pathways.map((p) => `${p.pathway} ${range(p.established, p.worstCase)}`).join('; ') || '—';
  const sides = (side: string) => c.unknowns.filter((u) => u.side === side).map((u) => `\`${u.pointer}\``);
  const d = sides('declaration');
  const j = sides('jurisdiction');
  const unknowns = [d.length ? `declaration: ${d.join(', ')}` : '', j.length ? `profile: ${j.join(', ')}` : ''].filter(Boolean).join('; ') || 'none';
  return `| ${c.category} × ${c.jurisdiction} | ${n(c.established)} (${c.establishedGrade}) | ${n(c.worstCase)} (${c.grade}) | ${pathways} | ${unknowns} |`;
}

const TABLE_HEAD = ['| cell | established (grade) | worstCase (grade) | pathways, established–worstCase | unknowns |', '|---|---|---|---|---|'];

/** JSON with every object or list that fits on one line of 100 characters kept on one line. */
function pretty(x: unknown, indent = ''): string {
  const flat = JSON.stringify(x).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/,\{/g, ', {').replace(/,\[/g, ', [');
  if (indent.length + flat.length <= 100 || x === null || typeof x !== 'object') return flat;
  const inner = indent + '  ';
  if (Array.isArray(x)) return `[\n${x.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(x).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
}

const json = (x: unknown): string => ['```json', pretty(x), '```'].join('\n');

const yesNo = (x: boolean | 'unknown'): string => (x === true ? 'yes' : x === false ? 'no' : 'unknown');
const point = (x: InForce['from'] | InForce['until']): string => (typeof x === 'object' ? ('noLaterThan' in x ? `no later than ${x.noLaterThan}` : `no earlier than ${x.noEarlierThan}`) : String(x));
const period = (f: InForce): string => (f.until === undefined ? `from ${point(f.from)}` : `${point(f.from)} to ${point(f.until)} (${f.ended ?? 'ended'})`);

/** Example B's profile as a table a reader can check by eye (the exact JSON is in this script). */
function profileTable(p: JurisdictionProfile): string[] {
  return [
    '| fact | kind | reaches | authorised by | gag | categories | in force |',
    '|---|---|---|---|---|---|---|',
    ...p.instruments.map((i, k) => `| \`/instruments/${k}\` ${i.name}${i.weakensEncryption === true ? ' (can compel weakening encryption)' : ''} | ${kindWords(i.kind)} | ${i.reaches} | ${i.authorisation.join(' or ')} | ${yesNo(i.gagOrder)} | ${categoriesWords(i.categories)} | ${period(i.inForce)} |`),
    ...p.retentionMandates.map((m, k) => `| \`/retentionMandates/${k}\` ${m.name} | keep ${mandateDurationsWords(m)}, binds ${m.scope} | — | — | — | ${categoriesWords(m.categories)} | ${period(m.inForce)} |`),
    ...p.interceptionMandates.map((m, k) => `| \`/interceptionMandates/${k}\` ${m.name} | ${kindWords(m.kind)}, binds ${m.appliesTo} | live | — | — | ${categoriesWords(m.categories)} | ${period(m.inForce)} |`),
  ];
}

/** The arithmetic of example B, written from the parameters and checked against the model's own result. */
function completeDerivation(params: ModelParameters, result: ExposureResult, readable: ExposureResult): string[] {
  const kinds = params.instrumentKinds;
  const mod = params.instrumentModifiers;
  const post = params.providerPosture;
  const tp = params.thirdParty;
  const sens = (c: string) => params.categories.find((x) => x.category === c)!.sensitivity;
  const notify = post.userNotification.always.value;
  const order = kinds['court-order'].value; // a judge authorises it (no step), no gag (no step)
  const orderWeight = order * notify; // the provider insists on a judge, and this order has one: × 1
  const warrant = kinds.warrant.value + mod.gagOrder.value; // a judge authorises it; it gags
  const compliance = post.complianceFloor.value + (1 - post.complianceFloor.value) * 0.6;
  const declaredSub = curveFactor('P1Y', params);
  const mandate = curveFactor('P2Y', params);
  const windowSub = Math.max(declaredSub, mandate);
  const compelledSub = orderWeight * windowSub * compliance;
  const kept = (w: number) => tp.retentionFloor.value + (1 - tp.retentionFloor.value) * w;
  const thirdSub = tp.relationship.processor.value * tp.access.value * kept(windowSub);
  const transitSub = params.transit.protection.transport.value * params.transit.mandateKinds.capability.value;
  const combinedSub = 1 - (1 - compelledSub) * (1 - thirdSub) * (1 - transitSub);
  const sub = round1(100 * sens('subscriber-info') * combinedSub);
  const windowMsg = curveFactor('P30D', params);
  const storedDemand = orderWeight * windowMsg * compliance;
  const liveDemand = warrant * post.liveInterceptionNotSupported.value * compliance;
  const demand = Math.max(storedDemand, liveDemand);
  const enc = demand * params.encryptionPowers.factor.value * params.encryptionPowers.demands['refuse-or-withdraw'].value;
  const msg = round1(100 * sens('message-content') * enc);
  const s = cellOf(result, 'subscriber-info', 'ZZ');
  const m = cellOf(result, 'message-content', 'ZZ');
  if (s.established !== sub || s.worstCase !== sub || m.established !== msg || m.worstCase !== msg)
    throw new Error(`the written arithmetic (${sub}, ${msg}) no longer matches the model ([${s.established}, ${s.worstCase}], [${m.established}, ${m.worstCase}]): update scripts/methodology-examples.ts`);
  const r = cellOf(readable, 'message-content', 'ZZ');
  return [
    `**subscriber-info × ZZ** (sensitivity ${n(sens('subscriber-info'))}):`,
    '',
    `1. *Compelled.* The provider is present (headquarters, establishment and storage in ZZ). The production order is a court order (${n(order)}); a judge authorises it and it does not gag, so no step is added. The provider's policy for court orders notifies the user always (× ${n(notify)}) and insists on a judge, which this order has (× 1): weight ${n(order)} × ${n(notify)} = ${n(orderWeight)}. The police subpoena was struck down on 2021-04-01 and drives nothing (P12).`,
    `2. *Window.* Declared P1Y gives ${n(declaredSub)}; the subscriber-records duty (P2Y, all providers, in force) gives ${n(mandate)}; the window is the larger, ${n(windowSub)}.`,
    `3. *Compliance.* One row of 120 requests (at least ${params.compliance.minRequests.value}) with 60% disclosed: ${n(post.complianceFloor.value)} + ${n(1 - post.complianceFloor.value)} × 0.6 = ${n(compliance)}.`,
    `4. Compelled = ${n(orderWeight)} × ${n(windowSub)} × ${n(compliance)} = ${n(compelledSub)}.`,
    `5. *Third party.* Example Hosting is a processor (${n(tp.relationship.processor.value)}) in ZZ with access and no declared capability (${n(tp.access.value)}); the duty binds it too, so its window is ${n(windowSub)} and the kept share ${n(tp.retentionFloor.value)} + ${n(1 - tp.retentionFloor.value)} × ${n(windowSub)} = ${n(kept(windowSub))}: ${n(tp.relationship.processor.value)} × ${n(tp.access.value)} × ${n(kept(windowSub))} = ${n(thirdSub)}.`,
    `6. *Transit.* The provider has users in ZZ (\`markets\`). Transport encryption (${n(params.transit.protection.transport.value)}) × the capability duty (${n(params.transit.mandateKinds.capability.value)}) = ${n(transitSub)}; the provider lists no interception statute it contests, and says no network operator can observe.`,
    `7. Cell = 100 × ${n(sens('subscriber-info'))} × (1 − (1 − ${n(compelledSub)})(1 − ${n(thirdSub)})(1 − ${n(transitSub)})) = ${n(100 * sens('subscriber-info') * combinedSub)} → **${sub}**, established = worstCase (P10).`,
    '',
    `**message-content × ZZ** (sensitivity ${n(sens('message-content'))}), end to end in transit and at rest:`,
    '',
    `1. The provider cannot read it, so nothing can be compelled in readable form; Example Hosting does not ship the client, so end-to-end encryption shields the content from it; nothing crosses the network in readable form.`,
    `2. *Encryption powers.* The technical capability notice can compel the provider to weaken its encryption, and it reaches the provider. It serves the demands that would obtain the content: the production order on stored content (${n(orderWeight)} × P30D window ${n(windowMsg)} × ${n(compliance)} = ${n(storedDemand)}) and the interception warrant on live content (${n(kinds.warrant.value)} + gag ${n(mod.gagOrder.value)} = ${n(warrant)}, × ${n(post.liveInterceptionNotSupported.value)} because the provider cannot intercept in real time, × ${n(compliance)} = ${n(liveDemand)}). The stronger is ${n(demand)}.`,
    `3. Weighed below a demand for readable data (× ${n(params.encryptionPowers.factor.value)}) and by the provider's stated refusal (× ${n(params.encryptionPowers.demands['refuse-or-withdraw'].value)}): ${n(demand)} × ${n(params.encryptionPowers.factor.value)} × ${n(params.encryptionPowers.demands['refuse-or-withdraw'].value)} = ${n(enc)} → **${msg}**.`,
    `4. The same declaration with message content readable (transport encryption, provider-managed keys at rest) scores **${range(r.established, r.worstCase)}** in this cell: end-to-end encryption lowered it, as P5 requires.`,
  ];
}

/** The markdown of both examples, computed with the shipped profiles and parameters passed in. */
export function methodologyExamples(profiles: readonly JurisdictionProfile[], params: ModelParameters): string {
  const opts = { lawDate: EXAMPLE_LAW_DATE };
  const silent = computeExposure(silentDeclaration, profiles, params, opts);
  const answeredNone = computeExposure({ ...silentDeclaration, thirdParties: [] }, profiles, params, opts);
  const complete = completeDeclaration(params);
  const b = computeExposure(complete, [exampleland], params, opts);
  const readableDecl = structuredClone(complete);
  for (const e of readableDecl.dataCategories) if (e.category === 'message-content') e.protection = { inTransit: 'transport', atRest: 'provider-managed' };
  const readable = computeExposure(readableDecl, [exampleland], params, opts);
  const nonZero = b.cells.filter((c) => c.worstCase > 0);
  const zero = b.cells.length - nonZero.length;
  const wide = silent.cells.filter((c) => c.worstCase > c.established).length;
  const cn = cellOf(answeredNone, 'message-content', 'CN');
  return [
    `Computed by \`${silent.modelVersion}\` with the law in force on ${EXAMPLE_LAW_DATE}.`,
    '',
    '### Example A: a silent end-to-end messenger (shipped profiles)',
    '',
    json(silentDeclaration),
    '',
    `It answers three things: who it is, that it is based in the US, and that message content is collected and end-to-end encrypted. Every other question is open, including the twelve categories it does not list. Of its ${silent.cells.length} cells (${params.categories.length} categories × ${profiles.length} profiles), ${wide} have a range wider than one number. Four of them:`,
    '',
    ...TABLE_HEAD,
    ...SILENT_CELLS.map(([c, j]) => cellRow(cellOf(silent, c, j))),
    '',
    `With \`"thirdParties": []\` added (no third parties, answered), message-content × CN becomes ${range(cn.established, cn.worstCase)}: the third-party worst case is gone, and what is left comes from the other open questions.`,
    '',
    '### Example B: a complete declaration in a fully known jurisdiction',
    '',
    'Exampleland (code ZZ) is made up for this page; it is not a shipped profile, and ZZ is not a code the declaration format accepts. Its profile records a production order, an interception warrant, a technical capability notice that can compel a provider to weaken its encryption, a police subpoena struck down in 2021, a two-year subscriber-records duty and an interception capability duty, all with known dates, kinds and scopes, no agreement and no coverage gap:',
    '',
    ...profileTable(exampleland),
    '',
    'The declaration answers every question:',
    '',
    json(complete),
    '',
    `Of its ${b.cells.length} cells, ${zero} are 0 (the categories declared \`collected: "no"\`, P2); the other ${nonZero.length}:`,
    '',
    ...TABLE_HEAD,
    ...nonZero.map(cellRow),
    '',
    ...completeDerivation(params, b, readable),
    '',
    ...model3Examples(profiles, params),
  ].join('\n');
}

/** Example C's provider: a readable messenger and voice service present in the US and Germany, answering what model 3 reads. */
export function feasibleBase(): Declaration {
  return {
    format: 'retention-declaration/1',
    provider: { id: 'feasible-example', name: 'Feasible Example', headquarters: 'US', establishments: ['DE'], services: ['voice', 'messaging'] },
    asOf: '2026-09-30',
    dataCategories: [
      { category: 'subscriber-info', collected: 'yes', retention: { kind: 'fixed', duration: 'P1Y' }, storageLocations: ['US'] },
      { category: 'connection-logs', collected: 'yes', retention: { kind: 'fixed', duration: 'P90D' }, storageLocations: ['US'] },
      { category: 'message-metadata', collected: 'yes', retention: { kind: 'fixed', duration: 'P90D' }, storageLocations: ['US'] },
      { category: 'message-content', collected: 'yes', retention: { kind: 'fixed', duration: 'P30D' }, storageLocations: ['US'] },
      { category: 'call-content', collected: 'yes', retention: { kind: 'none' } },
    ],
    governmentRequests: [],
  } as Declaration;
}

type Variant = { rule: string; what: string; cell: [string, string]; base: Declaration; changed: Declaration; profiles?: JurisdictionProfile[] };

/** Example C: one row per rule of model 3, each the same cell before and after one change, computed by the model. */
function model3Examples(profiles: readonly JurisdictionProfile[], params: ModelParameters): string[] {
  const opts = { lawDate: EXAMPLE_LAW_DATE };
  const base = feasibleBase();
  const edit = (f: (d: Declaration) => void): Declaration => {
    const d = structuredClone(base);
    f(d);
    return d;
  };
  const at = (d: Declaration, category: string) => d.dataCategories.find((e) => e.category === category)!;
  const noConstraint = (id: string): ModelParameters => ({ ...params, feasibility: { ...params.feasibility, constraints: params.feasibility.constraints.filter((c) => c.id !== id) as ModelParameters['feasibility']['constraints'] } });
  const row = (rule: string, what: string, [category, code]: [string, string], before: ExposureResult, after: ExposureResult) => {
    const a = cellOf(before, category, code);
    const z = cellOf(after, category, code);
    return `| ${rule} | ${what} | ${category} × ${code} | ${range(a.established, a.worstCase)} | ${range(z.established, z.worstCase)} |`;
  };
  const rows: string[] = [];
  // P13: each constraint against the same model without it (the model-2 reading of the silence).
  const constraintRows: [string, string, [string, string], Declaration][] = [
    ['identity-and-billing-readable', 'protection of subscriber-info not answered', ['subscriber-info', 'US'], base],
    ['own-records-readable', 'protection of connection-logs not answered', ['connection-logs', 'US'], base],
    ['routing-metadata-readable', 'protection of message-metadata not answered', ['message-metadata', 'DE'], base],
    ['live-interception-reads-content', '`liveInterception: "supported"`, call-content protection not answered', ['call-content', 'US'], edit((d) => (d.legalProcess = { liveInterception: 'supported' }))],
    ['disclosed-content-was-readable', 'a 2026 US row with `contentDisclosed: 12` naming message-content', ['message-content', 'US'], edit((d) => (d.governmentRequests = [{ period: { start: '2026-01-01', end: '2026-06-30' }, country: 'US', process: 'all', requests: 40, percentDisclosed: 75, outcomes: { contentDisclosed: 12, nonContentOnly: 18, noDataFound: 6, rejected: 4 }, categoriesRequested: ['message-content'] }]))],
    ['provider-observes-in-transit', 'message-content: `{ "party": "provider", "capability": "observe" }`', ['message-content', 'DE'], edit((d) => (at(d, 'message-content').interception = [{ party: 'provider', capability: 'observe' }]))],
    ['provider-retains-at-rest', 'message-content: `{ "party": "provider", "capability": "retain" }`', ['message-content', 'US'], edit((d) => (at(d, 'message-content').interception = [{ party: 'provider', capability: 'retain' }]))],
  ];
  for (const [id, what, cell, d] of constraintRows) rows.push(row(`P13 \`${id}\``, what, cell, computeExposure(d, profiles, noConstraint(id), opts), computeExposure(d, profiles, params, opts)));
  const claim = edit((d) => {
    at(d, 'call-content').protection = { inTransit: 'end-to-end', atRest: 'end-to-end' };
    d.legalProcess = { liveInterception: 'supported' };
  });
  const claimSilent = edit((d) => (d.legalProcess = { liveInterception: 'supported' }));
  rows.push(row('P13 infeasible answer', 'call-content declared end-to-end beside `"supported"`: scored as `transport` (before: the same with protection not answered)', ['call-content', 'US'], computeExposure(claimSilent, profiles, params, opts), computeExposure(claim, profiles, params, opts)));
  // P15 and P7: the transparency figures.
  const worldwide = edit((d) => (d.governmentRequests = [{ period: { start: '2025-01-01', end: '2025-12-31' }, country: '001', process: 'all', requests: 4713, percentDisclosed: 81 }]));
  rows.push(row('P15 worldwide rows', 'only a worldwide row (before: an empty list, "no requests from DE")', ['subscriber-info', 'DE'], computeExposure(base, profiles, params, opts), computeExposure(worldwide, profiles, params, opts)));
  const noSection = edit((d) => delete d.governmentRequests);
  rows.push(row('P15 worldwide rows', 'only a worldwide row (before: no figures at all)', ['subscriber-info', 'DE'], computeExposure(noSection, profiles, params, opts), computeExposure(worldwide, profiles, params, opts)));
  const all = { period: { start: '2025-01-01', end: '2025-12-31' }, country: 'DE' as const, process: 'all' as const, requests: 49806, percentDisclosed: 97 };
  const whole = edit((d) => (d.governmentRequests = [all]));
  const split = edit((d) => (d.governmentRequests = [all, { period: all.period, country: 'DE', process: 'emergency-request', requests: 10, percentDisclosed: 0 }]));
  rows.push(row('P7 no gaming by splitting', 'an `all` row of 49,806 at 97%, then 10 refused emergency requests reported beside it', ['subscriber-info', 'DE'], computeExposure(whole, profiles, params, opts), computeExposure(split, profiles, params, opts)));
  // P14: one fact of Exampleland known in part, against the same fact marked "unknown".
  // Without its policies (a provider that insists on a judge would turn a more exposing route into a smaller multiplier).
  const zz = completeDeclaration(params);
  zz.legalProcess = { ...zz.legalProcess, policies: [] };
  const withOrder = (change: Partial<JurisdictionProfile['instruments'][number]>): JurisdictionProfile[] => [{ ...exampleland, instruments: exampleland.instruments.map((i, k) => (k === 0 ? ({ ...i, ...change } as JurisdictionProfile['instruments'][number]) : i)) }];
  const partial: [string, Partial<JurisdictionProfile['instruments'][number]>, Partial<JurisdictionProfile['instruments'][number]>][] = [
    ['`categories: { "atLeast": ["subscriber-info"] }`', { categories: 'unknown' }, { categories: { atLeast: ['subscriber-info'] } }],
    ['`kind: { "atLeast": "subpoena" }`', { kind: 'unknown' }, { kind: { atLeast: 'subpoena' } }],
    ['`inForce.from: { "noLaterThan": "2016" }`', { inForce: { from: 'unknown' } }, { inForce: { from: { noLaterThan: '2016' } } }],
    ['`authorisation: ["not-court"]`', { authorisation: ['unknown'] }, { authorisation: ['not-court'] }],
    ['`authorisation: ["prosecutor", "unknown"]`', { authorisation: ['unknown'] }, { authorisation: ['prosecutor', 'unknown'] }],
    ['`authorisation: ["court-before", "executive"]`', { authorisation: ['court-before'] }, { authorisation: ['court-before', 'executive'] }],
  ];
  for (const [what, unknownForm, partialForm] of partial)
    rows.push(row('P14 partial knowledge', `the production order: ${what} (before: ${what.includes("executive") ? "`[\"court-before\"]`" : what.includes("authorisation") ? "`authorisation: [\"unknown\"]`" : `\`${Object.keys(unknownForm)[0] === "inForce" ? "inForce.from" : Object.keys(unknownForm)[0]}: "unknown"\``})`, ['subscriber-info', 'ZZ'], computeExposure(zz, withOrder(unknownForm), params, opts), computeExposure(zz, withOrder(partialForm), params, opts)));
  return [
    '### Example C: the rules of model 3, one change at a time',
    '',
    'Each row is one cell, computed twice by the model: before and after one change (shipped profiles; the P14 rows use Exampleland and the complete declaration of example B with one fact of the profile changed). The P13 rows compare the model with and without one constraint, that is, the reading model 2 gave the same silence. The provider of the P13, P15 and P7 rows:',
    '',
    json(base),
    '',
    '| rule | change | cell | before | after |',
    '|---|---|---|---|---|',
    ...rows,
  ];
}

async function main(): Promise<void> {
  const { loadSchemaRegistry } = await import('../src/formats/schema-registry.js');
  const { loadJurisdictions } = await import('../src/policies/load-jurisdictions.js');
  const { loadModelParameters } = await import('../src/policies/load-model-parameters.js');
  const registry = loadSchemaRegistry();
  process.stdout.write(`${BEGIN_MARKER}\n${methodologyExamples(loadJurisdictions(registry), loadModelParameters(registry))}\n${END_MARKER}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
