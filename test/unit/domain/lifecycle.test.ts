import { describe, expect, it } from 'vitest';
import { pendingExtension, type Assignment } from '../../../src/domain/assignment.js';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { transitions, type TransitionName } from '../../../src/domain/lifecycle/index.js';
import type { Actor } from '../../../src/domain/types.js';
import { at, people, policy } from '../../support/fixtures.js';
import { inState, withPendingExtension } from '../../support/states.js';

const now = at('2025-05-27 10:00');
const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const context = { now, policy, calendar };
const overdueNoticed = () => ({ ...inState.inProgress(), overdueAt: at('2025-05-29 09:00') });
const plan = {
  leader: { openId: people.head.openId, name: '城投张总' },
  department: '工程管理部',
  owner: { openId: people.owner.openId, name: '城投工程部李工' },
  measures: '成立专班，倒排工期。',
  plannedDay: '2025-05-27',
};
const feedback = { result: '已完成改造方案报批。', completion: 'done' as const, links: '' };

type Case = [string, () => Assignment, Actor, TransitionName, unknown, string, string];

/** [case, assignment, actor, transition, input, refusal code, message shown] */
const refusals: Case[] = [
  [
    'another enterprise acknowledges',
    inState.issued,
    people.otherLiaison,
    'acknowledge',
    {},
    'notAllowed',
    '无权操作：此事项由城投承办',
  ],
  [
    'a supervisor acknowledges',
    inState.issued,
    people.supervisor,
    'acknowledge',
    {},
    'notAllowed',
    '此操作由承办单位办理',
  ],
  [
    'the discipline group acknowledges',
    inState.issued,
    people.discipline,
    'acknowledge',
    {},
    'notAllowed',
    '纪检监察组仅可查阅，不能办理',
  ],
  [
    'an unknown person acknowledges',
    inState.issued,
    people.stranger,
    'acknowledge',
    {},
    'notAllowed',
    '无权操作：此事项由城投承办',
  ],
  [
    'a second acknowledgement',
    inState.acknowledged,
    people.head,
    'acknowledge',
    {},
    'alreadyDone',
    '该通知已由 城投联络员 于 05-21 10:32 签收',
  ],
  [
    'acknowledging a withdrawn notice',
    inState.withdrawn,
    people.liaison,
    'acknowledge',
    {},
    'wrongState',
    '该督办已撤销，无需办理',
  ],
  [
    'acknowledging an archived notice',
    inState.archived,
    people.liaison,
    'acknowledge',
    {},
    'wrongState',
    '该督办已归档，不能再修改',
  ],
  [
    'a plan before acknowledging',
    inState.issued,
    people.liaison,
    'submitPlan',
    plan,
    'wrongState',
    '请先签收该督办通知单',
  ],
  [
    'a plan without department',
    inState.acknowledged,
    people.liaison,
    'submitPlan',
    { ...plan, department: ' ' },
    'invalidInput',
    '请填写责任部门',
  ],
  [
    'a plan without owner',
    inState.acknowledged,
    people.liaison,
    'submitPlan',
    { ...plan, owner: undefined },
    'invalidInput',
    '请选择责任人',
  ],
  [
    'a plan ending after the deadline',
    inState.acknowledged,
    people.liaison,
    'submitPlan',
    { ...plan, plannedDay: '2025-06-03' },
    'invalidInput',
    '计划完成日期不能晚于时限 2025-05-28',
  ],
  [
    'a second plan',
    inState.inProgress,
    people.liaison,
    'submitPlan',
    plan,
    'alreadyDone',
    '承办措施已由 城投联络员 于 05-21 15:00 填报',
  ],
  [
    'progress before a plan',
    inState.acknowledged,
    people.liaison,
    'reportProgress',
    { text: '进行中', percent: 50 },
    'wrongState',
    '请先填报承办措施',
  ],
  [
    'progress over 100 %',
    inState.inProgress,
    people.liaison,
    'reportProgress',
    { text: '进行中', percent: 120 },
    'invalidInput',
    '完成比例应为 0 到 100 之间的整数',
  ],
  [
    'progress by the discipline group',
    inState.inProgress,
    people.discipline,
    'reportProgress',
    { text: 'x', percent: 1 },
    'notAllowed',
    '纪检监察组仅可查阅，不能办理',
  ],
  [
    'feedback without a result',
    inState.inProgress,
    people.liaison,
    'submitFeedback',
    { ...feedback, result: '' },
    'invalidInput',
    '请填写办理结果',
  ],
  [
    'partial feedback without a reason',
    inState.inProgress,
    people.liaison,
    'submitFeedback',
    { ...feedback, completion: 'partial' },
    'invalidInput',
    '部分完成或无法完成时，请说明原因',
  ],
  [
    'feedback with a broken link',
    inState.inProgress,
    people.liaison,
    'submitFeedback',
    { ...feedback, links: 'docs.feishu.cn/x' },
    'invalidInput',
    '附件链接格式不正确：docs.feishu.cn/x',
  ],
  [
    'a second feedback',
    inState.awaitingSignoff,
    people.liaison,
    'submitFeedback',
    feedback,
    'alreadyDone',
    '反馈已由 城投联络员 于 05-26 16:00 提交，待第一责任人审签',
  ],
  [
    'sign-off by the liaison',
    inState.awaitingSignoff,
    people.liaison,
    'signOff',
    { decision: 'approved' },
    'notAllowed',
    '需由第一责任人审签',
  ],
  [
    'sign-off by another head',
    inState.awaitingSignoff,
    people.otherHead,
    'signOff',
    { decision: 'approved' },
    'notAllowed',
    '无权操作：此事项由城投承办',
  ],
  [
    'returning without a comment',
    inState.awaitingSignoff,
    people.head,
    'signOff',
    { decision: 'rejected' },
    'invalidInput',
    '请填写退回意见',
  ],
  [
    'a second approval',
    inState.underReview,
    people.head,
    'signOff',
    { decision: 'approved' },
    'alreadyDone',
    '已由 城投张总 于 05-27 09:00 审签同意',
  ],
  [
    'review by the liaison',
    inState.underReview,
    people.liaison,
    'review',
    { decision: 'complete' },
    'notAllowed',
    '无权操作：此操作由督查室办理',
  ],
  [
    'review by the discipline group',
    inState.underReview,
    people.discipline,
    'review',
    { decision: 'complete' },
    'notAllowed',
    '纪检监察组仅可查阅，不能办理',
  ],
  [
    'review before sign-off',
    inState.awaitingSignoff,
    people.supervisor,
    'review',
    { decision: 'complete' },
    'wrongState',
    '反馈已提交，待第一责任人审签',
  ],
  [
    'returning without a reason',
    inState.underReview,
    people.supervisor,
    'review',
    { decision: 'return' },
    'invalidInput',
    '请填写原因',
  ],
  [
    '"on time" for a late result',
    inState.underReviewLate,
    people.supervisor,
    'review',
    { decision: 'complete', onTimeHighQuality: true },
    'invalidInput',
    '逾期 2 天办结，不能认定按时高质量完成',
  ],
  [
    'completing twice',
    inState.completed,
    people.supervisor,
    'review',
    { decision: 'complete' },
    'alreadyDone',
    '已由 王督查 于 05-27 11:00 审核办结',
  ],
  [
    'refusal without a reason',
    inState.inProgress,
    people.supervisor,
    'recordRefusal',
    {},
    'invalidInput',
    '请填写认定理由',
  ],
  [
    'refusal after the result was submitted',
    inState.underReview,
    people.supervisor,
    'recordRefusal',
    { reason: 'x' },
    'wrongState',
    '反馈已报送，督查室审核中',
  ],
  [
    'refusal recorded twice',
    inState.refused,
    people.supervisor,
    'recordRefusal',
    { reason: 'x' },
    'alreadyDone',
    '已由 王督查 于 05-23 09:00 认定拒不办理',
  ],
  [
    'refusal recorded by a head',
    inState.inProgress,
    people.head,
    'recordRefusal',
    { reason: 'x' },
    'notAllowed',
    '无权操作：此操作由督查室办理',
  ],
  [
    'withdrawing a completed notice',
    inState.completed,
    people.supervisor,
    'withdraw',
    { reason: 'x' },
    'wrongState',
    '该督办已办结',
  ],
  [
    'withdrawing twice',
    inState.withdrawn,
    people.supervisor,
    'withdraw',
    { reason: 'x' },
    'alreadyDone',
    '已由 王督查 于 05-22 09:00 撤销',
  ],
  [
    'withdrawing without a reason',
    inState.issued,
    people.leader,
    'withdraw',
    {},
    'invalidInput',
    '请填写撤销原因',
  ],
  [
    'an extension past the cap',
    inState.inProgress,
    people.liaison,
    'requestExtension',
    { day: '2025-06-21', reason: '需协调' },
    'invalidInput',
    '延期不能晚于 2025-06-20（交办之日起最长 30 日）',
  ],
  [
    'an extension to an earlier day',
    inState.inProgress,
    people.liaison,
    'requestExtension',
    { day: '2025-05-28', reason: '需协调' },
    'invalidInput',
    '延期日期须晚于当前时限 2025-05-28',
  ],
  [
    'an extension without a reason',
    inState.inProgress,
    people.liaison,
    'requestExtension',
    { day: '2025-06-05' },
    'invalidInput',
    '请填写延期原因',
  ],
  [
    'an extension after submitting',
    inState.awaitingSignoff,
    people.liaison,
    'requestExtension',
    { day: '2025-06-05', reason: 'x' },
    'wrongState',
    '反馈已提交，待第一责任人审签',
  ],
  [
    'deciding with nothing pending',
    inState.inProgress,
    people.supervisor,
    'decideExtension',
    { approve: true },
    'wrongState',
    '没有待审批的延期申请',
  ],
  [
    'overdue before the deadline',
    inState.inProgress,
    people.system,
    'recordOverdue',
    {},
    'wrongState',
    '尚未逾期',
  ],
  [
    'overdue of a completed notice',
    inState.completed,
    people.system,
    'recordOverdue',
    {},
    'wrongState',
    '该督办已结束，不计逾期',
  ],
  [
    'archiving an open notice',
    inState.inProgress,
    people.supervisor,
    'archive',
    {},
    'wrongState',
    '办结后方可归档',
  ],
  [
    'archiving by a liaison',
    inState.completed,
    people.liaison,
    'archive',
    {},
    'notAllowed',
    '无权操作：此操作由督查室办理',
  ],
  [
    'archiving twice',
    inState.archived,
    people.supervisor,
    'archive',
    {},
    'alreadyDone',
    '该督办已于 06-30 09:00 归档',
  ],
  // An extension is decided only while the matter is open; the command path has no card guard.
  [
    'granting an extension of a completed notice',
    () => withPendingExtension(inState.completed()),
    people.supervisor,
    'decideExtension',
    { approve: true },
    'wrongState',
    '该督办已办结',
  ],
  [
    'granting an extension of a withdrawn notice',
    () => withPendingExtension(inState.withdrawn()),
    people.supervisor,
    'decideExtension',
    { approve: true },
    'wrongState',
    '该督办已撤销，无需办理',
  ],
  [
    'granting an extension of a refused notice',
    () => withPendingExtension(inState.refused()),
    people.leader,
    'decideExtension',
    { approve: true, day: '2025-06-12' },
    'wrongState',
    '该督办已认定为拒不办理',
  ],
  [
    'a supervisor who is the liaison deciding their own enterprise’s extension',
    () => withPendingExtension(inState.inProgress()),
    people.supervisorLiaison,
    'decideExtension',
    { approve: true },
    'notAllowed',
    '您是该企业的联系人，不能审批本企业的延期申请',
  ],
  [
    'a leader who is the head deciding their own enterprise’s extension',
    () => withPendingExtension({ ...inState.inProgress(), level: 'critical' }),
    people.leaderHead,
    'decideExtension',
    { approve: true },
    'notAllowed',
    '您是该企业的第一责任人，不能审批本企业的延期申请',
  ],
  [
    'a supervisor who is the liaison extending their own enterprise’s deadline',
    inState.inProgress,
    people.supervisorLiaison,
    'grantExtension',
    { day: '2025-06-10', reason: '需协调' },
    'notAllowed',
    '您是该企业的联系人，不能审批本企业的延期申请',
  ],
  [
    'overdue recorded by a supervisor',
    inState.inProgress,
    people.supervisor,
    'recordOverdue',
    {},
    'notAllowed',
    '逾期由系统按时限自动记录，不能手动记录',
  ],
  [
    'overdue recorded by a leader',
    inState.inProgress,
    people.leader,
    'recordOverdue',
    {},
    'notAllowed',
    '逾期由系统按时限自动记录，不能手动记录',
  ],
  [
    'overdue recorded twice',
    overdueNoticed,
    people.system,
    'recordOverdue',
    {},
    'alreadyDone',
    '已于 05-29 09:00 记录逾期',
  ],
  [
    'returning twice (a double click on 退回重办)',
    inState.returned,
    people.supervisor,
    'review',
    { decision: 'return', reason: '缺少数据' },
    'alreadyDone',
    '已由 王督查 于 05-27 11:00 退回重办',
  ],
  [
    'judging perfunctory twice (a double click on 认定敷衍)',
    inState.judgedPerfunctory,
    people.leader,
    'review',
    { decision: 'perfunctory', reason: '照抄往年材料' },
    'alreadyDone',
    '已由 王督查 于 05-27 11:00 认定敷衍',
  ],
  [
    'another decision on a round already returned',
    inState.returned,
    people.supervisor,
    'review',
    { decision: 'perfunctory', reason: '照抄往年材料' },
    'wrongState',
    '该督办正在办理中',
  ],
  [
    'sign-off before the result is submitted',
    inState.inProgress,
    people.head,
    'signOff',
    { decision: 'approved' },
    'wrongState',
    '该督办正在办理中',
  ],
  [
    'sign-off of a completed notice',
    inState.completed,
    people.head,
    'signOff',
    { decision: 'rejected', comment: 'x' },
    'wrongState',
    '该督办已办结',
  ],
  [
    'returning to the liaison twice (a double click on 退回修改)',
    inState.rejectedAtSignOff,
    people.head,
    'signOff',
    { decision: 'rejected', comment: '数据需核实' },
    'alreadyDone',
    '已由 城投张总 于 05-27 09:00 退回修改',
  ],
  [
    'feedback before a plan',
    inState.acknowledged,
    people.liaison,
    'submitFeedback',
    feedback,
    'wrongState',
    '请先填报承办措施',
  ],
  [
    'feedback while under review',
    inState.underReview,
    people.liaison,
    'submitFeedback',
    feedback,
    'wrongState',
    '反馈已报送，督查室审核中',
  ],
  [
    'a plan by another enterprise',
    inState.acknowledged,
    people.otherLiaison,
    'submitPlan',
    plan,
    'notAllowed',
    '无权操作：此事项由城投承办',
  ],
  [
    'a plan by the discipline group',
    inState.acknowledged,
    people.discipline,
    'submitPlan',
    plan,
    'notAllowed',
    '纪检监察组仅可查阅，不能办理',
  ],
  [
    'feedback by another enterprise',
    inState.inProgress,
    people.otherHead,
    'submitFeedback',
    feedback,
    'notAllowed',
    '无权操作：此事项由城投承办',
  ],
  [
    'feedback by the discipline group',
    inState.inProgress,
    people.discipline,
    'submitFeedback',
    feedback,
    'notAllowed',
    '纪检监察组仅可查阅，不能办理',
  ],
  [
    'withdrawal by the liaison',
    inState.inProgress,
    people.liaison,
    'withdraw',
    { reason: 'x' },
    'notAllowed',
    '无权操作：此操作由督查室办理',
  ],
  [
    'withdrawal by another enterprise',
    inState.inProgress,
    people.otherHead,
    'withdraw',
    { reason: 'x' },
    'notAllowed',
    '无权操作：此操作由督查室办理',
  ],
  [
    'withdrawal by the discipline group',
    inState.inProgress,
    people.discipline,
    'withdraw',
    { reason: 'x' },
    'notAllowed',
    '纪检监察组仅可查阅，不能办理',
  ],
  [
    'any change to an archived notice',
    inState.archived,
    people.supervisor,
    'withdraw',
    { reason: 'x' },
    'wrongState',
    '该督办已归档，不能再修改',
  ],
];

