import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createQueueFactory, type QueueFactory } from '../../jobs/queue-factory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { closeMongo, connectMongo } from '../../src/store/mongo.js';
import { testMongoUri, testRedisUrl, uniqueName } from './test-env.js';

export interface TestServices {
  /** This file's own database. */
  dbName: string;
  /** This file's Redis key and queue prefix. */
  prefix: string;
  redis: Redis;
  queues: QueueFactory;
}

/**
 * Gives the calling test file its own database and Redis prefix on the real servers, and
 * removes both afterwards, so files run in parallel without seeing each other.
 * The returned object is filled in by `beforeAll`; read it inside tests and hooks.
 */
export function useServices(label: string): TestServices {
  const services = { dbName: uniqueName(label), prefix: uniqueName(label) } as TestServices;

  beforeAll(async () => {
    await connectMongo(testMongoUri, silentLogger(), services.dbName);
    services.redis = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
    services.queues = createQueueFactory(services.redis, services.prefix, silentLogger());
  });

  afterAll(async () => {
    await services.queues?.close();
    await deleteKeys(services.redis, `${services.prefix}:*`);
    await services.redis?.quit();
    await mongoose.connection.db?.dropDatabase();
    await closeMongo();
  });

  return services;
}

/** Deletes every key matching the pattern (SCAN, never KEYS). */
export async function deleteKeys(redis: Redis | undefined, pattern: string): Promise<void> {
  if (!redis) return;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
