import { describe, expect, it } from 'vitest';
import { assignmentDetailCard, timelineLimit } from '../../../cards/assignment-detail.card.js';
import { assignmentListCard } from '../../../cards/assignment-list.card.js';
import { decisionOutcomeCard, type OutcomeKind } from '../../../cards/decision-outcome.card.js';
import { extensionDecisionCard } from '../../../cards/extension-decision.card.js';
import { helpCard } from '../../../cards/help.card.js';
import { issueConfirmationCard, issuedLine } from '../../../cards/issue-confirmation.card.js';
import { issueFormCard } from '../../../cards/issue-form.card.js';
import { issuePreviewCard } from '../../../cards/issue-preview.card.js';
import { extensionLine } from '../../../cards/notice-lines.js';
import { reviewCard } from '../../../cards/review.card.js';
import { actionLabel } from '../../../cards/timeline-labels.js';
import type { Assignment, Extension } from '../../../src/domain/assignment.js';
import { outcomeOf } from '../../../src/app/office/notify-outcome.js';
import { at, directory, people, policy } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';
import {
  buttonLabels,
  buttonsOf,
  cardBytes,
  cardText,
  fieldsOf,
} from '../../support/card-inspect.js';

const maxCardBytes = 30 * 1024;
const supervisor = { openId: people.supervisor.openId, name: '王督查' };
const long = (n: number) => '办'.repeat(n);

describe('the issue form, preview and confirmation', () => {
  const form = (values = {}) =>
    issueFormCard({
      enterprises: directory.enterprises,
      rules: ['一般事项 5 个工作日 → 2025-05-28'],
      capDay: '2025-06-20',
      maxDaysFromIssue: 30,
      limits: policy.limits,
      values,
    });

  it('offers every enterprise and keeps what was chosen', () => {
    const control = fieldsOf(form({ enterpriseIds: ['wenlv', 'gone'] })).get('enterpriseIds');

    expect(control?.options).toEqual([
      { text: { tag: 'plain_text', content: '城投' }, value: 'chengtou' },
      { text: { tag: 'plain_text', content: '文旅' }, value: 'wenlv' },
    ]);
    expect(control?.selected_values).toEqual(['wenlv']);
    expect(fieldsOf(form()).get('level')?.initial_option).toBe('routine');
  });

  const prepared = {
    title: '关于推进老城区改造项目的督办',
    content: long(3000),
    category: 'districtInstruction' as const,
    level: 'critical' as const,
    confidential: true,
    form: 'oral' as const,
    enterprises: directory.enterprises,
    deadline: at('2025-06-04 17:30'),
    rule: '特别重大事项 10 个工作日',
    calendarFallback: false,
  };

  it('previews numbers, points, confidentiality and the three buttons, under 30 KB', () => {
    const card = issuePreviewCard({
      draftId: 'd-1',
      prepared,
      numbers: ['珠国资督〔2025〕7号', '珠国资督〔2025〕8号'],
      noticePoints: -0.5,
    });

    const text = cardText(card);
    expect(text).toContain('**承办单位（2 家）**\n城投\u3000珠国资督〔2025〕7号\u3000扣 0.5 分');
    expect(text).toContain('涉密：内容仅在单聊中向承办单位显示');
    expect(text).toContain('2025-06-04 17:30（特别重大事项 10 个工作日）');
    expect(buttonsOf(card).map((b) => [b.label, b.value])).toEqual([
      ['确认交办', { a: 'confirmIssue', d: 'd-1' }],
      ['修改', { a: 'editIssue', d: 'd-1' }],
      ['取消', { a: 'cancelIssue', d: 'd-1' }],
    ]);
    expect(cardBytes(card)).toBeLessThan(maxCardBytes);
  });

  it.each([
    [[['城投', 12]], '已交办 1 家：城投 珠国资督〔2025〕12号'],
    [
      [
        ['城投', 12],
        ['文旅', 13],
        ['水务', 14],
      ],
      '已交办 3 家：城投 珠国资督〔2025〕12号 · 文旅 13号 · 水务 14号',
    ],
  ] as Array<[Array<[string, number]>, string]>)('confirms %j as 「%s」', (notices, line) => {
    const rows = notices.map(([short, seq]) => ({
      enterpriseShortName: short,
      seq,
      noticeNumber: `珠国资督〔2025〕${seq}号`,
    }));

    expect(issuedLine(rows)).toBe(line);
    const card = issueConfirmationCard({
      title: 't',
      deadline: at('2025-05-28 17:30'),
      issuedBy: supervisor,
      notices: rows,
    });
    expect(cardText(card)).toContain(line);
  });
});

