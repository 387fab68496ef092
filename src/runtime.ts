import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { createQueueFactory, type QueueFactory } from '../jobs/queue-factory.js';
import { systemClock, type Clock } from './clock.js';
import type { AppRole, Env } from './config/env.js';
import { createApp } from './http/app.js';
import { createHttpMetrics } from './http/metrics.js';
import { loadDirectoryFile } from './config/directory-file.js';
import { loadPolicyFile } from './config/policy-file.js';
import { createChineseCalendar, type WorkingCalendar } from './domain/calendar.js';
import type { Policy } from './domain/policy.js';
import { DirectoryService } from './store/directory.service.js';
import type { Logger } from './logging/logger.js';
import { closeMongo, connectMongo, pingMongo } from './store/mongo.js';
import { createFastFailRedis, createRedis, pingRedis } from './store/redis.js';

/** How long a readiness probe waits for each dependency. */
const readinessTimeoutMs = 1_000;

/** Everything a feature needs, made once by the composition root. */
export interface RuntimeContext {
  env: Env;
  logger: Logger;
  clock: Clock;
  /** BullMQ connection (blocking-safe, retries forever). */
  redis: Redis;
  /** Fails fast while Redis is down: readiness and request-time keys. */
  fastRedis: Redis;
  queues: QueueFactory;
  /** The office's rules (POLICY_FILE), fixed for the life of the process. */
  policy: Policy;
  /** The working-day calendar, with the policy's extra holidays and make-up days. */
  calendar: WorkingCalendar;
  /** The directory in force (DIRECTORY_FILE, snapshotted in MongoDB, reloadable). */
  directory: DirectoryService;
}

export interface Runtime {
  context: RuntimeContext;
  /** The listening HTTP server (web and all roles). */
  server?: Server;
  /** Bound port: useful when PORT is 0 in tests. */
  port?: number;
  /** Stops accepting, finishes in-flight requests and jobs, closes MongoDB and Redis. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  role: AppRole;
  clock?: Clock;
  /** Overrides the database named in MONGODB_URI (tests). */
  dbName?: string;
  /** Routers mounted in addition to the features' own (tests, tools). */
  extraRouters?: Array<{ path: string; router: Router }>;
}

/** Starts the process's role: connects stores, serves HTTP, runs workers. */
export async function startRuntime(
  env: Env,
  logger: Logger,
  options: RuntimeOptions,
): Promise<Runtime> {
  // Bad rules stop the start before anything connects.
  const policy = loadPolicyFile(env.POLICY_FILE);
  loadDirectoryFile(env.DIRECTORY_FILE);
  const clock = options.clock ?? systemClock;

  await connectMongo(env.MONGODB_URI, logger, options.dbName);
  const directory = new DirectoryService(env.DIRECTORY_FILE, logger, clock);
  await directory.load();
  const redis = createRedis(env.REDIS_URL, logger, 'bullmq');
  const fastRedis = createFastFailRedis(env.REDIS_URL, logger, 'requests');
  const queues = createQueueFactory(redis, env.QUEUE_PREFIX, logger);
  const context: RuntimeContext = {
    env,
    logger,
    clock,
    redis,
    fastRedis,
    queues,
    policy,
    calendar: createChineseCalendar(policy.calendar),
    directory,
  };

  const server = options.role === 'worker' ? undefined : await listen(context, options);
  const port = server ? (server.address() as AddressInfo).port : undefined;
  logger.info({ role: options.role, port }, 'started');

  return {
    context,
    server,
    port,
    stop: () => stopRuntime(context, server),
  };
}

async function listen(context: RuntimeContext, options: RuntimeOptions): Promise<Server> {
  const metrics = createHttpMetrics();
  const app = createApp({
    logger: context.logger,
    metrics,
    production: context.env.NODE_ENV === 'production',
    routers: [...(options.extraRouters ?? [])],
    readiness: [
      { name: 'mongodb', isUp: () => pingMongo(readinessTimeoutMs) },
      { name: 'redis', isUp: () => pingRedis(context.fastRedis, readinessTimeoutMs) },
    ],
  });

  return new Promise((resolve, reject) => {
    const server = app.listen(context.env.PORT, (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
  });
}

async function stopRuntime(context: RuntimeContext, server: Server | undefined): Promise<void> {
  // Stop accepting; in-flight requests finish; idle keep-alive sockets close now.
  if (server) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
  }

  await context.queues.close();
  await Promise.all([context.redis.quit(), context.fastRedis.quit()].map(quietly));
  await closeMongo();
  context.logger.info('stopped');
}

/** Closing a connection that is already down must not fail the shutdown. */
function quietly(promise: Promise<unknown>): Promise<void> {
  return promise.then(
    () => undefined,
    () => undefined,
  );
}
