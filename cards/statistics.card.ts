/**
 * 统计: the 督办情况统计 summary in chat, per enterprise, with the period in the header and a
 * 导出 Excel button (CARDS.md 「Queries」). The full table with its definitions is the .xlsx.
 */
import { shortMoment } from '../src/domain/format.js';
import { formatPoints } from '../src/domain/ledger.js';
import type { StatisticsRow, StatisticsTable } from '../src/domain/statistics.js';
import type { Card, CardElement } from './card.js';
import { buildCard, gap, buttonRow, markdown } from './elements.js';

/** The action of the 导出 Excel button; its value carries the period's key as `p`. */
export const exportStatisticsAction = 'exportStatistics';

/** Columns as the card shows them (CARDS.md): short names for a phone's width. */
const columns: Array<{ name: keyof Cells; label: string; number: boolean }> = [
  { name: 'e', label: '企业', number: false },
  { name: 'r', label: '收到', number: true },
  { name: 'a', label: '已签收', number: true },
  { name: 't', label: '按时办结', number: true },
  { name: 'l', label: '逾期办结', number: true },
  { name: 'o', label: '逾期未结', number: true },
  { name: 'p', label: '在办', number: true },
  { name: 'b', label: '退回', number: true },
  { name: 'x', label: '拒办', number: true },
  { name: 's', label: '得分', number: false },
];

// One-letter keys keep a 100-enterprise table well under the 30 KB card limit.
interface Cells {
  e: string;
  r: number;
  a: number;
  t: number;
  l: number;
  o: number;
  p: number;
  b: number;
  x: number;
  s: string;
}

/** The summary card of a statistics table. */
export function statisticsCard(table: StatisticsTable): Card {
  const { period, totals } = table;
  const elements: CardElement[] = [
    markdown(totalsLine(totals)),
    statisticsTable(table.rows),
    markdown(
      `<font color='grey'>按交办日期统计，状态截至 ${shortMoment(table.generatedAt)}；` +
        '按时与否以第一责任人审签报送时间计。各栏口径见导出的 Excel。</font>',
    ),
    ...buttonRow([
      { label: '导出 Excel', value: { a: exportStatisticsAction, p: period.key }, primary: true },
    ]),
  ];

  return buildCard('督办情况统计', 'blue', elements, { subtitle: `统计期间：${period.label}` });
}

function totalsLine(t: StatisticsRow): string {
  const overdue = t.overdueOpen > 0 ? `<font color='red'>${t.overdueOpen}</font>` : '0';

  return (
    `**合计**${gap}收到 ${t.received} 件 · 按时办结 ${t.completedOnTime} · 逾期办结 ${t.completedLate}` +
    ` · 逾期未结 ${overdue} · 在办 ${t.open} · 拒办 ${t.refused} · 得分 ${formatPoints(t.milliPoints)}`
  );
}

function statisticsTable(rows: StatisticsRow[]): CardElement {
  return {
    tag: 'table',
    page_size: 10,
    row_height: 'low',
    freeze_first_column: true,
    header_style: { background_style: 'grey', bold: true, text_size: 'normal', lines: 1 },
    columns: columns.map((c) => ({
      name: c.name,
      display_name: c.label,
      data_type: c.number ? 'number' : 'text',
      width: c.name === 'e' ? '96px' : 'auto',
      horizontal_align: c.number ? 'right' : 'left',
    })),
    rows: rows.map(cellsOf),
  };
}

function cellsOf(row: StatisticsRow): Cells {
  return {
    e: row.shortName,
    r: row.received,
    a: row.acknowledged,
    t: row.completedOnTime,
    l: row.completedLate,
    o: row.overdueOpen,
    p: row.open,
    b: row.returned,
    x: row.refused,
    s: formatPoints(row.milliPoints),
  };
}
