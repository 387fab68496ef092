import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { Logger } from '../logging/logger.js';
import { recordProcessed } from '../store/processed-event.repo.js';

/**
 * How long a Redis claim lives, in seconds: 8 hours, longer than Feishu's redelivery window
 * (retries after about 15 s, 5 min, 1 h and 6 h).
 */
export const dedupTtlSeconds = 8 * 3600;

/**
 * Claims each delivery key (`event:<event_id>`, `message:<message_id>`) once, before any effect.
 * Redis `SET NX EX` answers concurrent deliveries quickly; the unique `_id` of
 * `processed_events` makes the claim durable, so it holds even after Redis lost its keys or
 * while Redis is down.
 */
export class EventDeduplicator {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /** True for the first claim of `key`; false for every later one, concurrent or not. */
  async claim(key: string): Promise<boolean> {
    const fresh = await this.claimInRedis(key);
    if (fresh === false) return false;

    return recordProcessed(key, this.clock.now());
  }

  /** true: new; false: seen; null: Redis did not answer (MongoDB decides alone). */
  private async claimInRedis(key: string): Promise<boolean | null> {
    try {
      const answer = await this.redis.set(
        `${this.prefix}:feishu:seen:${key}`,
        '1',
        'EX',
        dedupTtlSeconds,
        'NX',
      );
      return answer === 'OK';
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, key }, 'dedup falls back to MongoDB');
      return null;
    }
  }
}