describe('the review card', () => {
  const build = (a: Assignment, round = 1) =>
    reviewCard({
      assignment: a,
      round,
      deadline: { kind: 'left', workingDays: 1 },
      scoring: policy.scoring,
      limits: policy.limits,
    });

  it('offers the 按时高质量 tick only for a result signed off on time', () => {
    expect(cardText(build(inState.underReview()))).toContain('按时高质量完成（抵扣 0.2 分）');
    const late = cardText(build(inState.underReviewLate()));
    expect(late).not.toContain('按时高质量完成（抵扣');
    expect(late).toContain('逾期报送，不能认定按时高质量完成');
    expect(late).toContain("城投张总 05-30 09:00 同意报送（<font color='red'>逾期 2 天</font>）");
  });

  it('shows the decision and only 归档 once decided, and stays under 30 KB with a long result', () => {
    const decided = build(inState.completed());
    const archived = build({ ...inState.completed(), state: 'archived' });
    const a = inState.underReview();
    const big = build({ ...a, feedback: { ...a.feedback!, result: long(4000) } });

    expect(buttonLabels(decided)).toEqual(['归档']);
    expect(cardText(decided)).toContain('通过办结（按时高质量）（王督查 05-27 11:00）');
    expect(buttonLabels(archived)).toEqual([]);
    expect(cardText(archived)).toContain('已归档（档号 2025-督办-0012）');
    expect(cardBytes(big)).toBeLessThan(maxCardBytes);
  });
});

describe('the extension decision card', () => {
  const request: Extension = {
    seq: 1,
    requestedDay: '2025-06-10',
    reason: '需协调规划部门',
    progress: '',
    requestedAt: at('2025-05-22 09:00'),
    requestedBy: { openId: people.liaison.openId, name: '城投联络员' },
    status: 'pending',
    previousDay: '2025-05-28',
  };
  const build = (extension: Extension, state: Assignment['state'] = 'acknowledged') =>
    extensionDecisionCard({
      assignment: { ...inState.acknowledged(), state, extensions: [extension] },
      seq: 1,
      capDay: '2025-06-20',
      maxDaysFromIssue: 30,
      decider: 'supervisor',
      limits: policy.limits,
    });

  it.each([
    ['pending', request, 'acknowledged', ['批准', '不批准'], '审批人'],
    [
      'approved',
      {
        ...request,
        status: 'approved',
        decidedDay: '2025-06-12',
        decidedAt: at('2025-05-22 10:00'),
        decidedBy: supervisor,
      },
      'acknowledged',
      [],
      '已批准延至 2025-06-12（王督查 05-22 10:00）',
    ],
    [
      'rejected',
      {
        ...request,
        status: 'rejected',
        decisionReason: '时间充足',
        decidedAt: at('2025-05-22 10:00'),
        decidedBy: supervisor,
      },
      'acknowledged',
      [],
      '不批准：时间充足（王督查 05-22 10:00）',
    ],
    ['pending on a withdrawn matter', request, 'withdrawn', [], '已撤销'],
    [
      'lapsed',
      { ...request, status: 'lapsed', lapsedAt: at('2025-05-23 09:00') },
      'withdrawn',
      [],
      '未审批，申请已失效（已撤销',
    ],
    [
      'granted on a rest day',
      {
        ...request,
        requestedDay: '2025-06-14',
        status: 'approved',
        decidedDay: '2025-06-16',
        chosenDay: '2025-06-14',
        decidedAt: at('2025-05-22 10:00'),
        decidedBy: supervisor,
      },
      'acknowledged',
      [],
      '已批准延至 2025-06-16（6月14日为休息日，时限顺延至6月16日）（王督查 05-22 10:00）',
    ],
  ] as Array<[string, Extension, Assignment['state'], string[], string]>)(
    'shows a %s request',
    (_case, extension, state, buttons, line) => {
      const card = build(extension, state);

      expect(buttonLabels(card)).toEqual(buttons);
      expect(cardText(card)).toContain(line);
    },
  );
});

