import type { Declaration } from '../../src/formats/types.generated.js';

type Mutation = { name: string; apply: (d: Declaration) => void };

/**
 * Every way of replacing one answer of `d` with "undisclosed" or removing one optional answer
 * (P4). Each mutation is applied to a clone; names say what changed.
 */
export function silenceMutations(d: Declaration): Mutation[] {
  const out: Mutation[] = [];
  const add = (name: string, apply: (d: Declaration) => void) => out.push({ name, apply });
  const p = d.provider as unknown as Record<string, unknown>;
  if (p.headquarters !== undefined) {
    add('headquarters undisclosed', (x) => (x.provider.headquarters = 'undisclosed'));
    add('headquarters removed', (x) => delete x.provider.headquarters);
  }
  if (p.establishments !== undefined) {
    add('establishments undisclosed', (x) => (x.provider.establishments = 'undisclosed'));
    add('establishments removed', (x) => delete x.provider.establishments);
  }
  if (p.services !== undefined) add('services removed', (x) => delete x.provider.services);
  if (p.markets !== undefined) {
    add('markets undisclosed', (x) => (x.provider.markets = 'undisclosed'));
    add('markets removed', (x) => delete x.provider.markets);
  }
  d.dataCategories.forEach((c, i) => {
    const at = (x: Declaration) => x.dataCategories[i];
    add(`#${i} collected undisclosed`, (x) => (at(x).collected = 'undisclosed'));
    add(`#${i} retention undisclosed`, (x) => (at(x).retention = { kind: 'undisclosed' }));
    if (c.retention) add(`#${i} retention removed`, (x) => delete at(x).retention);
    if (c.retention?.kind === 'until-event' && c.retention.after) add(`#${i} after removed`, (x) => delete (at(x).retention as { after?: string }).after);
    add(`#${i} storage undisclosed`, (x) => (at(x).storageLocations = 'undisclosed'));
    if (c.storageLocations) add(`#${i} storage removed`, (x) => delete at(x).storageLocations);
    if (c.protection) {
      add(`#${i} protection removed`, (x) => delete at(x).protection);
      add(`#${i} inTransit undisclosed`, (x) => at(x).protection && (at(x).protection!.inTransit = 'undisclosed'));
      add(`#${i} atRest undisclosed`, (x) => at(x).protection && (at(x).protection!.atRest = 'undisclosed'));
      if (c.protection.inTransit) add(`#${i} inTransit removed`, (x) => at(x).protection && delete at(x).protection!.inTransit);
      if (c.protection.atRest) add(`#${i} atRest removed`, (x) => at(x).protection && delete at(x).protection!.atRest);
    }
    if (c.interception) {
      add(`#${i} interception removed`, (x) => delete at(x).interception);
      c.interception.forEach((_, j) => add(`#${i} interception ${j} undisclosed`, (x) => at(x).interception && (at(x).interception![j].capability = 'undisclosed')));
    }
  });
  if (d.thirdParties) {
    add('thirdParties removed', (x) => delete x.thirdParties);
    d.thirdParties.forEach((tp, i) => {
      const at = (x: Declaration) => x.thirdParties?.[i] ?? ({} as NonNullable<Declaration['thirdParties']>[number]);
      add(`tp ${i} jurisdiction undisclosed`, (x) => (at(x).jurisdiction = 'undisclosed'));
      if (tp.jurisdiction) add(`tp ${i} jurisdiction removed`, (x) => delete at(x).jurisdiction);
      add(`tp ${i} capabilities undisclosed`, (x) => (at(x).capabilities = 'undisclosed'));
      if (tp.capabilities) add(`tp ${i} capabilities removed`, (x) => delete at(x).capabilities);
      if (Array.isArray(tp.capabilities) && tp.capabilities.length > 0 && !tp.capabilities.includes('undisclosed'))
        add(`tp ${i} capability item undisclosed`, (x) => ((at(x).capabilities as string[])[0] = 'undisclosed'));
      if (tp.categories) add(`tp ${i} categories removed`, (x) => delete at(x).categories);
    });
  }
  if (d.legalProcess) {
    const lp = d.legalProcess;
    add('legalProcess removed', (x) => delete x.legalProcess);
    add('liveInterception undisclosed', (x) => x.legalProcess && (x.legalProcess.liveInterception = 'undisclosed'));
    if (lp.liveInterception) add('liveInterception removed', (x) => x.legalProcess && delete x.legalProcess.liveInterception);
    if (lp.interceptionStatutes) {
      add('statutes removed', (x) => x.legalProcess && delete x.legalProcess.interceptionStatutes);
      lp.interceptionStatutes.forEach((_, j) => add(`statute ${j} undisclosed`, (x) => x.legalProcess?.interceptionStatutes && (x.legalProcess.interceptionStatutes[j].position = 'undisclosed')));
    }
    if (lp.policies) {
      add('policies removed', (x) => x.legalProcess && delete x.legalProcess.policies);
      lp.policies.forEach((pol, j) => {
        add(`policy ${j} notification undisclosed`, (x) => x.legalProcess?.policies && (x.legalProcess.policies[j].userNotification = 'undisclosed'));
        if (pol.requiresJudicialReview !== undefined) add(`policy ${j} review removed`, (x) => x.legalProcess?.policies && delete x.legalProcess.policies[j].requiresJudicialReview);
      });
    }
  }
  if (d.governmentRequests) {
    add('governmentRequests removed', (x) => delete x.governmentRequests);
    d.governmentRequests.forEach((r, j) => {
      const at = (x: Declaration) => x.governmentRequests?.[j] ?? ({} as NonNullable<Declaration['governmentRequests']>[number]);
      if (r.percentDisclosed !== undefined) add(`row ${j} percent removed`, (x) => delete at(x).percentDisclosed);
      if (r.outcomes) {
        add(`row ${j} outcomes removed`, (x) => delete at(x).outcomes);
        for (const k of Object.keys(r.outcomes)) add(`row ${j} outcome ${k} removed`, (x) => at(x).outcomes && delete (at(x).outcomes as Record<string, unknown>)[k]);
      }
    });
  }
  return out;
}
