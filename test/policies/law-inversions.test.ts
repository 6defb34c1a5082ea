import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Declaration, JurisdictionProfile } from '../../src/formats/types.generated.js';
import { inForceOn } from '../../src/law/in-force.js';
import { reaches, routeBounds } from '../../src/law/partial-knowledge.js';
import { projectRoot } from '../../src/paths.js';
import { computeExposure } from '../../src/scoring/index.js';
import type { Cell } from '../../src/scoring/types.js';
import { jurisdictions, params, registry } from '../scoring/scoring-fixture.js';
import { checkDeclaration } from '../../src/formats/validate-declaration.js';

/**
 * P16(b), the law data says as much as it knows: the same synthetic providers, hosted in each
 * shipped profile in turn (headquarters, establishment, users and storage there), must not show a
 * lower `established` or `worstCase` in a state whose law gives documented direct access or
 * executive interception than in a state where every access to that data needs a judge.
 *
 * Which state is which is read from the law data itself, not from the model: a state is
 * "direct or executive" for a category when a fact in force on the law date that reaches it is a
 * direct-access power (an instrument, or an interception mandate, including documented
 * practice) or interception authorised by the executive or by no one; it "needs a judge" when
 * every access power in force that may reach it is authorised by a court (before or after), no
 * direct-access mandate reaches it and the profile admits no gap in its access powers there. An inversion is a data or a model defect to fix; the
 * only exceptions are listed in EXCEPTIONS below, each with its reason, and each must still be
 * an inversion (a stale exception fails).
 */
const LAW_DATE = '2026-12-07';
const FIXTURES = path.join(projectRoot, 'test/fixtures/law-inversions');

interface Provider {
  name: string;
  file: string;
  category: 'call-content' | 'message-content';
}
const PROVIDERS: Provider[] = [
  { name: 'telephone operator, readable calls', file: 'telephone-operator.json', category: 'call-content' },
  { name: 'messenger, readable content', file: 'readable-messenger.json', category: 'message-content' },
  { name: 'end-to-end encrypted messenger', file: 'e2e-messenger.json', category: 'message-content' },
];

/**
 * The exceptions, each with its reason. A rule names a class of pairs by what the law data says
 * about the two states (not by their codes), so that a new profile falls under the same reason
 * or not at all; each rule must still excuse at least one inversion (a stale rule fails).
 */
interface Exception {
  files: string[];
  applies: (lower: JurisdictionProfile, than: JurisdictionProfile, category: string) => boolean;
  reason: string;
}
// Model 3 (exposure/3.0.0) left no inversion for the end-to-end messenger: the exception that
// excused "a state with a power over encryption shows more content exposure than one whose direct
// access reaches only ciphertext" matched no pair any more and was removed as stale.
const EXCEPTIONS: Exception[] = [];

const load = (file: string): Declaration => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Declaration;

/** The declaration moved to `place`: headquarters, establishment, market (its users are there) and every storage location. */
function hostedIn(decl: Declaration, place: string): Declaration {
  const d = structuredClone(decl);
  d.provider.headquarters = place as never;
  d.provider.establishments = [place as never];
  d.provider.markets = [place as never];
  for (const c of d.dataCategories) if (c.collected === 'yes') c.storageLocations = [place as never];
  return d;
}

/** A union is hosted in one of its current member states; a state in itself. */
const placeFor = (p: JurisdictionProfile): string => (p.memberStates ? p.memberStates.members.find((m) => m.until === undefined)!.code : p.code);

const inForce = (f: { inForce: Parameters<typeof inForceOn>[0] }) => inForceOn(f.inForce, LAW_DATE);
const NOT_ACCESS = new Set(['technical-assistance', 'preservation']);
const kindIs = (kind: unknown, k: string) => kind === k || (typeof kind === 'object' && kind !== null && (kind as { atLeast: string }).atLeast === k);

/** Documented direct access or executive interception reaching `category`, in force on the law date. */
function directOrExecutive(p: JurisdictionProfile, category: string): string[] {
  const why: string[] = [];
  for (const i of p.instruments) {
    if (inForce(i) !== 'yes' || reaches(i.categories, category) !== 'yes') continue;
    if (kindIs(i.kind, 'direct-access')) why.push(`${i.id} (direct access)`);
    else if (!NOT_ACCESS.has(i.kind as string) && i.reaches !== 'stored' && ['executive', 'none'].includes(routeBounds(i.authorisation).lo)) why.push(`${i.id} (executive interception)`);
  }
  for (const m of p.interceptionMandates)
    if (inForce(m) === 'yes' && reaches(m.categories, category) === 'yes' && kindIs(m.kind, 'direct-access')) why.push(`${m.id} (direct-access mandate)`);
  return why;
}

