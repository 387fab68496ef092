import { Queue, Worker, type DefaultJobOptions, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/logging/logger.js';
import { createRepeatFilter } from '../src/logging/repeat-filter.js';

/** Options every job gets unless its queue says otherwise. */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Keep a day of finished jobs for the dashboard; failures a week, for diagnosis.
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface QueueFactory {
  /** The key prefix every queue uses (also the namespace of our own Redis keys). */
  readonly prefix: string;
  /** The shared connection (also used for our own keys, e.g. event deduplication). */
  readonly connection: Redis;
  /** One Queue per name per process; asking twice returns the same instance. */
  queue<Data = unknown>(name: string, jobOptions?: DefaultJobOptions): Queue<Data>;
  /** A worker on the named queue; closed by `close()`. */
  worker<Data = unknown>(
    name: string,
    processor: Processor<Data>,
    options?: Omit<WorkerOptions, 'connection' | 'prefix'>,
  ): Worker<Data>;
  /** Closes workers first (letting active jobs finish), then queues. */
  close(): Promise<void>;
}

/**
 * Every queue and worker in the process is made here, so naming, connection and default job
 * options are shared. Workers get their own blocking connection (BullMQ duplicates it).
 */
export function createQueueFactory(
  connection: Redis,
  prefix: string,
  logger: Logger,
): QueueFactory {
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  // One line per queue and message a minute: a Redis outage repeats the same error each retry.
  const repeats = createRepeatFilter(60_000);
  const reportError = (source: 'queue' | 'worker', name: string, error: Error): void => {
    const repeated = repeats.admit(`${source}:${name}:${error.message}`, Date.now());
    if (repeated === null) return;
    logger.error({ err: error.message, queue: name, repeated }, source);
  };

  return {
    prefix,
    connection,
    queue<Data>(name: string, jobOptions?: DefaultJobOptions): Queue<Data> {
      const existing = queues.get(name);
      if (existing) return existing as Queue<Data>;
      const queue = new Queue<Data>(name, {
        connection,
        prefix,
        defaultJobOptions: { ...defaultJobOptions, ...jobOptions },
      });
      queue.on('error', (error) => reportError('queue', name, error));
      queues.set(name, queue as Queue);

      return queue;
    },
    worker<Data>(
      name: string,
      processor: Processor<Data>,
      options?: Omit<WorkerOptions, 'connection' | 'prefix'>,
    ): Worker<Data> {
      const worker = new Worker<Data>(name, processor, { ...options, connection, prefix });
      worker.on('error', (error) => reportError('worker', name, error));
      worker.on('failed', (job, error) =>
        logger.warn(
          { queue: name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message },
          'job failed',
        ),
      );
      workers.push(worker as Worker);

      return worker;
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
