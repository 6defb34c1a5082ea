import type { FeedEvent, PostgresChangeFeed } from './postgres-change-feed.js';

/** What the read model offers the change feed: re-read one provider, or everything. */
export interface ReadModel {
  refresh(providerId: string): Promise<void>;
  refreshAll(): Promise<void>;
}

/**
 * Keeps this replica's read model current with writes made by other replicas: each
 * announced change of `kind` (versions for the declarations' read model, observations for
 * the observations') is read from the store (its own writes too, harmlessly: the read model
 * ignores what it already has); after an interruption of the feed everything is re-read.
 */
export function followChanges(
  feed: PostgresChangeFeed,
  model: ReadModel,
  log: (message: string, error?: unknown) => void = console.error,
  kind: 'version' | 'observation' | 'assessment' = 'version',
): void {
  const apply = (event: FeedEvent) => {
    const done = event.kind === kind && 'providerId' in event ? model.refresh(event.providerId) : event.kind === 'resync' ? model.refreshAll() : undefined;
    // A failed read (the database blinked) is retried once as a full refresh a second later.
    done?.catch((error: unknown) => {
      log(`could not apply a change from another replica (${JSON.stringify(event)}); re-reading everything in 1 s`, error);
      setTimeout(() => void model.refreshAll().catch((again: unknown) => log('re-reading the read model failed', again)), 1000).unref();
    });
  };
  feed.on(apply);
  // Writes committed between loading the read model and subscribing were announced to no one.
  apply({ kind: 'resync' });
}