/** Every access power that may reach `category` needs a court, at least one surely does, and no direct-access mandate reaches it. */
function needsJudge(p: JurisdictionProfile, category: string): boolean {
  const powers = p.instruments.filter((i) => !NOT_ACCESS.has(i.kind as string) && inForce(i) !== 'no' && reaches(i.categories, category) !== 'no');
  if (!powers.some((i) => inForce(i) === 'yes' && reaches(i.categories, category) === 'yes')) return false;
  if (powers.some((i) => !['court-before', 'court-after'].includes(routeBounds(i.authorisation).hi))) return false;
  // A gap in stored-access or interception powers may hide a power without a judge: not known to need one.
  if (p.coverage.gaps.some((g) => (g.powers.includes('stored-access') || g.powers.includes('live-interception')) && reaches(g.categories, category) !== 'no')) return false;
  return !p.interceptionMandates.some((m) => inForce(m) !== 'no' && reaches(m.categories, category) !== 'no' && !['technical-assistance', 'capability'].includes(m.kind as string));
}

/** Whether the state has a power over encryption reaching the category: 0 none, 1 possibly (unknown, or a gap), 2 known. */
function encryptionPower(p: JurisdictionProfile, category: string): number {
  const powers = p.instruments.filter((i) => inForce(i) !== 'no' && reaches(i.categories, category) !== 'no' && i.weakensEncryption !== undefined && i.weakensEncryption !== false);
  if (powers.some((i) => i.weakensEncryption === true && inForce(i) === 'yes' && reaches(i.categories, category) === 'yes')) return 2;
  if (powers.length > 0 || p.coverage.gaps.some((g) => g.powers.includes('encryption') && reaches(g.categories, category) !== 'no')) return 1;
  return 0;
}

const cellOf = (decl: Declaration, p: JurisdictionProfile, category: string): Cell =>
  computeExposure(hostedIn(decl, placeFor(p)), [p], params, { lawDate: LAW_DATE }).cells.find((c) => c.category === category && c.jurisdiction === p.code)!;

describe('P16(b): no state with direct access or executive interception looks safer than a state whose access needs a judge', () => {
  test('the fixtures are valid declarations', () => {
    for (const { file } of PROVIDERS) expect(checkDeclaration(registry, load(file)).valid).toBe(true);
  });

  for (const provider of PROVIDERS) {
    describe(provider.name, () => {
      const decl = load(provider.file);
      const direct = jurisdictions.filter((p) => directOrExecutive(p, provider.category).length > 0);
      const judge = jurisdictions.filter((p) => needsJudge(p, provider.category));
      const cells = new Map(jurisdictions.map((p) => [p.code, cellOf(decl, p, provider.category)]));

      test('both groups of states exist (the comparison is not empty)', () => {
        expect(direct.length).toBeGreaterThan(0);
        expect(judge.length).toBeGreaterThan(0);
        expect(direct.filter((p) => judge.includes(p))).toEqual([]);
        // The states whose documented direct access the review found recorded as "reaches nothing".
        if (provider.category === 'call-content') expect(direct.map((p) => p.code)).toEqual(expect.arrayContaining(['BY', 'EG', 'IR', 'KZ', 'MM', 'RU']));
      });

      test(`${provider.category}: every direct/executive state is at least as exposed as every judge-only state`, () => {
        const inversions: string[] = [];
        const used = new Set<Exception>();
        for (const d of direct)
          for (const j of judge) {
            const a = cells.get(d.code)!;
            const b = cells.get(j.code)!;
            if (a.established >= b.established && a.worstCase >= b.worstCase) continue;
            const excused = EXCEPTIONS.find((e) => e.files.includes(provider.file) && e.applies(d, j, provider.category));
            if (excused) {
              used.add(excused);
              continue;
            }
            inversions.push(`${d.code} ${a.established}–${a.worstCase} < ${j.code} ${b.established}–${b.worstCase} (${directOrExecutive(d, provider.category).join(', ')})`);
          }
        expect(inversions).toEqual([]);
        // A rule that excuses nothing is stale: remove it.
        expect(EXCEPTIONS.filter((e) => e.files.includes(provider.file) && !used.has(e)).map((e) => e.reason)).toEqual([]);
      });

    });
  }
});
