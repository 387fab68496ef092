/**
 * Turns reminder plans into delayed BullMQ jobs. A job's id is its reminder's key, so adding
 * it twice keeps one job; each assignment's job ids are also kept in a Redis set, so a change
 * (extension, acknowledgement, completion, withdrawal) removes the jobs it made obsolete.
 * Redis holds only a copy: the reconciler rebuilds both from MongoDB.
 */
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../src/clock.js';
import type { Assignment } from '../src/domain/assignment.js';
import type { WorkingCalendar } from '../src/domain/calendar.js';
import type { Policy } from '../src/domain/policy.js';
import { parseReminderKey, planReminders } from '../src/domain/reminder-plan.js';
import type { Logger } from '../src/logging/logger.js';
import { sentAmong } from '../src/store/reminder-sent.repo.js';
import type { QueueFactory } from './queue-factory.js';
import { reminderJobId, reminderQueue, type ReminderJobData } from './reminder.job.js';

export interface ReminderSchedulerDeps {
  queues: QueueFactory;
  clock: Clock;
  policy: Policy;
  calendar: WorkingCalendar;
  logger: Logger;
}

/** Jobs added per round trip. */
const batchSize = 1_000;

export class ReminderScheduler {
  readonly queue: Queue<ReminderJobData>;
  private readonly redis: Redis;

  constructor(private readonly deps: ReminderSchedulerDeps) {
    this.queue = reminderQueue(deps.queues);
    this.redis = deps.queues.connection;
  }

  /**
   * The reminders `assignment` should have in Redis now: planned and not yet sent, less a
   * daily overdue repeat the first overdue notice covers. Sent ones can only be among those
   * already due, so only those are looked up.
   */
  async wanted(assignments: Assignment[], now: Date): Promise<ReminderJobData[]> {
    const { policy, calendar } = this.deps;
    const planned = assignments.flatMap((a) =>
      planReminders(a, policy, calendar, now).map((r) => ({
        assignmentId: a.id,
        kind: r.kind,
        dueAt: r.dueAt.getTime(),
      })),
    );
    const due = planned.filter((job) => job.dueAt <= now.getTime()).map(reminderJobId);
    const sent = await sentAmong(due);

    return planned.filter(
      (job) => !sent.has(reminderJobId(job)) && !coveredByFirstNotice(job, planned, sent, now),
    );
  }

  /** Makes Redis hold exactly the assignment's wanted reminders; idempotent. */
  async sync(assignment: Assignment): Promise<{ added: number; removed: number }> {
    const now = this.deps.clock.now();
    const wanted = await this.wanted([assignment], now);
    const wantedIds = new Set(wanted.map(reminderJobId));
    const held = await this.redis.smembers(this.indexKey(assignment.id));

    const obsolete = held.filter((id) => !wantedIds.has(id));
    const removed = await this.remove(obsolete);
    await this.add(wanted, now);

    if (removed > 0)
      this.deps.logger.debug({ assignmentId: assignment.id, removed }, 'reminders moved');
    return { added: wanted.length, removed };
  }

  /**
   * Adds reminder jobs, delayed until their due time by the clock; a job whose id exists is
   * left as it is. Records each in its assignment's set.
   */
  async add(jobs: ReminderJobData[], now: Date): Promise<void> {
    for (let start = 0; start < jobs.length; start += batchSize) {
      const batch = jobs.slice(start, start + batchSize);
      const index = this.redis.pipeline();
      for (const job of batch) index.sadd(this.indexKey(job.assignmentId), reminderJobId(job));
      await index.exec();
      await this.queue.addBulk(
        batch.map((data) => ({ name: data.kind, data, opts: this.optionsFor(data, now) })),
      );
    }
  }

  /** Removes jobs by id, and from their assignments' sets. A running job is left to finish. */
  async remove(ids: string[]): Promise<number> {
    let removed = 0;
    for (const id of ids) removed += await this.queue.remove(id);

    const index = this.redis.pipeline();
    for (const id of ids) {
      const assignmentId = parseReminderKey(id)?.assignmentId;
      if (assignmentId) index.srem(this.indexKey(assignmentId), id);
    }
    if (ids.length > 0) await index.exec();
    return removed;
  }

  /**
   * Promotes delayed reminders whose due time has come by the clock, which may run ahead of
   * real time (the sandbox) or stand still (tests): their BullMQ delay was computed from the
   * clock when they were added. Returns how many were promoted.
   *
   * Limitation: reads every delayed reminder job to compare due times; meant for tests and the
   * sandbox's clock control, not for a production queue of a hundred thousand jobs.
   */
  async promoteDueReminders(now: Date): Promise<number> {
    const delayed = await this.queue.getDelayed(0, -1);
    const due = delayed.filter(
      (job) => Math.max(job.data.dueAt, job.data.notBefore ?? 0) <= now.getTime(),
    );
    let promoted = 0;
    for (const job of due) {
      // A job another process has just started or removed is no longer delayed: skip it.
      const moved = await job.promote().then(
        () => true,
        (error: Error) =>
          this.deps.logger.debug({ jobId: job.id, err: error.message }, 'not promoted'),
      );
      if (moved) promoted += 1;
    }

    if (promoted > 0) this.deps.logger.debug({ promoted }, 'due reminders promoted');
    return promoted;
  }

  /** The Redis set of an assignment's reminder job ids. */
  indexKey(assignmentId: string): string {
    return `${this.deps.queues.prefix}:reminder-index:${assignmentId}`;
  }

  private optionsFor(data: ReminderJobData, now: Date): JobsOptions {
    return { jobId: reminderJobId(data), delay: Math.max(0, data.dueAt - now.getTime()) };
  }
}

/**
 * True for a daily overdue repeat due before the first overdue notice went, or while that
 * notice is still owed (it goes now): after downtime, or a return from review past the
 * deadline, the enterprise then gets the overdue card once that morning, not twice.
 */
function coveredByFirstNotice(
  job: ReminderJobData,
  planned: ReminderJobData[],
  sent: Map<string, Date>,
  now: Date,
): boolean {
  if (job.kind !== 'overdueRepeat' || job.dueAt > now.getTime()) return false;
  const first = planned.find((p) => p.assignmentId === job.assignmentId && p.kind === 'overdue');
  if (!first) return false;

  const firstSentAt = sent.get(reminderJobId(first));
  return firstSentAt === undefined || firstSentAt.getTime() >= job.dueAt;
}
