/**
 * Keeps a worker process's job schedulers declared. They live only in Redis: after a FLUSHALL,
 * or with an empty Redis in place of the old one, nothing repeats any more until a restart,
 * not even the reconciler that would rebuild the reminders from MongoDB. So every `everyMs`,
 * and each time the connection is ready again, the watchdog looks for each scheduler; when one
 * is missing it declares them all again (an upsert: harmless when several processes do it at
 * once) and calls `onRestored` (an immediate reconcile).
 */
import type { Logger } from '../src/logging/logger.js';
import { createRepeatFilter } from '../src/logging/repeat-filter.js';
import { declareSchedule, type JobSchedule } from './job-schedule.js';
import type { QueueFactory } from './queue-factory.js';

/** How often the watchdog looks by default, in ms: 30 s. */
export const defaultWatchdogEveryMs = 30_000;

export interface WatchdogOptions {
  /** How often to look, in ms. Default `defaultWatchdogEveryMs`. */
  everyMs?: number;
  /** Runs once the schedulers were declared again: what a lost Redis needs at once. */
  onRestored: () => Promise<unknown>;
}

export interface SchedulerWatchdog {
  /** Looks now; true when something was missing and was declared again. */
  check(): Promise<boolean>;
  /** Stops the timer and the reconnection listener: at shutdown, before the queues close. */
  stop(): void;
}

/** Starts the watchdog over `schedules` (see the file comment). */
export function startSchedulerWatchdog(
  deps: { queues: QueueFactory; logger: Logger },
  schedules: JobSchedule[],
  options: WatchdogOptions,
): SchedulerWatchdog {
  const { queues, logger } = deps;
  // A Redis outage fails every look the same way: one line a minute is enough.
  const repeats = createRepeatFilter(60_000);
  let running: Promise<boolean> | null = null;
  let stopped = false;

  const restoreIfLost = async (): Promise<boolean> => {
    const missing = await missingSchedules(queues, schedules);
    if (missing.length === 0 || stopped) return false;

    logger.warn({ missing }, 'job schedulers lost from Redis; declaring them again');
    for (const schedule of schedules) await declareSchedule(queues, schedule);
    await options.onRestored();
    return true;
  };
  const check = (): Promise<boolean> => {
    // One look at a time: while Redis is down a look waits for it, and the next tick joins it.
    running ??= restoreIfLost()
      .catch((error: Error) => {
        const repeated = stopped ? null : repeats.admit(error.message, Date.now());
        if (repeated !== null)
          logger.warn({ err: error.message, repeated }, 'scheduler check failed');
        return false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void check(), options.everyMs ?? defaultWatchdogEveryMs);
  timer.unref();
  const onReady = (): void => void check();
  queues.connection.on('ready', onReady);

  return {
    check,
    stop() {
      stopped = true;
      clearInterval(timer);
      queues.connection.off('ready', onReady);
    },
  };
}

/** 「queue/id」 of each schedule Redis does not hold. */
async function missingSchedules(queues: QueueFactory, schedules: JobSchedule[]): Promise<string[]> {
  const found = await Promise.all(
    schedules.map((s) => queues.queue(s.queue).getJobScheduler(s.id)),
  );

  return schedules.filter((_, i) => !found[i]).map((s) => `${s.queue}/${s.id}`);
}
