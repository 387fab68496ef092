/**
 * The score report page: an enterprise's ledger entries for a year with the total; and the
 * ranking page of the operations pages, each enterprise linking to its report.
 */
import { formatPoints } from '../../domain/ledger.js';
import { fullMoment } from '../../domain/format.js';
import type { RankedEnterprise } from '../../domain/ranking.js';
import type { ScoreReport } from '../score-report.js';
import { escapeHtml, page } from './page.js';

/** One enterprise's 督办积分明细 for a year. */
export function scoreReportPage(report: ScoreReport, generatedAt: Date): string {
  const { enterprise, year } = report;
  const rows = report.lines.map((line, index) =>
    cells([
      String(index + 1),
      fullMoment(line.at),
      line.noticeNumber,
      line.title,
      line.reason,
      formatPoints(line.milliPoints),
    ]),
  );
  const empty = rows.length === 0 ? '<tr><td colspan="6">本年度暂无积分记录</td></tr>' : '';
  const body = [
    `<h1>${escapeHtml(enterprise.name)}<br>${year}年度督办积分明细</h1>`,
    `<div class="meta"><span>合计：${escapeHtml(formatPoints(report.totalMilliPoints))} 分</span>`,
    `<span>生成时间：${escapeHtml(fullMoment(generatedAt))}</span></div>`,
    '<table><tr><th>序号</th><th>时间</th><th>通知单编号</th><th>督办事项</th><th>事由</th>',
    '<th class="num">分值</th></tr>',
    ...rows,
    empty,
    `<tr><th colspan="5">合计</th><td class="num">${escapeHtml(formatPoints(report.totalMilliPoints))}</td></tr>`,
    '</table>',
    '<p class="note">依据珠国资办〔2025〕2号第六条第（三）项计分；撤销的督办已冲销。</p>',
  ];

  return page(`${enterprise.shortName} ${year}年度督办积分`, body.join('\n'), {
    printButton: true,
  });
}

/** The ranking for a year, each enterprise linking to `reportHref(enterpriseId)`. */
export function rankingPage(
  year: number,
  ranking: RankedEnterprise[],
  reportHref: (enterpriseId: string) => string,
): string {
  const rows = ranking.map((r) => {
    const link = `<a href="${escapeHtml(reportHref(r.enterpriseId))}">${escapeHtml(r.name)}</a>`;
    return `<tr><td>${r.rank}</td><td>${link}</td><td class="num">${escapeHtml(formatPoints(r.milliPoints))}</td></tr>`;
  });
  const body = [
    `<h1>${year}年度督办积分排名</h1>`,
    '<table><tr><th>名次</th><th>企业</th><th class="num">得分</th></tr>',
    ...rows,
    '</table>',
  ];

  return page(`${year}年度督办积分排名`, body.join('\n'), { printButton: true });
}

function cells(values: string[]): string {
  const last = values.length - 1;
  const html = values.map((v, i) => `<td${i === last ? ' class="num"' : ''}>${escapeHtml(v)}</td>`);

  return `<tr>${html.join('')}</tr>`;
}
