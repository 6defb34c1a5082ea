import { countRange } from '../formats/count-range.js';
import { pointer } from '../formats/json-pointer.js';
import type { Declaration, ModelParameters } from './types.js';

/**
 * Feasible completions (P13): what a declaration's other answers settle about whether the
 * provider can read a category, by the constraints of `params.feasibility` (data, each with its
 * reason). Pure: read by the scoring core (an unanswered protection completes as readable on
 * both bounds; a contradicting end-to-end answer is scored as readable) and by the
 * infeasible-answer finding (which names both answers).
 */

type Constraint = ModelParameters['feasibility']['constraints'][number];
type Row = NonNullable<Declaration['governmentRequests']>[number];
export type Side = 'at-rest' | 'in-transit';

/** One constraint that holds for a category: which, and the answer that triggers it. */
export interface Trigger {
  constraint: Constraint;
  /** JSON Pointer of the answer that triggers it. */
  pointer: string;
  /** That answer in words. */
  answer: string;
}

/** Per category: the triggers that make it readable at rest and in transit. */
export interface CategoryFeasibility {
  atRest: Trigger[];
  inTransit: Trigger[];
}

/** A content disclosure that settles no category: the provider has several collected content categories and the row names none. */
export interface UnplacedDisclosure {
  constraint: Constraint;
  pointer: string;
  answer: string;
  /** The collected content categories it may concern. */
  categories: string[];
}

export interface Feasibility {
  byCategory: Map<string, CategoryFeasibility>;
  unplaced: UnplacedDisclosure[];
}

/**
 * The transparency rows the content-disclosure constraint reads: those whose period contains
 * `asOf`, else those of the last period that ended before it (any country, worldwide included).
 */
export function currentRows(decl: Declaration): { row: Row; i: number }[] {
  const rows = (decl.governmentRequests ?? []).map((row, i) => ({ row, i }));
  const asOf = decl.asOf;
  const containing = rows.filter(({ row }) => row.period.start <= asOf && asOf <= row.period.end);
  if (containing.length > 0) return containing;
  let last = '';
  for (const { row } of rows) if (row.period.end < asOf && row.period.end > last) last = row.period.end;
  return last === '' ? [] : rows.filter(({ row }) => row.period.end === last);
}

/** The content categories the provider's declared services carry (serviceContent table), else its only content category. */
export function serviceContentCategories(decl: Declaration, params: ModelParameters, onlyContent: readonly string[]): string[] {
  const services = new Set((decl.provider.services ?? []).map((s) => s.toLowerCase()));
  const carried = params.feasibility.serviceContent.filter((row) => row.services.some((s) => services.has(s))).map((row) => row.category);
  if (carried.length > 0) return [...new Set(carried)];
  return [...onlyContent];
}

