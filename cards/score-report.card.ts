/**
 * One enterprise's score for the year in chat: the total, the latest entries, and the signed
 * link to the full report page.
 */
import { shortMoment } from '../src/domain/format.js';
import { formatPoints } from '../src/domain/ledger.js';
import type { ScoreReport } from '../src/reports/score-report.js';
import type { Card } from './card.js';
import { buildCard, gap, clip, escapeText, markdown } from './elements.js';

/** Entries shown on the card; the rest are on the report page. */
export const scoreCardEntries = 10;

/** The score card of an enterprise: total, the newest entries, link to everything. */
export function scoreReportCard(report: ScoreReport, reportUrl: string): Card {
  const newest = report.lines.slice(-scoreCardEntries).reverse();
  const lines = newest.map(
    (line) =>
      `${shortMoment(line.at)}${gap}${formatPoints(line.milliPoints)}${gap}` +
      `${escapeText(line.noticeNumber)} ${escapeText(clip(line.reason, 30))}`,
  );
  const more =
    report.lines.length > newest.length
      ? `（共 ${report.lines.length} 条，仅列最近 ${newest.length} 条）`
      : '';

  return buildCard(
    `${report.enterprise.shortName} ${report.year}年度督办积分`,
    report.totalMilliPoints < 0 ? 'orange' : 'green',
    [
      markdown(`**合计**${gap}${formatPoints(report.totalMilliPoints)} 分${more}`),
      markdown(lines.length > 0 ? lines.join('\n') : '本年度暂无积分记录'),
      markdown(`[查看完整积分明细](${reportUrl})`),
    ],
  );
}
