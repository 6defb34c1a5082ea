import type { Store, VersionRecord } from './store.js';
import { contentHash } from './version-record.js';

/** Why a stored version cannot be served: one word, as `retention-atlas verify` prints it. */
export type DamageReason = 'hash-mismatch' | 'body-missing';

/**
 * A stored version whose bytes no longer match the hash recorded with it (a truncated file,
 * a bad restore, a row changed behind the service's back), or whose body is gone. It is
 * never served: reads answer this error instead (HTTP 500, problem type `damaged-version`).
 */
export class DamagedVersionError extends Error {
  constructor(
    readonly providerId: string,
    readonly version: number,
    readonly reason: DamageReason,
  ) {
    super(`version ${version} of "${providerId}" is damaged (${reason}): its stored bytes do not match its recorded hash`);
    this.name = 'DamagedVersionError';
  }
}

/** The damage of a record read from a store, or undefined when its body matches its hash. */
export function damageOf(record: VersionRecord): DamageReason | undefined {
  return contentHash(record.body) === record.hash ? undefined : 'hash-mismatch';
}

/** Throws DamagedVersionError unless the record's body matches its hash. */
export function checkedRecord(record: VersionRecord): VersionRecord {
  const reason = damageOf(record);
  if (reason) throw new DamagedVersionError(record.providerId, record.version, reason);
  return record;
}

/**
 * Wraps a store so every body read is checked against its hash before anyone sees it:
 * `version` throws DamagedVersionError, `versionsOf` leaves damaged versions out (as it
 * leaves out unknown ones). Each damage found is reported to `onDamaged` (log and count).
 */
export function verifiedReads(store: Store, onDamaged: (error: DamagedVersionError) => void): Store {
  const report = (error: unknown): never => {
    if (error instanceof DamagedVersionError) onDamaged(error);
    throw error;
  };
  return {
    providerIds: () => store.providerIds(),
    history: (providerId) => store.history(providerId),
    async version(providerId, version) {
      try {
        const record = await store.version(providerId, version);
        return record && checkedRecord(record);
      } catch (error) {
        return report(error);
      }
    },
    ...(store.versionsOf
      ? {
          versionsOf: async (wanted: { providerId: string; version: number }[]) =>
            (await store.versionsOf!(wanted)).filter((record) => {
              const reason = damageOf(record);
              if (reason) onDamaged(new DamagedVersionError(record.providerId, record.version, reason));
              return reason === undefined;
            }),
        }
      : {}),
    ...(store.latestVersions ? { latestVersions: () => store.latestVersions!() } : {}),
    ...(store.newestVersions ? { newestVersions: (limit: number) => store.newestVersions!(limit) } : {}),
    append: (providerId, input) => store.append(providerId, input),
    close: () => store.close(),
  };
}

/**
 * Checks every stored version of every provider, oldest first, and yields each damaged one:
 * what `retention-atlas verify` prints. Bodies are read a batch at a time when the store can.
 */
export async function* damagedVersions(
  store: Store,
  tally: { providers: number; versions: number } = { providers: 0, versions: 0 },
  batch = 100,
): AsyncGenerator<{ providerId: string; version: number; reason: DamageReason }> {
  for (const providerId of await store.providerIds()) {
    const history = await store.history(providerId);
    tally.providers++;
    tally.versions += history.length;
    for (let start = 0; start < history.length; start += batch) {
      const wanted = history.slice(start, start + batch).map(({ version }) => ({ providerId, version }));
      const found = new Map<number, VersionRecord>();
      if (store.versionsOf) for (const record of await store.versionsOf(wanted)) found.set(record.version, record);
      for (const { version } of wanted) {
        let record = found.get(version);
        if (!record) {
          try {
            record = await store.version(providerId, version);
          } catch (error) {
            if (!(error instanceof DamagedVersionError)) throw error;
            yield { providerId, version, reason: error.reason };
            continue;
          }
        }
        const reason = record ? damageOf(record) : 'body-missing';
        if (reason) yield { providerId, version, reason };
      }
    }
  }
}
