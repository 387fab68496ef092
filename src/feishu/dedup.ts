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

  /**
   * True for the first claim of `key`; false for every later one, concurrent or not. Throws
   * when MongoDB could not record it; the Redis half is given back first, so Feishu's
   * redelivery (or the person's second click) can claim it again instead of being taken for
   * a duplicate of something that never happened.
   */
  async claim(key: string): Promise<boolean> {
    const fresh = await this.claimInRedis(key);
    if (fresh === false) return false;

    try {
      return await recordProcessed(key, this.clock.now());
    } catch (error) {
      if (fresh) await this.releaseInRedis(key);
      throw error;
    }
  }

  private redisKey(key: string): string {
    return `${this.prefix}:feishu:seen:${key}`;
  }

  /** Forgets a claim whose recording failed; a Redis that does not answer keeps it 8 hours. */
  private async releaseInRedis(key: string): Promise<void> {
    try {
      await this.redis.del(this.redisKey(key));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, key }, 'dedup claim not released');
    }
  }

  /** true: new; false: seen; null: Redis did not answer (MongoDB decides alone). */
  private async claimInRedis(key: string): Promise<boolean | null> {
    try {
      const answer = await this.redis.set(this.redisKey(key), '1', 'EX', dedupTtlSeconds, 'NX');
      return answer === 'OK';
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, key }, 'dedup falls back to MongoDB');
      return null;
    }
  }
}
