/**
 * The columns of the 督办情况统计表 and what each counts, in the words printed under the
 * table. One list for the card, the .xlsx and the CSV, so they cannot disagree.
 */
import { formatPoints } from '../domain/ledger.js';
import type { Policy } from '../domain/policy.js';
import type { StatisticsItem, StatisticsRow } from '../domain/statistics.js';
import { countColumns } from '../domain/statistics.js';
import { levelLabels, standingLabel } from './report-labels.js';

type CountColumn = (typeof countColumns)[number];

/** Column headers of the per-enterprise table, after 序号 and 企业名称. */
export const summaryHeaders: Record<CountColumn, string> = {
  received: '收到通知单',
  acknowledged: '已签收',
  acknowledgedOnTime: '按时签收',
  completedOnTime: '按时办结',
  completedLate: '逾期办结',
  overdueOpen: '逾期未结',
  open: '在办',
  returned: '退回',
  refused: '拒办',
  extended: '获准延期',
  milliPoints: '得分',
};

/** The header line of the per-enterprise table. */
export function summaryHeaderLine(): string[] {
  return ['序号', '企业名称', ...Object.values(summaryHeaders)];
}

/** One line of the table as cells: 企业名称 then every count column; points as numbers. */
export function summaryCells(row: StatisticsRow): Array<string | number> {
  return [row.name, ...countColumns.map((c) => (c === 'milliPoints' ? row[c] / 1000 : row[c]))];
}

/** Column headers of the per-notice list, after 序号. */
export const itemHeaders = [
  '通知单编号',
  '督办事项',
  '级别',
  '承办单位',
  '交办日期',
  '办理时限',
  '办理状态',
  '逾期天数',
];

/** One notice as cells, in `itemHeaders` order. */
export function itemCells(item: StatisticsItem): Array<string | number> {
  return [
    item.noticeNumber,
    item.title,
    levelLabels[item.level],
    item.enterpriseShortName,
    item.issuedDay,
    item.deadlineDay,
    standingLabel(item.standing, item.state),
    item.daysLate,
  ];
}

/** What each column counts, with the policy's numbers: printed under the table. */
export function statisticsNotes(policy: Policy): string[] {
  const ackDays = policy.reminders.acknowledgement.escalateAfterWorkingDays;
  const { scoring } = policy;
  const points = (value: number) => formatPoints(Math.round(value * 1000));

  return [
    '收到通知单：统计期间内交办给该企业的督办通知单件数，按交办日期计；已撤销的不计（见明细）。',
    '已签收：其中已经签收的件数。',
    `按时签收：交办后第 ${ackDays} 个工作日下班（${policy.workingHours.end}）前签收的件数。`,
    '按时办结：已办结，且第一责任人审签报送不晚于办理时限当日（获准延期的按延期后时限）。',
    '逾期办结：已办结，但第一责任人审签报送晚于办理时限当日。',
    '逾期未结：截至制表时尚未办结，且超过办理时限仍未审签报送，或审签报送晚于办理时限当日、待督查室审核。',
    '在办：截至制表时尚未办结，也未逾期（含按时审签报送、待督查室审核的）。',
    '按时办结 + 逾期办结 + 逾期未结 + 在办 + 拒办 = 收到通知单。',
    '退回：督查室审核时退回重办或认定敷衍办理至少一次的件数；企业内部第一责任人退回修改不计。',
    '拒办：认定无正当理由拒不办理的件数。',
    '获准延期：延期申请至少获批准一次的件数。',
    `得分：上述通知单在积分台账中的分值合计（收到 ${points(scoring.noticeReceived)}，按时高质量办结` +
      ` ${points(scoring.onTimeHighQuality)}，逾期 ${points(scoring.overdue)}，敷衍 ` +
      `${points(scoring.perfunctory)}，拒不办理 ${points(scoring.refusal)}；撤销的已冲销）。整年统计即该考核年度得分。`,
  ];
}
