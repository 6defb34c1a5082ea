import type { ObservationView } from '../observations/observation-record.js';
import type { AtomEntry } from './atom.js';
import { TAG_BASE } from './version-entries.js';

const STATEMENT_IN_SUMMARY = 400;

const valueText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** One feed entry per recorded observation: who observed what about which fact, and where it came from. */
export function observationEntry(o: ObservationView, providerName: string, baseUrl: string): AtomEntry {
  const statement = o.statement.length > STATEMENT_IN_SUMMARY ? `${o.statement.slice(0, STATEMENT_IN_SUMMARY - 1)}…` : o.statement;
  const sources = o.sources.map((s) => `${s.title}${s.publisher ? ` (${s.publisher})` : ''}: ${s.url}`).join('; ');
  return {
    id: `${TAG_BASE}providers/${o.providerId}/observations/${o.id}`,
    title: `${providerName}: ${o.organisation} observed ${o.pointer} = ${valueText(o.value)}${o.status === 'active' ? '' : ` (${o.status})`}`,
    updated: o.recordedAt,
    // The page people read; the JSON is linked from it.
    link: `${baseUrl}/providers/${o.providerId}/observations/${o.id}`,
    summary: `${statement} Observed ${o.observedAt}. Sources: ${sources}.${o.responses.length > 0 ? ` The provider has answered (${o.responses.length}).` : ''}`,
    categories: ['observation', ...(o.status === 'active' ? [] : [o.status])],
  };
}
