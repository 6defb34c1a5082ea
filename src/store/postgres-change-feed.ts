import pg from 'pg';

/** The NOTIFY channel every replica listens on. */
export const CHANGES_CHANNEL = 'retention_atlas_changes';

/** What a write announces, in the same transaction (so only committed writes are announced). */
export type Change =
  | { kind: 'version'; providerId: string; version: number }
  | { kind: 'observation'; providerId: string }
  | { kind: 'assessment'; providerId: string }
  | { kind: 'campaign'; campaignId: string }
  | { kind: 'key'; keyId: string };

/** `resync`: the feed was interrupted and may have missed changes; re-read everything. */
export type FeedEvent = Change | { kind: 'resync' };

const RECONNECT_MS = 500;

/**
 * LISTEN on a connection of its own (a pooled connection would be handed to others).
 * When that connection breaks, it reconnects and emits `resync`, because notifications
 * sent meanwhile are lost; followers then compare their read model with the database.
 */
export class PostgresChangeFeed {
  private client: pg.Client | undefined;
  private closed = false;
  private readonly listeners: ((event: FeedEvent) => void)[] = [];

  private constructor(
    private readonly connectionString: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  static async open(connectionString: string, log: (message: string, error?: unknown) => void = console.error): Promise<PostgresChangeFeed> {
    const feed = new PostgresChangeFeed(connectionString, log);
    await feed.connect();
    return feed;
  }

  on(listener: (event: FeedEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Whether the feed is listening right now (for /readyz). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, application_name: 'retention-atlas-feed' });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.closed) {
        this.log('change feed connection lost; reconnecting', error);
        setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
      }
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      try {
        this.emit(JSON.parse(message.payload) as Change);
      } catch (error) {
        this.log('ignored an unreadable change notification', error);
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.client = client;
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connect();
      this.emit({ kind: 'resync' });
    } catch (error) {
      this.log('change feed could not reconnect; retrying', error);
      setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    }
  }

  private emit(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Announces a change outside a store transaction (keys): delivered to every listener, this replica's too. */
export async function announce(db: pg.Pool | pg.PoolClient, change: Change): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
}
