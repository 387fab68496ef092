// Answers whether MongoDB and Redis respond at the given URLs.
// Usage: node scripts/ping-services.mjs mongo <uri> | redis <url>; exit 0 when it answers.
import { MongoClient } from 'mongodb';
import { Redis } from 'ioredis';

const [kind, url] = process.argv.slice(2);

async function pingMongo(uri) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1500 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function pingRedis(uri) {
  const redis = new Redis(uri, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } finally {
    redis.disconnect();
  }
}

const ping = kind === 'mongo' ? pingMongo : pingRedis;
ping(url).then(
  (up) => process.exit(up ? 0 : 1),
  () => process.exit(1),
);
