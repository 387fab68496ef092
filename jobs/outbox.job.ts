import { createHash } from 'node:crypto';
import type { Job, Queue, Worker } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { UrgentKind } from '../src/domain/policy.js';
import type { Outbound, Outbox } from '../src/feishu/outbound.js';
import type { RuntimeContext } from '../src/runtime.js';
import { recordOutboxMessage } from '../src/store/outbox-message.repo.js';
import { processOutboxJob, type OutboxWorkerDeps } from './outbox-process.js';
import type { QueueFactory } from './queue-factory.js';
import { ReceiverRateLimit } from './receiver-rate-limit.js';

/** The one queue every outbound Feishu call goes through. */
export const outboxQueueName = 'outbox';

/** An urgent push (加急) on a sent message; queued by the send, one job per kind. */
export interface UrgentPush {
  kind: 'urgent';
  messageId: string;
  urgentKind: UrgentKind;
  openIds: string[];
}

export type OutboxMessage = Outbound | UrgentPush;

/** An outbox job: the message itself (a send cannot be reloaded from anywhere else). */
export interface OutboxJobData {
  message: OutboxMessage;
  /** A dead-letter alert: its own failure is recorded but raises no further alert. */
  alert?: boolean;
}

/** Retry settings; the defaults suit production, tests shorten the delays. */
export interface OutboxSettings {
  /** Tries per message before it becomes a dead letter. Default 8. */
  attempts: number;
  /** First retry delay in ms, doubled each time (unless Feishu says how long). Default 2 000. */
  baseDelayMs: number;
  /** Longest retry delay in ms. Default 300 000. */
  maxDelayMs: number;
}

export const defaultOutboxSettings: OutboxSettings = {
  attempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 300_000,
};

/**
 * App-wide pace: at most 15 calls a second. Feishu allows 50/s and 1 000/min per app; 15/s
 * stays under both even at the edges of BullMQ's fixed windows (2 × 15 < 50 in any second,
 * 60 × 15 = 900 < 1 000 in any minute).
 */
export const outboxLimiter = { max: 15, duration: 1_000 };

/** How long the "latest patch of a message" marker lives, in seconds. */
const latestPatchTtlSeconds = 24 * 3600;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/**
 * The job id, derived from what the message is, so queueing it twice queues it once: the uuid
 * for anything sent, the message and card for a patch (identical patches collapse).
 */
export function outboxJobId(message: OutboxMessage): string {
  switch (message.kind) {
    case 'send':
    case 'text':
    case 'reply':
    case 'file':
      return `msg.${digest(message.uuid)}`;
    case 'patch':
      return `patch.${message.messageId}.${digest(JSON.stringify(message.card))}`;
    case 'delayedUpdate':
      return `update.${digest(message.token + JSON.stringify(message.card))}`;
    case 'urgent':
      return `urgent.${message.messageId}.${message.urgentKind}`;
  }
}

/** What enqueueing needs: the queues, and the clock that dates each message's record. */
export interface OutboxStores {
  queues: QueueFactory;
  clock: Clock;
}

/**
 * Whether a message is recorded in `outbox_messages` before it is queued, so that losing Redis
 * loses none: everything sent (cards, texts, replies, files) and urgent pushes.
 *
 * Limitation: patches and delayed card updates are not recorded. One that Redis loses leaves a
 * card showing an earlier state until the next change patches it or 查看 shows it fresh; a
 * delayed update's click token expires within 30 minutes anyway.
 */
export function isDurable(message: OutboxMessage): boolean {
  return message.kind !== 'patch' && message.kind !== 'delayedUpdate';
}

/**
 * The Outbox features use: `enqueue` queues one message. Never sends directly; the worker
 * (`startOutboxWorker`) sends under Feishu's limits.
 */
export function createOutbox(
  stores: OutboxStores,
  settings: OutboxSettings = defaultOutboxSettings,
): Outbox {
  return {
    enqueue: (message, options) =>
      enqueueOutboxJob(stores, { message }, settings, options?.jobId ?? outboxJobId(message)),
  };
}

/**
 * Queues one outbox job. A durable message is recorded in MongoDB first (the redelivery sweep
 * queues it again if Redis loses it); one already delivered, or dead-lettered, is not queued
 * again. A patch also becomes its message's latest, so an older patch still queued is skipped;
 * an identical patch whose job already finished is queued again, because the card may have
 * changed in between.
 */
export async function enqueueOutboxJob(
  stores: OutboxStores,
  data: OutboxJobData,
  settings: OutboxSettings = defaultOutboxSettings,
  jobId = outboxJobId(data.message),
): Promise<void> {
  const { queues, clock } = stores;
  const queue = queues.queue<OutboxJobData>(outboxQueueName);
  const { message } = data;
  if (message.kind === 'patch') {
    await removeIfFinished(queue, jobId);
    const marker = latestPatchKey(queues.prefix, message.messageId);
    await queues.connection.set(marker, jobId, 'EX', latestPatchTtlSeconds);
  }
  if (isDurable(message)) {
    const record = { id: jobId, message, alert: data.alert ?? false };
    const found = await recordOutboxMessage(record, clock.now());
    if (found === 'delivered' || found === 'dead') return;
  }

  await addOutboxJob(queue, data, settings, jobId);
}

/** Adds the BullMQ job; a job already holding this id is left as it is. */
export async function addOutboxJob(
  queue: Queue<OutboxJobData>,
  data: OutboxJobData,
  settings: OutboxSettings,
  jobId: string,
): Promise<void> {
  await queue.add(data.message.kind, data, {
    jobId,
    attempts: settings.attempts,
    backoff: { type: 'outbox', delay: settings.baseDelayMs },
  });
}

/** The Redis key naming the newest patch queued for a message. */
export function latestPatchKey(prefix: string, messageId: string): string {
  return `${prefix}:outbox:latest-patch:${messageId}`;
}

async function removeIfFinished(queue: Queue<OutboxJobData>, jobId: string): Promise<void> {
  const existing = await queue.getJob(jobId);
  if (!existing) return;
  const state = await existing.getState();
  if (state === 'completed' || state === 'failed') await existing.remove();
}

/**
 * Starts the outbox worker: sends under the app-wide and per-receiver limits, retries with
 * backoff, and turns a final failure into a dead letter and an alert to the 督查室.
 */
export function startOutboxWorker(
  context: RuntimeContext,
  settings: OutboxSettings = defaultOutboxSettings,
): Worker<OutboxJobData> {
  const deps: OutboxWorkerDeps = {
    context,
    settings,
    receivers: new ReceiverRateLimit(context.queues.connection, context.queues.prefix),
    queue: context.queues.queue<OutboxJobData>(outboxQueueName),
  };

  return context.queues.worker<OutboxJobData>(
    outboxQueueName,
    (job: Job<OutboxJobData>, token?: string) => processOutboxJob(deps, job, token),
    {
      concurrency: 10,
      limiter: outboxLimiter,
      settings: {
        backoffStrategy: (attemptsMade, _type, error) =>
          retryDelayMs(settings, attemptsMade, error),
      },
    },
  );
}

/** Feishu's own wait when it named one, else exponential from `baseDelayMs`, capped. */
export function retryDelayMs(
  settings: OutboxSettings,
  attemptsMade: number,
  error?: Error,
): number {
  const told = (error as { retryAfterMs?: number } | undefined)?.retryAfterMs;
  if (told !== undefined && told > 0) return told;

  return Math.min(settings.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1), settings.maxDelayMs);
}