describe('the list, the detail and help', () => {
  it('keeps 20 long rows and a 40-line timeline under 30 KB', () => {
    const row = {
      ...inState.issued(),
      title: long(80),
      deadline: { kind: 'overdue' as const, days: 3 },
    };
    const list = assignmentListCard({
      rows: Array.from({ length: 20 }, () => row),
      filter: 'overdue',
      page: 0,
      pageSize: 20,
      total: 45,
      scope: '全部企业',
    });
    const timeline = Array.from({ length: 60 }, (_, i) => ({
      at: at('2025-05-21 10:00'),
      actorName: '王督查',
      action: 'nudge',
      reason: `${i} ${long(200)}`,
    }));
    const detail = assignmentDetailCard({
      assignment: { ...inState.inProgress(), content: long(4000) },
      visibility: 'full',
      deadline: { kind: 'left', workingDays: 2 },
      timeline,
    });

    expect(cardBytes(list)).toBeLessThan(maxCardBytes);
    expect(buttonLabels(list).slice(-6)).toEqual([
      '全部',
      '待签收',
      '办理中',
      '逾期',
      '已办结',
      '下一页',
    ]);
    expect(cardText(detail)).toContain(`（更早的 ${60 - timelineLimit} 条略）`);
    expect(cardBytes(detail)).toBeLessThan(maxCardBytes);
  });

  it('shows only the summary of a confidential matter to whom it is a summary', () => {
    const card = assignmentDetailCard({
      assignment: { ...inState.inProgress(), confidential: true, content: '领导批示原文' },
      visibility: 'summary',
      deadline: { kind: 'left', workingDays: 2 },
      timeline: [],
    });

    expect(cardText(card)).not.toContain('领导批示原文');
    expect(cardText(card)).toContain('涉密内容，请在与督办助手的单聊中查看');
  });

  it('escapes what people typed in the help card', () => {
    const card = helpCard({ commands: [], problem: '没有看懂「<at id=all>」' });

    expect(cardText(card)).toContain('&lt;at id=all&gt;');
  });

  it.each([
    ['review', 'perfunctory', '认定敷衍，退回重办'],
    ['signOff', 'rejected', '第一责任人退回修改'],
    ['nudge', 'urgent', '催办（加急）'],
    ['nudge', undefined, '催办'],
    ['grantExtension', undefined, '延长时限'],
    ['somethingNew', undefined, 'somethingNew'],
  ])('names %s (%s) 「%s」 on the timeline', (action, outcome, label) => {
    expect(actionLabel(action, outcome)).toBe(label);
  });
});

describe('what the enterprise is told of a decision', () => {
  it.each([
    ['review', 'complete', 'completed', '督办已办结'],
    ['review', 'return', 'returned', '督办退回重办'],
    ['review', 'perfunctory', 'perfunctory', '认定敷衍 · 退回重办'],
    ['decideExtension', 'approved', 'extensionApproved', '延期申请已批准'],
    ['decideExtension', 'rejected', 'extensionRejected', '延期申请未获批准'],
    ['grantExtension', undefined, 'extensionGranted', '督办时限已延长'],
    ['withdraw', undefined, 'withdrawn', '督办已撤销'],
    ['recordRefusal', undefined, 'refused', '认定拒不办理'],
  ])('tells of %s %s as 「%s」', (action, outcome, kind, title) => {
    expect(outcomeOf({ action, outcome })).toBe(kind);
    const card = decisionOutcomeCard({
      assignment: inState.inProgress(),
      kind: kind as OutcomeKind,
      reason: '理由',
      by: supervisor,
      at: at('2025-05-22 10:00'),
      viewer: 'liaison',
      scoring: policy.scoring,
    });
    expect(card.header?.title.content).toBe(title);
    expect(cardText(card)).toContain('督查室 王督查 05-22 10:00');
  });

  it("tells of nothing for the enterprise's own actions", () => {
    expect(outcomeOf({ action: 'acknowledge' })).toBeNull();
    expect(outcomeOf({ action: 'signOff', outcome: 'approved' })).toBeNull();
  });
});

describe('the extension line of a notice', () => {
  const base = {
    seq: 1,
    requestedDay: '2025-06-10',
    reason: '需协调',
    progress: '',
    requestedAt: at('2025-05-22 09:00'),
    requestedBy: { openId: people.liaison.openId, name: '城投联络员' },
    previousDay: '2025-05-28',
  };

  it.each<[string, Extension, string]>([
    [
      'set by the 督查室 without a request',
      { ...base, status: 'approved', direct: true, decidedDay: '2025-06-10' },
      '督查室延至 2025-06-10（原时限 2025-05-28）',
    ],
    [
      'left undecided when the matter closed',
      { ...base, status: 'lapsed', lapsedAt: at('2025-05-23 09:00') },
      '申请延至 2025-06-10 未经审批，督办已结束',
    ],
  ])('says so for an extension %s', (_case, extension, line) => {
    expect(extensionLine({ ...inState.withdrawn(), extensions: [extension] })).toBe(line);
  });
});