describe('lifecycle refusals', () => {
  it.each(refusals)('%s: %s', (_name, build, actor, name, input, code, message) => {
    const transition = transitions[name] as (...args: unknown[]) => unknown;
    const outcome = transition(build(), actor, input, context);

    expect(outcome).toMatchObject({ ok: false, code, message });
  });
});

/** [case, assignment, actor, transition, input, state after, fields expected after, points] */
type Success = [
  string,
  () => Assignment,
  Actor,
  TransitionName,
  unknown,
  string,
  Record<string, unknown>,
  number[],
];

const successes: Success[] = [
  [
    'the liaison acknowledges',
    inState.issued,
    people.liaison,
    'acknowledge',
    {},
    'acknowledged',
    { acknowledgedAt: now, acknowledgedBy: { openId: people.liaison.openId, name: '城投联络员' } },
    [],
  ],
  [
    'the head acknowledges',
    inState.issued,
    people.head,
    'acknowledge',
    {},
    'acknowledged',
    { acknowledgedBy: { openId: people.head.openId, name: '城投张总' } },
    [],
  ],
  [
    'the plan is filed',
    inState.acknowledged,
    people.liaison,
    'submitPlan',
    plan,
    'in_progress',
    { plan: { ...plan, at: now, by: { openId: people.liaison.openId, name: '城投联络员' } } },
    [],
  ],
  [
    'progress is reported',
    inState.inProgress,
    people.liaison,
    'reportProgress',
    { text: '方案已报批', percent: 60, problems: '资金缺口' },
    'in_progress',
    {
      progress: [
        {
          text: '方案已报批',
          percent: 60,
          problems: '资金缺口',
          nextSteps: '',
          at: now,
          by: { openId: people.liaison.openId, name: '城投联络员' },
        },
      ],
    },
    [],
  ],
  [
    'feedback is submitted',
    inState.inProgress,
    people.liaison,
    'submitFeedback',
    { ...feedback, links: 'https://x.feishu.cn/docx/a, https://x.feishu.cn/docx/b' },
    'awaiting_signoff',
    {
      feedback: {
        result: '已完成改造方案报批。',
        completion: 'done',
        completionReason: '',
        links: ['https://x.feishu.cn/docx/a', 'https://x.feishu.cn/docx/b'],
        at: now,
        by: { openId: people.liaison.openId, name: '城投联络员' },
      },
    },
    [],
  ],
  [
    'the head approves',
    inState.awaitingSignoff,
    people.head,
    'signOff',
    { decision: 'approved' },
    'under_review',
    {
      signOffs: [
        {
          decision: 'approved',
          comment: '',
          at: now,
          by: { openId: people.head.openId, name: '城投张总' },
        },
      ],
    },
    [],
  ],
  [
    'the head returns it',
    inState.awaitingSignoff,
    people.head,
    'signOff',
    { decision: 'rejected', comment: '数据需核实' },
    'in_progress',
    {
      signOffs: [
        {
          decision: 'rejected',
          comment: '数据需核实',
          at: now,
          by: { openId: people.head.openId, name: '城投张总' },
        },
      ],
    },
    [],
  ],
  [
    'completed on time and high quality',
    inState.underReview,
    people.supervisor,
    'review',
    { decision: 'complete', onTimeHighQuality: true },
    'completed',
    { completedAt: now, completedDaysLate: 0 },
    [200],
  ],
  [
    'completed late',
    inState.underReviewLate,
    people.supervisor,
    'review',
    { decision: 'complete' },
    'completed',
    { completedDaysLate: 2 },
    [],
  ],
  [
    'completed by a leader',
    inState.underReview,
    people.leader,
    'review',
    { decision: 'complete' },
    'completed',
    {},
    [],
  ],
  [
    'returned for rework',
    inState.underReview,
    people.supervisor,
    'review',
    { decision: 'return', reason: '缺少数据' },
    'in_progress',
    {},
    [],
  ],
  [
    'marked perfunctory',
    inState.underReview,
    people.supervisor,
    'review',
    { decision: 'perfunctory', reason: '照抄往年材料' },
    'in_progress',
    {},
    [-200],
  ],
  [
    'refusal recorded',
    inState.acknowledged,
    people.supervisor,
    'recordRefusal',
    { reason: '明确表示不办理' },
    'refused',
    {
      refusal: {
        reason: '明确表示不办理',
        at: now,
        by: { openId: people.supervisor.openId, name: '王督查' },
      },
    },
    [-1000],
  ],
  [
    'withdrawn',
    inState.inProgress,
    people.supervisor,
    'withdraw',
    { reason: '重复交办' },
    'withdrawn',
    {},
    [],
  ],
  [
    'an extension requested',
    inState.inProgress,
    people.liaison,
    'requestExtension',
    { day: '2025-06-20', reason: '需协调规划部门', progress: '方案已编制' },
    'in_progress',
    {
      deadlineDay: '2025-05-28',
      extensions: [
        {
          seq: 1,
          requestedDay: '2025-06-20',
          reason: '需协调规划部门',
          progress: '方案已编制',
          requestedAt: now,
          requestedBy: { openId: people.liaison.openId, name: '城投联络员' },
          status: 'pending',
          previousDay: '2025-05-28',
        },
      ],
    },
    [],
  ],
  [
    'overdue recorded',
    inState.inProgress,
    people.system,
    'recordOverdue',
    {},
    'in_progress',
    { overdueAt: new Date(at('2025-05-28 17:30').getTime() + 1_000) },
    [-200],
  ],
  [
    'archived',
    inState.completed,
    people.supervisor,
    'archive',
    {},
    'archived',
    { archivedAt: now },
    [],
  ],
  ['archived automatically', inState.withdrawn, people.system, 'archive', {}, 'archived', {}, []],
];

