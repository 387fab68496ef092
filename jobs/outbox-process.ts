import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import {
  FeishuError,
  FeishuPermanentError,
  FeishuRateLimitError,
  FeishuRetryableError,
} from '../src/feishu/errors.js';
import type { Logger } from '../src/logging/logger.js';
import type { RuntimeContext } from '../src/runtime.js';
import { settleOutboxMessage } from '../src/store/outbox-message.repo.js';
import { deadLetter } from './outbox-dead-letter.js';
import { deliver } from './outbox-deliver.js';
import {
  isDurable,
  latestPatchKey,
  type OutboxJobData,
  type OutboxMessage,
  type OutboxSettings,
} from './outbox.job.js';
import type { ReceiverRateLimit } from './receiver-rate-limit.js';

export interface OutboxWorkerDeps {
  context: RuntimeContext;
  settings: OutboxSettings;
  receivers: ReceiverRateLimit;
  queue: Queue<OutboxJobData>;
}

/**
 * One outbox job: wait for room at the receiver, skip a patch that a newer one superseded,
 * deliver, and on failure decide its fate by the error's class: the app-wide limit pauses the
 * whole queue, a permanent error or the last attempt becomes a dead letter, anything else is
 * retried with backoff.
 */
export async function processOutboxJob(
  deps: OutboxWorkerDeps,
  job: Job<OutboxJobData>,
  token: string | undefined,
): Promise<unknown> {
  const { message } = job.data;
  const log = deps.context.logger.child({ jobId: job.id, kind: message.kind });

  const receiver = receiverKey(message);
  const waitMs = receiver ? await deps.receivers.acquire(receiver) : 0;
  if (waitMs > 0) {
    log.debug({ waitMs }, 'receiver busy; outbox job delayed');
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }
  if (await isSuperseded(deps, job)) {
    log.debug('patch superseded by a newer one; skipped');
    return { skipped: 'superseded' };
  }

  try {
    const delivered = await deliver(deps, job, log);
    // Before the job completes (and may be removed): a record still pending means not sent.
    const at = deps.context.clock.now();
    if (isDurable(message)) await settleOutboxMessage(String(job.id), 'delivered', at);
    return delivered;
  } catch (error) {
    return failed(deps, job, classify(error), log);
  }
}

/** Who a call counts against for Feishu's 5/s: the person or chat, or the patched message. */
function receiverKey(message: OutboxMessage): string | null {
  switch (message.kind) {
    case 'send':
    case 'text':
    case 'file':
      return `${message.to.type}.${message.to.id}`;
    case 'reply':
    case 'patch':
      return `message.${message.messageId}`;
    default:
      return null;
  }
}

async function isSuperseded(deps: OutboxWorkerDeps, job: Job<OutboxJobData>): Promise<boolean> {
  const { message } = job.data;
  if (message.kind !== 'patch') return false;
  const { prefix, connection } = deps.context.queues;
  const latest = await connection.get(latestPatchKey(prefix, message.messageId));

  return latest !== null && latest !== job.id;
}

/** Errors from our own code (a store write) are retried like a network failure. */
function classify(error: unknown): FeishuError {
  if (error instanceof FeishuError) return error;

  return new FeishuRetryableError((error as Error)?.message ?? String(error), 'internal');
}

async function failed(
  deps: OutboxWorkerDeps,
  job: Job<OutboxJobData>,
  error: FeishuError,
  log: Logger,
): Promise<never> {
  if (error instanceof FeishuRateLimitError) {
    // The whole app is over its limit: every worker waits, and this try does not count.
    const waitMs = error.retryAfterMs ?? 1_000;
    log.warn({ waitMs, code: error.code }, 'feishu rate limit; outbox paused');
    await deps.queue.rateLimit(waitMs);
    throw Worker.RateLimitError();
  }

  const permanent = error instanceof FeishuPermanentError;
  const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  log.warn({ code: error.code, attempt: job.attemptsMade + 1, last }, 'outbox call failed');
  if (last) await deadLetter(deps.context, deps.settings, job, error);

  throw permanent ? new UnrecoverableError(error.message) : error;
}
