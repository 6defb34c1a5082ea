import type { Declaration, GovernmentRequest } from '../formats/types.generated.js';
import type { Atlas } from './atlas.js';

/** One provider's request rows, as its latest declaration states them. */
export interface ProviderRows {
  providerId: string;
  rows: GovernmentRequest[];
}

/**
 * Every provider's government-request rows (`GET /v1/transparency` aggregates them), read from
 * the declarations once and then kept current with the read model: a new latest version marks
 * its provider, and the next read re-reads that provider's declaration only. (Reading every
 * declaration again after each write made the first read after a write cost a pass over the
 * whole store.) Reads take turns, so one that arrives after a write sees that write's rows.
 */
export class TransparencyRows {
  private readonly rows = new Map<string, GovernmentRequest[]>();
  /** Providers whose latest version changed since their rows were read. */
  private readonly stale = new Set<string>();
  private loaded = false;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly atlas: Pick<Atlas<unknown>, 'onLatest' | 'latestDeclarations' | 'latestDeclaration' | 'providerIds'>) {
    atlas.onLatest((entry) => this.stale.add(entry.meta.providerId));
  }

  /** Every provider's rows, in provider-id order. */
  async all(): Promise<ProviderRows[]> {
    const current = this.turn.then(() => this.refresh());
    this.turn = current.catch(() => undefined);
    await current;
    return this.atlas.providerIds().flatMap((providerId) => {
      const rows = this.rows.get(providerId);
      return rows === undefined ? [] : [{ providerId, rows }];
    });
  }

  private async refresh(): Promise<void> {
    if (!this.loaded) {
      // Anything that becomes latest while every declaration is read is read again below.
      this.stale.clear();
      for (const { providerId, declaration } of await this.atlas.latestDeclarations()) this.rows.set(providerId, rowsOf(declaration));
      this.loaded = true;
    }
    const changed = [...this.stale];
    this.stale.clear();
    try {
      const declarations = await Promise.all(changed.map((id) => this.atlas.latestDeclaration(id)));
      changed.forEach((id, i) => (declarations[i] ? this.rows.set(id, rowsOf(declarations[i])) : this.rows.delete(id)));
    } catch (error) {
      for (const id of changed) this.stale.add(id); // read again next time
      throw error;
    }
  }
}

function rowsOf(declaration: Declaration): GovernmentRequest[] {
  return declaration.governmentRequests ?? [];
}
