/**
 * What the 统计 and 积分 commands answer with: the statistics card for a period, the ranking
 * card for a year, one enterprise's score card. The command parser calls these; they check the
 * person and the input, and change nothing.
 */
import { rankingCard } from '../../../cards/ranking.card.js';
import { scoreReportCard } from '../../../cards/score-report.card.js';
import { statisticsCard } from '../../../cards/statistics.card.js';
import type { Card } from '../../../cards/card.js';
import { dayOf } from '../../domain/dates.js';
import { parsePeriod } from '../../domain/period.js';
import { invalidInput, type Refusal } from '../../domain/refusal.js';
import { loadRanking, loadScoreReport } from '../../reports/score-report.js';
import { createReportLinks, scoreLinkTtlDays } from '../../reports/signed-links.js';
import { buildStatisticsTable } from '../../reports/statistics.service.js';
import type { RuntimeContext } from '../../runtime.js';
import { isRefused, officeActor } from './office-actor.js';

export type CardReply = { ok: true; card: Card } | Refusal;

type ReportContext = Pick<RuntimeContext, 'directory' | 'policy' | 'calendar' | 'clock' | 'env'>;

/** 统计 [期间]: the summary card; an unreadable period is answered with examples. */
export async function statisticsReply(
  context: ReportContext,
  openId: string,
  periodText?: string,
): Promise<CardReply> {
  const actor = await officeActor(context, openId, 'statistics');
  if (isRefused(actor)) return actor;
  const now = context.clock.now();
  const period = parsePeriod(periodText, now);
  if (isRefused(period)) return period;

  const table = await buildStatisticsTable(context, period, now);
  return { ok: true, card: statisticsCard(table) };
}

/** 积分 [年]: enterprises ranked for the year (default this year), each linking to its report. */
export async function rankingReply(
  context: ReportContext,
  openId: string,
  year?: number,
): Promise<CardReply> {
  const actor = await officeActor(context, openId, 'statistics');
  if (isRefused(actor)) return actor;
  const now = context.clock.now();
  const chosen = year ?? Number(dayOf(now).slice(0, 4));
  if (chosen < 2000 || chosen > 2100)
    return invalidInput(`年份 ${chosen} 超出范围（2000–2100）`, 'year');

  const links = createReportLinks(context.env);
  const ranking = await loadRanking(context.directory, chosen);
  const reportUrl = (enterpriseId: string) => links.scoreReportUrl(enterpriseId, chosen, now);
  return {
    ok: true,
    card: rankingCard({ year: chosen, ranking, reportUrl, linkDays: scoreLinkTtlDays }),
  };
}

/** One enterprise's score card for the year, with the link to the full report. */
export async function scoreReply(
  context: ReportContext,
  openId: string,
  enterpriseId: string,
  year?: number,
): Promise<CardReply> {
  const actor = await officeActor(context, openId, 'statistics');
  if (isRefused(actor)) return actor;
  const now = context.clock.now();
  const chosen = year ?? Number(dayOf(now).slice(0, 4));

  const report = await loadScoreReport(context.directory, enterpriseId, chosen);
  if (!report) return invalidInput(`未找到企业「${enterpriseId}」`, 'enterprise');
  const url = createReportLinks(context.env).scoreReportUrl(enterpriseId, chosen, now);
  return { ok: true, card: scoreReportCard(report, url) };
}
