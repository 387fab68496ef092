/**
 * What the queues write to the log while Redis is down: one line per queue and kind of
 * error, not one per reconnect attempt. A private redis-server, so stopping it touches no
 * other test file.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueueFactory, type QueueFactory } from '../../../jobs/queue-factory.js';
import { createRedis } from '../../../src/store/redis.js';
import { pollUntil } from '../../support/poll.js';
import { freePort, PrivateRedis } from '../../support/private-redis.js';
import type { Redis } from 'ioredis';

const names = ['outbox', 'reminders', 'digest'];
const lines: Array<{ msg: string; queue?: string; err?: string }> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
    done();
  },
});
let redisServer: PrivateRedis;
let redis: Redis;
let queues: QueueFactory;
let reconnects = 0;

beforeAll(async () => {
  redisServer = new PrivateRedis(await freePort());
  await redisServer.start();
  const logger = pino({ level: 'info' }, sink);
  redis = createRedis(redisServer.url, logger, 'bullmq');
  redis.on('reconnecting', () => (reconnects += 1));
  queues = createQueueFactory(redis, 'qerr', logger);
  for (const name of names) {
    queues.queue(name);
    queues.worker(name, async () => undefined);
  }
  await pollUntil(
    async () => redis.status,
    (status) => status === 'ready',
  );
});

afterAll(async () => {
  await redisServer.start();
  await queues.close();
  await redis.quit();
  await redisServer.stop();
});

describe('while Redis is down', () => {
  it('logs each queue and worker error once, however often the connection retries', async () => {
    await redisServer.stop();
    await pollUntil(
      async () => reconnects,
      (count) => count >= 5,
      15_000,
    );

    const errors = lines.filter((line) => line.msg === 'queue' || line.msg === 'worker');
    expect(errors.length).toBeGreaterThan(0);
    const perSource = new Map<string, number>();
    for (const line of errors) {
      const key = `${line.msg}:${line.queue}:${line.err}`;
      perSource.set(key, (perSource.get(key) ?? 0) + 1);
    }
    expect([...perSource.values()].every((count) => count === 1)).toBe(true);
    expect(lines.filter((line) => line.msg === 'redis unavailable')).toHaveLength(1);
  }, 30_000);
});