export function feasibility(decl: Declaration, params: ModelParameters): Feasibility {
  const byCategory = new Map<string, CategoryFeasibility>();
  const unplaced: UnplacedDisclosure[] = [];
  const at = (category: string): CategoryFeasibility => {
    let f = byCategory.get(category);
    if (f === undefined) byCategory.set(category, (f = { atRest: [], inTransit: [] }));
    return f;
  };
  const add = (category: string, constraint: Constraint, trigger: Omit<Trigger, 'constraint'>) => {
    const f = at(category);
    for (const side of constraint.readable) (side === 'at-rest' ? f.atRest : f.inTransit).push({ constraint, ...trigger });
  };
  const index = new Map<string, number>();
  decl.dataCategories.forEach((e, i) => {
    if (!index.has(e.category)) index.set(e.category, i);
  });
  const content = new Set(params.categories.filter((c) => c.kind === 'content').map((c) => c.category));
  const collected = (c: string) => {
    const i = index.get(c);
    return i !== undefined && decl.dataCategories[i].collected === 'yes';
  };
  const collectedContent = [...content].filter(collected);
  // "Its only content category": the one content category declared collected "yes" while every
  // other one is declared "no" (an unanswered one may be collected too, so it leaves the choice open).
  const possibleContent = [...content].filter((c) => {
    const i = index.get(c);
    return i === undefined || decl.dataCategories[i].collected !== 'no';
  });
  const onlyContent = possibleContent.length === 1 && collected(possibleContent[0]) ? possibleContent : [];
  for (const constraint of params.feasibility.constraints) {
    switch (constraint.when) {
      case 'collected':
        for (const c of constraint.categories ?? []) if (collected(c)) add(c, constraint, { pointer: pointer('dataCategories', index.get(c)!, 'collected'), answer: `${c} collected "yes"` });
        break;
      case 'live-interception-supported':
        if (decl.legalProcess?.liveInterception === 'supported')
          for (const c of serviceContentCategories(decl, params, onlyContent)) add(c, constraint, { pointer: '/legalProcess/liveInterception', answer: 'live interception "supported"' });
        break;
      case 'content-disclosed':
        for (const { row, i } of currentRows(decl)) {
          const disclosed = row.outcomes?.contentDisclosed;
          if (disclosed === undefined || countRange(disclosed).min === 0) continue;
          const where = pointer('governmentRequests', i, 'outcomes', 'contentDisclosed');
          const answer = `content disclosed to ${row.country} in ${row.period.start}–${row.period.end}`;
          const named = (row.categoriesRequested ?? []).filter((c) => content.has(c));
          const categories = named.length > 0 ? named : onlyContent;
          if (categories.length > 0) for (const c of categories) add(c, constraint, { pointer: where, answer });
          else if (collectedContent.length > 0) unplaced.push({ constraint, pointer: where, answer, categories: collectedContent });
        }
        break;
      case 'provider-observes':
      case 'provider-retains': {
        const capability = constraint.when === 'provider-observes' ? 'observe' : 'retain';
        decl.dataCategories.forEach((e, i) => {
          if (e.collected === 'no' || index.get(e.category) !== i || !Array.isArray(e.interception)) return;
          e.interception.forEach((x, k) => {
            if (x.party === 'provider' && x.capability === capability) add(e.category, constraint, { pointer: pointer('dataCategories', i, 'interception', k), answer: `the provider can ${capability} it on the way` });
          });
        });
        break;
      }
    }
  }
  return { byCategory, unplaced };
}

/** A declared answer that no feasible provider could give beside another of its answers. */
export interface Contradiction {
  /** The two answers, as pointers into the declaration (the end-to-end answer first). */
  pointers: [string, string];
  message: string;
  constraint: string;
}

/**
 * The infeasible answers of a declaration: a category declared end to end on a side where a
 * constraint makes it readable to the provider (scored as readable), and a reported content
 * disclosure while every collected content category is declared end to end at rest (it moves
 * no bound: which category it concerns is not known).
 */
export function contradictions(decl: Declaration, params: ModelParameters, f: Feasibility = feasibility(decl, params)): Contradiction[] {
  const out: Contradiction[] = [];
  const index = new Map<string, number>();
  decl.dataCategories.forEach((e, i) => {
    if (!index.has(e.category)) index.set(e.category, i);
  });
  for (const [category, forced] of f.byCategory) {
    const i = index.get(category);
    if (i === undefined) continue;
    const protection = decl.dataCategories[i].protection;
    for (const [side, field, triggers] of [['at rest', 'atRest', forced.atRest], ['in transit', 'inTransit', forced.inTransit]] as const) {
      if (protection?.[field] !== 'end-to-end' || triggers.length === 0) continue;
      const t = triggers[0];
      out.push({
        pointers: [pointer('dataCategories', i, 'protection', field), t.pointer],
        constraint: t.constraint.id,
        message: `${category}: declared end-to-end ${side}, but ${t.answer} means the provider can read it ${side} (${t.constraint.id}); scored as readable`,
      });
    }
  }
  for (const u of f.unplaced) {
    const sealed = u.categories.filter((c) => decl.dataCategories[index.get(c)!].protection?.atRest === 'end-to-end');
    if (sealed.length !== u.categories.length) continue;
    out.push({
      pointers: [pointer('dataCategories', index.get(sealed[0])!, 'protection', 'atRest'), u.pointer],
      constraint: u.constraint.id,
      message: `${u.answer}, but every collected content category (${sealed.join(', ')}) is declared end-to-end at rest (${u.constraint.id}); no bound moves, since the row does not say which category`,
    });
  }
  return out;
}
