import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { settleWithin } from '../util/timeout.js';

/**
 * A Redis connection fit for BullMQ: `maxRetriesPerRequest: null` so blocking commands wait
 * for a reconnect instead of failing. Reconnects forever with a capped backoff.
 */
export function createRedis(url: string, logger: Logger, name: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let reported = false;
  redis.on('error', (error) => {
    // One line per outage, not one per reconnect attempt.
    if (!reported) logger.error({ err: error.message, connection: name }, 'redis unavailable');
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) logger.info({ connection: name }, 'redis reconnected');
    reported = false;
  });

  return redis;
}

/**
 * A connection for request/response commands (readiness, dedup keys) that fails fast while
 * Redis is down instead of queueing commands.
 */
export function createFastFailRedis(url: string, logger: Logger, name: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectionName: name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 1_000),
  });
  redis.on('error', (error) => logger.debug({ err: error.message, connection: name }, 'redis'));

  return redis;
}

/** True when Redis answers PING within the given time. */
export async function pingRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  const ping = redis.ping().then((answer) => answer === 'PONG');

  return settleWithin(ping, timeoutMs, false);
}
