import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment.js';
import { addDays } from '../../../src/domain/dates.js';
import { deadlineCap, subtractWorkingDays } from '../../../src/domain/deadlines.js';
import {
  buttonLabels,
  buttonsOf,
  cardText,
  fieldsOf,
  textBeside,
} from '../../support/card-inspect.js';
import {
  cardOf,
  clickAs,
  copyHeldBy,
  issueNotice,
  stored,
  transitionsOf,
  valueFor,
} from '../../support/enterprise-bot.js';
import { people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';

const bot = useTestBot();

function planInput(a: Assignment, overrides: Record<string, unknown> = {}) {
  return {
    leader: people.head.openId,
    department: '工程管理部',
    owner: people.liaison.openId,
    measures: '成立专班，倒排工期。',
    plannedDay: `${a.deadlineDay} +0800`,
    ...overrides,
  };
}

async function acknowledged(): Promise<Assignment> {
  const a = await issueNotice(bot);
  await clickAs(bot, people.liaison, valueFor(a, 'acknowledge'));

  return stored(a.id);
}

async function inProgress(): Promise<Assignment> {
  const a = await acknowledged();
  await clickAs(bot, people.liaison, valueFor(a, 'submitPlan'), { formValue: planInput(a) });

  return stored(a.id);
}

async function submitted(): Promise<Assignment> {
  const a = await inProgress();
  const formValue = { result: '已完成改造方案报批。', completion: 'done' };
  await clickAs(bot, people.liaison, valueFor(a, 'submitFeedback'), { formValue });

  return stored(a.id);
}

describe('the plan form', () => {
  it('opens from 填报承办措施 with its fields', async () => {
    const a = await acknowledged();

    const answer = await clickAs(bot, people.liaison, valueFor(a, 'openPlanForm'));

    expect(answer.card?.header?.title.content).toBe('填报承办措施');
    expect([...fieldsOf(answer.card!).keys()]).toEqual([
      'leader',
      'department',
      'owner',
      'measures',
      'plannedDay',
    ]);
  });

  it('goes back to the notice on 取消', async () => {
    const a = await acknowledged();
    const form = await clickAs(bot, people.liaison, valueFor(a, 'openPlanForm'));
    const cancel = buttonsOf(form.card!).find((b) => b.label === '取消');

    const answer = await clickAs(bot, people.liaison, cancel!.value);

    expect(answer.card?.header?.title.content).toBe('督办通知单');
    expect(buttonLabels(answer.card!)).toEqual(['填报承办措施', '申请延期']);
  });

  it.each([
    ['a missing field', { department: '' }, 'department', '请填写责任部门'],
    [
      'a day that does not exist',
      { plannedDay: '2025-02-30' },
      'plannedDay',
      '「2025-02-30」不是有效日期，请重新选择',
    ],
    ['a day past the deadline', {}, 'plannedDay', '计划完成日期不能晚于时限'],
  ])(
    'comes back with the reason beside the field for %s, and stores nothing',
    async (_case, change, field, reason) => {
      const a = await acknowledged();
      const late =
        field === 'plannedDay' && !('plannedDay' in change)
          ? { plannedDay: addDays(a.deadlineDay, 1) }
          : {};
      const formValue = planInput(a, { ...change, ...late });

      const answer = await clickAs(bot, people.liaison, valueFor(a, 'submitPlan'), { formValue });

      expect(answer.toast?.content).toContain(reason);
      expect(answer.card?.header?.title.content).toBe('填报承办措施');
      expect(textBeside(answer.card!, field)).toContain(reason);
      expect(fieldsOf(answer.card!).get('measures')?.default_value).toBe('成立专班，倒排工期。');
      expect((await stored(a.id)).state).toBe('acknowledged');
      expect(await transitionsOf(a.id)).toEqual(['issue', 'acknowledge']);
    },
  );
});

describe('the enterprise flow', () => {
  it('goes acknowledge → plan → progress → feedback → head approves', async () => {
    const a = await acknowledged();

    const plan = await clickAs(bot, people.liaison, valueFor(a, 'submitPlan'), {
      formValue: planInput(a),
    });
    expect(plan.toast?.content).toBe('承办措施已提交');
    expect(cardText(plan.card!)).toContain('责任领导 城投张总 · 工程管理部 · 责任人 城投联络员');
    const planned = await stored(a.id);
    expect(planned.plan).toMatchObject({ department: '工程管理部', plannedDay: a.deadlineDay });

    const progress = await clickAs(bot, people.liaison, valueFor(planned, 'reportProgress'), {
      formValue: { text: '方案已编制', percent: '60%' },
    });
    expect(progress.toast?.content).toBe('进展已报送');
    const reported = await stored(a.id);
    expect(reported.progress.map((p) => p.percent)).toEqual([60]);

    const feedback = await clickAs(bot, people.liaison, valueFor(reported, 'submitFeedback'), {
      formValue: {
        result: '已完成改造方案报批。',
        completion: 'done',
        links: 'https://example.feishu.cn/docx/abc',
      },
    });
    expect(feedback.toast?.content).toBe('已提交第一责任人审签');
    expect(cardText(feedback.card!)).toContain('待第一责任人审签');
    expect(buttonLabels(feedback.card!)).toEqual([]);

    const signOffCopy = await pollUntil(
      async () =>
        bot.fake
          .messagesTo(people.head.openId)
          .find((m) => cardOf(m).header?.title.content === '督办反馈审签'),
      Boolean,
    );
    const signOffCard = cardOf(signOffCopy!);
    expect(cardText(signOffCard)).toContain('已完成改造方案报批。');
    const [approve] = buttonsOf(signOffCard);
    expect(approve?.label).toBe('同意报送');

    const approved = await clickAs(bot, people.head, approve!.value, { on: signOffCopy });
    expect(approved.toast?.content).toBe('已同意报送督查室');
    expect(approved.card?.header?.title.content).toBe('督办反馈审签');
    expect(cardText(approved.card!)).toContain('已同意报送督查室（城投张总');
    expect((await stored(a.id)).state).toBe('under_review');
    expect(await transitionsOf(a.id)).toEqual([
      'issue',
      'acknowledge',
      'submitPlan',
      'reportProgress',
      'submitFeedback',
      'signOff',
    ]);
    const liaisonCopy = await pollUntil(
      async () => cardText(cardOf(copyHeldBy(bot, people.liaison.openId, a))),
      (text) => text.includes('督查室审核中'),
    );
    expect(liaisonCopy).toContain('督查室审核中');
  });

  it('lets the head send the result back with a comment, and tells the liaison', async () => {
    const a = await submitted();

    const form = await clickAs(bot, people.head, valueFor(a, 'openSignOffReturnForm'));
    expect(form.card?.header?.title.content).toBe('退回修改');
    const empty = await clickAs(bot, people.head, valueFor(a, 'returnSignOff'), {
      formValue: { comment: ' ' },
    });
    expect(empty.toast?.content).toBe('请填写退回意见');
    expect(empty.card?.header?.title.content).toBe('退回修改');
    expect((await stored(a.id)).state).toBe('awaiting_signoff');

    const returned = await clickAs(bot, people.head, valueFor(a, 'returnSignOff'), {
      formValue: { comment: '请补充资金到位情况' },
    });
    expect(returned.toast?.content).toBe('已退回修改');
    expect((await stored(a.id)).state).toBe('in_progress');
    const told = await pollUntil(
      async () => bot.fake.messagesTo(people.liaison.openId).map((m) => cardText(cardOf(m))),
      (texts) => texts.some((t) => t.includes('反馈被退回修改')),
    );
    expect(told.find((t) => t.includes('反馈被退回修改'))).toContain('请补充资金到位情况');
  });

  it('refuses a feedback that is partial without a reason, keeping the result typed', async () => {
    const a = await inProgress();

    const answer = await clickAs(bot, people.liaison, valueFor(a, 'submitFeedback'), {
      formValue: { result: '部分完成', completion: 'partial' },
    });

    expect(answer.toast?.content).toBe('部分完成或无法完成时，请说明原因');
    expect(fieldsOf(answer.card!).get('result')?.default_value).toBe('部分完成');
    expect((await stored(a.id)).state).toBe('in_progress');
  });
});

describe('an extension request', () => {
  it('past the cap is refused on the form; within it, it is stored and the enterprise told', async () => {
    const a = await issueNotice(bot);
    const cap = deadlineCap(a.issuedAt, a.level, a.originalDeadlineDay, bot.context.policy);

    const form = await clickAs(bot, people.liaison, valueFor(a, 'openExtensionForm'));
    expect(cardText(form.card!)).toContain(`最晚可延至 ${cap}（交办之日起 30 日）`);

    const tooLate = await clickAs(bot, people.liaison, valueFor(a, 'requestExtension'), {
      formValue: { day: `${addDays(cap, 1)} +0800`, reason: '需协调征收' },
    });
    expect(tooLate.toast?.content).toBe(`延期不能晚于 ${cap}（交办之日起最长 30 日）`);
    expect(tooLate.card?.header?.title.content).toBe('申请延期');
    expect((await stored(a.id)).extensions).toEqual([]);

    // The cap itself may be a rest day, whose next working day would pass it.
    const { calendar } = bot.context;
    const lastDay = calendar.isWorkingDay(cap) ? cap : subtractWorkingDays(cap, 1, calendar);
    const asked = await clickAs(bot, people.liaison, valueFor(a, 'requestExtension'), {
      formValue: { day: `${lastDay} +0800`, reason: '需协调征收' },
    });
    expect(asked.toast?.content).toBe('延期申请已提交');
    expect(cardText(asked.card!)).toContain(`申请延至 ${lastDay}，待审批`);
    expect((await stored(a.id)).extensions).toMatchObject([
      { requestedDay: lastDay, status: 'pending' },
    ]);
    const told = await pollUntil(
      async () => bot.fake.messagesTo(people.head.openId).map((m) => cardText(cardOf(m))),
      (texts) => texts.some((t) => t.includes('延期申请已提交')),
    );
    expect(told.find((t) => t.includes('延期申请已提交'))).toContain('待督查室审批');
  });
});