describe('lifecycle transitions', () => {
  it('dates overdue, its −0.2 and its event when the deadline passed, whenever recorded', () => {
    const becameOverdue = new Date(at('2025-05-28 17:30').getTime() + 1_000);
    const outcome = transitions.recordOverdue(
      inState.inProgress(),
      people.system,
      {},
      {
        now: at('2025-06-05 10:00'),
        policy,
        calendar,
      },
    );

    expect(outcome.ok && outcome.next.overdueAt).toEqual(becameOverdue);
    expect(outcome.ok && outcome.ledger.map((entry) => entry.at)).toEqual([becameOverdue]);
    expect(outcome.ok && outcome.event.at).toEqual(becameOverdue);
  });

  it.each(successes)('%s', (_name, build, actor, name, input, state, fields, points) => {
    const before = build();
    const when = name === 'recordOverdue' ? { ...context, now: at('2025-05-29 09:00') } : context;
    const transition = transitions[name] as (...args: unknown[]) => unknown;
    const outcome = transition(before, actor, input, when) as {
      ok: true;
      next: Assignment;
      event: { from: string; to: string };
      ledger: Array<{ milliPoints: number; enterpriseId: string; year: number }>;
    };

    expect(outcome.ok).toBe(true);
    expect(outcome.next).toMatchObject({ state, version: before.version + 1, ...fields });
    expect(outcome.event).toMatchObject({ action: name, from: before.state, to: state });
    expect(outcome.ledger.map((entry) => entry.milliPoints)).toEqual(points);
    outcome.ledger.forEach((entry) =>
      expect(entry).toMatchObject({ enterpriseId: 'chengtou', year: 2025 }),
    );
  });

  it('asks the store to reverse every score entry when a notice is withdrawn', () => {
    const outcome = transitions.withdraw(
      inState.issued(),
      people.supervisor,
      { reason: '重复交办' },
      context,
    );

    expect(outcome).toMatchObject({ ok: true, reverseLedger: '撤销督办：重复交办' });
  });

  it('numbers each perfunctory judgement as its own entry', () => {
    const first = transitions.review(
      inState.underReview(),
      people.supervisor,
      { decision: 'perfunctory', reason: 'a' },
      context,
    );
    if (!first.ok) throw new Error(first.message);
    const again = { ...first.next, state: 'under_review' as const };
    const second = transitions.review(
      again,
      people.supervisor,
      { decision: 'perfunctory', reason: 'b' },
      context,
    );

    expect(first.ledger[0]?.key).toBe('2025-12:perfunctory:1');
    expect(second.ok && second.ledger[0]?.key).toBe('2025-12:perfunctory:2');
  });
});

