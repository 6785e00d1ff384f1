/**
 * Invalidations shared by every process and node that points at the same Redis, over one
 * pub/sub channel. Redis pub/sub delivers at most once and forgets what it could not deliver,
 * so whenever this node may have missed messages (its subscription dropped) or failed to
 * send one (its publish failed), caches are told to drop everything rather than stay stale.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { lazyModule } from '../../lazy-module.js';

/** Loaded only when REDIS_URL is set. */
const loadIoredis = lazyModule<typeof import('ioredis')>('ioredis');
import type { InvalidationBus, InvalidationListener } from './invalidation-bus.js';

/** Options of {@link RedisInvalidationBus}. */
export interface RedisInvalidationBusOptions {
  /** The pub/sub channel (REDIS_PREFIX + "invalidate"); tests use their own. */
  channel?: string;
  /** Told when Redis fails; the node keeps serving from its own caches meanwhile. */
  onError?: (error: unknown) => void;
}

/** What travels on the channel. */
interface InvalidationMessage {
  /** The node that sent it (a node ignores its own: its listeners were called at publish). */
  node: string;
  tags: string[];
  everything?: boolean;
}

function parseMessage(text: string): InvalidationMessage | undefined {
  try {
    const value = JSON.parse(text) as Partial<InvalidationMessage>;
    if (typeof value.node !== 'string' || !Array.isArray(value.tags) || !value.tags.every((t) => typeof t === 'string')) return undefined;
    return { node: value.node, tags: value.tags, everything: value.everything === true };
  } catch {
    return undefined;
  }
}

/** An {@link InvalidationBus} over Redis pub/sub: one publishing and one subscribed connection. */
export class RedisInvalidationBus implements InvalidationBus {
  /** This process's id on the channel. */
  readonly nodeId = randomBytes(8).toString('hex');
  private readonly channel: string;
  private readonly onError: (error: unknown) => void;
  private readonly listeners = new Set<InvalidationListener>();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly firstAttempt: Promise<void>;
  /** The subscription dropped (or never started): messages may have been missed. */
  private mayHaveMissed = false;
  /** A publish failed: the others owe an `everything` once Redis answers again. */
  private owesEverything = false;
  private closed = false;

  constructor(url: string, options: RedisInvalidationBusOptions = {}) {
    this.channel = options.channel ?? 'depeche:invalidate';
    this.onError = options.onError ?? (() => undefined);
    // Publishing fails fast rather than queueing: a write must not wait for Redis to come back.
    this.publisher = new (loadIoredis().Redis)(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, connectionName: `depeche-bus-pub-${this.nodeId}` });
    this.publisher.on('error', (error: unknown) => this.onError(error));
    this.publisher.on('ready', () => void this.settleDebt());
    this.firstAttempt = new Promise<void>((resolve) => {
      this.publisher.once('ready', resolve);
      this.publisher.once('error', () => resolve());
      this.publisher.once('end', resolve);
    });
    // The subscription is made by hand at every (re)connection, so that the "drop everything"
    // that follows a reconnection is told only once the channel is heard again.
    this.subscriber = new (loadIoredis().Redis)(url, { autoResubscribe: false, connectTimeout: 2000, connectionName: `depeche-bus-sub-${this.nodeId}` });
    this.subscriber.on('error', (error: unknown) => {
      this.mayHaveMissed = true;
      this.onError(error);
    });
    this.subscriber.on('close', () => {
      this.mayHaveMissed = true;
    });
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const message = parseMessage(text);
      if (message === undefined || message.node === this.nodeId) return;
      this.deliver(message.tags, message.everything === true);
    });
  }

  async publish(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    // This node first: once the write returns, nothing stale is served here.
    for (const listener of this.listeners) listener(tags);
    await this.send({ node: this.nodeId, tags: [...tags] });
  }

  subscribe(listener: InvalidationListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map(async (client) => {
        // QUIT would wait in the offline queue for a connection that may never come.
        if (client.status !== 'ready') return client.disconnect();
        await client.quit().catch(() => client.disconnect());
      }),
    );
  }

  private async send(message: InvalidationMessage): Promise<void> {
    try {
      await this.firstAttempt;
      await this.publisher.publish(this.channel, JSON.stringify(message));
    } catch (error) {
      this.owesEverything = true;
      this.onError(error);
      return;
    }
    await this.settleDebt();
  }

  /** Once Redis takes messages again after a failed publish, the others drop what they cached meanwhile. */
  private async settleDebt(): Promise<void> {
    if (!this.owesEverything || this.closed) return;
    this.owesEverything = false;
    try {
      await this.publisher.publish(this.channel, JSON.stringify({ node: this.nodeId, tags: [], everything: true } satisfies InvalidationMessage));
    } catch (error) {
      this.owesEverything = true;
      this.onError(error);
    }
  }

  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      // The connection dropped again; the next `ready` tries again.
      this.mayHaveMissed = true;
      this.onError(error);
      return;
    }
    if (this.mayHaveMissed && !this.closed) {
      this.mayHaveMissed = false;
      this.deliver([], true);
    }
  }

  private deliver(tags: readonly string[], everything: boolean): void {
    for (const listener of this.listeners) {
      try {
        if (everything) listener(tags, { everything: true });
        else listener(tags);
      } catch (error) {
        // One cache's failure must not keep the others stale.
        this.onError(error);
      }
    }
  }
}
