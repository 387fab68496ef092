import mongoose from 'mongoose';
import type { Logger } from '../logging/logger.js';
import { settleWithin } from '../util/timeout.js';

/** Options shared by every connection; short timeouts so readiness answers quickly. */
const connectOptions = {
  serverSelectionTimeoutMS: 5_000,
  connectTimeoutMS: 5_000,
  autoIndex: false,
  autoCreate: true,
} satisfies mongoose.ConnectOptions;

/**
 * Connects the process-wide mongoose connection and builds every model's indexes.
 * `dbName` overrides the database in the URI (tests give each file its own).
 */
export async function connectMongo(
  uri: string,
  logger: Logger,
  dbName?: string,
): Promise<mongoose.Connection> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(uri, dbName ? { ...connectOptions, dbName } : connectOptions);
  await syncIndexes(logger);
  logger.info({ db: mongoose.connection.name }, 'mongodb connected');

  return mongoose.connection;
}

/** Creates the indexes each model declares. Existing indexes are kept. */
export async function syncIndexes(logger: Logger): Promise<void> {
  for (const model of Object.values(mongoose.connection.models)) {
    await model.createIndexes();
    logger.debug({ model: model.modelName }, 'indexes ensured');
  }
}

/** True when the server answers a ping within the given time. */
export async function pingMongo(timeoutMs: number): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;

  return settleWithin(
    db
      .admin()
      .ping()
      .then(() => true),
    timeoutMs,
    false,
  );
}

export async function closeMongo(): Promise<void> {
  await mongoose.disconnect();
}
