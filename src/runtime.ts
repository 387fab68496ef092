import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { createOutbox, defaultOutboxSettings, type OutboxSettings } from '../jobs/outbox.job.js';
import { createQueueFactory, type QueueFactory } from '../jobs/queue-factory.js';
import { startWorkers, type RunningWorkers } from '../jobs/workers.js';
import { AssignmentEventBus } from './app/assignment-events.js';
import { registerFeatures } from './app/features.js';
import { workingCalendarFor } from './app/working-calendar.js';
import { systemClock, type Clock } from './clock.js';
import type { AppRole, Env } from './config/env.js';
import { createApp } from './http/app.js';
import { createHttpMetrics } from './http/metrics.js';
import { loadDirectoryFile } from './config/directory-file.js';
import { loadPolicyFile } from './config/policy-file.js';
import type { WorkingCalendar } from './domain/calendar.js';
import type { Policy } from './domain/policy.js';
import { FeishuClient } from './feishu/client.js';
import { startFeishuEdge, type FeishuEdge } from './feishu/edge.js';
import type { EventHandlers } from './feishu/handlers.js';
import type { Outbox } from './feishu/outbound.js';
import { DirectoryService } from './store/directory.service.js';
import { createReportLinks, type ReportLinks } from './reports/signed-links.js';
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
  /** The Feishu Open API. Features send through `outbox`; direct calls are for the outbox worker. */
  feishu: FeishuClient;
  /** The one way out to Feishu: rate-limited, retried, deduplicated by uuid. */
  outbox: Outbox;
  /** What Feishu events reach: card actions by `a`, the message handler (src/app/features.ts). */
  handlers: EventHandlers;
  /** Listeners per applied audit event (src/app/assignment-events.ts). */
  events: AssignmentEventBus;
  /** Routers features add (web role), each mounted at its own path. */
  routers: Array<{ path: string; router: Router }>;
  /** Signed, expiring links to the printable notice and score reports. */
  links: ReportLinks;
}

export interface Runtime {
  context: RuntimeContext;
  /** The Feishu dispatcher and its transport (web and all roles). */
  edge?: FeishuEdge;
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
  /** Outbox retry settings; tests shorten the delays. Default `defaultOutboxSettings`. */
  outbox?: Partial<OutboxSettings>;
  /** How long a Feishu handler may run before the answer goes without it, in ms. Default 2 500. */
  answerWithinMs?: number;
  /**
   * The address the HTTP server listens on. Default: every interface, as a deployment behind a
   * proxy or in a container needs; the sandbox keeps to 127.0.0.1.
   */
  host?: string;
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
  const outboxSettings = { ...defaultOutboxSettings, ...options.outbox };
  const context: RuntimeContext = {
    env,
    logger,
    clock,
    redis,
    fastRedis,
    queues,
    policy,
    calendar: workingCalendarFor(policy, logger),
    directory,
    feishu: new FeishuClient({
      appId: env.FEISHU_APP_ID,
      appSecret: env.FEISHU_APP_SECRET,
      baseUrl: env.FEISHU_BASE_URL,
      logger,
    }),
    outbox: createOutbox({ queues, clock }, outboxSettings),
    handlers: { cardActions: new Map() },
    events: new AssignmentEventBus(logger),
    routers: [],
    links: createReportLinks(env),
  };
  registerFeatures(context);

  // Workers first: once /readyz answers, the whole process is up.
  const workers =
    options.role !== 'web' ? await startWorkers(context, { outbox: outboxSettings }) : undefined;
  const serves = options.role !== 'worker';
  const edge = serves ? startFeishuEdge(context, options) : undefined;
  const server = serves ? await listen(context, options, edge) : undefined;
  const port = server ? (server.address() as AddressInfo).port : undefined;
  logger.info({ role: options.role, port, eventMode: env.FEISHU_EVENT_MODE }, 'started');

  return {
    context,
    edge,
    server,
    port,
    stop: () => stopRuntime(context, server, edge, workers),
  };
}

async function listen(
  context: RuntimeContext,
  options: RuntimeOptions,
  edge: FeishuEdge | undefined,
): Promise<Server> {
  const metrics = createHttpMetrics();
  const feishuRoutes = edge?.router ? [{ path: '/feishu', router: edge.router }] : [];
  const app = createApp({
    logger: context.logger,
    metrics,
    production: context.env.NODE_ENV === 'production',
    routers: [...feishuRoutes, ...context.routers, ...(options.extraRouters ?? [])],
    readiness: [
      { name: 'mongodb', isUp: () => pingMongo(readinessTimeoutMs) },
      { name: 'redis', isUp: () => pingRedis(context.fastRedis, readinessTimeoutMs) },
    ],
  });

  return new Promise((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve(server));
    const { PORT } = context.env;
    const server = options.host ? app.listen(PORT, options.host, done) : app.listen(PORT, done);
  });
}

async function stopRuntime(
  context: RuntimeContext,
  server: Server | undefined,
  edge: FeishuEdge | undefined,
  workers: RunningWorkers | undefined,
): Promise<void> {
  // Stop accepting; in-flight requests finish; idle keep-alive sockets close now.
  edge?.stop();
  if (server) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
  }

  workers?.stop();
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
