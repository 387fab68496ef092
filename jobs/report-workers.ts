import type { RuntimeContext } from '../src/runtime.js';
import { startAutoArchive } from './auto-archive.job.js';
import type { JobSchedule } from './job-schedule.js';
import { startStatisticsExportWorker } from './statistics-export.job.js';
import { startWeeklyDigest } from './weekly-digest.job.js';

/**
 * The reports' workers: exports on request, the weekly digest and the daily auto-archive.
 * Returns the schedules they declared.
 */
export async function startReportWorkers(context: RuntimeContext): Promise<JobSchedule[]> {
  startStatisticsExportWorker(context);
  const digest = await startWeeklyDigest(context);
  const archive = await startAutoArchive(context);

  return archive ? [digest, archive] : [digest];
}
