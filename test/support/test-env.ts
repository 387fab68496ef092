import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadEnv, type Env } from '../../src/config/env.js';

/** The project's root directory. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** MongoDB and Redis the tests use: the environment's, else the local services' defaults. */
export const testMongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/dubanzhushou';
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A name unique to this run, for a database or a Redis prefix: `t_<label>_<random>`. */
export function uniqueName(label: string): string {
  const clean = label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);

  return `t_${clean}_${randomBytes(4).toString('hex')}`;
}

/** Settings that pass validation, as `.env.example` gives them, with overrides. */
export function testEnvSource(overrides: Record<string, string | undefined> = {}) {
  return {
    NODE_ENV: 'test',
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
    FEISHU_APP_SECRET: 'test-app-secret',
    FEISHU_VERIFICATION_TOKEN: 'test-verification-token',
    FEISHU_ENCRYPT_KEY: 'test-encrypt-key',
    FEISHU_BASE_URL: 'http://feishu.test',
    MONGODB_URI: testMongoUri,
    REDIS_URL: testRedisUrl,
    PORT: '0',
    DIRECTORY_FILE: `${projectRoot}config/directory.example.yaml`,
    POLICY_FILE: `${projectRoot}config/policy.example.yaml`,
    ADMIN_TOKEN: 'test-admin-token-0123456789',
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return loadEnv(testEnvSource(overrides));
}

/** Drops a database a spawned process used (the in-process harness drops its own). */
export async function dropDatabase(name: string): Promise<void> {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(testMongoUri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

/** The test MongoDB URI with its database replaced by `name` (options kept). */
export function mongoUriFor(name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(testMongoUri);
  if (!match) throw new Error(`cannot parse MONGODB_URI ${testMongoUri}`);

  return `${match[1]}/${name}${match[2] ?? ''}`;
}
