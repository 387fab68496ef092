import { describe, expect, it } from 'vitest';
import { digestCard, remarksNoticeCard } from '../../../cards/digest.card.js';
import { rankingCard } from '../../../cards/ranking.card.js';
import { scoreReportCard } from '../../../cards/score-report.card.js';
import { statisticsCard } from '../../../cards/statistics.card.js';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { computeDigest } from '../../../src/domain/digest.js';
import { yearPeriod } from '../../../src/domain/period.js';
import { rankEnterprises } from '../../../src/domain/ranking.js';
import { computeStatistics } from '../../../src/domain/statistics.js';
import { buttonsOf, cardBytes, cardText, fieldsOf } from '../../support/card-inspect.js';
import { at, buildAssignment, policy } from '../../support/fixtures.js';

const calendar = createChineseCalendar({ holidays: [], workdays: [] });
/** 100 enterprises with long names, as the benchmark has them. */
const enterprises = Array.from({ length: 100 }, (_, i) => ({
  id: `e${i}`,
  name: `珠山区第${i}国有资本投资运营集团有限责任公司`,
  shortName: `企业${i}号`,
}));
const totals = new Map(enterprises.map((e, i) => [e.id, -500 * (i % 7) - 200]));

describe('the 统计 card', () => {
  const table = computeStatistics({
    period: yearPeriod(2025),
    now: at('2025-06-30 10:00'),
    policy,
    calendar,
    enterprises,
    assignments: [buildAssignment({ enterpriseId: 'e1', state: 'in_progress' })],
    milliPoints: totals,
  });
  const card = statisticsCard(table);

  it('shows the period, the totals line and a table of every enterprise', () => {
    const element = card.body.elements.find((e) => e.tag === 'table') as unknown as {
      columns: Array<{ display_name: string }>;
      rows: unknown[];
    };

    expect(card.header?.subtitle?.content).toBe('统计期间：2025年');
    expect(element.columns.map((c) => c.display_name)).toEqual([
      '企业',
      '收到',
      '已签收',
      '按时办结',
      '逾期办结',
      '逾期未结',
      '在办',
      '退回',
      '拒办',
      '得分',
    ]);
    expect(element.rows).toHaveLength(100);
    expect(cardText(card)).toContain('**合计**');
  });

  it('carries the period key in its 导出 Excel button and stays under 30 KB with 100 enterprises', () => {
    expect(buttonsOf(card).map((b) => [b.label, b.value])).toEqual([
      ['导出 Excel', { a: 'exportStatistics', p: '2025' }],
    ]);
    expect(cardBytes(card)).toBeLessThan(30_000);
  });
});

describe('the 积分 card', () => {
  it('lists 100 enterprises ranked, each linking to its report, under 30 KB', () => {
    const url = (id: string) =>
      `https://duban.example.cn/reports/score/${id}/2025?exp=1780000000&sig=${'x'.repeat(43)}`;
    const card = rankingCard({
      year: 2025,
      ranking: rankEnterprises(enterprises, totals),
      reportUrl: url,
      linkDays: 7,
    });
    const text = cardText(card);

    expect(text).toContain('1. [企业0号](https://duban.example.cn/reports/score/e0/2025?exp=');
    expect(text).toMatch(/\n87\. \[企业6号\]/);
    expect(cardBytes(card)).toBeLessThan(30_000);
  });
});

describe('the score card', () => {
  it('shows the total, the newest entries first, and the link', () => {
    const line = (i: number) => ({
      at: at(`2025-05-${String(10 + i).padStart(2, '0')} 09:00`),
      kind: 'noticeReceived' as const,
      noticeNumber: `珠国资督〔2025〕${i}号`,
      title: '事项',
      reason: '收到督办通知单',
      milliPoints: -500,
    });
    const report = {
      enterprise: { id: 'chengtou', name: '珠山区城市建设投资有限公司', shortName: '城投' },
      year: 2025,
      lines: Array.from({ length: 12 }, (_, i) => line(i + 1)),
      totalMilliPoints: -6000,
    };
    const text = cardText(scoreReportCard(report, 'https://duban.example.cn/r'));

    expect(text).toContain('-6 分（共 12 条，仅列最近 10 条）');
    expect(text.indexOf('〔2025〕12号')).toBeLessThan(text.indexOf('〔2025〕11号'));
    expect(text).not.toContain('〔2025〕2号');
    expect(text).toContain('[查看完整积分明细](https://duban.example.cn/r)');
  });
});

describe('the digest card', () => {
  const figures = computeDigest({
    now: at('2025-06-09 08:30'),
    assignments: [buildAssignment({ state: 'in_progress' })],
    enterprises: enterprises.slice(0, 2),
    totals,
  });

  it('has a 阅示 form with a required textarea and a submit carrying the report id', () => {
    const card = digestCard({ reportId: 'digest-2025-W23', figures, maxLength: 500 });

    expect(card.header?.subtitle?.content).toBe('2025-06-02 至 2025-06-08（2025-W23）');
    expect(fieldsOf(card).get('remarks')).toMatchObject({
      input_type: 'multiline_text',
      required: true,
      max_length: 500,
    });
    expect(buttonsOf(card).map((b) => [b.label, b.value])).toEqual([
      ['提交阅示', { a: 'submitRemarks', r: 'digest-2025-W23' }],
    ]);
  });

  it('shows the remarks instead of the form once written, and to the 督查室 with who and when', () => {
    const remark = { text: '请抓紧办理。', at: at('2025-06-09 10:00') };
    const card = digestCard({ reportId: 'digest-2025-W23', figures, maxLength: 500, remark });
    const notice = remarksNoticeCard(figures, { by: '李局长', ...remark });

    expect(fieldsOf(card).size).toBe(0);
    expect(cardText(card)).toContain('请抓紧办理。');
    expect(cardText(notice)).toContain('**李局长** 2025-06-09 10:00 阅示：');
  });
});
