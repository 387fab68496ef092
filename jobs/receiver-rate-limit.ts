import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A sliding one-second window per receiver in a Redis sorted set, using the Redis server's
 * clock so several workers on several hosts agree. Answers 0 and records the call when there is
 * room, else the milliseconds until the oldest call leaves the window.
 */
const acquireScript = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local windowMs = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, nowMs - windowMs)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], nowMs, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], windowMs)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + windowMs - nowMs)
`;

export interface ReceiverRateSettings {
  /** Calls allowed per receiver in any one-second window. Default 4 (Feishu allows 5). */
  perSecond?: number;
}

/**
 * Keeps calls to one user, one chat or one message under Feishu's 5 per second, across every
 * worker. A call that finds no room waits (its job is delayed) instead of failing with 230020.
 */
export class ReceiverRateLimit {
  private readonly perSecond: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    settings: ReceiverRateSettings = {},
  ) {
    // One below Feishu's 5/s: the limit is shared with every other bot in a chat.
    this.perSecond = settings.perSecond ?? 4;
  }

  /** 0 when the call may go now (and is counted), else how long to wait in ms. */
  async acquire(receiverKey: string): Promise<number> {
    const key = `${this.prefix}:outbox:receiver:${receiverKey}`;
    const wait = await this.redis.eval(acquireScript, 1, key, 1000, this.perSecond, randomUUID());

    return Number(wait);
  }
}
