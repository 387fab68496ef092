import { describe, expect, it } from 'vitest';
import { extensionSubmittedCard } from '../../../cards/extension-submitted.card.js';
import { myAssignmentsCard, type MyAssignmentRow } from '../../../cards/my-assignments.card.js';
import { registrationCard } from '../../../cards/registration.card.js';
import { signOffReturnedCard } from '../../../cards/sign-off-returned.card.js';
import { signOffCard } from '../../../cards/sign-off.card.js';
import { at, buildAssignment, people, policy } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';
import { buttonLabels, buttonsOf, cardBytes, cardText } from '../../support/card-inspect.js';

const head = { openId: people.head.openId, name: '城投张总' };
const left = { kind: 'left' as const, workingDays: 1 };

describe('sign-off card', () => {
  it('shows the head the whole result with 同意报送 and 退回修改', () => {
    const assignment = buildAssignment({
      ...inState.awaitingSignoff(),
      feedback: {
        ...inState.awaitingSignoff().feedback!,
        completion: 'partial',
        completionReason: '资金未到位',
        links: ['https://example.feishu.cn/docx/abc'],
      },
    });
    const card = signOffCard({ assignment, deadline: left });
    const text = cardText(card);

    expect(text).toContain('已完成改造方案报批。');
    expect(text).toContain('部分完成');
    expect(text).toContain('资金未到位');
    expect(text).toContain('[附件 1](https://example.feishu.cn/docx/abc)');
    expect(text).toContain('城投联络员 05-26 16:00');
    expect(buttonLabels(card)).toEqual(['同意报送', '退回修改']);
    expect(buttonsOf(card)[0]?.value).toEqual({ a: 'approveSignOff', id: '2025-12', v: 4, k: 's' });
  });

  it('says what the head decided once decided, without buttons', () => {
    const card = signOffCard({ assignment: inState.underReview(), deadline: left });

    expect(cardText(card)).toContain('已同意报送督查室（城投张总 05-27 09:00）');
    expect(buttonLabels(card)).toEqual([]);
  });

  it('stays under 30 KB with the longest result', () => {
    const assignment = buildAssignment({
      ...inState.awaitingSignoff(),
      feedback: {
        ...inState.awaitingSignoff().feedback!,
        result: '𠀀'.repeat(policy.limits.feedback),
        completionReason: '因'.repeat(policy.limits.reason),
        links: Array.from(
          { length: 10 },
          (_, i) => `https://example.feishu.cn/docx/${'x'.repeat(200)}${i}`,
        ),
      },
    });

    expect(cardBytes(signOffCard({ assignment, deadline: left }))).toBeLessThan(30 * 1024);
  });
});

describe('sign-off returned card', () => {
  it("tells the liaison the head's comment and offers the next steps", () => {
    const assignment = buildAssignment({
      ...inState.inProgress(),
      version: 5,
      signOffs: [
        { decision: 'rejected', comment: '请补充资金情况', at: at('2025-05-27 09:00'), by: head },
      ],
    });
    const card = signOffReturnedCard({ assignment, deadline: left });

    expect(cardText(card)).toContain('请补充资金情况');
    expect(cardText(card)).toContain('城投张总 05-27 09:00');
    expect(buttonLabels(card)).toEqual(['提交反馈', '报送进展', '申请延期']);
  });
});

describe('extension submitted card', () => {
  it.each([
    ['supervisor', '待督查室审批'],
    ['leader', '待局主要领导审批'],
  ] as const)('names the decider (%s)', (decider, line) => {
    const assignment = buildAssignment({
      extensions: [
        {
          seq: 1,
          requestedDay: '2025-06-10',
          reason: '需协调',
          progress: '',
          requestedAt: at('2025-05-22 10:00'),
          requestedBy: { openId: people.liaison.openId, name: '城投联络员' },
          status: 'pending',
          previousDay: '2025-05-28',
        },
      ],
    });
    const text = cardText(extensionSubmittedCard({ assignment, decider }));

    expect(text).toContain('2025-06-10');
    expect(text).toContain('需协调');
    expect(text).toContain(line);
  });
});

describe('registration card', () => {
  it('says how to be registered and gives the open_id to copy', () => {
    const text = cardText(registrationCard('ou_unknown'));

    expect(text).toContain('您尚未登记为督办联系人，请联系区国资办督查室');
    expect(text).toContain('ou_unknown');
  });
});

describe('my assignments card', () => {
  const row = (overrides: Partial<MyAssignmentRow>): MyAssignmentRow => ({
    id: '2025-12',
    noticeNumber: '珠国资督〔2025〕12号',
    title: '关于推进老城区改造项目的督办',
    enterpriseShortName: '城投',
    state: 'issued',
    deadlineDay: '2025-05-28',
    deadline: { kind: 'left', workingDays: 3 },
    ...overrides,
  });

  it('lists each with its number, state, deadline and a button to open it', () => {
    const card = myAssignmentsCard({
      rows: [
        row({ state: 'acknowledged', deadline: { kind: 'overdue', days: 2 } }),
        row({
          id: '2025-13',
          noticeNumber: '珠国资督〔2025〕13号',
          state: 'completed',
          deadline: { kind: 'closed' },
        }),
      ],
      page: 0,
      pageSize: 10,
      total: 2,
      openCount: 1,
    });
    const text = cardText(card);

    expect(text).toContain('珠国资督〔2025〕12号');
    expect(text).toContain("<font color='red'>已逾期 2 天</font>");
    expect(text).toContain('已办结');
    expect(card.header?.subtitle?.content).toBe('在办 1 件 · 共 2 件 · 第 1/1 页');
    expect(buttonsOf(card).map((b) => b.value)).toEqual([
      { a: 'openNotice', id: '2025-12', p: 0 },
      { a: 'openNotice', id: '2025-13', p: 0 },
    ]);
  });

  it("marks every button as a chat's copy when the list is posted to a chat", () => {
    const card = myAssignmentsCard({
      rows: [row({})],
      page: 1,
      pageSize: 1,
      total: 3,
      openCount: 3,
      group: true,
    });

    expect(buttonsOf(card).map((b) => b.value)).toEqual([
      { a: 'openNotice', id: '2025-12', p: 1, w: 'g' },
      { a: 'myAssignments', p: 0, w: 'g' },
      { a: 'myAssignments', p: 2, w: 'g' },
    ]);
  });

  it.each([
    [0, 3, ['下一页']],
    [1, 3, ['上一页', '下一页']],
    [2, 3, ['上一页']],
    [0, 1, []],
  ])('on page %i of %i pages offers %j', (page, pages, labels) => {
    const card = myAssignmentsCard({
      rows: [],
      page,
      pageSize: 10,
      total: pages * 10,
      openCount: 0,
    });

    expect(buttonLabels(card)).toEqual(labels);
  });

  it('says so when there is nothing', () => {
    const card = myAssignmentsCard({ rows: [], page: 0, pageSize: 10, total: 0, openCount: 0 });

    expect(cardText(card)).toContain('暂无督办事项');
  });
});
