/**
 * Data for the reminder benchmark: assignments written straight to MongoDB (their issue path is
 * not what is measured), and the plain BullMQ baselines the figures are compared with.
 */
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReminderJobData } from '../jobs/reminder.job.js';
import type { Assignment } from '../src/domain/assignment.js';
import { atTime } from '../src/domain/dates.js';
import { AssignmentModel, toStored } from '../src/store/assignment.model.js';
import { buildAssignment } from '../test/support/fixtures.js';
import { percentile } from './open-loop.js';

/** `count` copies of the fixture assignment with their own ids, inserted in batches. */
export async function seedAssignments(
  count: number,
  overrides: Partial<Assignment> = {},
  firstSeq = 1,
): Promise<Assignment[]> {
  const assignments = Array.from({ length: count }, (_, i) => {
    const seq = firstSeq + i;
    const noticeNumber = `珠国资督〔2025〕${seq}号`;
    return buildAssignment({ id: `2025-${seq}`, seq, noticeNumber, ...overrides });
  });
  for (let start = 0; start < count; start += 1_000) {
    const batch = assignments.slice(start, start + 1_000).map(toStored);
    await AssignmentModel.insertMany(batch, { ordered: false });
  }

  return assignments;
}

/** The acknowledged assignment due at the close of `day`, as the lateness run needs it. */
export function dueOn(day: string): Partial<Assignment> {
  return {
    state: 'acknowledged',
    version: 2,
    deadlineDay: day,
    originalDeadlineDay: day,
    deadline: atTime(day, '17:30'),
  };
}

/** Bytes Redis uses now. */
export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');

  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

/** Baseline: the same payloads as plain delayed BullMQ jobs with generated ids, 1 000 a call. */
export async function addPlain(queue: Queue, jobs: ReminderJobData[], nowMs: number) {
  for (let start = 0; start < jobs.length; start += 1_000) {
    const batch = jobs.slice(start, start + 1_000);
    const delay = (job: ReminderJobData) => Math.max(0, job.dueAt - nowMs);
    await queue.addBulk(
      batch.map((data) => ({ name: data.kind, data, opts: { delay: delay(data) } })),
    );
  }
}

/**
 * Baseline lateness: `count` plain jobs due at the same moment, a worker that does nothing;
 * p50 and p99 of (start − due), in ms.
 */
export async function plainLateness(
  connection: Redis,
  prefix: string,
  count: number,
  concurrency: number,
): Promise<{ p50: number; p99: number }> {
  const queue = new Queue('plain-late', { connection, prefix });
  const dueMs = Date.now() + 5_000;
  const late: number[] = [];
  const data = Array.from({ length: count }, (_, i) => ({
    name: 'due',
    data: { i },
    opts: { delay: dueMs - Date.now() },
  }));
  await queue.addBulk(data);
  const worker = new Worker('plain-late', async () => void late.push(Date.now() - dueMs), {
    connection,
    prefix,
    concurrency,
  });
  while (late.length < count) await new Promise((resolve) => setTimeout(resolve, 50));
  await worker.close();
  await queue.close();

  late.sort((a, b) => a - b);
  return { p50: percentile(late, 0.5), p99: percentile(late, 0.99) };
}
