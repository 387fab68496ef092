/**
 * 导出: builds the 督办情况统计表 .xlsx off the request path and sends it to whoever asked, as
 * a file message through the outbox. The job carries who asked, the period and a request id;
 * the table is built from the store when the job runs.
 */
import { createHash } from 'node:crypto';
import { parsePeriod } from '../src/domain/period.js';
import { statisticsWorkbook } from '../src/reports/statistics.xlsx.js';
import { buildStatisticsTable } from '../src/reports/statistics.service.js';
import type { RuntimeContext } from '../src/runtime.js';
import type { QueueFactory } from './queue-factory.js';

export const statisticsExportQueue = 'statistics-export';

export interface StatisticsExportJob {
  requesterOpenId: string;
  /** The period as parsePeriod reads it (already checked when the job was queued). */
  period: string;
  /** What asked for it (a card click's event id, a command's message id): one export each. */
  requestId: string;
}

/** Queues an export; the same request queued twice runs once. */
export async function enqueueStatisticsExport(
  queues: QueueFactory,
  job: StatisticsExportJob,
): Promise<void> {
  await queues.queue<StatisticsExportJob>(statisticsExportQueue).add('export', job, {
    jobId: `export-${digest(job.requestId)}`,
  });
}

/**
 * Builds the workbook for the job and hands the file to the outbox.
 *
 * Limitation: the file travels to the outbox worker inside its job, base64 in Redis (about
 * 150 KB for 2,000 notices) and, until delivered, in its `outbox_messages` row; a table of tens
 * of thousands of notices would make a job and a row of megabytes. The outbox's `file` message
 * has no other way to carry content yet.
 */
export async function sendStatisticsExport(
  context: Pick<
    RuntimeContext,
    'directory' | 'policy' | 'calendar' | 'clock' | 'outbox' | 'logger'
  >,
  job: StatisticsExportJob,
): Promise<void> {
  const now = context.clock.now();
  const period = parsePeriod(job.period, now);
  if ('ok' in period) {
    context.logger.warn(
      { period: job.period },
      'statistics export with an unreadable period dropped',
    );
    return;
  }

  const table = await buildStatisticsTable(context, period, now);
  const { office } = await context.directory.current();
  const heading = { officeName: office.name, issuingUnit: office.supervisionUnit };
  const file = await statisticsWorkbook(table, heading, context.policy);
  await context.outbox.enqueue({
    kind: 'file',
    to: { type: 'open_id', id: job.requesterOpenId },
    fileName: `督办情况统计表-${period.key}.xlsx`,
    fileType: 'xls',
    contentBase64: file.toString('base64'),
    uuid: `export-${digest(job.requestId)}`,
  });
  context.logger.info(
    { period: period.key, bytes: file.length },
    'statistics export sent to the outbox',
  );
}

/** Starts the export worker (one export at a time: building a big workbook takes memory). */
export function startStatisticsExportWorker(context: RuntimeContext): void {
  context.queues.worker<StatisticsExportJob>(
    statisticsExportQueue,
    async (job) => sendStatisticsExport(context, job.data),
    { concurrency: 1 },
  );
}

/** A short, id-safe digest of a request id (no colons, which BullMQ job ids refuse). */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
