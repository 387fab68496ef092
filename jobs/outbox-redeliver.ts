/**
 * Redelivery of outbox messages Redis lost (FLUSHALL, a new empty Redis): every durable message
 * is recorded in `outbox_messages` before it is queued and marked delivered before its job
 * completes, so a record still pending long after it was queued, whose job Redis no longer
 * holds, was never sent. Such a message is queued again under the same job id and uuid, while
 * Feishu would still take the uuid as a duplicate of anything it did send; past that window
 * nobody can tell whether it went, so it becomes a dead letter and the 督查室 decides.
 */
import type { RuntimeContext } from '../src/runtime.js';
import {
  findPending,
  pendingIdsBefore,
  settleOutboxMessage,
  type PendingOutboxMessage,
} from '../src/store/outbox-message.repo.js';
import { reportDeadLetter } from './outbox-dead-letter.js';
import {
  addOutboxJob,
  outboxQueueName,
  type OutboxJobData,
  type OutboxMessage,
  type OutboxSettings,
} from './outbox.job.js';

/**
 * How long a pending message may go without a job before it counts as lost, in ms: 2 minutes,
 * far longer than the step from recording a message to queueing it.
 */
export const lostAfterMs = 2 * 60_000;

/**
 * Up to this age (since first enqueued) a lost message is queued again, in ms: 50 minutes, well
 * inside the hour Feishu keeps a uuid, so a message that did go out is not sent twice.
 */
export const resendWithinMs = 50 * 60_000;

/** The dead-letter code of a message lost with Redis too long ago to send again blindly. */
export const lostCode = 'lost';

export interface RedeliveryReport {
  /** Pending records old enough to look at. */
  checked: number;
  requeued: number;
  deadLettered: number;
}

/** One sweep: see the file comment. Safe to run in several processes at once. */
export async function redeliverLost(
  context: RuntimeContext,
  settings: OutboxSettings,
): Promise<RedeliveryReport> {
  const now = context.clock.now();
  const queue = context.queues.queue<OutboxJobData>(outboxQueueName);
  const ids = await pendingIdsBefore(new Date(now.getTime() - lostAfterMs));
  const report: RedeliveryReport = { checked: ids.length, requeued: 0, deadLettered: 0 };

  for (const id of ids) {
    const state = await queue.getJobState(id);
    // A completed job marked its record first; one that is not marked was sent all the same.
    if (state === 'completed') await settleOutboxMessage(id, 'delivered', now);
    // Still queued (waiting, delayed, active), possibly behind a long backlog: leave it.
    if (state !== 'unknown' && state !== 'failed') continue;

    // Read again: the job may have been delivered and removed since the list was read.
    const record = await findPending(id);
    if (!record) continue;
    if (now.getTime() - record.createdAt.getTime() > resendWithinMs) {
      await deadLetterLost(context, settings, record, now);
      report.deadLettered += 1;
      continue;
    }
    // A failed job whose failure was never recorded (it stalled out): replaced by a fresh one.
    if (state === 'failed') await queue.remove(id);
    const data: OutboxJobData = { message: record.message as OutboxMessage, alert: record.alert };
    await addOutboxJob(queue, data, settings, id);
    report.requeued += 1;
  }

  const changed = report.requeued + report.deadLettered > 0;
  context.logger[changed ? 'warn' : 'debug'](report, 'outbox swept for lost messages');
  return report;
}

async function deadLetterLost(
  context: RuntimeContext,
  settings: OutboxSettings,
  record: PendingOutboxMessage,
  now: Date,
): Promise<void> {
  await reportDeadLetter(context, settings, {
    _id: record.id,
    message: record.message,
    error: { code: lostCode, message: 'outbox job lost from Redis before delivery' },
    // Not known: the job and its count of attempts went with Redis.
    attempts: 0,
    failedAt: now,
    alert: record.alert,
  });
}
