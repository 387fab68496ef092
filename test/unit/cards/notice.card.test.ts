import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment.js';
import { noticeCard, type NoticeCardData } from '../../../cards/notice.card.js';
import type { Viewer } from '../../../cards/notice-actions.js';
import { at, buildAssignment, people, policy } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';
import {
  buttonLabels,
  buttonsOf,
  cardBytes,
  cardText,
  footerLabels,
} from '../../support/card-inspect.js';

function card(assignment: Assignment, overrides: Partial<NoticeCardData> = {}) {
  return noticeCard({
    assignment,
    viewer: 'liaison',
    visibility: 'full',
    deadline: { kind: 'left', workingDays: 5 },
    scoring: policy.scoring,
    ...overrides,
  });
}

describe('notice card', () => {
  it('shows the notice as CARDS.md lays it out', () => {
    const text = cardText(card(inState.issued()));

    expect(text).toContain('督办通知单');
    expect(text).toContain('珠国资督〔2025〕12号');
    expect(text).toContain('关于推进老城区改造项目的督办');
    expect(text).toContain('请于时限内报送项目推进情况。');
    expect(text).toContain('珠山区城市建设投资有限公司');
    expect(text).toContain('2025-05-21');
    expect(text).toContain('2025-05-28 17:30（剩余 5 个工作日）');
    expect(text).toContain('王督查（督查室）');
    expect(text).toContain(
      '收到本通知单扣 0.5 分；按时高质量办结可抵扣 0.2 分；逾期或敷衍加扣 0.2 分；无正当理由拒不办理扣 1 分。',
    );
    expect(text).toContain('待签收');
  });

  it.each([
    ['routine', 'blue', '一般'],
    ['important', 'orange', '重要'],
    ['critical', 'red', '特别重大'],
  ] as const)('colours a %s item %s and tags it %s', (level, template, label) => {
    const built = card(buildAssignment({ level }));

    expect(built.header?.template).toBe(template);
    expect(built.header?.text_tag_list?.map((t) => t.text.content)).toEqual([label, '区领导批示']);
  });

  it.each([
    ['completed', inState.completed(), 'green'],
    ['withdrawn', inState.withdrawn(), 'grey'],
    ['archived', inState.archived(), 'grey'],
  ])('colours a %s item %s', (_state, assignment, template) => {
    expect(card(assignment, { deadline: { kind: 'closed' } }).header?.template).toBe(template);
  });

  it('turns carmine and says how late once the deadline has passed', () => {
    const built = card(inState.acknowledged(), { deadline: { kind: 'overdue', days: 2 } });

    expect(built.header?.template).toBe('carmine');
    expect(cardText(built)).toContain('已逾期 2 天');
  });

  it('says the deadline is today on the deadline day', () => {
    expect(
      cardText(card(inState.issued(), { deadline: { kind: 'left', workingDays: 0 } })),
    ).toContain('今日到期');
  });

  it('tags a confidential item 涉密', () => {
    const built = card(buildAssignment({ confidential: true }));

    expect(built.header?.text_tag_list?.map((t) => t.text.content)).toContain('涉密');
  });

  type Row = [string, () => Assignment, Viewer, string[], string];
  const rows: Row[] = [
    ['issued', inState.issued, 'liaison', ['签收', '申请延期'], '签收'],
    ['acknowledged', inState.acknowledged, 'liaison', ['填报承办措施', '申请延期'], '填报承办措施'],
    [
      'in progress',
      inState.inProgress,
      'liaison',
      ['提交反馈', '报送进展', '申请延期'],
      '提交反馈',
    ],
    ['awaiting sign-off', inState.awaitingSignoff, 'liaison', [], ''],
    ['awaiting sign-off', inState.awaitingSignoff, 'head', ['同意报送', '退回修改'], '同意报送'],
    ['under review', inState.underReview, 'head', [], ''],
    ['completed', inState.completed, 'liaison', [], ''],
    ['issued', inState.issued, 'office', [], ''],
  ];
  it.each(rows)('%s, seen by the %s, has buttons %j', (_s, make, viewer, labels, primary) => {
    const built = card(make(), { viewer });

    expect(buttonLabels(built)).toEqual(labels);
    expect(
      buttonsOf(built)
        .filter((b) => b.primary)
        .map((b) => b.label),
    ).toEqual(primary ? [primary] : []);
  });

  it('carries the assignment id, the action and the version in every button', () => {
    const [first] = buttonsOf(card(inState.acknowledged()));

    expect(first?.value).toEqual({ a: 'openPlanForm', id: '2025-12', v: 2 });
  });

  it('marks the group chat copy in its buttons', () => {
    const values = buttonsOf(card(inState.issued(), { viewer: 'group' })).map((b) => b.value);

    expect(values.every((v) => v.w === 'g')).toBe(true);
  });

  it.each([
    ['acknowledged', inState.acknowledged(), '已签收：城投联络员 05-21 10:32'],
    ['awaiting sign-off', inState.awaitingSignoff(), '待第一责任人审签'],
    ['under review', inState.underReview(), '督查室审核中'],
    ['completed on time', inState.completed(), '已办结（按时）'],
    [
      'completed late',
      buildAssignment({ ...inState.completed(), completedDaysLate: 2 }),
      '已办结（逾期 2 天）',
    ],
    ['withdrawn', inState.withdrawn(), '已撤销：重复交办'],
  ])('states %s as 「%s」', (_state, assignment, line) => {
    expect(cardText(card(assignment))).toContain(line);
  });

  it('shows the plan once filed', () => {
    const text = cardText(card(inState.inProgress()));

    expect(text).toContain(
      '责任领导 城投张总 · 工程管理部 · 责任人 城投工程部李工 · 计划 05-27 完成',
    );
    expect(text).toContain('成立专班，倒排工期。');
  });

  it('shows why a result came back from the head', () => {
    const returned = buildAssignment({
      ...inState.awaitingSignoff(),
      state: 'in_progress',
      signOffs: [
        {
          decision: 'rejected',
          comment: '请补充资金情况',
          at: at('2025-05-27 09:00'),
          by: { openId: people.head.openId, name: '城投张总' },
        },
      ],
    });

    expect(cardText(card(returned))).toContain('第一责任人退回修改：请补充资金情况（城投张总）');
  });

  it('shows a pending extension, and hides 申请延期 while it is pending', () => {
    const pending = buildAssignment({
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
    const built = card(pending);

    expect(cardText(built)).toContain('申请延至 2025-06-10，待审批（城投联络员 05-22 10:00）');
    expect(buttonLabels(built)).toEqual(['签收']);
  });

  it('shows people their text as text: a typed mention or tag is escaped', () => {
    const text = cardText(card(buildAssignment({ title: '<at id=all></at>紧急' })));

    expect(text).toContain('&lt;at id=all&gt;&lt;/at&gt;紧急');
    expect(text).not.toContain('<at id=all>');
  });

  it('folds long requirements into a collapsed panel', () => {
    const built = card(buildAssignment({ content: '要求'.repeat(200) }));
    const panels = JSON.stringify(built.body.elements).match(/collapsible_panel/g) ?? [];

    expect(panels.length).toBeGreaterThan(0);
    expect(cardText(built)).toContain('办理要求（点击展开）');
  });

  describe('summary variant', () => {
    const secret = () => buildAssignment({ confidential: true, content: '绝密的具体要求' });

    it.each([
      ['the group chat copy of a confidential item', { viewer: 'group' as const }],
      ['a viewer with summary visibility', { visibility: 'summary' as const }],
    ])('shows %s only number, title, status and deadline', (_who, overrides) => {
      const built = card(secret(), overrides);
      const text = cardText(built);

      expect(text).toContain('珠国资督〔2025〕12号');
      expect(text).toContain('关于推进老城区改造项目的督办');
      expect(text).toContain('待签收');
      expect(text).toContain('2025-05-28 17:30');
      expect(text).toContain('涉密内容，请在与督办助手的单聊中查看');
      expect(JSON.stringify(built)).not.toContain('绝密的具体要求');
      expect(buttonLabels(built)).toEqual([]);
    });

    it('does not apply to the group copy of an ordinary item', () => {
      const text = cardText(card(buildAssignment({ content: '普通要求' }), { viewer: 'group' }));

      expect(text).toContain('普通要求');
    });
  });

  it('stays under 30 KB with every long text at its limit', () => {
    const longest = '𠀀'.repeat(policy.limits.content);
    const progress = { ...inState.inProgress() };
    const assignment = buildAssignment({
      ...inState.awaitingSignoff(),
      title: '题'.repeat(policy.limits.title),
      content: longest,
      plan: { ...progress.plan!, measures: longest, department: '部'.repeat(500) },
      progress: Array.from({ length: 50 }, () => ({
        text: longest,
        percent: 50,
        problems: longest,
        nextSteps: longest,
        at: at('2025-05-22 10:00'),
        by: { openId: people.liaison.openId, name: '城投联络员' },
      })),
    });

    expect(cardBytes(card(assignment, { viewer: 'head' }))).toBeLessThan(30 * 1024);
  });
});

describe('the printable notice link', () => {
  const printUrl = 'https://duban.example.gov.cn/print/notice/2025-12?exp=1&sig=abc';

  it('is on the card of someone who may read it in full', () => {
    expect(cardText(card(inState.issued(), { printUrl }))).toContain(`[打印通知单](${printUrl})`);
  });

  it('is never on the confidential summary', () => {
    const confidential = { ...inState.issued(), confidential: true };
    const text = cardText(card(confidential, { printUrl, visibility: 'summary' }));

    expect(text).not.toContain('打印通知单');
    expect(text).not.toContain('print/notice');
  });
});

describe('the footer 「查看详情 · 打印通知单」', () => {
  const printUrl = 'https://duban.example.gov.cn/print/notice/2025-12?exp=1&sig=abc';
  const detailButton = (built: ReturnType<typeof card>) =>
    buttonsOf(built).find((b) => b.label === '查看详情');

  it.each([
    ['issued, to the liaison', inState.issued, 'liaison'],
    ['under review, to the head (no state buttons)', inState.underReview, 'head'],
    ['completed, to the 督查室', inState.completed, 'office'],
  ] as const)('offers 查看详情 on a card read in full: %s', (_label, make, viewer) => {
    const built = card(make(), { viewer, printUrl });

    expect(footerLabels(built)).toEqual(['查看详情']);
    expect(detailButton(built)?.value).toEqual({ a: 'openNoticeDetail', id: '2025-12' });
    expect(cardText(built)).toContain(`[打印通知单](${printUrl})`);
  });

  it("marks the group chat copy's 查看详情 as the group's", () => {
    const built = card(inState.issued(), { viewer: 'group' });

    expect(detailButton(built)?.value).toEqual({ a: 'openNoticeDetail', id: '2025-12', w: 'g' });
  });

  it.each([
    ['the confidential summary', { visibility: 'summary' as const }],
    ["a confidential item's group copy", { viewer: 'group' as const }],
  ])('is not on %s', (_label, overrides) => {
    const built = card(buildAssignment({ confidential: true }), { ...overrides, printUrl });

    expect(footerLabels(built)).toEqual([]);
    expect(cardText(built)).not.toContain('查看详情');
  });
});
