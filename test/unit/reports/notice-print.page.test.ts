import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { printableNoticePage } from '../../../src/reports/html/notice-print.page.js';
import { at, buildAssignment, directory, people } from '../../support/fixtures.js';

const head = { openId: people.head.openId, name: '城投张总' };
const liaison = { openId: people.liaison.openId, name: '城投联络员' };
const supervisor = { openId: people.supervisor.openId, name: '王督查' };

/** The page's table as rows of cell texts, tags removed. */
function rowsOf(html: string): string[][] {
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1] ?? '');

  return rows.map((row) =>
    [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&emsp;/g, ' ')
        .trim(),
    ),
  );
}

function rowStarting(rows: string[][], label: string): string[] {
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row 「${label}」 in ${JSON.stringify(rows)}`);

  return row;
}

const print = (a: Assignment) =>
  printableNoticePage({ assignment: a, office: directory.office, policy: defaultPolicy });

/** The head approved on 05-23 and the 督查室 returned the result on 05-24. */
const approvedOn23 = {
  decision: 'approved' as const,
  comment: '',
  at: at('2025-05-23 10:00'),
  by: head,
};
const returnedOn24 = {
  decision: 'return' as const,
  onTimeHighQuality: false,
  reason: '补充数据',
  at: at('2025-05-24 09:00'),
  by: supervisor,
};

describe('the printable 督办通知单', () => {
  it('names the category (policy §二) and the form, 书面 or 口头 (§三)', () => {
    const written = rowsOf(print(buildAssignment({ category: 'districtInstruction' })));
    const oral = rowsOf(print(buildAssignment({ category: 'deputyProposal', form: 'oral' })));

    expect(rowStarting(written, '类别')).toEqual(['类别', '区领导批示', '形式', '书面']);
    expect(rowStarting(oral, '类别')).toEqual(['类别', '人大建议/政协提案', '形式', '口头']);
  });

  it('leaves the 承办措施, 办理结果, 审签 and 审核意见 boxes blank to be written on', () => {
    const html = print(buildAssignment());
    const rows = rowsOf(html);

    expect(rows.find((r) => r[0] === '承办措施')).toEqual(['承办措施']);
    expect(rowStarting(rows, '责任领导')).toEqual(['责任领导', '', '责任部门', '']);
    expect(rowStarting(rows, '责任人')).toEqual(['责任人', '', '计划完成日期', '']);
    expect(rowStarting(rows, '工作措施')).toEqual(['工作措施', '']);
    expect(rowStarting(rows, '办理结果')).toEqual(['办理结果', '']);
    expect(rowStarting(rows, '第一责任人审签')[1]).toMatch(
      /^第一责任人签字：\s+日期：\s+年\s+月\s+日$/,
    );
    expect(rowStarting(rows, '督查室审核意见')[1]).toMatch(/^审核人：\s+日期：\s+年\s+月\s+日$/);
  });

  it('fills them in from the record once the enterprise and the 督查室 have acted', () => {
    const a = buildAssignment({
      state: 'completed',
      plan: {
        leader: head,
        department: '工程部',
        owner: liaison,
        measures: '成立专班，倒排工期',
        plannedDay: '2025-05-27',
        at: at('2025-05-22 09:00'),
        by: liaison,
      },
      feedback: {
        result: '已完成改造方案报批',
        completion: 'partial',
        completionReason: '资金待拨付',
        links: [],
        at: at('2025-05-26 09:00'),
        by: liaison,
      },
      signOffs: [
        { decision: 'rejected', comment: '数据不全', at: at('2025-05-25 09:00'), by: head },
        { decision: 'approved', comment: '同意', at: at('2025-05-26 10:00'), by: head },
      ],
      reviews: [
        {
          decision: 'complete',
          onTimeHighQuality: true,
          reason: '',
          at: at('2025-05-27 09:00'),
          by: supervisor,
        },
      ],
    });
    const rows = rowsOf(print(a));

    expect(rowStarting(rows, '责任领导')).toEqual(['责任领导', '城投张总', '责任部门', '工程部']);
    expect(rowStarting(rows, '责任人')).toEqual([
      '责任人',
      '城投联络员',
      '计划完成日期',
      '2025-05-27',
    ]);
    expect(rowStarting(rows, '工作措施')).toEqual(['工作措施', '成立专班，倒排工期']);
    expect(rowStarting(rows, '办理结果')[1]).toBe(
      '已完成改造方案报批\n完成情况：部分完成（资金待拨付）；报送人：城投联络员 2025-05-26 09:00',
    );
    expect(rowStarting(rows, '第一责任人审签')[1]).toMatch(
      /^同意报送：同意（城投张总 2025-05-26 10:00）\n第一责任人签字：/,
    );
    expect(rowStarting(rows, '督查室审核意见')[1]).toBe(
      '通过办结，按时高质量完成（王督查 2025-05-27 09:00）',
    );
  });

  it('shows a 退回重办 as the latest opinion, beside the approval of the result it returned', () => {
    const a = buildAssignment({
      state: 'in_progress',
      feedback: {
        result: '初稿',
        completion: 'done',
        completionReason: '',
        links: [],
        at: at('2025-05-23 09:00'),
        by: liaison,
      },
      signOffs: [approvedOn23],
      reviews: [returnedOn24],
    });
    const rows = rowsOf(print(a));

    expect(rowStarting(rows, '第一责任人审签')[1]).toMatch(
      /^同意报送（城投张总 2025-05-23 10:00）/,
    );
    expect(rowStarting(rows, '督查室审核意见')[1]).toBe(
      '退回重办：补充数据（王督查 2025-05-24 09:00）',
    );
  });

  it('leaves 审签 and 审核意见 blank again for a result submitted after a return', () => {
    const resubmitted = (at: Date) => ({
      result: '补充后的结果',
      completion: 'done' as const,
      completionReason: '',
      links: [],
      at,
      by: liaison,
    });
    const a = buildAssignment({
      state: 'awaiting_signoff',
      feedback: resubmitted(at('2025-05-25 09:00')),
      signOffs: [approvedOn23],
      reviews: [returnedOn24],
    });
    const rows = rowsOf(print(a));

    expect(rowStarting(rows, '第一责任人审签')[1]).toMatch(/^第一责任人签字：/);
    expect(rowStarting(rows, '督查室审核意见')[1]).toMatch(/^审核人：/);
  });
});
