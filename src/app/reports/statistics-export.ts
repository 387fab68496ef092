/**
 * 导出 [期间] and the statistics card's 导出 Excel button: check who asks and the period, then
 * queue the export; the .xlsx arrives as a file message a moment later.
 */
import { exportStatisticsAction } from '../../../cards/statistics.card.js';
import { enqueueStatisticsExport } from '../../../jobs/statistics-export.job.js';
import { parsePeriod } from '../../domain/period.js';
import type { Refusal } from '../../domain/refusal.js';
import type { CardActionHandler } from '../../feishu/handlers.js';
import type { RuntimeContext } from '../../runtime.js';
import { isRefused, officeActor } from './office-actor.js';

type ExportContext = Pick<RuntimeContext, 'directory' | 'clock' | 'queues'>;

/**
 * Queues the export of a period's table for `openId`. `requestId` names the request (a
 * message id, an event id), so the same request never sends two files.
 */
export async function requestStatisticsExport(
  context: ExportContext,
  openId: string,
  periodText: string | undefined,
  requestId: string,
): Promise<{ ok: true; message: string } | Refusal> {
  const actor = await officeActor(context, openId, 'export');
  if (isRefused(actor)) return actor;
  const period = parsePeriod(periodText, context.clock.now());
  if (isRefused(period)) return period;

  await enqueueStatisticsExport(context.queues, {
    requesterOpenId: openId,
    period: period.key,
    requestId,
  });
  return { ok: true, message: `正在生成${period.label}督办情况统计表，稍后以文件发送给您` };
}

/** The 导出 Excel button of the statistics card: answers with a toast at once. */
export function exportStatisticsHandler(context: ExportContext): CardActionHandler {
  return async ({ operatorOpenId, value, eventId, log }) => {
    const period = typeof value.p === 'string' ? value.p : undefined;
    const result = await requestStatisticsExport(context, operatorOpenId, period, eventId);
    if (!result.ok) return { toast: { type: 'error', content: result.message } };

    log.info({ action: exportStatisticsAction, period }, 'statistics export queued');
    return { toast: { type: 'success', content: result.message } };
  };
}
