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

/** Reconnect delays: exponential from the first to the cap, each with full jitter (replicas do not retry in step). */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 10_000;

/** The delay before attempt `n` (0-based): uniformly random up to min(cap, first · 2^n). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.min(attempt, 20));
  return Math.max(RECONNECT_FIRST_MS / 2, Math.round(ceiling * random()));
}

/**
 * LISTEN on a connection of its own (a pooled connection would be handed to others).
 * When that connection breaks, it reconnects and emits `resync`, because notifications
 * sent meanwhile are lost; followers then compare their read model with the database.
 */
export class PostgresChangeFeed {
  private client: pg.Client | undefined;
  private closed = false;
  /** At most one reconnect loop at a time: a lost connection starts it, only the loop schedules attempts. */
  private reconnecting = false;
  private timer: NodeJS.Timeout | undefined;
  /** Connection attempts since the feed opened (for tests and metrics). */
  attempts = 0;
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
    if (this.timer) clearTimeout(this.timer);
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
      // Only a connection that was listening starts the loop; a failed attempt is the loop's to retry.
      const wasListening = this.client === client;
      if (wasListening) this.client = undefined;
      void client.end().catch(() => undefined);
      if (wasListening && !this.closed) {
        this.log('change feed connection lost; reconnecting', error);
        this.startReconnecting();
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
    this.attempts++;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      lost = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private startReconnecting(): void {
    if (this.reconnecting || this.closed) return;
    this.reconnecting = true;
    this.schedule(0);
  }

  private schedule(attempt: number): void {
    this.timer = setTimeout(() => void this.attempt(attempt), reconnectDelay(attempt));
    this.timer.unref();
  }

  private async attempt(attempt: number): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    try {
      await this.connect();
    } catch (error) {
      if (attempt === 0 || attempt % 10 === 0) this.log(`change feed could not reconnect (attempt ${attempt + 1}); retrying with backoff`, error);
      this.schedule(attempt + 1);
      return;
    }
    this.reconnecting = false;
    if (!this.closed) this.emit({ kind: 'resync' });
  }

  private emit(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Announces a change outside a store transaction (keys): delivered to every listener, this replica's too. */
export async function announce(db: pg.Pool | pg.PoolClient, change: Change): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
}