describe('extension decisions', () => {
  const requested = () => {
    const outcome = transitions.requestExtension(
      inState.inProgress(),
      people.liaison,
      { day: '2025-06-10', reason: '需协调' },
      context,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.next;
  };

  it('a supervisor grants a routine extension and the deadline moves to the close of that day', () => {
    const outcome = transitions.decideExtension(
      requested(),
      people.supervisor,
      { approve: true },
      context,
    );

    expect(outcome).toMatchObject({
      ok: true,
      next: {
        deadlineDay: '2025-06-10',
        deadline: at('2025-06-10 17:30'),
        originalDeadlineDay: '2025-05-28',
      },
    });
    expect(outcome.ok && outcome.next.extensions[0]).toMatchObject({
      status: 'approved',
      decidedDay: '2025-06-10',
      decidedBy: { name: '王督查' },
    });
  });

  it('the decider may grant another day than the one asked for, within the cap', () => {
    const granted = transitions.decideExtension(
      requested(),
      people.supervisor,
      { approve: true, day: '2025-06-05' },
      context,
    );
    const tooLate = transitions.decideExtension(
      requested(),
      people.supervisor,
      { approve: true, day: '2025-06-30' },
      context,
    );

    expect(granted).toMatchObject({ ok: true, next: { deadlineDay: '2025-06-05' } });
    expect(tooLate).toMatchObject({
      ok: false,
      code: 'invalidInput',
      message: '延期不能晚于 2025-06-20（交办之日起最长 30 日）',
    });
  });

  it('a critical item needs a leader: a supervisor is refused, the leader decides', () => {
    const critical = { ...requested(), level: 'critical' as const };
    const bySupervisor = transitions.decideExtension(
      critical,
      people.supervisor,
      { approve: true },
      context,
    );
    const byLeader = transitions.decideExtension(
      critical,
      people.leader,
      { approve: true },
      context,
    );

    expect(bySupervisor).toMatchObject({
      ok: false,
      code: 'notAllowed',
      message: '无权审批：此延期需由局主要领导审批',
    });
    expect(byLeader).toMatchObject({ ok: true, next: { deadlineDay: '2025-06-10' } });
  });

  it('refusing needs a reason and leaves the deadline; deciding again says who decided', () => {
    const bare = transitions.decideExtension(
      requested(),
      people.supervisor,
      { approve: false },
      context,
    );
    const refused = transitions.decideExtension(
      requested(),
      people.supervisor,
      { approve: false, reason: '理由不充分' },
      context,
    );
    if (!refused.ok) throw new Error(refused.message);
    const again = transitions.decideExtension(
      refused.next,
      people.supervisor,
      { approve: true },
      context,
    );

    expect(bare).toMatchObject({ ok: false, message: '请填写不批准理由' });
    expect(refused.next).toMatchObject({
      deadlineDay: '2025-05-28',
      extensions: [{ status: 'rejected', decisionReason: '理由不充分' }],
    });
    expect(again).toMatchObject({
      ok: false,
      code: 'alreadyDone',
      message: '该延期申请已由 王督查 于 05-27 10:00 不批准',
    });
  });

  it('a second request while one is pending is refused', () => {
    const outcome = transitions.requestExtension(
      requested(),
      people.head,
      { day: '2025-06-12', reason: 'x' },
      context,
    );

    expect(outcome).toMatchObject({
      ok: false,
      code: 'alreadyDone',
      message: '已有延期申请待审批（城投联络员 05-27 10:00）',
    });
  });
});

describe('a pending extension request when the matter closes', () => {
  it.each<[string, () => Assignment, Actor, TransitionName, unknown]>([
    ['withdrawn', inState.inProgress, people.supervisor, 'withdraw', { reason: '重复交办' }],
    ['refused', inState.inProgress, people.supervisor, 'recordRefusal', { reason: '拒不办理' }],
    ['completed', inState.underReview, people.supervisor, 'review', { decision: 'complete' }],
  ])(
    'lapses when the matter is %s, so no card offers to decide it',
    (_how, build, actor, name, input) => {
      const transition = transitions[name] as (...args: unknown[]) => unknown;
      const outcome = transition(withPendingExtension(build()), actor, input, context) as {
        ok: true;
        next: Assignment;
      };

      expect(outcome.ok).toBe(true);
      expect(outcome.next.extensions).toMatchObject([{ seq: 1, status: 'lapsed', lapsedAt: now }]);
      expect(pendingExtension(outcome.next)).toBeUndefined();
      expect(outcome.next.deadlineDay).toBe('2025-05-28');
    },
  );

  it('stays pending when the matter is only returned for rework', () => {
    const outcome = transitions.review(
      withPendingExtension(inState.underReview()),
      people.supervisor,
      { decision: 'return', reason: '缺少数据' },
      context,
    );

    expect(outcome.ok && pendingExtension(outcome.next)?.seq).toBe(1);
  });
});

describe('extension days on a rest day (Civil Code art. 203)', () => {
  const requestFor = (day: string) =>
    transitions.requestExtension(
      inState.inProgress(),
      people.liaison,
      { day, reason: '需协调' },
      context,
    );

  it('grants a Saturday as the following Monday and keeps the day chosen', () => {
    const requested = requestFor('2025-06-14');
    if (!requested.ok) throw new Error(requested.message);
    const granted = transitions.decideExtension(
      requested.next,
      people.supervisor,
      { approve: true },
      context,
    );

    expect(requested.next.extensions[0]?.requestedDay).toBe('2025-06-14');
    expect(granted).toMatchObject({
      ok: true,
      next: { deadlineDay: '2025-06-16', deadline: at('2025-06-16 17:30') },
    });
    expect(granted.ok && granted.next.extensions[0]).toMatchObject({
      status: 'approved',
      decidedDay: '2025-06-16',
      chosenDay: '2025-06-14',
    });
  });

  it('refuses a day whose next working day passes the cap, naming the last day allowed', () => {
    // Issued Thu 2025-05-22: the cap is Saturday 2025-06-21.
    const late = { ...inState.inProgress(), issuedAt: at('2025-05-22 10:00') };
    const outcome = transitions.requestExtension(
      late,
      people.liaison,
      { day: '2025-06-21', reason: '需协调' },
      context,
    );

    expect(outcome).toMatchObject({
      ok: false,
      code: 'invalidInput',
      field: 'day',
      message:
        '6月21日为休息日，时限顺延至6月23日，超过最长时限 2025-06-21（交办之日起 30 日）；请选择 2025-06-20 或更早的日期',
    });
  });
});

describe('an extension set by the decider without a request (延期 <编号> <日期> <原因>)', () => {
  it('moves the deadline and records an extension asked and granted by the decider', () => {
    const outcome = transitions.grantExtension(
      inState.inProgress(),
      people.supervisor,
      { day: '2025-06-14', reason: '区领导同意延后' },
      context,
    );
    const supervisor = { openId: people.supervisor.openId, name: '王督查' };

    expect(outcome).toMatchObject({
      ok: true,
      next: { deadlineDay: '2025-06-16', deadline: at('2025-06-16 17:30'), state: 'in_progress' },
      event: { action: 'grantExtension', reason: '区领导同意延后' },
    });
    expect(outcome.ok && outcome.next.extensions).toEqual([
      {
        seq: 1,
        requestedDay: '2025-06-14',
        reason: '区领导同意延后',
        progress: '',
        requestedAt: now,
        requestedBy: supervisor,
        status: 'approved',
        direct: true,
        decidedDay: '2025-06-16',
        chosenDay: '2025-06-14',
        decisionReason: '区领导同意延后',
        decidedAt: now,
        decidedBy: supervisor,
        previousDay: '2025-05-28',
      },
    ]);
  });

  it.each<[string, () => Assignment, Actor, unknown, string, string]>([
    [
      'without a reason',
      inState.inProgress,
      people.supervisor,
      { day: '2025-06-10' },
      'invalidInput',
      '没有待审批的延期申请。如需直接延长时限，请在日期后写明原因',
    ],
    [
      'past the cap',
      inState.inProgress,
      people.supervisor,
      { day: '2025-06-21', reason: 'x' },
      'invalidInput',
      '延期不能晚于 2025-06-20（交办之日起最长 30 日）',
    ],
    [
      'for a critical matter by a supervisor',
      () => ({ ...inState.inProgress(), level: 'critical' as const }),
      people.supervisor,
      { day: '2025-06-10', reason: 'x' },
      'notAllowed',
      '无权审批：此延期需由局主要领导审批',
    ],
    [
      'by the discipline group',
      inState.inProgress,
      people.discipline,
      { day: '2025-06-10', reason: 'x' },
      'notAllowed',
      '纪检监察组仅可查阅，不能办理',
    ],
    [
      'of a completed matter',
      inState.completed,
      people.supervisor,
      { day: '2025-06-10', reason: 'x' },
      'wrongState',
      '该督办已办结',
    ],
    [
      'while a request is pending',
      () => withPendingExtension(inState.inProgress()),
      people.supervisor,
      { day: '2025-06-12', reason: 'x' },
      'wrongState',
      '已有延期申请待审批（城投联络员 05-21 16:00），请先审批该申请',
    ],
  ])('is refused %s', (_case, build, actor, input, code, message) => {
    const outcome = transitions.grantExtension(build(), actor, input as never, context);

    expect(outcome).toMatchObject({ ok: false, code, message });
  });

  it('typed twice, says who set that day and when', () => {
    const first = transitions.grantExtension(
      inState.inProgress(),
      people.supervisor,
      { day: '2025-06-10', reason: '区领导同意延后' },
      context,
    );
    if (!first.ok) throw new Error(first.message);
    const again = transitions.grantExtension(
      first.next,
      people.leader,
      { day: '2025-06-10', reason: '区领导同意延后' },
      context,
    );

    expect(again).toMatchObject({
      ok: false,
      code: 'alreadyDone',
      message: '时限已由 王督查 于 05-27 10:00 延至 2025-06-10',
    });
  });
});
