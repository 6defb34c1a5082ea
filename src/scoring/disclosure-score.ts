import { round1 } from './numbers.js';
import type { Declaration } from './types.js';

export interface DisclosureElement {
  id: string;
  score: number;
  /** Where in the declaration the answer is (or would be). */
  pointer: string;
}

export interface DisclosureQuestion {
  question: 1 | 2 | 3 | 4 | 5;
  id: string;
  title: string;
  score: number;
  elements: DisclosureElement[];
}

export interface DisclosureScore {
  score: number;
  questions: DisclosureQuestion[];
}

const FULL = 100;
const PARTIAL = 50;
const NONE = 0;

/** Ranking Digital Rights style: every item answered 100, some 50, none 0. */
function level(answered: number, of: number): number {
  return of === 0 || answered === of ? FULL : answered === 0 ? NONE : PARTIAL;
}
const mean = (xs: number[]) => (xs.length === 0 ? FULL : xs.reduce((a, b) => a + b, 0) / xs.length);
const element = (id: string, score: number, pointer: string): DisclosureElement => ({ id, score: round1(score), pointer });
const isUndisclosed = (x: unknown) => x === undefined || x === 'undisclosed';
const TAXONOMY_SIZE = 13;

function governmentRequests(d: Declaration): DisclosureElement[] {
  const rows = d.governmentRequests ?? [];
  const share = (has: (r: (typeof rows)[number]) => boolean) => (rows.length === 0 ? NONE : level(rows.filter(has).length, rows.length));
  return [
    element('request-figures', rows.length > 0 ? FULL : NONE, '/governmentRequests'),
    element('data-types-requested', share((r) => r.categoriesRequested !== undefined), '/governmentRequests'),
    element('share-complied', share((r) => r.percentDisclosed !== undefined || r.outcomes !== undefined), '/governmentRequests'),
    element('refusal-bases', share((r) => r.rejectionBases !== undefined), '/governmentRequests'),
  ];
}

function dataAndRetention(d: Declaration): DisclosureElement[] {
  const cats = d.dataCategories;
  const held = cats.filter((c) => c.collected !== 'no');
  const retention = (c: (typeof cats)[number]) =>
    isUndisclosed(c.retention?.kind) ? NONE : c.retention?.kind === 'until-event' && c.retention.after === undefined ? PARTIAL : FULL;
  return [
    element('taxonomy-coverage', cats.length >= TAXONOMY_SIZE ? FULL : PARTIAL, '/dataCategories'),
    element('collected', mean(cats.map((c) => (c.collected === 'undisclosed' ? NONE : FULL))), '/dataCategories'),
    element('retention', mean(held.map(retention)), '/dataCategories'),
    element('storage-locations', mean(held.map((c) => (isUndisclosed(c.storageLocations) ? NONE : FULL))), '/dataCategories'),
    element('purposes', mean(held.map((c) => (c.purposes && c.purposes.length > 0 ? FULL : NONE))), '/dataCategories'),
  ];
}

function interception(d: Declaration): DisclosureElement[] {
  const held = d.dataCategories.filter((c) => c.collected !== 'no');
  const list = (c: (typeof held)[number]) =>
    c.interception === undefined ? NONE : level(c.interception.filter((e) => e.capability !== 'undisclosed').length, c.interception.length);
  return [
    element('protection-in-transit', mean(held.map((c) => (isUndisclosed(c.protection?.inTransit) ? NONE : FULL))), '/dataCategories'),
    element('protection-at-rest', mean(held.map((c) => (isUndisclosed(c.protection?.atRest) ? NONE : FULL))), '/dataCategories'),
    element('who-can-intercept', mean(held.map(list)), '/dataCategories'),
  ];
}

function thirdParties(d: Declaration): DisclosureElement[] {
  const tps = d.thirdParties;
  const per = (f: (tp: NonNullable<typeof tps>[number]) => number) => (tps === undefined ? NONE : mean(tps.map(f)));
  const caps = (c: NonNullable<typeof tps>[number]['capabilities']) =>
    isUndisclosed(c) ? NONE : Array.isArray(c) && c.includes('undisclosed') ? PARTIAL : FULL;
  return [
    element('third-parties-listed', tps === undefined ? NONE : FULL, '/thirdParties'),
    element('third-party-jurisdiction', per((tp) => (isUndisclosed(tp.jurisdiction) ? NONE : FULL)), '/thirdParties'),
    element('third-party-categories', per((tp) => (tp.categories === undefined ? NONE : FULL)), '/thirdParties'),
    element('third-party-capabilities', per((tp) => caps(tp.capabilities)), '/thirdParties'),
  ];
}

function legalProcess(d: Declaration): DisclosureElement[] {
  const lp = d.legalProcess;
  const statutes = lp?.interceptionStatutes ?? [];
  const policies = lp?.policies ?? [];
  const policyAnswers = policies.filter((p) => p.userNotification !== 'undisclosed' && p.requiresJudicialReview !== undefined).length;
  const metadata = policies.some((p) => p.categories.includes('call-metadata') || p.categories.includes('message-metadata'));
  return [
    element('live-interception', isUndisclosed(lp?.liveInterception) ? NONE : FULL, '/legalProcess/liveInterception'),
    element('interception-statutes', statutes.length === 0 ? NONE : level(statutes.filter((s) => s.position !== 'undisclosed').length, statutes.length), '/legalProcess/interceptionStatutes'),
    element('process-policies', policies.length === 0 ? NONE : level(policyAnswers, policies.length), '/legalProcess/policies'),
    element('metadata-disclosure-policy', metadata ? FULL : NONE, '/legalProcess/policies'),
    element('law-enforcement-guidelines', lp?.guidelinesUrl === undefined ? NONE : FULL, '/legalProcess/guidelinesUrl'),
  ];
}

const QUESTIONS = [
  { question: 1, id: 'government-requests', title: 'Government requests: how many, from where, for what, how many complied with, why refused', elements: governmentRequests },
  { question: 2, id: 'data-and-retention', title: 'Every category of user data collected and its retention', elements: dataAndRetention },
  { question: 3, id: 'interception', title: 'What third parties (network operators, attackers) can intercept or retain', elements: interception },
  { question: 4, id: 'third-parties', title: 'Licensees and partners, and their surveillance and censorship capabilities', elements: thirdParties },
  { question: 5, id: 'legal-process', title: 'Lawful-interception duties and disclosure policy by legal process', elements: legalProcess },
] as const;

/**
 * How completely a declaration answers the five questions of the product brief, 0–100:
 * each element 100 (full answer), 50 (partial) or 0 (none or "undisclosed"), averaged per
 * question, then over the five questions. Independent of the exposure scores.
 */
export function disclosureScore(decl: Declaration): DisclosureScore {
  const questions: DisclosureQuestion[] = QUESTIONS.map((q) => {
    const elements = q.elements(decl);
    return { question: q.question, id: q.id, title: q.title, score: round1(mean(elements.map((e) => e.score))), elements };
  });
  return { score: round1(mean(questions.map((q) => q.score))), questions };
}
