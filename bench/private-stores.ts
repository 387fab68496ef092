/**
 * The stores a queue benchmark runs on: a redis-server of its own (so FLUSHALL and memory
 * figures touch nothing else), a queue factory on it, and a fresh database on the
 * MongoDB-compatible store. `close` removes the database and stops the server.
 */
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { createQueueFactory, type QueueFactory } from '../jobs/queue-factory.js';
import { silentLogger } from '../src/logging/logger.js';
import { connectMongo } from '../src/store/mongo.js';
import { freePort, PrivateRedis } from '../test/support/private-redis.js';
import { testMongoUri, uniqueName } from '../test/support/test-env.js';

export interface PrivateStores {
  redis: Redis;
  queues: QueueFactory;
  close(): Promise<void>;
}

/** Starts the stores; `label` names the database (`<label>_<random>`). */
export async function openPrivateStores(label: string): Promise<PrivateStores> {
  const server = new PrivateRedis(await freePort());
  await server.start();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  const queues = createQueueFactory(redis, 'bench', silentLogger());
  await connectMongo(testMongoUri, silentLogger(), uniqueName(label));

  const close = async () => {
    await queues.close();
    await mongoose.connection.db?.dropDatabase();
    await mongoose.disconnect();
    await redis.quit();
    await server.stop();
  };

  return { redis, queues, close };
}
