import { createHash } from 'node:crypto';
import type { JurisdictionProfile } from '../formats/types.generated.js';
import { inForceOn } from './in-force.js';
import { lawKeysMemo } from './law-epoch.js';

/**
 * The law in force on a date, per column, as the keys that results for a law date are kept
 * under instead of the date string: two dates on which a profile stands the same (same facts
 * in force, same union membership) share that profile's column. Built on `lawKeysMemo` (each
 * column's key folds in the profile's data, the state of its facts on the date and the union
 * profiles, whose law reaches every column), the same keys the remembered analyses carry.
 */
export class LawInForce {
  private readonly keysOf: (date: string) => Record<string, string>;
  private readonly unions: JurisdictionProfile[];
  private readonly whole = new Map<string, string>();

  constructor(readonly profiles: readonly JurisdictionProfile[]) {
    this.keysOf = lawKeysMemo(profiles);
    this.unions = profiles.filter((p) => p.memberStates !== undefined);
  }

  /** Each column's key on `date`, by jurisdiction code. */
  keysOn(date: string): Record<string, string> {
    return this.keysOf(date);
  }

  /** The key of the columns `codes` (every column when absent) on `date`: equal for two dates exactly when each of those columns stands the same. */
  columnsKey(date: string, codes?: readonly string[]): string {
    if (codes === undefined || codes.length === 0) {
      let key = this.whole.get(date);
      if (key === undefined) {
        if (this.whole.size > 1024) this.whole.clear();
        const keys = this.keysOf(date);
        this.whole.set(date, (key = createHash('sha256').update(Object.keys(keys).sort().map((c) => keys[c]).join('')).digest('hex').slice(0, 24)));
      }
      return key;
    }
    const keys = this.keysOf(date);
    return [...codes].sort().map((c) => `${c}=${keys[c] ?? ''}`).join(',');
  }

  /** The codes whose column stands differently on the two dates. */
  changedColumns(from: string, to: string): string[] {
    const a = this.keysOf(from);
    const b = this.keysOf(to);
    return Object.keys(b).filter((code) => a[code] !== b[code]);
  }

  /**
   * The key of a fully explained matrix on `date`: its columns' key, and the date itself when a
   * union's membership is not known on it — the explanation of that unknown names the date, so
   * such a matrix is not shared with another date.
   */
  explainedKey(date: string): string {
    const named = this.unions.some((u) => (u.memberStates?.members ?? []).some((m) => inForceOn(m, date) === 'unknown'));
    return named ? `${this.columnsKey(date)}@${date}` : this.columnsKey(date);
  }
}
