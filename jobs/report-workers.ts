import type { RuntimeContext } from '../src/runtime.js';
import { startAutoArchive } from './auto-archive.job.js';
import { startStatisticsExportWorker } from './statistics-export.job.js';
import { startWeeklyDigest } from './weekly-digest.job.js';

/** The reports' workers: exports on request, the weekly digest and the daily auto-archive. */
export async function startReportWorkers(context: RuntimeContext): Promise<void> {
  startStatisticsExportWorker(context);
  await startWeeklyDigest(context);
  await startAutoArchive(context);
}
